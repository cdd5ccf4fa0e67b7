/**
 * The RTLH target list as a file for the housing office: one row per kelurahan with its
 * allocation and reasons, then the parameters used, the data sources and the date. CSV in the
 * form Indonesian Excel reads, or a real .xlsx with numbers as numbers.
 */
import { toCsv, totalRow, type TableCell, type TotalColumns } from '../data/export-table';
import { FRACTION_DECIMALS, roundTo } from '../data/export-round';
import { writeXlsx, type XlsxSheet } from '../data/xlsx-writer';
import { findIndicator, type City } from '../data/catalog';
import type { TargetingState } from '../state/targeting.svelte';
import { reasonText, type ReasonWords } from './targeting-reasons';

/** What the target list's file reads: the targeting state's list and settings, the region and year. */
export interface TargetingExportSource extends ReasonWords {
  readonly targeting: Pick<
    TargetingState,
    | 'allocation'
    | 'ranked'
    | 'include'
    | 'keep'
    | 'exclude'
    | 'reasonsOf'
    | 'by'
    | 'options'
    | 'repairYears'
    | 'kecamatan'
    | 'minUnits'
    | 'budgetMode'
    | 'units'
    | 'money'
    | 'costPerUnit'
    | 'unitsIndicator'
    | 'householdsIndicator'
  >;
  readonly city: Pick<City, 'nama' | 'kode' | 'slug' | 'source'>;
  readonly tahun: number;
}

function tables(app: TargetingExportSource): { list: TableCell[][]; parameters: TableCell[][] } {
  const t = app.targeting;
  const allocation = t.allocation;
  const byKode = new Map(t.ranked.map((r) => [r.kode, r]));
  // Which rows the user pinned, so a reader of the file sees why they stay beyond the budget.
  const pinned = (kode: string) => (t.include.has(kode) ? app.t('targeting.export.pinnedAdded') : t.keep.has(kode) ? app.t('targeting.export.pinnedKept') : '');
  const reasons = (kode: string) =>
    t
      .reasonsOf(kode)
      .map((r) => reasonText(app, r))
      .join('; ');
  // Counts whole, rates and shares to two decimals: the rule of every export (src/data/export-round.ts).
  const count = (v: number | null | undefined) => roundTo(v, 0);
  const rate = (v: number | null | undefined) => roundTo(v, FRACTION_DECIMALS);
  const list: TableCell[][] = [
    (['no', 'rank', 'kode', 'kelurahan', 'kecamatan', 'rtlh', 'remaining', 'per100', 'perKm2', 'units', 'cost', 'pinned', 'reasons'] as const).map((k) =>
      app.t(`targeting.export.${k}`),
    ),
    ...allocation.lines.map((line, i) => {
      const row = byKode.get(line.kode);
      return [
        i + 1,
        line.rank,
        line.kode,
        line.nama,
        line.kecamatan,
        count(row?.units),
        count(line.remaining),
        rate(row?.per100),
        rate(row?.perKm2),
        count(line.units),
        count(line.cost),
        pinned(line.kode),
        reasons(line.kode),
      ];
    }),
  ];
  const label = (id: string) => findIndicator(id)?.label[app.lang] ?? id;
  const source = (id: string) => findIndicator(id)?.source[app.lang] ?? '';
  const parameters: TableCell[][] = [
    [app.t('targeting.export.parameter'), app.t('targeting.export.value')],
    [app.t('targeting.export.region'), `${app.city.nama} (${app.city.kode})`],
    [app.t('targeting.export.year'), app.tahun],
    [app.t('targeting.export.rankBy'), app.t(`targeting.ui.by.${t.by}`)],
    [app.t('targeting.export.notYetCovered'), t.options.notYetCovered && t.repairYears ? yearRange(t.repairYears) : app.t('targeting.export.no')],
    [app.t('targeting.export.kecamatan'), t.kecamatan.length ? t.kecamatan.join(', ') : app.t('targeting.ui.all')],
    [app.t('targeting.export.minUnits'), t.minUnits],
    [app.t('targeting.export.budget'), t.budgetMode === 'units' ? t.units : t.money],
    ...(t.budgetMode === 'money' ? [[app.t('targeting.export.costPerUnit'), t.costPerUnit] as TableCell[]] : []),
    [app.t('targeting.export.allocated'), allocation.totals.units],
    [app.t('targeting.export.share'), allocation.totals.shareOfCity === null ? null : rate(allocation.totals.shareOfCity * 100)],
    [app.t('targeting.export.uncovered'), allocation.totals.uncoveredCity],
    [app.t('targeting.export.shortfallUnits'), allocation.shortfall?.units ?? 0],
    ...(t.budgetMode === 'money' ? [[app.t('targeting.export.shortfallMoney'), allocation.shortfall?.money ?? 0] as TableCell[]] : []),
    [app.t('targeting.export.included'), [...t.include, ...t.keep.keys()].join(', ')],
    [app.t('targeting.export.excluded'), [...t.exclude].join(', ')],
    [app.t('targeting.export.sourceUnits'), `${label(t.unitsIndicator)}: ${source(t.unitsIndicator)}`],
    [app.t('targeting.export.sourceHouseholds'), `${label(t.householdsIndicator)}: ${source(t.householdsIndicator)}`],
    ...(app.city.source ? [] : [[app.t('synthetic.badge'), app.t('synthetic.explain')] as TableCell[]]),
    [app.t('table.boundaries'), app.t('attribution.boundaries')],
    [app.t('targeting.export.date'), new Date().toISOString().slice(0, 10)],
  ];
  return { list, parameters };
}

const yearRange = (years: { from: number; to: number }) => (years.from === years.to ? String(years.from) : `${years.from}–${years.to}`);

/** The file for `format`: text for CSV, bytes for Excel, and its name. */
export function targetingExport(app: TargetingExportSource, format: 'csv' | 'xlsx'): { name: string; text?: string; bytes?: Uint8Array } {
  const { list, parameters } = tables(app);
  const name = `sasaran-rtlh-${app.city.slug}-${app.tahun}`;
  const total = listTotal(app, list.length - 1);
  if (format === 'csv') return { name: `${name}.csv`, text: toCsv([...list, totalRow(list.slice(1), total), [], ...parameters], { lang: app.lang }) };
  const sheets: XlsxSheet[] = [
    { name: app.t('targeting.export.sheetList'), rows: list, columnWidths: [5, 8, 15, 20, 18, 8, 8, 10, 10, 10, 14, 16, 80], total },
    { name: app.t('targeting.export.sheetParameters'), rows: parameters, columnWidths: [36, 80] },
  ];
  return { name: `${name}.xlsx`, bytes: writeXlsx(sheets) };
}

/**
 * The list's total row, the same in the CSV and in Excel (a bold SUM row there), under the
 * kelurahan column: RTLH units, units still to repair, units allocated and their cost in rupiah
 * (never the rates, which do not add up).
 */
function listTotal(app: ReasonWords, kelurahan: number): TotalColumns {
  return { label: app.t('export.total', { n: kelurahan }), labelColumn: 3, sumColumns: [5, 6, 9, 10] };
}
