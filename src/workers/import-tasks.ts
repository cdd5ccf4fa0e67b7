/** What the import worker does, as types shared by the worker and its client. */
import type { ImportedTable, TableReadOptions } from '../data/importers/types';

export interface ReadTableInput {
  file: File;
  options: TableReadOptions;
}

/** Task name -> [input, output] for WorkerClient and serveTasks. */
export type ImportTasks = {
  readTable: [ReadTableInput, ImportedTable];
};
