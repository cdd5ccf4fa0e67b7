/**
 * The prebuilt first view (issue 16, item 1): what the build computes for each demo city's
 * default view, and what the page checks before drawing it. Pure and shared: the build step
 * (src/cli/first-view.ts, run by scripts/vite-first-view.ts) writes these files with the app's
 * own SQL in Node, and the page (first-view-prebuilt.ts) reads them while DuckDB is not started.
 *
 * Why a file and not DuckDB: a cold visit waits seconds for DuckDB's WASM (7.7 MB gzipped; 6 s at
 * 10 Mbit/s) before the first choropleth, while the polygons are there in two. The default view
 * of a demo city depends only on files that ship with the build, so its answer is known at build
 * time. DuckDB still starts and answers the same question; its answer replaces this one.
 */
import type { Measure } from './catalog';
import type { CitySummary } from './indicators';

/** The view a page opens with when the link names nothing else (AppState's defaults). */
export const DEFAULT_VIEW: { readonly kota: string; readonly tahun: number; readonly indikator: string; readonly ukuran: Measure } = {
  kota: 'surakarta',
  tahun: 2025,
  indikator: 'penduduk_miskin',
  ukuran: 'rasio',
};

/** Bumped when the file's shape changes: a page never reads a shape it does not know. */
export const FIRST_VIEW_FORMAT = 1;

/** One city's prebuilt first view, as written to its JSON file. */
export interface FirstViewFile {
  format: number;
  /** Hash of everything the answer was computed from (demo data, SQL modules, DuckDB's version). */
  hash: string;
  /** The request it answers, in the form of AppState.wantedKey (`slug|tahun|indikator|measure`). */
  key: string;
  /** The city's years with data for the indicator (the year menu), oldest first. */
  years: number[];
  /** kode → value (null: no data), as DuckDB's fetchValues answers. */
  values: [string, number | null][];
  /** The city line of the legend, as fetchCitySummary answers. */
  summary: CitySummary;
}

/** What the page holds of the build: the hash it was built with and each city's file. */
export interface FirstViewManifest {
  hash: string;
  /** slug → the request its file answers and the file's path under the app's base. */
  views: Record<string, { key: string; file: string }>;
  /**
   * The national map's default view (first-view-national-file.ts); absent when the site was built
   * without the national sample (`npm run data:national`), and then the map waits for DuckDB.
   * Its own hash: a new national sample does not rename the cities' files, nor the other way round.
   */
  national?: { hash: string; key: string; file: string };
}

/** The request key of a plain view (no smoothing, composite, target or comparison). */
export function prebuiltKey(slug: string, tahun: number, indikator: string, measure: Measure): string {
  return `${slug}|${tahun}|${indikator}|${measure}`;
}

/**
 * Where a city's file goes in the build: its name carries the hash, so a stale one is never
 * fetched. Eight characters, as Vite names its assets: the service worker (sw/routes.ts) then
 * answers it from its cache on a returning visit without asking the network.
 */
export function firstViewFileName(slug: string, hash: string): string {
  return `assets/first-view-${slug}-${hash.slice(0, 8)}.json`;
}

function isValue(entry: unknown): entry is [string, number | null] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && (entry[1] === null || (typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}

/**
 * The file's answer when it is the one this page was built for (same hash) and answers the
 * request asked (same key); null for anything else, so a stale or foreign file is never drawn.
 */
export function acceptFirstView(
  file: unknown,
  expected: { hash: string; key: string },
): { values: Map<string, number | null>; summary: CitySummary; years: number[] } | null {
  if (typeof file !== 'object' || file === null) return null;
  const f = file as Partial<FirstViewFile>;
  if (f.format !== FIRST_VIEW_FORMAT || !expected.hash || f.hash !== expected.hash || f.key !== expected.key) return null;
  if (!Array.isArray(f.values) || !f.values.every(isValue) || !Array.isArray(f.years) || typeof f.summary !== 'object' || f.summary === null) return null;
  return { values: new Map(f.values), summary: f.summary, years: f.years.map(Number) };
}
