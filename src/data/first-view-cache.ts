/**
 * The last choropleth the app computed, kept in the browser so the next visit can draw it before
 * DuckDB has started (issue 7, measure 1: a warm visit waits about 2-5 s for DuckDB's worker,
 * WASM and queries, while the polygons are ready in well under that).
 *
 * Why this is honest: it is a cache of the app's own answer, not a second source of numbers. It
 * is used only when the view asked for is exactly the one stored (region, year, indicator,
 * measure and everything else in the app's request key) AND the data it was computed from is
 * exactly the same: the demo data's content-hashed file names, the app's own build (a fix in a
 * query gives a new chunk hash), and every imported dataset of that region by id and creation
 * time. Any difference misses, and the map waits for DuckDB as before. DuckDB's answer still
 * arrives and replaces the stored one (they are the same numbers), and refreshes the store.
 * Classes and the classification method are not part of the key: the classes are computed from
 * these values by the same code on every visit, so they cannot differ.
 */
import indikatorCsvUrl from '../../data/demo/indikator.csv?url';
import programCsvUrl from '../../data/demo/program.csv?url';
import type { Store } from './store';

const SETTING = 'peta-pertama';

/** What the stored answer depends on. */
export interface FirstViewSource {
  /** The app's request key (AppState.wantedKey): region, year, indicator, measure, options. */
  request: string;
  /** The region's kode (kab/kota): only its imported datasets matter. */
  regionKode: string;
  /** Imported datasets of the workspace (those of other regions are ignored). */
  datasets: { id: string; created: string; regionKode: string }[];
  /** The demo data files and the app build, as content-hashed URLs (defaults: this build's). */
  demoFiles?: string[];
  build?: string;
}

/** The stored answer of one view. */
export interface FirstView {
  key: string;
  values: [string, number | null][];
}

/** The demo files and the build this module was bundled into (hashed names in a build). */
function thisBuild(): { demoFiles: string[]; build: string } {
  return { demoFiles: [indikatorCsvUrl, programCsvUrl], build: new URL(import.meta.url).pathname };
}

/** The key of a view and the version of the data it is computed from. */
export function firstViewKey(source: FirstViewSource): string {
  const { demoFiles, build } = { ...thisBuild(), ...source };
  const datasets = source.datasets
    .filter((d) => d.regionKode === source.regionKode)
    .map((d) => `${d.id}@${d.created}`)
    .sort();
  return JSON.stringify({ request: source.request, demo: demoFiles, build, datasets });
}

/** The stored values for `key`, or null (nothing stored, another view, other data, no storage). */
export async function loadFirstView(store: Store, key: string): Promise<Map<string, number | null> | null> {
  const stored = await store.getSetting<FirstView>(SETTING).catch(() => undefined);
  if (!stored || stored.key !== key || !Array.isArray(stored.values)) return null;
  return new Map(stored.values);
}

/** Keeps the values DuckDB answered for `key` (one view: the last one drawn). */
export async function saveFirstView(store: Store, key: string, values: Map<string, number | null>): Promise<void> {
  const entry: FirstView = { key, values: [...values] };
  await store.putSetting(SETTING, entry);
}

/**
 * A synchronous hint, in localStorage, of the request whose answer is stored: the start-up can
 * decide at once whether to wait for the stored picture before starting DuckDB (a returning
 * visitor) or to start DuckDB immediately (a first visit, where every millisecond of the download
 * counts). Only a hint: the stored answer itself is still checked against its full key.
 */
const HINT = 'pkk:peta-pertama';

export function hintStoredView(request: string): void {
  try {
    localStorage.setItem(HINT, request);
  } catch {
    // No storage: every visit then starts DuckDB at once.
  }
}

export function mayHaveStoredView(request: string): boolean {
  try {
    return localStorage.getItem(HINT) === request;
  } catch {
    return false;
  }
}
