/**
 * Tables as CSV files that open right in a spreadsheet: for Indonesian Excel (`id`) cells are
 * separated by `;` and decimals written with a comma (its regional settings read `,` as the
 * decimal mark and `;` as the list separator); for English (`en`) by `,` with a decimal point.
 * Both get a UTF-8 byte-order mark (else Excel reads the file as Windows-1252), CRLF line ends,
 * and text that would run as a formula neutralised by csvCell's rule.
 */
import type { Lang } from './catalog';
import { csvExportCell } from './export-cells';

export type TableCell = string | number | null;

const BOM = '\ufeff';

/**
 * A number without thousands separators (so no spreadsheet can misread 1.234 as 1,234) and
 * without exponent, up to 15 decimals, with the decimal mark of `lang`.
 */
export function csvNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '';
  const text = (value === 0 ? 0 : value).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 15 });
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** One cell: numbers in `lang`'s form, text neutralised, quoted when it holds the separator, a quote or a line break. */
export function exportCell(value: TableCell, lang: Lang): string {
  const separator = lang === 'id' ? ';' : ',';
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value, lang);
  return csvExportCell(value, separator);
}

/** The rows (the first is usually the header) as CSV text with its BOM, for `lang`'s Excel. */
export function toCsv(rows: TableCell[][], options: { lang: Lang }): string {
  const separator = options.lang === 'id' ? ';' : ',';
  return BOM + rows.map((row) => row.map((cell) => exportCell(cell, options.lang)).join(separator)).join('\r\n') + '\r\n';
}
