/**
 * A Parquet file read for DuckDB in batches of whole row groups, each decoded by hyparquet column
 * by column and written as one Arrow IPC stream of text columns (arrow-ipc.ts) that DuckDB
 * inserts as it is (issue 17: Parquet through the fastest reader available offline; DuckDB-WASM
 * cannot read Parquet itself without its extension). No row objects and no CSV text are made:
 * the old path (parquet.ts into the table sink) built an array per row, a string per cell, a CSV
 * of the whole file, and DuckDB then parsed that CSV again.
 *
 * The cells are the text parquet.ts's parquetCell gives them, so the raw table holds what reading
 * the normalised CSV would have given (empty cells NULL, rows with nothing in them left out, as
 * the table sink does), and the household SQL types it by the same rules (household-read-sql.ts).
 * Strings stay UTF-8 bytes from the file to DuckDB; only text that is not plain ASCII is decoded
 * (as parquetCell decodes it: a broken sequence becomes U+FFFD).
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { utf8BatchStream, Utf8ColumnBuilder, type Utf8Column } from './arrow-ipc';
import { trimSpaces } from './numbers';
import { blobBuffer, parquetCell } from './parquet';
import { checkParquetPages } from './parquet-pages';
import { ImportError } from './types';

/** Rows a batch aims for: whole row groups are joined until the next would pass this. */
export const BATCH_ROWS = 131_072;

/** Which batch of which file, and the names its columns get in DuckDB (the head's, in file order). */
export interface ParquetBatchRequest {
  file: Blob & { name?: string };
  batch: number;
  names: readonly string[];
  /** Rows a batch aims for (BATCH_ROWS); every batch of one file must be asked with the same. */
  batchRows?: number;
}

/** One batch, ready for DuckDB. */
export interface ParquetBatch {
  /** The Arrow IPC stream (a schema and one record batch). */
  ipc: Uint8Array;
  /** Rows in the stream (the batch's rows without the blank ones). */
  rows: number;
  /** Rows of the file this batch covers, and of the whole file. */
  readRows: number;
  totalRows: number;
  /** Batches in the file (at least 1: an empty file gives one empty batch). */
  batches: number;
}

/** Row ranges [start, end) of whole row groups, each about `target` rows (a larger group is alone). */
export function parquetBatchRanges(metadata: Pick<FileMetaData, 'row_groups'>, target = BATCH_ROWS): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let end = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    if (end > start && end - start + rows > target) {
      ranges.push([start, end]);
      start = end;
    }
    end += rows;
  }
  if (end > start) ranges.push([start, end]);
  return ranges;
}

/** The footer of the file last asked about: the batches of one import read it once. */
let cached: { key: string; metadata: FileMetaData } | null = null;

function fileKey(file: Blob & { name?: string; lastModified?: number }): string {
  return `${file.name ?? ''}\u0000${file.size}\u0000${file.lastModified ?? ''}`;
}

/** hyparquet's string parser replaced: text columns stay the file's UTF-8 bytes. */
const RAW_TEXT = { stringFromBytes: (bytes: Uint8Array | undefined) => bytes as unknown as string };

/**
 * Reads batch `request.batch` of the file. Throws ImportError `importTable.parquetInvalid` for a
 * damaged file (checked page by page before hyparquet decodes, see parquet-pages.ts).
 */
