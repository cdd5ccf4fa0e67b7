/**
 * Column profiling in one streaming pass: every cell of a column is seen once, and what it says
 * (number under the Indonesian or the English convention, yes/no word, code-like) is tallied, so
 * the type is decided over ALL rows without keeping them. Codes of regions (kode wilayah such as
 * 3372031002, 33.72.03.1002) and codes with leading zeros stay text: read as numbers they would
 * lose zeros and stop matching the boundaries.
 */
import {
  EMPTY_TOKENS,
  FALSE_WORDS,
  TRUE_WORDS,
  compactCell,
  detectNumberFormat,
  isSpaceCode,
  scanNumberBits,
  SCAN_PERCENT,
  SCAN_SEPARATED,
  SCAN_VALID_EN,
  SCAN_VALID_ID,
  trimSpaces,
} from './numbers';
import type { ColumnProfile, ColumnType, NumberFormat } from './types';

/** A column profile, plus whether its numbers were written as percentages (`12,5%`). */
export interface TableColumnProfile extends ColumnProfile {
  /** Most filled cells end in `%`; the numbers are the percentages (12,5% is 12.5). */
  percent: boolean;
}

/** Share of filled cells that must parse for a column to be a number. */
export const NUMBER_SHARE = 0.95;
const MAX_EXAMPLES = 5;

const emptySet = new Set(EMPTY_TOKENS);
const boolSet = new Set([...TRUE_WORDS, ...FALSE_WORDS]);
const LONGEST_BOOL = Math.max(...[...boolSet].map((w) => w.length));
const LONGEST_EMPTY = Math.max(...EMPTY_TOKENS.map((w) => w.length));

const CODE_WORDS = new Set(['kode', 'kd', 'code', 'id', 'nik', 'nkk', 'kodepos', 'idsls', 'bps', 'kemendagri']);
const YES_NO_WORDS = new Set(['ada', 'apakah', 'punya', 'memiliki', 'status', 'flag', 'ya', 'tidak', 'is', 'has']);

