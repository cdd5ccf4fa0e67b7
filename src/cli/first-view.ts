/**
 * Build step of the prebuilt first view (issue 16, item 1; src/data/first-view-file.ts says why):
 * the default view of every demo city, computed in Node by the app's own SQL modules
 * (loadIndicators, fetchYears, fetchValues, fetchCitySummary of src/data/indicators.ts) on the
 * same engine (DuckDB-WASM, node-db.ts), from the demo files of `root`.
 *
 * Each answer carries a hash of everything it is computed from: the demo data, the catalog and
 * city list, the SQL modules and this step, and DuckDB's version. A changed input gives a new hash,
 * a new file name and a new manifest in the page, so no page ever draws an answer of other data.
 * scripts/vite-first-view.ts runs this in `vite build` and `vite` (npm start).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { effectiveMeasure, type Catalog, type City } from '../data/catalog';
import { DEFAULT_VIEW, FIRST_VIEW_FORMAT, prebuiltKey, type FirstViewFile } from '../data/first-view-file';
import { fetchCitySummary, fetchValues, fetchYears, loadIndicators } from '../data/indicators';
import { openNodeDatabase } from './node-db';

/** Files (relative to the project root) whose content decides the answers. */
export const FIRST_VIEW_INPUTS = [
  'data/demo/indikator.csv',
  'data/catalog.json',
  'data/kota.json',
  'src/data/indicators.ts',
  'src/data/sql.ts',
  'src/data/database.ts',
  'src/data/first-view-file.ts',
  'src/cli/first-view.ts',
  'src/cli/node-db.ts',
];

/** DuckDB-WASM's version: a new engine may answer differently. */
function duckdbVersion(): string {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/blocking'));
  const manifest = join(dist, '..', 'package.json');
  return existsSync(manifest) ? String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version) : 'unknown';
}

/** The hash (SHA-256, hex) of `inputs` under `root`, a file format and DuckDB's version. */
export function hashInputs(root: string, inputs: readonly string[], format: string): string {
  const hash = createHash('sha256').update(`format ${format}\0duckdb ${duckdbVersion()}\0`);
  for (const path of inputs) {
    const file = join(root, path);
    hash
      .update(`${path}\0`)
      .update(existsSync(file) ? readFileSync(file) : 'missing')
      .update('\0');
  }
  return hash.digest('hex');
}

/** The hash of the cities' inputs under `root`. */
export function firstViewHash(root: string): string {
  return hashInputs(root, FIRST_VIEW_INPUTS, String(FIRST_VIEW_FORMAT));
}

export interface BuiltFirstViews {
  hash: string;
  /** One per demo city whose default year has data (a city without it opens on another year). */
  views: { slug: string; file: FirstViewFile }[];
}

/** Computes the default view of every demo city under `root`. */
export async function buildFirstViews(root: string): Promise<BuiltFirstViews> {
  const hash = firstViewHash(root);
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const catalog = JSON.parse(read('data/catalog.json')) as Catalog;
  const cities = JSON.parse(read('data/kota.json')) as City[];
  const indicator = catalog.indicators.find((i) => i.id === DEFAULT_VIEW.indikator);
  if (!indicator) throw new Error(`first view: indicator ${DEFAULT_VIEW.indikator} is not in the catalog`);
  const measure = effectiveMeasure(indicator, DEFAULT_VIEW.ukuran);
  const db = await openNodeDatabase();
  await loadIndicators(db, read('data/demo/indikator.csv'), catalog.indicators);
  const views: BuiltFirstViews['views'] = [];
  for (const city of cities) {
    // As AppState.refresh asks for a plain view: the years, the values and the city line.
    const years = await fetchYears(db, city.kode, indicator.id);
    if (!years.includes(DEFAULT_VIEW.tahun)) continue;
    const query = { kodeKota: city.kode, tahun: DEFAULT_VIEW.tahun, indikator: indicator.id };
    const values = await fetchValues(db, { ...query, measure });
    const summary = await fetchCitySummary(db, query);
    const file: FirstViewFile = {
      format: FIRST_VIEW_FORMAT,
      hash,
      key: prebuiltKey(city.slug, DEFAULT_VIEW.tahun, indicator.id, measure),
      years,
      values: [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      summary,
    };
    views.push({ slug: city.slug, file });
  }
  return { hash, views };
}
