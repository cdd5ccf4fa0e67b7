/**
 * Delimited text (CSV, TSV, semicolon files from Indonesian Excel): guessing the delimiter and
 * an incremental parser fed decoded text chunk by chunk, so a file of hundreds of megabytes is
 * never held as one string. Quotes follow RFC 4180 (doubled quotes inside quoted cells, line
 * breaks inside quotes); lines may end in CRLF, LF or CR.
 */
import { ImportError } from './types';

/** Delimiters considered, in order of preference when equally consistent. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter that splits the first lines of `text` most consistently (respecting quotes):
 * the one for which most lines have the same number of cells, that number being above one.
 * Title rows ("Data RTLH Kota Surakarta") and a cut-off last line do not spoil the vote.
 * Falls back to a comma when no candidate splits anything (a one-column file).
 */
export function sniffDelimiter(text: string, maxLines = 30): string {
  let best: { delimiter: string; lines: number; cells: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = cellCountsPerLine(text, delimiter, maxLines);
    const tally = new Map<number, number>();
    for (const n of counts) if (n > 1) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [cells, lines] of tally) {
      if (!best || lines > best.lines || (lines === best.lines && cells > best.cells)) best = { delimiter, lines, cells };
    }
  }
  return best?.delimiter ?? ',';
}

/** Cells per line for the first `maxLines` complete lines (a cut-off last line is left out). */
function cellCountsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let cells = 1;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 0x22) inQuotes = false; // a doubled quote reopens at once: harmless for counting
      continue;
    }
    if (c === 0x22) inQuotes = true;
    else if (c === d) cells++;
    else if (c === 0x0a || c === 0x0d) {
      if (!blank || cells > 1) counts.push(cells);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      cells = 1;
      blank = true;
      continue;
    }
    blank = false;
  }
  return counts;
}

/** Receives each parsed record: its cells and the 1-based line of the file where it starts. */
export type RecordHandler = (cells: string[], line: number) => void;

/** A quoted cell longer than this is taken for a quote that was never closed. */
const MAX_QUOTED_CELL = 1 << 20;

/**
 * Incremental RFC 4180 parser. Feed decoded text with `push`, then call `end`. Records are
 * handed to `onRecord` as they complete; their line numbers count physical lines, so a record
 * after a quoted cell with a line break inside starts on a later line.
 */
export class DelimitedParser {
  readonly #d: number;
  #buf = '';
  /** Scan position in #buf and start of the current cell. */
  #pos = 0;
  #cellStart = 0;
  #cells: string[] = [];
  #inQuotes = false;
  /** The current cell started with a quote (its content is unquoted when it ends). */
  #quoted = false;
  #hasDoubled = false;
  /** A CR ended the previous chunk: a following LF belongs to it. */
  #afterCr = false;
  /** Same, inside a quoted cell (only line counting depends on it). */
  #quotedCr = false;
  #line = 1;
  #recordLine = 1;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
  ) {
    this.#d = delimiter.charCodeAt(0);
  }

  /** Lines started so far (the current line included). */
  get line(): number {
    return this.#line;
  }

  /** Parses as much of `text` as completes cells; the rest waits for the next chunk. */
  push(text: string): void {
    if (this.#cellStart > 0) {
      this.#buf = this.#buf.slice(this.#cellStart);
      this.#pos -= this.#cellStart;
      this.#cellStart = 0;
    }
    this.#buf = this.#buf.length === 0 ? text : this.#buf + text;
    this.#scan();
  }

  /** Finishes the last record. Throws ImportError when a quote was left open. */
  end(): void {
    // A quote that was the last character seen could not be told from a doubled one: it closes.
    if (this.#inQuotes && this.#pos === this.#buf.length - 1 && this.#buf.charCodeAt(this.#pos) === 0x22) {
      this.#inQuotes = false;
    }
    if (this.#inQuotes) throw new ImportError('importTable.unclosedQuote', { row: this.#recordLine });
    if (this.#cellStart < this.#buf.length || this.#cells.length > 0) {
      this.#endCell(this.#buf.length);
      this.#emit();
    }
    this.#buf = '';
    this.#pos = this.#cellStart = 0;
  }

  #scan(): void {
    const buf = this.#buf;
    const d = this.#d;
    const n = buf.length;
    let i = this.#pos;
    if (this.#afterCr && i < n) {
      this.#afterCr = false;
      if (buf.charCodeAt(i) === 0x0a) this.#cellStart = ++i;
    }
    while (i < n) {
      if (this.#inQuotes) {
        // Jump to the next quote; count the line breaks passed on the way.
        const q = buf.indexOf('"', i);
        const stop = q < 0 ? n : q;
        if (this.#quotedCr) {
          this.#quotedCr = false;
          if (buf.charCodeAt(i) !== 0x0a) this.#line++;
        }
        for (let k = i; k < stop; k++) {
          const c = buf.charCodeAt(k);
          if (c === 0x0a) this.#line++;
          else if (c === 0x0d) {
            if (k + 1 === n) this.#quotedCr = true; // a CRLF may be split between chunks
            else if (buf.charCodeAt(k + 1) !== 0x0a) this.#line++;
          }
        }
        if (q < 0 || q === n - 1) {
          // The quote may be closing or doubled: decide when the next chunk arrives.
          i = q < 0 ? n : q;
          if (i - this.#cellStart > MAX_QUOTED_CELL) {
            throw new ImportError('importTable.unclosedQuote', { row: this.#recordLine });
          }
          break;
        }
        if (buf.charCodeAt(q + 1) === 0x22) {
          this.#hasDoubled = true;
          i = q + 2;
        } else {
          this.#inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === d) {
        this.#endCell(i);
        this.#cellStart = ++i;
      } else if (c === 0x0a || c === 0x0d) {
        this.#endCell(i);
        this.#emit();
        this.#recordLine = ++this.#line;
        if (c === 0x0d) {
          if (i + 1 === n) {
            this.#afterCr = true;
            this.#cellStart = ++i;
            break;
          }
          if (buf.charCodeAt(i + 1) === 0x0a) i++;
        }
        this.#cellStart = ++i;
      } else if (c === 0x22 && i === this.#cellStart) {
        this.#inQuotes = true;
        this.#quoted = true;
        i++;
      } else i++;
    }
    this.#pos = i;
  }

  #endCell(end: number): void {
    let cell = this.#buf.slice(this.#cellStart, end);
    if (this.#quoted) {
      const close = cell.lastIndexOf('"');
      // Text after the closing quote (`"abc"def`) is kept, as spreadsheets do.
      const inner = close > 0 ? cell.slice(1, close) + cell.slice(close + 1) : cell.slice(1);
      cell = this.#hasDoubled ? inner.replaceAll('""', '"') : inner;
    }
    this.#cells.push(cell);
    this.#quoted = false;
    this.#hasDoubled = false;
  }

  #emit(): void {
    const cells = this.#cells;
    this.#cells = [];
    this.onRecord(cells, this.#recordLine);
  }
}
