import { describe, expect, it } from 'vitest';
import { nationalFirstViewFileName } from '../../../src/data/first-view-national-file';
import { inShell, precacheList, versionSource } from '../../../src/sw/manifest';

/** The files of a real build (dist/, 2026-11-22), with made-up digests. */
const BUILD = [
  'index.html',
  'sw.js',
  'assets/index-Cy4ITFYV.js',
  'assets/index-Be0pgSBt.css',
  'assets/duckdb-eh-9ubY-jlA.wasm',
  'assets/duckdb-mvp-BP0pRkMH.wasm',
  'assets/duckdb-browser-eh.worker-hQa-dcAV.js',
  'assets/maplibre-gl-worker-CZtFQQIV.mjs',
  'assets/zstd-CV7N7xSg.wasm',
  'assets/noto-sans-latin-400-normal-BTkUljjl.woff2',
  'assets/noto-sans-latin-400-normal-DPpKfCgK.woff',
  'assets/indikator-Dgix3qff.csv',
  'boundaries/kelurahan_surakarta.fgb',
  'boundaries/README.md',
  'regions/regions.json',
  'regions/README.md',
].map((path, i) => ({ path, digest: `d${i}` }));

describe('precache list', () => {
  it('holds the shell and leaves out both DuckDB bundles, WOFF fonts, READMEs and the worker itself', () => {
    expect(precacheList(BUILD)).toEqual([
      'assets/duckdb-browser-eh.worker-hQa-dcAV.js',
      'assets/index-Be0pgSBt.css',
      'assets/index-Cy4ITFYV.js',
      'assets/indikator-Dgix3qff.csv',
      'assets/maplibre-gl-worker-CZtFQQIV.mjs',
      'assets/noto-sans-latin-400-normal-BTkUljjl.woff2',
      'assets/zstd-CV7N7xSg.wasm',
      'boundaries/kelurahan_surakarta.fgb',
      'index.html',
      'regions/regions.json',
    ]);
    expect(inShell('assets/duckdb-coi-abcdefgh.wasm')).toBe(false);
  });

  it("holds the cities' prebuilt first views but not the national one (national data is fetched when that map opens)", () => {
    expect(inShell('assets/first-view-surakarta-a1b2c3d4.json')).toBe(true);
    expect(inShell(nationalFirstViewFileName('a1b2c3d4e5f60718'))).toBe(false);
  });

  it('gives a new version source when a shell file changes, and the same one for other changes or order', () => {
    const base = versionSource(BUILD);
    expect(versionSource([...BUILD].reverse())).toBe(base);
    const edited = BUILD.map((f) => (f.path === 'boundaries/kelurahan_surakarta.fgb' ? { ...f, digest: 'new' } : f));
    expect(versionSource(edited)).not.toBe(base);
    const renamed = BUILD.map((f) => (f.path === 'index.html' ? { ...f, digest: 'other' } : f));
    expect(versionSource(renamed)).not.toBe(base);
    // The DuckDB bundles are not in the shell: rebuilding them alone does not change the version.
    const wasm = BUILD.map((f) => (f.path.startsWith('assets/duckdb-eh-') ? { ...f, digest: 'new' } : f));
    expect(versionSource(wasm)).toBe(base);
  });
});
