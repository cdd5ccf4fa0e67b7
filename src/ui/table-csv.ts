/**
 * The table tab's CSV, as an official expects to read it (issue 15): values rounded by their unit
 * (counts whole, rates, areas and scores to two decimals) instead of sixteen digits; a rate with
 * the count and denominator it was computed from; the rows shown after a search, with a line that
 * says so; a total row of what adds up (and a rate's rate of the sums); and notes on source, year and synthetic data in words, not commands.
 */
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import { toCsv, totalRow, type TableCell } from '../data/export-table';
import { exportDecimals, roundTo } from '../data/export-round';
import type { AnalysisColumns } from './analysis-columns';

/** One kelurahan row of the table, with its count and denominator when the indicator has them. */
export interface TableCsvRow {
  kode: string;
  kelurahan: string;
  kecamatan: string;
  value: number | null;
  rank: number | null;
  count?: number | null;
  denominator?: number | null;
}

/** Already translated headings and notes: this module only lays out and rounds. */
export interface TableCsvText {
  kode: string;
  kelurahan: string;
  kecamatan: string;
  /** The value column, e.g. "Penduduk miskin (%)". */
  value: string;
  rank: string;
  /** Count and denominator columns, e.g. "Penduduk miskin (jiwa)", "Penduduk (jiwa)". */
  count: string;
  denominator: string;
  /** The note line when a search filtered the rows, e.g. "Disaring: 'laweyan'" (null: all rows). */
  filtered: string | null;
  /** The total row's label, e.g. "Jumlah (54 kelurahan)" (null: no total row). */
  total?: string | null;
  notes: TableCell[][];
}

/** A count as exported: whole, and "<N" when household counts below N are suppressed (as on screen). */
function countCell(value: number | null | undefined, suppressBelow: number | undefined): TableCell {
  const n = roundTo(value, 0);
  if (n !== null && suppressBelow && n > 0 && n < suppressBelow) return `<${suppressBelow}`;
  return n;
}

/**
 * The CSV text (with BOM) of `rows` in the order given: the filter line first when a search
 * narrowed them, then the header and rows, a total row of the rows written, then the notes. Count and denominator columns appear
 * when `withParts` (the indicator is a rate of a count over a denominator).
 */
export function tableCsv(
  rows: TableCsvRow[],
  options: { indicator: IndicatorDef; measure: Measure; lang: Lang; withParts: boolean; text: TableCsvText; change?: boolean; analysis?: AnalysisColumns | null },
): string {
  const { indicator, measure, withParts, text } = options;
  const decimals = exportDecimals(indicator, measure);
  const suppress = indicator.suppressBelow;
  const valueCell = (v: number | null): TableCell => (decimals === 0 ? countCell(v, suppress) : roundTo(v, decimals));
  // The analysis on the map (its category and profile statistics), last so the total row's columns stay put.
  const analysis = options.analysis ?? null;
  const blank = (analysis?.headings ?? []).map((): TableCell => null);
  const header: TableCell[] = [
    text.kode,
    text.kelurahan,
    text.kecamatan,
    text.value,
    ...(withParts ? [text.count, text.denominator] : []),
    text.rank,
    ...(analysis?.headings ?? []),
  ];
  const body = rows.map((r): TableCell[] => [
    r.kode,
    r.kelurahan,
    r.kecamatan,
    valueCell(r.value),
    ...(withParts ? [countCell(r.count, suppress), roundTo(r.denominator, 2)] : []),
    r.rank,
    ...(analysis ? (analysis.cells.get(r.kode) ?? blank) : []),
  ]);
  const filter: TableCell[][] = text.filtered ? [[text.filtered], []] : [];
  const sums = summedColumns(indicator, measure, withParts);
  const total = text.total && sums.length ? [totalRow(body, { label: text.total, labelColumn: 1, sumColumns: sums })] : [];
  if (total.length && measure === 'rasio' && withParts && !options.change) total[0][3] = roundTo(rateOfTotal(rows), decimals);
  return toCsv([...filter, header, ...body, ...total, [], ...text.notes], { lang: options.lang });
}

/**
 * The rate of the rows taken together, as the legend's city value: each kelurahan's rate weighted
 * by its denominator, which is the summed count over the summed denominator (rate = count x per /
 * denominator) without needing `per`. Only kelurahan with both a rate and a denominator count, so
 * a kelurahan without data does not dilute it. Null when none has both.
 */
function rateOfTotal(rows: TableCsvRow[]): number | null {
  let weighted = 0;
  let denominators = 0;
  for (const r of rows) {
    if (r.value === null || !Number.isFinite(r.value) || typeof r.denominator !== 'number' || !(r.denominator > 0)) continue;
    weighted += r.value * r.denominator;
    denominators += r.denominator;
  }
  return denominators > 0 ? weighted / denominators : null;
}

/**
 * Columns that add up to a meaningful total, as the RTLH Excel file's total row (issue 15): the
 * value when it is a count or an area, the count and denominator of a rate (the rate itself is
 * the rate of the sums, never a sum of rates; a score has none). None for counts from household records whose small values are hidden as "<N": a total
 * of the rows of a search would let the hidden ones be worked out.
 */
function summedColumns(indicator: IndicatorDef, measure: Measure, withParts: boolean): number[] {
  if (indicator.suppressBelow) return [];
  const value = measure === 'jumlah' && (indicator.kind === 'area' || exportDecimals(indicator, measure) === 0) ? [3] : [];
  return [...value, ...(withParts ? [4, 5] : [])];
}
