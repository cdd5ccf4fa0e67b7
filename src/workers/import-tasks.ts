/** What the import worker does, as types shared by the worker and its client. */
import type { GeoImport } from '../data/importers/geo-features';
import type { ImportedTable, TableReadOptions, TextEncoding } from '../data/importers/types';
import type { ParquetBatch, ParquetBatchRequest } from '../data/importers/parquet-arrow';
import type { JoinTarget } from '../data/join';
import type { KeyChoice, KeyTable } from '../data/key-column-sample';

export interface ReadTableInput {
  file: File;
  options: TableReadOptions;
}

/** Task name -> [input, output] for WorkerClient and serveTasks. */
export type ImportTasks = {
  readTable: [ReadTableInput, ImportedTable];
  /** A GeoJSON, zipped Shapefile or FlatGeobuf file: boundaries or points. */
  readGeo: [{ file: File }, GeoImport];
  /** One batch of a household Parquet register as Arrow, for DuckDB (data/household-parquet.ts). */
  readParquetBatch: [ParquetBatchRequest, ParquetBatch];
  /** The key columns of a read table, chosen from up to 60,000 of its rows (data/key-column-sample.ts). */
  chooseKeys: [{ table: KeyTable; targets: JoinTarget[] }, KeyChoice];
  /** A household register as DuckDB is to read it, in UTF-8 (importers/windows-1252-utf8.ts: utf8ForDuckDb). */
  utf8ForDuckDb: [{ file: File; encoding: TextEncoding; headBytes: number }, Blob];
};
