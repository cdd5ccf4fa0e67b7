/**
 * Numbers and yes/no values as people type them in Indonesian spreadsheets, parsed the same way
 * in TypeScript (to profile columns in the import worker) and in DuckDB SQL (to type the
 * normalised CSV, whose cells keep their text as written). The two must agree cell for cell; a
 * test runs both over a corpus of tricky cells.
 *
 * Rules, in order:
 * 1. All whitespace is removed (spaces, tabs, no-break spaces U+00A0, U+2007, U+202F): "1 234"
 *    and "1 234,5" are thousands groups as some exports write them.
 * 2. One leading apostrophe is dropped (Excel's "keep as text" mark).
 * 3. What is left, lower-cased, being one of EMPTY_TOKENS means "no value" (null).
 * 4. A number is `[+-]BODY[%]` or `(BODY[%])` (accountants' negative). In format `id` (and when the
 *    format is unknown, null) BODY is `1.234.567`, `1234`, `1.234,5`, `0,5` or `,5`; in `en` it is
 *    `1,234,567`, `1234`, `1,234.5`, `0.5` or `.5`. Thousands groups have exactly three digits and
 *    a first group of one to three digits. A percent sign is dropped: `12,5%` is 12.5.
 * 5. Anything else is invalid (undefined in TypeScript, NULL in SQL).
 */
import type { NumberFormat } from './types';
import { sqlLiteral } from '../sql';

/** Cells meaning "no value" (compared after rule 1-2, lower-cased). `…` is the ellipsis U+2026. */
export const EMPTY_TOKENS: readonly string[] = ['', '-', '–', 'n/a', 'na', '#n/a', 'null', '…', '...'];
/** Words read as true / false (lower-cased, trimmed; inner spaces count, so "tidak ada" is one word). */
export const TRUE_WORDS: readonly string[] = ['ya', 'y', 'ada', 'benar', 'true', '1', 'yes'];
export const FALSE_WORDS: readonly string[] = ['tidak', 't', 'tidak ada', 'salah', 'false', '0', 'no'];

const emptySet = new Set(EMPTY_TOKENS);
const LONGEST_EMPTY_TOKEN = Math.max(...EMPTY_TOKENS.map((t) => t.length));
const trueSet = new Set(TRUE_WORDS);
const falseSet = new Set(FALSE_WORDS);

/** The whitespace rule 1 removes (tab, LF, VT, FF, CR, space, U+00A0, U+2007, U+202F). */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2007 || c === 0x202f;
}
/** The same set as an RE2 character class, for SQL. */
const SQL_SPACE_CLASS = '[ \\t\\n\\r\\f\\v\\x{00A0}\\x{2007}\\x{202F}]';

/** Rules 1-2: the cell without whitespace and without one leading apostrophe. */
export function compactCell(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  out = start === 0 ? text : out + text.slice(start);
  return out.charCodeAt(0) === 0x27 ? out.slice(1) : out;
}

/** True when the cell means "no value": empty, `-`, `n/a`, `NA`, `#N/A`, `null`, `…`. */
export function isEmptyCell(text: string): boolean {
  if (text.length === 0) return true;
  const cell = compactCell(text);
  return cell.length <= LONGEST_EMPTY_TOKEN && emptySet.has(cell.toLowerCase());
}


/** What one cell says about the number convention (see `scanNumber`). */
export type NumberEvidence = 'id' | 'en' | 'either' | 'none';

/**
 * Structural scan of a compacted, non-empty cell: whether it is a valid number under `id` and
 * under `en`, and which convention its separators point to. `either` means it parses under both
 * but with different values (`1.234`); `none` means no separators, so both agree (`1234`).
 */
export interface NumberScan {
  validId: boolean;
  validEn: boolean;
  evidence: NumberEvidence;
  percent: boolean;
}

/** Bits of scanNumberBits. */
export const SCAN_VALID_ID = 1;
export const SCAN_VALID_EN = 2;
export const SCAN_PERCENT = 4;
/** Set when the cell has separators, i.e. its evidence is not `none`. */
export const SCAN_SEPARATED = 8;

/** Scans a compacted cell (no whitespace, no apostrophe); see NumberScan. */
export function scanNumber(cell: string): NumberScan {
  const bits = scanNumberBits(cell);
  const validId = (bits & SCAN_VALID_ID) !== 0;
  const validEn = (bits & SCAN_VALID_EN) !== 0;
  let evidence: NumberEvidence = 'none';
  if (bits & SCAN_SEPARATED) evidence = validId && validEn ? 'either' : validId ? 'id' : validEn ? 'en' : 'none';
  return { validId, validEn, evidence, percent: (bits & SCAN_PERCENT) !== 0 };
}