export async function readParquetBatch(request: ParquetBatchRequest): Promise<ParquetBatch> {
  const { file, batch, names } = request;
  const fileName = file.name ?? 'tabel.parquet';
  const buffer = blobBuffer(file);
  try {
    const key = fileKey(file);
    if (cached?.key !== key) cached = { key, metadata: await parquetMetadataAsync(buffer) };
    const { metadata } = cached;
    const schemaNames = parquetSchema(metadata).children.map((c) => c.element.name);
    if (schemaNames.length !== names.length) throw new Error(`${names.length} column names for ${schemaNames.length} columns`);
    const ranges = parquetBatchRanges(metadata, request.batchRows);
    const totalRows = Number(metadata.num_rows);
    if (ranges.length === 0 && batch === 0) {
      const empty = names.map(() => new Utf8ColumnBuilder(0).finish());
      return { ipc: utf8BatchStream(names, empty, 0), rows: 0, readRows: 0, totalRows, batches: 1 };
    }
    const range = ranges[batch];
    if (!range) throw new RangeError(`batch ${batch} of ${ranges.length}`);
    const [rowStart, rowEnd] = range;
    // The groups of this batch, walked page by page first: hyparquet's page loop trusts them.
    let groupStart = 0;
    const groups = metadata.row_groups.filter((g) => {
      const start = groupStart;
      groupStart += Number(g.num_rows);
      return start >= rowStart && start < rowEnd;
    });
    await checkParquetPages(file, metadata, groups);
    const index = new Map(schemaNames.map((name, i) => [name, i]));
    const chunks: { start: number; data: ArrayLike<unknown> }[][] = names.map(() => []);
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      rowStart,
      rowEnd,
      parsers: RAW_TEXT,
      onChunk: ({ columnName, columnData, rowStart: start }) => {
        const i = index.get(columnName);
        if (i !== undefined) chunks[i].push({ start, data: columnData });
      },
    });
    const columns = chunks.map((list, i) => joinChunks(list, rowStart, rowEnd, schemaNames[i]));
    const keep = nonBlankRows(columns, rowEnd - rowStart);
    const built = columns.map((values) => textColumn(values, keep));
    const rows = keep ? keep.length : rowEnd - rowStart;
    return { ipc: utf8BatchStream(names, built, rows), rows, readRows: rowEnd - rowStart, totalRows, batches: ranges.length };
  } catch (cause) {
    if (cause instanceof ImportError) throw cause;
    throw new ImportError('importTable.parquetInvalid', { file: fileName }, { cause });
  }
}

/** One column's values for rows [rowStart, rowEnd), from hyparquet's chunks (pages) in any order. */
function joinChunks(list: { start: number; data: ArrayLike<unknown> }[], rowStart: number, rowEnd: number, name: string): ArrayLike<unknown> {
  list.sort((a, b) => a.start - b.start);
  if (list.length === 1 && list[0].start === rowStart && list[0].data.length === rowEnd - rowStart) return list[0].data;
  const values = new Array<unknown>(rowEnd - rowStart);
  let filled = 0;
  for (const { start, data } of list) {
    const from = Math.max(start, rowStart);
    const to = Math.min(start + data.length, rowEnd);
    for (let row = from; row < to; row++) values[row - rowStart] = data[row - start];
    if (to > from) filled += to - from;
  }
  if (filled !== rowEnd - rowStart) throw new Error(`column ${name}: ${filled} of ${rowEnd - rowStart} rows decoded`);
  return values;
}

const decoder = new TextDecoder();

/** Whether a cell is blank as the table sink judges it (empty, or only white space). */
function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (value instanceof Uint8Array) {
    for (let i = 0; i < value.length; i++) {
      const b = value[i];
      // Any visible ASCII character: not blank (nearly every cell ends here at its first byte).
      if (b > 0x20 && b < 0x7f) return false;
    }
    return trimSpaces(decoder.decode(value)) === '';
  }
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return false;
  return trimSpaces(parquetCell(value)) === '';
}

/** The rows of the batch that have something in them, or null when all do (the usual case). */
function nonBlankRows(columns: readonly ArrayLike<unknown>[], rows: number): Int32Array | null {
  let keep: number[] | null = null;
  for (let row = 0; row < rows; row++) {
    let blank = true;
    for (let c = 0; c < columns.length && blank; c++) blank = isBlank(columns[c][row]);
    if (blank) {
      keep ??= Array.from({ length: row }, (_, i) => i);
    } else if (keep) keep.push(row);
  }
  return keep ? Int32Array.from(keep) : null;
}

/** A column's cells as UTF-8 text, each as parquetCell writes it ('' as NULL, as the CSV read gives it). */
function textColumn(values: ArrayLike<unknown>, keep: Int32Array | null): Utf8Column {
  const rows = keep ? keep.length : values.length;
  const builder = new Utf8ColumnBuilder(rows);
  for (let i = 0; i < rows; i++) {
    const value = values[keep ? keep[i] : i];
    if (value === null || value === undefined) builder.appendNull();
    else if (value instanceof Uint8Array) appendBytes(builder, value);
    else if (typeof value === 'number' && Number.isSafeInteger(value)) builder.appendInteger(value);
    else {
      const text = parquetCell(value);
      if (text === '') builder.appendNull();
      else builder.appendText(text);
    }
  }
  return builder.finish();
}

/** A string cell's bytes: copied when plain ASCII, else decoded and written again as parquetCell reads them. */
function appendBytes(builder: Utf8ColumnBuilder, bytes: Uint8Array): void {
  if (bytes.length === 0) return builder.appendNull();
  if (builder.appendAscii(bytes)) return;
  const text = decoder.decode(bytes);
  if (text === '') builder.appendNull();
  else builder.appendText(text);
}
