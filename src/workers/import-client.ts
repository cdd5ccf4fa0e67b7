/**
 * The app's import worker, created on first use, and `importTable`, the call the state uses to
 * read a table file. Errors cross the worker boundary as text; an ImportError's text is
 * `key {params}` (see types.ts), so it is turned back into an ImportError here and the
 * message can be shown in the user's language.
 */
import type { GeoImport } from '../data/importers/geo-features';
import { ImportError, type ImportedTable, type TableReadOptions, type TextEncoding } from '../data/importers/types';
import type { MessageKey } from '../i18n';
import { WorkerClient } from './worker-client';
import type { ImportTasks } from './import-tasks';
import type { ParquetBatch, ParquetBatchRequest } from '../data/importers/parquet-arrow';
import type { JoinTarget } from '../data/join';
import type { KeyChoice, KeyTable } from '../data/key-column-sample';

let client: WorkerClient<ImportTasks> | undefined;

/** The shared import worker. */
export function importWorker(): WorkerClient<ImportTasks> {
  client ??= new WorkerClient<ImportTasks>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'impor' }));
  return client;
}

/**
 * Reads a table file in the import worker. Rejects with ImportError (user-fixable, with a
 * message key), TaskCancelled (aborted or superseded by a newer import) or Error (a bug).
 */
export async function importTable(file: File, options: TableReadOptions = {}, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<ImportedTable> {
  try {
    return await importWorker().run('readTable', { file, options }, { onProgress, signal });
  } catch (error) {
    throw reviveImportError(error);
  }
}

/** An ImportError again if `error` is one that crossed the worker as `key {json}`; else `error`. */
export function reviveImportError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name === 'TaskCancelled') return error;
  const match = /^((?:importTable|importGeo)\.\w+) (\{.*\})$/s.exec(error.message);
  if (!match) return error;
  try {
    return new ImportError(match[1] as MessageKey, JSON.parse(match[2]) as Record<string, string | number>);
  } catch {
    return error;
  }
}

/**
 * Reads a GeoJSON, zipped Shapefile or FlatGeobuf file in the import worker. Rejects with
 * ImportError (message keys `importGeo.*`), TaskCancelled (superseded by a newer read) or Error.
 */
export async function readGeoInWorker(file: File): Promise<GeoImport> {
  try {
    return await importWorker().run('readGeo', { file });
  } catch (error) {
    throw reviveImportError(error);
  }
}

/** importTable with its hooks in one object, the form src/state/import.svelte.ts calls. */
export function readTableInWorker(
  file: File,
  options: TableReadOptions = {},
  hooks: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<ImportedTable> {
  return importTable(file, options, hooks.onProgress, hooks.signal);
}

/**
 * A household register as DuckDB is to read it, in UTF-8 (a Windows-1252 file's copy), made in the
 * import worker so the page stays free (data/household-file.ts); cancelling terminates the worker.
 */
export async function utf8ForDuckDbInWorker(
  file: File,
  encoding: TextEncoding,
  headBytes: number,
  hooks: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Blob> {
  try {
    return await importWorker().run('utf8ForDuckDb', { file, encoding, headBytes }, hooks);
  } catch (error) {
    throw reviveImportError(error);
  }
}

/**
 * Reads one batch of a household Parquet register as Arrow in the import worker; its bytes are
 * transferred to the page, then on to DuckDB's worker (data/household-parquet.ts).
 */
export async function readParquetBatchInWorker(request: ParquetBatchRequest, signal?: AbortSignal): Promise<ParquetBatch> {
  try {
    return await importWorker().run('readParquetBatch', request, { signal });
  } catch (error) {
    throw reviveImportError(error);
  }
}

/**
 * Chooses a read table's key columns in the import worker: the choice parses up to 60,000 rows
 * and tallies them against the region, seconds of the page's thread on a busy machine.
 */
export function chooseKeysInWorker(table: KeyTable, targets: JoinTarget[], signal?: AbortSignal): Promise<KeyChoice> {
  return importWorker().run('chooseKeys', { table: { columns: table.columns, preview: table.preview, csv: table.csv }, targets }, { signal });
}