/**
 * scanNumber as bit flags (SCAN_*), allocating nothing: it runs on every cell of every column.
 */
export function scanNumberBits(cell: string): number {
  let start = 0;
  let end = cell.length;
  let percent = 0;
  const first = cell.charCodeAt(0);
  if (first === 0x28 /* ( */) {
    if (cell.charCodeAt(end - 1) !== 0x29) return 0;
    start = 1;
    end -= 1;
  } else if (first === 0x2b || first === 0x2d /* + - */) {
    start = 1;
  }
  if (end > start && cell.charCodeAt(end - 1) === 0x25 /* % */) {
    percent = SCAN_PERCENT;
    end -= 1;
  }
  if (end <= start) return 0;
  // Separator positions and counts; any other character makes the cell invalid.
  let dots = 0;
  let commas = 0;
  let firstDot = -1;
  let lastDot = -1;
  let firstComma = -1;
  let lastComma = -1;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e) {
      dots++;
      if (firstDot < 0) firstDot = i;
      lastDot = i;
    } else if (c === 0x2c) {
      commas++;
      if (firstComma < 0) firstComma = i;
      lastComma = i;
    } else return 0;
  }
  if (digits === 0) return 0;
  const validId = validBody(cell, start, end, 0x2e, 0x2c, dots, commas, firstDot, lastComma) ? SCAN_VALID_ID : 0;
  const validEn = validBody(cell, start, end, 0x2c, 0x2e, commas, dots, firstComma, lastDot) ? SCAN_VALID_EN : 0;
  return validId | validEn | percent | (dots + commas > 0 ? SCAN_SEPARATED : 0);
}

/**
 * Whether cell[start, end) is `GROUPED|DIGITS` then optionally `DECIMAL DIGITS`, where
 * GROUPED is 1-3 digits followed by one or more (thousands-separator + 3 digits).
 */
function validBody(
  cell: string,
  start: number,
  end: number,
  thousands: number,
  decimal: number,
  thousandsCount: number,
  decimalCount: number,
  firstThousands: number,
  decimalAt: number,
): boolean {
  if (decimalCount > 1) return false;
  const intEnd = decimalCount === 1 ? decimalAt : end;
  if (decimalCount === 1) {
    if (decimalAt === end - 1) return false; // "5," has no decimals
    if (thousandsCount > 0 && firstThousands > decimalAt) return false; // thousands after the decimal
  }
  if (thousandsCount === 0) return true; // digits only before (possibly empty before ",5")
  const lead = firstThousands - start;
  if (lead < 1 || lead > 3) return false;
  // Every thousands separator must be followed by exactly three digits.
  let run = 0;
  for (let i = firstThousands + 1; i < intEnd; i++) {
    if (cell.charCodeAt(i) === thousands) {
      if (run !== 3) return false;
      run = 0;
    } else run++;
  }
  return run === 3;
}

/**
 * The number a cell holds under `format` (null = unknown, read as `id`): a number, null for an
 * empty cell (see EMPTY_TOKENS), undefined when it is not a number. `12,5%` gives 12.5.
 */
export function parseNumber(text: string, format: NumberFormat | null): number | null | undefined {
  const cell = compactCell(text);
  if (cell.length <= LONGEST_EMPTY_TOKEN && emptySet.has(cell.toLowerCase())) return null;
  return parseCompacted(cell, format);
}

/** parseNumber for a cell already compacted and known not to be empty. */
export function parseCompacted(cell: string, format: NumberFormat | null): number | undefined {
  const bits = scanNumberBits(cell);
  const en = format === 'en';
  if ((bits & (en ? SCAN_VALID_EN : SCAN_VALID_ID)) === 0) return undefined;
  const decimal = en ? 0x2e : 0x2c;
  let digits = '';
  let negative = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += cell[i];
    else if (c === decimal) digits += '.';
    else if (c === 0x2d || c === 0x28) negative = true;
  }
  const value = Number(digits);
  return negative ? -value : value;
}

/** A yes/no cell: true, false, null when empty, undefined when it is not a yes/no word. */
export function parseBoolean(text: string): boolean | null | undefined {
  const word = trimSpaces(text).toLowerCase();
  if (trueSet.has(word)) return true;
  if (falseSet.has(word)) return false;
  if (emptySet.has(compactCell(text).toLowerCase())) return null;
  return undefined;
}

