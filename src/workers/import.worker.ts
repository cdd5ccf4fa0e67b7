/// <reference lib="webworker" />
/**
 * The import worker: decoding, parsing, profiling and writing the normalised CSV of a table,
 * and reading (and reprojecting) spatial files, off the main thread, so a 200 MB file never
 * freezes the map. Cancelling terminates it.
 */
import { serveTasks } from './worker-client';
import { readGeoFile } from '../data/importers/read-geo';
import { readTable } from '../data/importers/read-table';
import { chooseTableKeys } from '../data/key-column-sample';
import { utf8ForDuckDb } from '../data/importers/windows-1252-utf8';
import type { ImportTasks } from './import-tasks';

serveTasks<ImportTasks>(self as unknown as Parameters<typeof serveTasks>[0], {
  readTable: (input, progress) => readTable(input.file, input.options, progress),
  readGeo: (input) => readGeoFile(input.file),
  chooseKeys: (input) => chooseTableKeys(input.table, input.targets),
  utf8ForDuckDb: (input, progress) => utf8ForDuckDb(input.file, input.encoding, input.headBytes, { onProgress: progress }),
  // Loaded on first use, as the table readers are: hyparquet is a chunk of its own.
  readParquetBatch: async (input) => (await import('../data/importers/parquet-arrow')).readParquetBatch(input),
});
