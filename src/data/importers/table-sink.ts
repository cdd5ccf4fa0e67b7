/**
 * Where every table reader (CSV, Excel, Parquet) sends its rows: finds the header among the
 * first rows, checks each data row against the header's width, profiles every column and
 * writes the normalised CSV, all in the same single pass over the rows.
 */
import { ColumnProfiler, type TableColumnProfile } from './columns';
import { CsvWriter } from './csv-writer';
import { HEADER_SEARCH_ROWS, filledCount, filledWidth, findHeaderRow, headerNames, type NumberedRow } from './header-row';
import { trimSpaces } from './numbers';
import { ImportError, type NumberFormat } from './types';

/** Columns a table may have: beyond this it is not an indicator table (and the preview would choke). */
export const MAX_COLUMNS = 500;
/** Rows a table may have in the browser; kelurahan tables have tens, household tables a few hundred thousand. */
export const MAX_TABLE_ROWS = 5_000_000;
/** Rows kept for the preview. */
export const PREVIEW_ROWS = 50;
/** Title rows kept, and characters of each: enough for a title and a subtitle naming the year. */
const TITLE_ROWS = 5;
const TITLE_LENGTH = 200;

export interface TableSinkOptions {
  file: string;
  /** 1-based header row chosen by the user; detected when omitted. */
  headerRow?: number;
  /** See ColumnProfiler: `id` for text files, `en` for Excel and Parquet cells. */
  fallbackFormat: NumberFormat;
  /**
   * Text files: a row with fewer cells than the header, or more non-blank ones, is an error
   * (a wrong delimiter or a stray quote). Spreadsheets leave empty cells out, so short rows
   * are padded there.
   */
  strictWidth: boolean;
  /** Expected size of the normalised CSV in bytes. */
  capacityHint: number;
}

/** What the sink found; the reader adds file, format, sheet and encoding. */
export interface SinkResult {
  headerRow: number;
  /** The text of the non-blank rows above the header (see ImportedTable). */
  titles: string[];
  rowCount: number;
  columns: TableColumnProfile[];
  preview: string[][];
  csv: Uint8Array;
}

/** Collects rows (in file order, each with its 1-based row number) into a profiled CSV. */
export class TableSink {
  #pending: NumberedRow[] | null = [];
  #width = 0;
  #headerRow = 0;
  #titles: string[] = [];
  #profilers: ColumnProfiler[] = [];
  #writer: CsvWriter | null = null;
  #preview: string[][] = [];
  #rowCount = 0;
  #sawAnything = false;

  constructor(private readonly options: TableSinkOptions) {}

  /** Adds a row as read from the file. */
  add(cells: string[], row: number): void {
    if (this.#pending) {
      this.#pending.push({ cells, row });
      const wanted = this.options.headerRow;
      if (wanted !== undefined ? row >= wanted : this.#pending.length >= HEADER_SEARCH_ROWS) this.#decideHeader();
      return;
    }
    this.#addData(cells, row);
  }

  /**
   * The table, or null when the file held no row with anything in it (the caller says "empty
   * file" or "empty sheet"). Throws ImportError when there is a header but no data.
   */
  finish(): SinkResult | null {
    if (this.#pending) {
      if (this.#pending.every((r) => filledCount(r.cells) === 0)) return null;
      this.#decideHeader();
    }
    if (!this.#sawAnything) return null;
    if (this.#rowCount === 0) throw new ImportError('importTable.headerOnly', { file: this.options.file, row: this.#headerRow });
    return {
      headerRow: this.#headerRow,
      titles: this.#titles,
      rowCount: this.#rowCount,
      columns: this.#profilers.map((p) => p.finish()),
      preview: this.#preview,
      csv: this.#writer!.finish(),
    };
  }

  #decideHeader(): void {
    const rows = this.#pending!;
    this.#pending = null;
    const wanted = this.options.headerRow;
    let index: number;
    if (wanted !== undefined) {
      index = rows.findIndex((r) => r.row === wanted);
      if (index < 0 || filledCount(rows[index].cells) === 0) {
        throw new ImportError('importTable.headerRowBlank', { row: wanted });
      }
    } else index = findHeaderRow(rows);
    if (index < 0) {
      // Only blank rows so far: the header must come later.
      this.#pending = [];
      return;
    }
    this.#sawAnything = true;
    const header = rows[index].cells;
    this.#headerRow = rows[index].row;
    this.#titles = titleTexts(rows.slice(0, index));
    this.#width = filledWidth(header);
    if (this.#width > MAX_COLUMNS) {
      throw new ImportError('importTable.tooManyColumns', { columns: this.#width, limit: MAX_COLUMNS });
    }
    const names = headerNames(header, this.#width);
    this.#profilers = names.map((name) => new ColumnProfiler(name, this.options.fallbackFormat));
    this.#writer = new CsvWriter(this.options.capacityHint);
    this.#writer.writeRow(names);
    for (let i = index + 1; i < rows.length; i++) this.#addData(rows[i].cells, rows[i].row);
  }

  #addData(cells: string[], row: number): void {
    const width = this.#width;
    if (cells.length !== width) cells = this.#fitWidth(cells, row);
    if (cells === BLANK) return;
    let blank = true;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      if (cell.length > 0 && trimSpaces(cell) !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    if (++this.#rowCount > MAX_TABLE_ROWS) throw new ImportError('importTable.tooManyRows', { limit: MAX_TABLE_ROWS });
    for (let i = 0; i < width; i++) this.#profilers[i].add(cells[i], row);
    this.#writer!.writeRow(cells);
    if (this.#preview.length < PREVIEW_ROWS) this.#preview.push(cells);
  }

  /** The row cut or padded to the header's width; BLANK for a blank line; throws for a ragged row. */
  #fitWidth(cells: string[], row: number): string[] {
    const width = this.#width;
    if (cells.length > width) {
      for (let i = width; i < cells.length; i++) {
        if (trimSpaces(cells[i]) === '') continue;
        if (this.options.strictWidth) throw this.#ragged(cells, row);
        throw new ImportError('importTable.cellBeyondHeader', { row, column: columnLetter(i), lastColumn: columnLetter(width - 1) });
      }
      return cells.slice(0, width);
    }
    if (filledCount(cells) === 0) return BLANK;
    if (this.options.strictWidth) throw this.#ragged(cells, row);
    const padded = cells.slice();
    while (padded.length < width) padded.push('');
    return padded;
  }

  #ragged(cells: string[], row: number): ImportError {
    return new ImportError('importTable.raggedRow', { row, cells: cells.length, columns: this.#width, headerRow: this.#headerRow });
  }
}

const BLANK: string[] = [];

/** Each non-blank row's cells, trimmed and joined by a space (a title often sits in a merged cell, or in several). */
function titleTexts(rows: readonly NumberedRow[]): string[] {
  const texts: string[] = [];
  for (const { cells } of rows) {
    const text = cells.map(trimSpaces).filter((cell) => cell !== '').join(' ');
    if (text !== '') texts.push(text.slice(0, TITLE_LENGTH));
    if (texts.length === TITLE_ROWS) break;
  }
  return texts;
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
