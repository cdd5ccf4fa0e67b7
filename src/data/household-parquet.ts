/**
 * Household registers in Parquet, read into the import's raw table `mentah_<id>` as Arrow
 * (issue 17, item 1: Parquet through the fastest reader available offline). DuckDB-WASM cannot
 * read Parquet offline (its reader is an extension fetched from the network), so the import
 * worker decodes the file with hyparquet a batch of row groups at a time into Arrow text columns
 * (importers/parquet-arrow.ts), and DuckDB makes each batch a table as it comes (the next batch
 * is decoded meanwhile), then the raw table from them in one CREATE TABLE AS. Measured in
 * DuckDB-WASM (1 M rows, 11 text columns): appending batches to one table with INSERT costs
 * 5.6 s of CPU, creating a table per batch and joining them 3.8 s. The page's thread only passes
 * the bytes on.
 *
 * As with a CSV register (household-file.ts), the head (the first rows) goes through the table
 * reader for the column types, the preview and the key sample, and the raw table holds every
 * cell as text, so the join and the household SQL read it exactly as they read a CSV register.
 * Nothing is left behind on failure or cancel.
 */
import { toRows, type Database, type RunHooks } from './database';
import { rawTable } from './datasets';
import { householdCommand } from './household-file';
import { KEY_SAMPLE_ROWS } from './key-column-sample';
import type { ParquetBatch, ParquetBatchRequest } from './importers/parquet-arrow';
import { ImportError, type ImportedTable } from './importers/types';
import { TaskCancelled } from './task-cancelled';

/** Rows of the head read by the table reader: as many as the key columns are chosen from. */
export const PARQUET_HEAD_ROWS = KEY_SAMPLE_ROWS;

/**
 * The most households the browser imports from Parquet. What limits the browser is the rows, not
 * the file's bytes (a Parquet file is ten times smaller than its CSV): after the read, a Parquet
 * register is the same raw table as a CSV one, so its ceiling is the CSV ceiling
 * (HOUSEHOLD_CEILING_BYTES, 150 MB) in the rows of the register measured there (bench measure 8:
 * 1 M households in 70 MB of CSV), about 2 million.
 */
export const HOUSEHOLD_CEILING_ROWS = 2_000_000;

/** Reads one batch of a Parquet file as Arrow: in the import worker in the app, in this thread in tests. */
export type ParquetBatchReader = (request: ParquetBatchRequest, signal?: AbortSignal) => Promise<ParquetBatch>;

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** Whether `file` is a Parquet file (its first bytes, whatever its name). */
export async function isParquetFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return PARQUET_MAGIC.every((b, i) => head[i] === b);
}

/** Refuses a Parquet register of more households than the browser handles, with the command that aggregates it. */
export function checkHouseholdRows(fileName: string, rows: number, ceiling = HOUSEHOLD_CEILING_ROWS): void {
  if (rows <= ceiling) return;
  // Digits grouped by a narrow space, read alike in both languages (2 000 000).
  const count = (n: number) => Math.round(n).toLocaleString('en-US').replaceAll(',', '\u202f');
  throw new ImportError('householdFile.tooManyRows', { file: fileName, rows: count(rows), limit: count(ceiling), command: householdCommand(fileName) });
}

/**
 * Reads the whole Parquet register into `mentah_<id>`, batch by batch, with the head's column
 * names; returns the table as the import dialog shows it (the head's columns and preview, the
 * whole file's row count, `inDatabase`). `ceiling` refuses, from the first batch's count of the
 * file's rows, a register above the browser's ceiling before anything is inserted.
 */
export async function loadHouseholdParquet(
  db: Database,
  file: File,
  id: string,
  head: ImportedTable,
  readBatch: ParquetBatchReader,
  hooks: RunHooks & { ceiling?: number } = {},
): Promise<ImportedTable> {
  const insert = db.insertArrowIpc?.bind(db);
  if (!insert) throw new Error('this database cannot insert Arrow');
  const { signal } = hooks;
  const table = rawTable(id);
  const names = head.columns.map((c) => c.name);
  const parts: string[] = [];
  const dropParts = () => Promise.all(parts.map((part) => db.exec(`DROP TABLE IF EXISTS ${part}`).catch(() => undefined)));
  const request = (batch: number) => {
    const read = readBatch({ file, batch, names }, signal);
    // Awaited in its turn; a failed insert before then must not leave it unhandled.
    read.catch(() => undefined);
    return read;
  };
  try {
    await db.exec(`DROP TABLE IF EXISTS ${table}`);
    let next = request(0);
    let read = 0;
    for (let batch = 0; ; batch++) {
      const current = await next;
      if (signal?.aborted) throw new TaskCancelled();
      if (batch === 0) checkHouseholdRows(file.name, current.totalRows, hooks.ceiling);
      const more = batch + 1 < current.batches;
      if (more) next = request(batch + 1);
      const part = `bagian_${table}_${batch}`;
      parts.push(part);
      await insert(part, current.ipc);
      read += current.readRows;
      hooks.onProgress?.(current.totalRows > 0 ? read / current.totalRows : 1);
      if (!more) break;
    }
    if (signal?.aborted) throw new TaskCancelled();
    // One batch is the table already; several are joined in file order (DuckDB keeps the order of a UNION ALL's parts).
    if (parts.length === 1) await db.exec(`ALTER TABLE ${parts[0]} RENAME TO ${table}`);
    else await db.exec(`CREATE TABLE ${table} AS ${parts.map((part) => `SELECT * FROM ${part}`).join(' UNION ALL ')}`);
  } catch (error) {
    await db.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await dropParts();
    if (error instanceof ImportError || (error instanceof Error && error.name === 'TaskCancelled')) throw error;
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);
    throw new ImportError('householdFile.readFailed', { file: file.name, detail }, { cause: error });
  }
  await dropParts();
  const [count] = toRows(await db.query(`SELECT count(*) AS n FROM ${table}`));
  return { ...head, file: file.name, rowCount: Number(count.n), inDatabase: true };
}
