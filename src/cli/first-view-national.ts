/**
 * Build step of the national map's prebuilt first view (issue 16, item 1;
 * src/data/first-view-national-file.ts says why): the default indicator and year of every desa,
 * computed in Node by the page's own SQL (loadNationalValues, fetchNationalKode and
 * fetchNationalValues of src/data/national-map.ts) on the same engine (DuckDB-WASM, node-db.ts),
 * from the sample CSV `npm run data:national` writes into public/national/.
 *
 * The answer carries a hash of everything it is computed from (the CSV, the SQL modules, this
 * step, DuckDB's version), so a new sample or query gives a new file name and a new manifest,
 * and no page draws an answer of other data. scripts/vite-first-view.ts runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchNationalKode, fetchNationalValues, loadNationalValues } from '../data/national-map';
import { encodeKode, nationalKey, NATIONAL_DEFAULT_VIEW, NATIONAL_FIRST_VIEW_FORMAT, type NationalFirstViewFile } from '../data/first-view-national-file';
import { hashInputs } from './first-view';
import { openNodeDatabase } from './node-db';

/** The sample CSV under the project root (the page fetches it as `national/contoh-nilai.csv`). */
export const NATIONAL_SAMPLE_CSV = 'public/national/contoh-nilai.csv';

/** Files (relative to the project root) whose content decides the answer. */
export const NATIONAL_FIRST_VIEW_INPUTS = [
  NATIONAL_SAMPLE_CSV,
  'src/data/national-map.ts',
  'src/data/sql.ts',
  'src/data/database.ts',
  'src/data/first-view-national-file.ts',
  'src/cli/first-view-national.ts',
  'src/cli/first-view.ts',
  'src/cli/node-db.ts',
];

/** The hash of the national inputs under `root`. */
export function nationalFirstViewHash(root: string): string {
  return hashInputs(root, NATIONAL_FIRST_VIEW_INPUTS, `national ${NATIONAL_FIRST_VIEW_FORMAT}`);
}

export interface BuiltNationalFirstView {
  hash: string;
  file: NationalFirstViewFile;
}

/**
 * The national default view under `root`; null when there is no sample CSV (a site built
 * without `npm run data:national` has no national values at all) or it lacks the default year
 * (the page then opens on another year, which is not prebuilt).
 */
export async function buildNationalFirstView(root: string): Promise<BuiltNationalFirstView | null> {
  const csv = join(root, NATIONAL_SAMPLE_CSV);
  if (!existsSync(csv)) return null;
  const hash = nationalFirstViewHash(root);
  const db = await openNodeDatabase();
  // As NationalState asks on opening: the years, the desa in order, the default's values.
  const years = await loadNationalValues(db, new Uint8Array(readFileSync(csv)));
  const { indikator, tahun } = NATIONAL_DEFAULT_VIEW;
  if (!years.includes(tahun)) return null;
  const kode = await fetchNationalKode(db);
  const { nilai } = await fetchNationalValues(db, kode, indikator, tahun);
  const file: NationalFirstViewFile = {
    format: NATIONAL_FIRST_VIEW_FORMAT,
    hash,
    key: nationalKey(indikator, tahun),
    years,
    kode: encodeKode(kode),
    nilai: Array.from(nilai, (v) => (Number.isNaN(v) ? null : v)),
  };
  return { hash, file };
}
