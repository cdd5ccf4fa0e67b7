/**
 * Cells of every CSV or Excel file the app writes, made safe to open. Names and values come
 * from the user's files, which may hold text a spreadsheet would run as a formula (CSV
 * injection: `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`, or a leading tab or carriage return
 * that Excel strips before evaluating). Such text gets a leading apostrophe, which spreadsheets
 * show as text and never evaluate; plain numbers, negative ones included, are left alone.
 */

/** Characters that make a spreadsheet treat a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number as people write it: optional sign, digits with optional thousands separators
 * (1.234.567 or 1,234,567), optional decimals with a point or comma, optional exponent.
 * `-5`, `-1.234,5`, `+12`, `-2.5e-3` are numbers; `-2+3`, `-A1`, `=1` are not.
 */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:([.,])\d{3}(?:\1\d{3})*|\d*))(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/;

/** Whether `text` is a plain number a spreadsheet reads as a number, never as a formula. */
export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

/**
 * The cell's text, neutralised: text starting with = + - @ tab or CR gets a leading apostrophe
 * unless it is a plain number (so -5 stays -5). For CSV, Excel and any other tabular export.
 */
export function neutraliseCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) && !isPlainNumber(value) ? `'${value}` : value;
}

/**
 * One CSV cell: neutralised, then quoted (RFC 4180) when it holds the delimiter, a quote or a
 * line break. `delimiter` is ';' for files meant for Indonesian Excel (the comma is its
 * decimal mark), ',' otherwise.
 */
export function csvExportCell(value: string | number | null | undefined, delimiter = ','): string {
  const text = neutraliseCell(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of cells (no line end), each through {@link csvExportCell}. */
export function csvExportLine(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return cells.map((cell) => csvExportCell(cell, delimiter)).join(delimiter);
}
