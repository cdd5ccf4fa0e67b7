/**
 * The key columns a table starts with, and the rows they are chosen from. The preview holds
 * only the first 50 rows, which in a provincial table (Jawa Barat's open data lists 5,312 desa
 * once per year) may all lie in another kab/kota; so the choice reads the table's normalised
 * CSV, up to a limit that keeps the dialog quick on household files of hundreds of thousands of
 * rows. The app runs the choice in its import worker (parsing 60,000 rows and tallying them
 * against the region took seconds of the page's thread on a loaded machine); the command-line
 * tool and the tests call it directly.
 */
import { DelimitedParser } from './importers/delimited';
import type { ImportedTable } from './importers/types';
import type { JoinTarget } from './join';
import type { KeyColumns } from './datasets';
import { chooseKeyColumns, keyNamesOf, type KeyColumnChoice } from './join-columns';

/** Enough for a province's desa over several years; the rest of a bigger table is not read. */
export const KEY_SAMPLE_ROWS = 60_000;
const CHUNK_BYTES = 1 << 20;

/** Data rows (header excluded) of the table's normalised CSV, at most `maxRows`, in file order. */
export function sampleTableRows(table: Pick<ImportedTable, 'csv' | 'preview'>, maxRows = KEY_SAMPLE_ROWS): string[][] {
  const rows: string[][] = [];
  let header = true;
  const parser = new DelimitedParser(',', (cells) => {
    if (header) header = false;
    else if (rows.length < maxRows) rows.push(cells);
  });
  const decoder = new TextDecoder('utf-8');
  const { csv } = table;
  for (let start = 0; start < csv.length && rows.length < maxRows; start += CHUNK_BYTES) {
    const end = Math.min(start + CHUNK_BYTES, csv.length);
    parser.push(decoder.decode(csv.subarray(start, end), { stream: end < csv.length }));
  }
  // The importer has already checked the quotes of the whole file; a cut-off read need not close.
  if (rows.length < maxRows) parser.end();
  return rows.length > 0 || table.preview.length === 0 ? rows : table.preview;
}

/** The rows of a table the key choice reads. */
export type KeyTable = Pick<ImportedTable, 'columns' | 'preview' | 'csv'>;

/** The key columns by name, and the evidence they were chosen on. */
export interface KeyChoice {
  keys: KeyColumns;
  choice: KeyColumnChoice;
}

/**
 * The key columns as the import dialog chooses them (ImportSession.#setTable): by evidence,
 * from a sample of the whole table rather than the preview (a provincial table may reach the
 * region late).
 */
export function chooseTableKeys(table: KeyTable, targets: JoinTarget[]): KeyChoice {
  const header = table.columns.map((c) => c.name);
  const choice = chooseKeyColumns(header, sampleTableRows(table), targets);
  return { keys: keyNamesOf(header, choice.columns), choice };
}
