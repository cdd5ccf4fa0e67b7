/**
 * Finding the header row of a table made for people: office spreadsheets often open with a
 * title ("Data RTLH Kota Surakarta Tahun 2024"), a subtitle and blank rows before the column
 * names. And making the names usable as SQL columns: trimmed, unique, none blank.
 */
import { isEmptyCell, parseNumber, trimSpaces } from './numbers';

/** Rows looked at when searching for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** A row of cells and its 1-based row number in the file or sheet. */
export interface NumberedRow {
  cells: string[];
  row: number;
}

/** Number of cells holding something (spaces only counts as blank). */
export function filledCount(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) if (trimSpaces(cell) !== '') n++;
  return n;
}

/**
 * Index (into `rows`) of the header: the first row filled across most of the table's width,
 * where the width is the most common number of filled cells among rows with two or more (ties
 * to the wider). Rows much shorter than that (titles, subtitles) and blank rows are skipped, and
 * a row that is mostly numbers is passed over in favour of a later one with names, if any.
 * Returns -1 when every row is blank.
 */
export function findHeaderRow(rows: readonly NumberedRow[]): number {
  const filled = rows.map((r) => filledCount(r.cells));
  const tally = new Map<number, number>();
  for (const n of filled) if (n >= 2) tally.set(n, (tally.get(n) ?? 0) + 1);
  let width = 1;
  let best = 0;
  for (const [n, count] of tally) if (count > best || (count === best && n > width)) [width, best] = [n, count];
  const wideEnough = Math.max(1, Math.ceil(width * 0.6));
  let firstWide = -1;
  for (let i = 0; i < rows.length; i++) {
    if (filled[i] < wideEnough) continue;
    if (firstWide < 0) firstWide = i;
    if (!mostlyNumbers(rows[i].cells)) return i;
  }
  if (firstWide >= 0) return firstWide;
  return filled.findIndex((n) => n > 0);
}

function mostlyNumbers(cells: readonly string[]): boolean {
  let numbers = 0;
  let filled = 0;
  for (const cell of cells) {
    if (isEmptyCell(cell)) continue;
    filled++;
    if (typeof parseNumber(cell, null) === 'number' || typeof parseNumber(cell, 'en') === 'number') numbers++;
  }
  return numbers * 2 > filled;
}

/** Index one past the last cell holding something. */
export function filledWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (trimSpaces(cells[i]) !== '') return i + 1;
  return 0;
}

/**
 * Column names from header cells: trimmed (inner runs of whitespace and line breaks become one
 * space), blank ones named `kolom_N` (N = 1-based column), repeats suffixed `_2`, `_3`, ...
 * Names are compared case-insensitively because SQL identifiers are.
 */
export function headerNames(cells: readonly string[], width: number): string[] {
  const base: string[] = [];
  for (let i = 0; i < width; i++) {
    const name = trimSpaces(cells[i] ?? '').replace(/\s+/g, ' ');
    base.push(name === '' ? `kolom_${i + 1}` : name);
  }
  const taken = new Set(base.map((n) => n.toLowerCase()));
  const seen = new Set<string>();
  return base.map((name) => {
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      return name;
    }
    let k = 2;
    while (taken.has(`${key}_${k}`)) k++;
    const unique = `${name}_${k}`;
    taken.add(`${key}_${k}`);
    return unique;
  });
}
