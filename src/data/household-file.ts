/**
 * Household registers (DTSEN, P3KE) read by DuckDB's own CSV reader on the file, not by the
 * JavaScript reader (issue 17, item 1). A province's register is millions of rows: the
 * JavaScript path decodes, parses and re-writes every row (9-18 MB/s) and holds the file twice,
 * while DuckDB's worker reads the File in slices (registerFileHandle, BROWSER_FILEREADER) straight
 * into the import's raw table `mentah_<id>`, which the rest of the import (join, typing by the
 * SQL number and yes/no rules, reduction, aggregation) already reads.
 *
 * Only the head of the file (the first few MB, cut at a line end) goes through the JavaScript
 * reader, for what it alone knows: the header row under title rows, the delimiter, the encoding
 * (UTF-8 or an office PC's Windows-1252, which DuckDB reads from a UTF-8 copy made chunk by chunk
 * in the import worker), the column types and the preview. Above a measured size
 * the file is refused before anything is read, with the command that aggregates it on this
 * machine's native DuckDB instead; a file cut off in a row is refused from its last bytes.
 */
import { toRows, type Database, type RunHooks } from './database';
import { rawTable } from './datasets';
import { SLICE_BYTES } from './importers/delimited-file';
import { formatOfName } from './importers/formats';
import { detectEncoding, hasUtf16Bom } from './importers/text';
import { ImportError, type ImportedTable, type TextEncoding } from './importers/types';
import { utf8ForDuckDb } from './importers/windows-1252-utf8';
import { checkHouseholdTail, TAIL_BYTES } from './household-file-check';
import { householdSourceSql } from './household-read-sql';
import { sqlIdentifier } from './sql';
import { TaskCancelled } from './task-cancelled';

const MB = 1024 * 1024;

/**
 * The largest household file the browser imports with the page responsive, from bench measure 8
 * (`npm run bench -- --only=8 --runs=1 --households=2` and `--households=3,5`, 2026-12-04, 2
 * cores at a load average of 5-8): 2 M households (141 MB) imported whole with no long frame of
 * the page's own work above 181 ms (row 8g; read 6.6 s, join and aggregation 22 s, renderer peak
 * 1.4 GB); 3 M (211 MB) and 5 M (352 MB) imported whole too (join and aggregation 44 s and
 * 114 s, peaks 1.8 and 2.7 GB), but with frames of 228-339 ms, the page stalling visibly. Above
 * this the app says so before reading and gives the command for this machine's native DuckDB.
 */
export const HOUSEHOLD_CEILING_BYTES = 150 * MB;

/** Bytes of the head read by the JavaScript reader (header, delimiter, types, preview, key sample). */
export const HOUSEHOLD_HEAD_BYTES = SLICE_BYTES;