/** Trims the whitespace of rule 1 from both ends, keeping inner spaces ("tidak ada"). */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * The number convention a column's evidence points to: the majority of cells that say `id` or
 * `en`; with no such cell, `fallback` when some cells are ambiguous (`1.234` — Indonesian for a
 * CSV, `en` for Excel and Parquet cells written by a machine), null when no cell has a separator.
 */
export function detectNumberFormat(
  counts: { id: number; en: number; either: number },
  fallback: NumberFormat = 'id',
): NumberFormat | null {
  if (counts.id > 0 || counts.en > 0) return counts.en > counts.id ? 'en' : 'id';
  return counts.either > 0 ? fallback : null;
}

const sqlList = (words: readonly string[]) => words.map(sqlLiteral).join(', ');

/** Rule 1-2 in SQL: whitespace removed, one leading apostrophe dropped. */
function compactSql(column: string): string {
  return `regexp_replace(regexp_replace(${column}, '${SQL_SPACE_CLASS}', '', 'g'), '^''', '')`;
}

const BODY = {
  id: '(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]*)(?:,[0-9]+)?',
  en: '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\\.[0-9]+)?',
};

/**
 * A DuckDB expression (DOUBLE) reading the VARCHAR column `column` (an already quoted
 * identifier or any VARCHAR expression) exactly as parseNumber does; NULL for empty and invalid.
 */
export function numberSql(column: string, format: NumberFormat | null): string {
  const f = format === 'en' ? 'en' : 'id';
  const body = BODY[f];
  const pattern = `^(?:[+-]?${body}%?|\\(${body}%?\\))$`;
  const c = compactSql(column);
  const decimal = f === 'en' ? '.' : ',';
  const digits = `regexp_replace(${c}, '[^0-9${decimal === '.' ? '\\.' : ','}]', '', 'g')`;
  const numeric = f === 'en' ? digits : `replace(${digits}, ',', '.')`;
  const sign = `CASE WHEN ${c} LIKE '-%' OR ${c} LIKE '(%' THEN -1 ELSE 1 END`;
  // The compacted text is repeated rather than bound by a lambda: plainer SQL, and DuckDB folds
  // common subexpressions. The digit requirement rules out "", "%" and ",".
  return (
    `(CASE WHEN regexp_full_match(${c}, '${pattern}') AND regexp_matches(${c}, '[0-9]') ` +
    `THEN ${sign} * TRY_CAST(${numeric} AS DOUBLE) ELSE NULL END)`
  );
}

/**
 * The yes/no words as exports spell them (lower, UPPER, Capitalised, Title Case) with no
 * surrounding space: for these the rule's trim and lower-casing change nothing but the case, so
 * booleanSql answers them by an exact match before running the rule.
 */
export function plainBooleanSpellings(words: readonly string[]): string[] {
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [...new Set(words.flatMap((w) => [w, w.toUpperCase(), capital(w), w.split(' ').map(capital).join(' ')]))];
}
const PLAIN_TRUE = plainBooleanSpellings(TRUE_WORDS);
const PLAIN_FALSE = plainBooleanSpellings(FALSE_WORDS);

/**
 * The yes/no rule itself in SQL (parseBoolean): trimmed, lower-cased, one of the words. The
 * words are matched by list_contains, not IN: DuckDB turns an IN of this many constants into a
 * join, which computes the trimmed word for every row even where a CASE does not need it.
 */
export function booleanRuleSql(column: string): string {
  const word = `lower(regexp_replace(${column}, '^${SQL_SPACE_CLASS}+|${SQL_SPACE_CLASS}+$', '', 'g'))`;
  return `(CASE WHEN list_contains([${sqlList(TRUE_WORDS)}], ${word}) THEN TRUE WHEN list_contains([${sqlList(FALSE_WORDS)}], ${word}) THEN FALSE ELSE NULL END)`;
}

/**
 * A DuckDB expression (BOOLEAN) reading `column` exactly as parseBoolean does; NULL otherwise.
 * A cell already spelled plainly (`ya`, `Tidak`, `1`) is answered by one exact match; only
 * other cells pay for the rule's regular expression (about ten times cheaper on a register).
 */
export function booleanSql(column: string): string {
  return `(CASE WHEN list_contains([${sqlList(PLAIN_TRUE)}], ${column}) THEN TRUE WHEN list_contains([${sqlList(PLAIN_FALSE)}], ${column}) THEN FALSE ELSE ${booleanRuleSql(column)} END)`;
}

/** A DuckDB expression (BOOLEAN) true when `column` is empty by rule 3 (or NULL). */
export function emptySql(column: string): string {
  return `(${column} IS NULL OR lower(${compactSql(column)}) IN (${sqlList(EMPTY_TOKENS)}))`;
}
