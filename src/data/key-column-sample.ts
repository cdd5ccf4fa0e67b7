/**
 * The rows the key columns are chosen from. The preview holds only the first 50 rows, which in
 * a provincial table (Jawa Barat's open data lists 5,312 desa once per year) may all lie in
 * another kab/kota; so the choice reads the table's normalised CSV, up to a limit that keeps
 * the dialog quick on household files of hundreds of thousands of rows.
 */
import { DelimitedParser } from './importers/delimited';
import type { ImportedTable } from './importers/types';

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
