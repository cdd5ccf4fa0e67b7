/**
 * Parquet tables read with hyparquet (DuckDB-WASM cannot read Parquet offline, see
 * STACK-NOTES), one row group at a time straight from the Blob, into the same table sink as
 * CSV and Excel: cells become text (BigInt as its decimal digits, dates as ISO), so one
 * normalised CSV and one typing path serve every format.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { checkParquetPages } from './parquet-pages';
import { TableSink } from './table-sink';
import { ImportError, type ImportedTable, type TableReadOptions } from './types';
import type { ReadHooks } from './xlsx';

/**
 * A hyparquet AsyncBuffer over a Blob: only the byte ranges asked for are read. A damaged
 * footer can ask for ranges outside the file (negative, fractional, beyond the end): those are
 * refused here, as Node's Blob.slice aborts the whole process on some of them.
 */
export function blobBuffer(blob: Blob): AsyncBuffer {
  const size = blob.size;
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= size;
  return {
    byteLength: size,
    slice: (start, end = size) => {
      const read = valid(start) && valid(end) && start <= end
        ? blob.slice(start, end).arrayBuffer()
        : Promise.reject(new RangeError(`byte range ${start}-${end} outside the file (${size} bytes)`));
      // hyparquet prefetches ranges and may never await one after another failed: a rejection
      // nobody awaits must not surface as an unhandled rejection (awaiting it still throws).
      read.catch(() => undefined);
      return read;
    },
  };
}

/** A Parquet value as the text of a cell. */
export function parquetCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Reads a Parquet file into an ImportedTable. The header is the schema's column names; the only
 * option is `headRows`, which reads just the first rows (a household register's head, whose rows
 * DuckDB then gets as Arrow: parquet-arrow.ts).
 */
export async function readParquet(blob: Blob, fileName: string, options: TableReadOptions, hooks: ReadHooks = {}): Promise<ImportedTable> {
  const file = blobBuffer(blob);
  const limit = options.headRows ?? Number.POSITIVE_INFINITY;
  let metadata: FileMetaData;
  let names: string[];
  try {
    metadata = await parquetMetadataAsync(file);
    // A damaged schema (children counts that do not add up) throws here, not in the metadata read.
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    if (names.some((name) => typeof name !== 'string')) throw new Error('a column without a name in the schema');
    // hyparquet decodes pages in a synchronous loop that a damaged header can make endless.
    await checkParquetPages(blob, metadata, groupsBefore(metadata, limit));
  } catch (cause) {
    throw new ImportError('importTable.parquetInvalid', { file: fileName }, { cause });
  }
  const sink = new TableSink({ file: fileName, headerRow: 1, fallbackFormat: 'en', strictWidth: false, capacityHint: Number.isFinite(limit) ? Math.min(blob.size * 3, 16 * 1024 * 1024) : blob.size * 3 });
  sink.add(names, 1);
  const total = Math.min(Number(metadata.num_rows), limit);
  let rowStart = 0;
  for (const group of groupsBefore(metadata, limit)) {
    const rowEnd = Math.min(rowStart + Number(group.num_rows), limit);
    let rows: unknown[][] = [];
    try {
      await parquetRead({ file, metadata, compressors, rowStart, rowEnd, onComplete: (r: unknown[][]) => (rows = r) });
    } catch (cause) {
      throw new ImportError('importTable.parquetInvalid', { file: fileName }, { cause });
    }
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i];
      const cells = new Array<string>(values.length);
      for (let c = 0; c < values.length; c++) cells[c] = parquetCell(values[c]);
      // Row numbers count the header as row 1, as a spreadsheet of the same table would.
      sink.add(cells, rowStart + i + 2);
    }
    rowStart = rowEnd;
    hooks.onProgress?.(total > 0 ? rowStart / total : 1);
    hooks.between?.();
  }
  const result = sink.finish();
  if (!result) throw new ImportError('importTable.empty', { file: fileName });
  return { file: fileName, format: 'parquet', sheet: null, sheets: [], encoding: null, delimiter: null, ...result };
}

/** The row groups that hold the first `limit` rows of the file. */
function groupsBefore(metadata: FileMetaData, limit: number): FileMetaData['row_groups'] {
  let start = 0;
  return metadata.row_groups.filter((group) => {
    const first = start;
    start += Number(group.num_rows);
    return first < limit;
  });
}
