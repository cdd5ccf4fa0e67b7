/**
 * The region picker's search state: the index is read once, on first use and not before; a
 * failed read is said and tried again; matches, several-kab/kota selections and a result's
 * parents come from the index (the committed public/regions/regions.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionIndex, type RegionFile, type RegionIndex } from '../../../src/data/regions';
import { RegionSearch } from '../../../src/state/region-search.svelte';

const file = JSON.parse(readFileSync(new URL('../../../public/regions/regions.json', import.meta.url), 'utf8')) as RegionFile;
const index = buildRegionIndex(file);

describe('RegionSearch', () => {
  it('reads the index only when asked, and once', async () => {
    let reads = 0;
    const search = new RegionSearch(async () => (reads++, index));
    expect(reads).toBe(0);
    expect(search.ready).toBe(false);
    expect(search.matches('surakarta', 5)).toEqual([]);
    await Promise.all([search.ensure(), search.ensure()]);
    await search.ensure();
    expect(reads).toBe(1);
    expect(search.ready).toBe(true);
    expect(search.loading).toBe(false);
  });

  it('says why a read failed and tries again on the next call', async () => {
    let reads = 0;
    const search = new RegionSearch(async (): Promise<RegionIndex> => {
      if (reads++ === 0) throw new Error('HTTP 503 for regions.json');
      return index;
    });
    await search.ensure();
    expect(search.loadError).toBe('HTTP 503 for regions.json');
    expect(search.ready).toBe(false);
    await search.ensure();
    expect(search.loadError).toBeNull();
    expect(search.ready).toBe(true);
  });

  it('finds regions, several kab/kota to open together, and where a result lies', async () => {
    const search = new RegionSearch(async () => index);
    await search.ensure();
    expect(search.matches('   ', 5)).toEqual([]);
    const [laweyan] = search.matches('laweyan', 5);
    expect(laweyan.region.kode).toBe('33.72.01');
    expect(search.context(laweyan, (nama) => `Kec. ${nama}`)).toBe('Kota Surakarta, Jawa Tengah');
    expect(search.selection('Surakarta, Sukoharjo')?.map((r) => r.kode)).toEqual(['33.72', '33.11']);
    expect(search.selection('Surakarta')).toBeNull();
  });
});