/** The command that aggregates a file too large for a browser (`peta-kantong households`, src/cli). */
export function householdCommand(fileName: string): string {
  const word = /^[\w./-]+$/.test(fileName) ? fileName : `'${fileName.replaceAll("'", `'\\''`)}'`;
  return `peta-kantong households --data ${word} --out agregat.csv`;
}

/**
 * The head of `file` as a small File cut after its last complete line, when the file is a CSV
 * household register (a column named like `desil` in its first lines) in UTF-8 or Windows-1252;
 * null otherwise, and the file is read the usual way (other tables, Excel, Parquet, UTF-16).
 */
export async function householdHead(file: File): Promise<File | null> {
  if (formatOfName(file.name, 'table')?.id !== 'csv') return null;
  const bytes = new Uint8Array(await file.slice(0, Math.min(file.size, HOUSEHOLD_HEAD_BYTES)).arrayBuffer());
  if (bytes.length === 0 || hasUtf16Bom(bytes)) return null;
  let encoding: TextEncoding;
  try {
    encoding = detectEncoding(bytes, file.name, bytes.length === file.size).encoding;
  } catch {
    return null; // mixed encodings: the JavaScript reader says where
  }
  const start = new TextDecoder(encoding).decode(bytes.subarray(0, 65536));
  if (!start.split(/\r?\n|\r/, 30).some((line) => /desil/i.test(line))) return null;
  const whole = bytes.length === file.size;
  const cut = whole ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
  if (cut <= 0) return null; // one line longer than the head: not a table DuckDB should guess at
  return new File([bytes.subarray(0, cut)], file.name, { type: 'text/csv' });
}

/** Refuses, before anything is read, a household file above the browser's measured ceiling. */
export function checkHouseholdSize(file: File, ceiling = HOUSEHOLD_CEILING_BYTES): void {
  if (file.size <= ceiling) return;
  throw new ImportError('householdFile.tooLarge', {
    file: file.name,
    sizeMb: Math.ceil(file.size / MB),
    limitMb: Math.floor(ceiling / MB),
    command: householdCommand(file.name),
  });
}

/**
 * The whole file as the head was read: DuckDB's reader as the shared household module sets it
 * up (household-read-sql.ts: UTF-8, every cell text, a row of the wrong width an error, never
 * padded), with the head's delimiter, and its columns under the names the head gave them (the
 * JavaScript reader names blank and repeated headers).
 */
export function householdReadSql(fileName: string, head: Pick<ImportedTable, 'delimiter' | 'columns'>): string {
  const source = householdSourceSql({ files: [fileName], format: 'csv', delimiter: head.delimiter ?? ',' });
  return `SELECT * FROM ${source} AS f(${head.columns.map((c) => sqlIdentifier(c.name)).join(', ')})`;
}

/**
 * The file as DuckDB is to read it, in UTF-8 (importers/windows-1252-utf8.ts: utf8ForDuckDb): in
 * the import worker in the app (import-client.ts), in this thread by default.
 */
export type Utf8Copier = (file: File, encoding: TextEncoding, headBytes: number, hooks: RunHooks) => Promise<Blob>;

/** Share of the progress bar given to the check and UTF-8 copy before DuckDB reads (about 10 times faster than DuckDB's reading). */
const COPY_SHARE = 0.1;

/**
 * Reads the whole household file into `mentah_<id>` with DuckDB, from the head's reading of it;
 * returns the table as the import dialog shows it (the head's columns and preview, the whole
 * file's row count). `csv` holds only the head's rows (the key-column sample): the rows are in
 * the database (`inDatabase`). A Windows-1252 file is read from a UTF-8 copy made by `toUtf8`;
 * the rest of a UTF-8 file past the head is checked by it first (a Windows-1252 file may start
 * with megabytes of ASCII). Nothing is left behind on failure or cancel (TaskCancelled).
 */
export async function loadHouseholdFile(
  db: Database,
  file: File,
  id: string,
  head: ImportedTable,
  hooks: RunHooks & { toUtf8?: Utf8Copier } = {},
): Promise<ImportedTable> {
  // A copy cut off in the middle of a row is refused from its last bytes, before minutes of reading.
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - TAIL_BYTES)).arrayBuffer());
  const encoding = head.encoding ?? 'utf-8';
  checkHouseholdTail(tail, file.name, { format: 'csv', encoding, delimiter: head.delimiter ?? ',', headerCells: head.columns.length });
  const { signal, onProgress, toUtf8 = utf8ForDuckDb } = hooks;
  let source: Blob = file;
  let reading: RunHooks = { signal, onProgress };
  if (encoding === 'windows-1252' || file.size > HOUSEHOLD_HEAD_BYTES) {
    source = await toUtf8(file, encoding, HOUSEHOLD_HEAD_BYTES, { signal, onProgress: onProgress && ((f) => onProgress(f * COPY_SHARE)) });
    if (signal?.aborted) throw new TaskCancelled();
    reading = { signal, onProgress: onProgress && ((f) => onProgress(COPY_SHARE + f * (1 - COPY_SHARE))) };
  }
  const name = `rt_berkas_${id}.csv`;
  const table = rawTable(id);
  if (db.registerFileHandle) await db.registerFileHandle(name, source);
  else await db.registerFileBuffer(name, new Uint8Array(await source.arrayBuffer()));
  try {
    const sql = `CREATE OR REPLACE TABLE ${table} AS ${householdReadSql(name, head)}`;
    try {
      // The reader must see the head's columns, no more (fewer would be renamed silently).
      const described = await db.query(`DESCRIBE ${householdReadSql(name, head)}`);
      if (described.numRows !== head.columns.length) {
        throw new Error(`${described.numRows} columns where the head has ${head.columns.length}`);
      }
      if (db.run) await db.run(sql, reading);
      else await db.exec(sql);
    } catch (error) {
      await db.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      if (error instanceof Error && error.name === 'TaskCancelled') throw error;
      throw readError(file.name, error);
    }
  } finally {
    await db.dropFile(name).catch(() => undefined);
  }
  const [count] = toRows(await db.query(`SELECT count(*) AS n FROM ${table}`));
  return { ...head, file: file.name, rowCount: Number(count.n), inDatabase: true };
}

/**
 * DuckDB's complaint about the file as the user's message: a quote left open at the end (a copy
 * cut off inside a quoted cell), a row of the wrong number of cells, bytes that are not UTF-8 past
 * the head of a UTF-8 file; otherwise DuckDB's own first line, with the row when it names one.
 */
function readError(file: string, error: unknown): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const row = /line[: ]+(\d+)/i.exec(message)?.[1] ?? '';
  const options = { cause: error };
  if (/unterminated quote/i.test(message)) return new ImportError('householdFile.openQuote', { file, row }, options);
  const width = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(message);
  if (width && row) return new ImportError('householdFile.wrongWidth', { file, row, expected: width[1], found: width[2] }, options);
  if (/invalid unicode/i.test(message)) return new ImportError('householdFile.notUtf8', { file, row }, options);
  const detail = message.split('\n')[0].slice(0, 300);
  return new ImportError(row ? 'householdFile.badRow' : 'householdFile.readFailed', { file, row, detail }, options);
}
