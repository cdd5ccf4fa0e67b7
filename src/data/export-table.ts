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

/** Where a total row puts its label and which columns it sums (the same shape as an Excel sheet's total). */
export interface TotalColumns {
  label: string;
  labelColumn: number;
  sumColumns: number[];
}

/**
 * The total row of `body` (the data rows, without header) for a CSV: the label in its column and
 * the sum of each summed column, as the Excel file's SUM row shows it (issue 15: "totals in Excel",
 * and the CSV of the same list had none). Sums are rounded to six places, so float noise never shows.
 */
export function totalRow(body: TableCell[][], total: TotalColumns): TableCell[] {
  const last = Math.max(total.labelColumn, ...total.sumColumns);
  const row: TableCell[] = Array.from({ length: last + 1 }, () => null);
  row[total.labelColumn] = total.label;
  for (const c of total.sumColumns) {
    const sum = body.reduce((acc, cells) => {
      const v = cells[c];
      return typeof v === 'number' && Number.isFinite(v) ? acc + v : acc;
    }, 0);
    const rounded = Math.round(sum * 1e6) / 1e6;
    row[c] = rounded === 0 ? 0 : rounded;
  }
  return row;
}
