/**
 * What each bench page exposes on `window.bench`, shared by the pages (browser) and the runner
 * (Node, inside `page.evaluate`). Types only: nothing here runs.
 */

/** The minimal MapLibre page (baseline for first paint and recolour). */
export interface BaselineApi {
  /** Replaces the source data with new property values; ms until the map is idle with them. */
  recolour(): Promise<number>;
}

/** A kota read from the national FlatGeobuf by bounding box. */
export interface RectRead {
  ms: number;
  /** Features the reader returned (the app's reader keeps only the kota's own). */
  features: number;
  /** Features whose `kode` starts with the kota's prefix. */
  matched: number;
}

/** The national-file page. */
export interface NationalApi {
  readRect(url: string, rect: { minX: number; minY: number; maxX: number; maxY: number }, prefix: string): Promise<RectRead>;
  /** Downloads the whole file; ms and bytes received. */
  download(url: string): Promise<{ ms: number; bytes: number }>;
}

/** Timings of one household-aggregation run, ms. */
export interface HouseholdTimes {
  fetch: number;
  /** DuckDB-WASM start (WASM download from cache, worker, instantiate); not part of the ratio. */
  duckdbStart: number;
  /** registerFileText + CREATE TABLE ... read_csv. */
  duckdbLoad: number;
  /** The registerFileText part of `duckdbLoad` (the text copied to DuckDB's worker). */
  duckdbRegister: number;
  /** The GROUP BY query, results turned into plain rows. */
  duckdbQuery: number;
  /** CSV text to row objects in plain JavaScript. */
  jsParse: number;
  /** The aggregation loop over the parsed rows. */
  jsLoop: number;
  rows: number;
  kelurahan: number;
  /** Whether DuckDB and the JavaScript loop gave identical aggregates for every kelurahan. */
  agree: boolean;
}

/** The household-aggregation page. */
export interface HouseholdsApi {
  run(url: string, duckdbFirst: boolean): Promise<HouseholdTimes>;
}

/** The Local Moran page. */
export interface LisaApi {
  /** `reps` timed runs (999 permutations each) after one warm-up; ms of each and I of the last. */
  localMoran(values: number[], neighbours: number[][], reps: number): { ms: number[]; I: number[] };
}

/** `window` of a bench page, as the runner sees it. */
export interface BenchWindow {
  bench: BaselineApi & NationalApi & HouseholdsApi & LisaApi;
}
