/**
 * CSV rendering of the demo rows. Shared by the CLI (which writes the files)
 * and the tests (which compare the committed files with a fresh generation).
 * Format: UTF-8, comma separated, dot decimal, LF line ends with a final LF,
 * fields quoted only when they contain a comma, quote or line break.
 */
import { indicatorDecimals, type Catalog } from './catalog';
import { INDICATOR_KEY_COLUMNS, type DemoData, type IndicatorId } from './types';

/** One CSV field: numbers as given, text quoted only when it must be. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Format a number with fixed decimals; `-0` never appears. */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
  const text = decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

function toCsv(header: readonly string[], lines: readonly string[][]): string {
  return [header, ...lines].map((fields) => fields.join(',')).join('\n') + '\n';
}

/** The three CSV files, keyed by file name (inside `data/demo/`). */
export type DemoFiles = Record<'indikator.csv' | 'program.csv' | 'lokasi_program.csv', string>;

/** Render every demo CSV file from generated rows, with columns in catalog order. */
export function renderDemoFiles(data: DemoData, cat: Catalog): DemoFiles {
  const indicatorHeader = [...INDICATOR_KEY_COLUMNS, ...cat.indicators.map((i) => i.id)];
  const indicatorLines = data.indicators.map((row) => [
    csvField(row.kode),
    csvField(row.kelurahan),
    csvField(row.kode_kecamatan),
    csvField(row.kecamatan),
    csvField(row.kode_kota),
    String(row.tahun),
    ...cat.indicators.map((ind) => fixed(row[ind.id as IndicatorId], indicatorDecimals(ind))),
  ]);
  const programLines = data.programs.map((r) => [csvField(r.kode), String(r.tahun), csvField(r.program), fixed(r.penerima, 0), fixed(r.sasaran, 0)]);
  const siteLines = data.sites.map((s) => [csvField(s.id), csvField(s.program), csvField(s.nama), csvField(s.kode), fixed(s.lat, 6), fixed(s.lon, 6), String(s.tahun)]);
  return {
    'indikator.csv': toCsv(indicatorHeader, indicatorLines),
    'program.csv': toCsv(['kode', 'tahun', 'program', 'penerima', 'sasaran'], programLines),
    'lokasi_program.csv': toCsv(['id', 'program', 'nama', 'kode', 'lat', 'lon', 'tahun'], siteLines),
  };
}
