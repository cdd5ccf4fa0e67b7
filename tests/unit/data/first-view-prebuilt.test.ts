/**
 * The page's reading of a prebuilt first view (src/data/first-view-prebuilt.ts and
 * first-view-file.ts): only a file of this build's hash that answers the view asked for is drawn;
 * a stale file (another build's hash), another view, a broken file or a failed fetch give null,
 * and the map then waits for DuckDB.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPrebuiltNational, loadPrebuiltView } from '../../../src/data/first-view-prebuilt';
import { encodeKode, NATIONAL_FIRST_VIEW_FORMAT, type NationalFirstViewFile } from '../../../src/data/first-view-national-file';
import { FIRST_VIEW_FORMAT, firstViewFileName, type FirstViewFile, type FirstViewManifest } from '../../../src/data/first-view-file';
import { strategyFor } from '../../../src/sw/routes';

const KEY = 'surakarta|2025|penduduk_miskin|rasio';
const FILE: FirstViewFile = {
  format: FIRST_VIEW_FORMAT,
  hash: 'a1b2c3d4e5f60718',
  key: KEY,
  years: [2021, 2022, 2023, 2024, 2025],
  values: [
    ['33.72.01.1001', 12.5],
    ['33.72.01.1002', null],
  ],
  summary: { jumlah: 100, rasio: 9.5, kelurahanWithData: 1, kelurahan: 2, mean: null },
};
const MANIFEST: FirstViewManifest = { hash: FILE.hash, views: { surakarta: { key: KEY, file: 'assets/first-view-surakarta-a1b2c3d4e5f6.json' } } };

/** Answers every fetch with `body` (or `status`), recording the URLs asked. */
function serve(body: unknown, status = 200): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { status });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadPrebuiltView', () => {
  it('draws the file of this build for the view it answers', async () => {
    const asked = serve(FILE);
    const view = await loadPrebuiltView('surakarta', KEY, MANIFEST);
    expect(asked).toEqual([`/${MANIFEST.views.surakarta.file}`]);
    expect(view?.values).toEqual(new Map(FILE.values));
    expect(view?.summary).toEqual(FILE.summary);
    expect(view?.years).toEqual(FILE.years);
  });

  it('ignores a file whose hash is not the one the page was built for', async () => {
    serve({ ...FILE, hash: 'ffffffffffffffff' });
    expect(await loadPrebuiltView('surakarta', KEY, MANIFEST)).toBeNull();
  });

  it('does not fetch for another view, city or an empty manifest', async () => {
    const asked = serve(FILE);
    expect(await loadPrebuiltView('surakarta', 'surakarta|2025|rtlh|rasio', MANIFEST)).toBeNull();
    expect(await loadPrebuiltView('probolinggo', 'probolinggo|2025|penduduk_miskin|rasio', MANIFEST)).toBeNull();
    expect(await loadPrebuiltView('surakarta', KEY, { hash: '', views: {} })).toBeNull();
    expect(asked).toEqual([]);
  });

  it('ignores a file answering another view, of another format or with broken values', async () => {
    for (const bad of [{ ...FILE, key: 'surakarta|2024|penduduk_miskin|rasio' }, { ...FILE, format: FIRST_VIEW_FORMAT + 1 }, { ...FILE, values: [['x', 'y']] }, null, 'text']) {
      serve(bad);
      expect(await loadPrebuiltView('surakarta', KEY, MANIFEST)).toBeNull();
    }
  });

  it('gives null when the file is missing or the network fails', async () => {
    serve(FILE, 404);
    expect(await loadPrebuiltView('surakarta', KEY, MANIFEST)).toBeNull();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await loadPrebuiltView('surakarta', KEY, MANIFEST)).toBeNull();
  });
});

describe('firstViewFileName', () => {
  it('names a file the service worker answers from its cache (a content-hashed asset), one per hash', () => {
    const scope = 'https://pemda.example/peta/';
    const name = firstViewFileName('surakarta', 'a1b2c3d4e5f60718');
    expect(strategyFor({ method: 'GET', url: `${scope}${name}`, hasRange: false }, scope)).toBe('cache-first');
    expect(firstViewFileName('surakarta', 'b1b2c3d4e5f60718')).not.toBe(name);
  });
});

const NATIONAL: NationalFirstViewFile = {
  format: NATIONAL_FIRST_VIEW_FORMAT,
  hash: 'f0e1d2c3b4a59687',
  key: 'penduduk_miskin|2025',
  years: [2024, 2025],
  kode: encodeKode(['11.01.01.2001', '11.01.01.2002', '11.01.02.1001']),
  nilai: [16.6, null, 0.1],
};
const WITH_NATIONAL: FirstViewManifest = { ...MANIFEST, national: { hash: NATIONAL.hash, key: NATIONAL.key, file: 'assets/first-view-nasional-f0e1d2c3.json' } };

describe('loadPrebuiltNational', () => {
  it('draws the national file of this build for the default view, with its own hash', async () => {
    const asked = serve(NATIONAL);
    const view = await loadPrebuiltNational(NATIONAL.key, WITH_NATIONAL);
    expect(asked).toEqual(['/assets/first-view-nasional-f0e1d2c3.json']);
    expect(view?.kode).toEqual(['11.01.01.2001', '11.01.01.2002', '11.01.02.1001']);
    expect([...view!.nilai]).toEqual([16.6, NaN, 0.1]);
    expect(view?.years).toEqual([2024, 2025]);
  });

  it('ignores a stale file, does not fetch another view, and waits for DuckDB without a national entry', async () => {
    serve({ ...NATIONAL, hash: MANIFEST.hash });
    expect(await loadPrebuiltNational(NATIONAL.key, WITH_NATIONAL)).toBeNull();
    const asked = serve(NATIONAL);
    expect(await loadPrebuiltNational('rtlh|2025', WITH_NATIONAL)).toBeNull();
    expect(await loadPrebuiltNational(NATIONAL.key, MANIFEST)).toBeNull();
    expect(asked).toEqual([]);
    serve(NATIONAL, 404);
    expect(await loadPrebuiltNational(NATIONAL.key, WITH_NATIONAL)).toBeNull();
  });
});