function words(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether a header names a code (kode, id, nik, ...), whose digits must stay text. */
export function headerSuggestsCode(name: string): boolean {
  return words(name).some((w) => CODE_WORDS.has(w) || w.startsWith('kode'));
}

/** Whether a header asks a yes/no question ("Ada jamban (ya/tidak)", "status_rtlh"). */
export function headerSuggestsYesNo(name: string): boolean {
  return words(name).some((w) => YES_NO_WORDS.has(w));
}

/** Tallies the cells of one column; `finish` decides its type. */
export class ColumnProfiler {
  #filled = 0;
  #examples: string[] = [];
  #booleans = 0;
  #zeroOne = 0;
  #validId = 0;
  #validEn = 0;
  #firstBadId: number | null = null;
  #firstBadEn: number | null = null;
  #evidence = { id: 0, en: 0, either: 0 };
  #percent = 0;
  #leadingZero = 0;
  #dottedKode = 0;
  #pureDigits = 0;
  #minDigits = Infinity;
  #maxDigits = 0;

  /**
   * @param fallbackFormat convention for columns whose numbers are all ambiguous (`1.234`):
   *   `id` for text files typed by people, `en` for cells a program wrote (Excel numbers, Parquet).
   */
  constructor(
    readonly name: string,
    private readonly fallbackFormat: NumberFormat = 'id',
  ) {}

  /** Adds one cell, as written, found on 1-based `row`. */
  add(cell: string, row: number): void {
    const n = cell.length;
    if (n === 0) return;
    // Fast path for plain text (most cells of name and note columns): trimmed longer than any
    // yes/no word and starting with a letter other than n (n/a, na, null are empty tokens), it
    // can be neither empty, nor yes/no, nor a number, nor code-like.
    let start = 0;
    while (start < n && isSpaceCode(cell.charCodeAt(start))) start++;
    let end = n;
    while (end > start && isSpaceCode(cell.charCodeAt(end - 1))) end--;
    const c0 = cell.charCodeAt(start) | 0x20;
    if (end - start > LONGEST_BOOL && c0 >= 0x61 && c0 <= 0x7a && c0 !== 0x6e) {
      this.#filled++;
      if (this.#examples.length < MAX_EXAMPLES && !this.#examples.includes(cell)) this.#examples.push(cell);
      this.#firstBadId ??= row;
      this.#firstBadEn ??= row;
      return;
    }
    const compact = compactCell(cell);
    const first = compact.charCodeAt(0);
    const startsWithDigit = first >= 0x30 && first <= 0x39;
    // Empty tokens never start with a digit; yes/no words that do are the single 0 and 1.
    if (!startsWithDigit && compact.length <= LONGEST_EMPTY && emptySet.has(compact.toLowerCase())) return;
    this.#filled++;
    if (this.#examples.length < MAX_EXAMPLES && !this.#examples.includes(cell)) this.#examples.push(cell);
    if ((compact.length === 1 || !startsWithDigit) && compact.length <= LONGEST_BOOL && boolSet.has(trimSpaces(cell).toLowerCase())) {
      this.#booleans++;
      if (compact === '0' || compact === '1') this.#zeroOne++;
    }
    const bits = scanNumberBits(compact);
    const validId = (bits & SCAN_VALID_ID) !== 0;
    const validEn = (bits & SCAN_VALID_EN) !== 0;
    if (validId) this.#validId++;
    else this.#firstBadId ??= row;
    if (validEn) this.#validEn++;
    else this.#firstBadEn ??= row;
    if (bits & SCAN_SEPARATED) {
      if (validId && validEn) this.#evidence.either++;
      else if (validId) this.#evidence.id++;
      else if (validEn) this.#evidence.en++;
    }
    if (bits & SCAN_PERCENT) this.#percent++;
    this.#codeSignals(compact);
  }

  #codeSignals(compact: string): void {
    const n = compact.length;
    let digits = 0;
    while (digits < n && isDigit(compact.charCodeAt(digits))) digits++;
    if (digits === n) {
      this.#pureDigits++;
      if (n < this.#minDigits) this.#minDigits = n;
      if (n > this.#maxDigits) this.#maxDigits = n;
      if (n > 1 && compact.charCodeAt(0) === 0x30) this.#leadingZero++;
    } else if (digits === 2 && compact.charCodeAt(2) === 0x2e && isDottedKode(compact)) {
      this.#dottedKode++;
    }
  }

  /** The profile over every cell added. */
  finish(): TableColumnProfile {
    const filled = this.#filled;
    const base = { name: this.name, filled, examples: this.#examples };
    const text = (): TableColumnProfile => ({ ...base, type: 'text', numberFormat: null, invalid: 0, firstInvalidRow: null, percent: false });
    if (filled === 0) return text();
    if (this.#booleans === filled && (this.#zeroOne < filled || headerSuggestsYesNo(this.name))) {
      return { ...base, type: 'boolean' as ColumnType, numberFormat: null, invalid: 0, firstInvalidRow: null, percent: false };
    }
    const format = detectNumberFormat(this.#evidence, this.fallbackFormat);
    const valid = format === 'en' ? this.#validEn : this.#validId;
    if (valid < NUMBER_SHARE * filled || this.#codeLike()) return text();
    return {
      ...base,
      type: 'number',
      numberFormat: format,
      invalid: filled - valid,
      firstInvalidRow: valid === filled ? null : format === 'en' ? this.#firstBadEn : this.#firstBadId,
      percent: this.#percent * 2 >= filled,
    };
  }

  #codeLike(): boolean {
    if (this.#leadingZero > 0 || this.#dottedKode > 0) return true;
    const allDigits = this.#pureDigits === this.#filled;
    if (!allDigits) return false;
    if (headerSuggestsCode(this.name)) return true;
    // Fixed-length digit strings of ten or more: kode wilayah desa (10), NIK and KK (16).
    return this.#minDigits === this.#maxDigits && this.#minDigits >= 10;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `33.72.03` or `33.72.03.1002`: a kode wilayah in Kemendagri's dotted form. */
function isDottedKode(s: string): boolean {
  const parts = s.split('.');
  const lengths = [2, 2, 2, 4];
  if (parts.length < 3 || parts.length > 4) return false; // `33.72` alone reads as a decimal
  return parts.every((p, i) => p.length === lengths[i] && [...p].every((ch) => isDigit(ch.charCodeAt(0))));
}
