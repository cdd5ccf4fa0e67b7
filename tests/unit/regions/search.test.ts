import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionIndex, describeRegion, normalizeName, searchRegions, type RegionFile } from '../../../src/data/regions';
import { translate } from '../../../src/i18n';

// The committed index, built from the national file by scripts/build-regions.ts.
const file = JSON.parse(readFileSync(new URL('../../../public/regions/regions.json', import.meta.url), 'utf8')) as RegionFile;
const index = buildRegionIndex(file);
const kodes = (query: string, limit = 10) => searchRegions(index, query, limit).map((r) => r.region.kode);
const kec = (nama: string) => translate('id', 'regions.kecamatanName', { nama });

describe('region index', () => {
  it('holds every level with parents derived from the kode', () => {
    expect(file.provinsi).toHaveLength(38);
    expect(file.kabkota).toHaveLength(514);
    expect(file.kecamatan).toHaveLength(7285);
    const laweyan = index.byKode.get('33.72.01')!;
    expect(laweyan).toMatchObject({ nama: 'Laweyan', level: 'kecamatan', parent: '33.72', kelurahan: 11, desa: 0 });
    expect(index.byKode.get('33.72')).toMatchObject({ nama: 'Kota Surakarta', level: 'kabkota', parent: '33', kelurahan: 54 });
    expect(index.byKode.get('33')).toMatchObject({ nama: 'Jawa Tengah', level: 'provinsi', parent: null });
  });

  it('counts every desa and kelurahan of the file once per level (83,402, of which 8,467 kelurahan)', () => {
    for (const level of ['provinsi', 'kabkota', 'kecamatan'] as const) {
      const rows = file[level];
      expect(rows.reduce((sum, r) => sum + r[6] + r[7], 0)).toBe(83_402);
      expect(rows.reduce((sum, r) => sum + r[6], 0)).toBe(8_467);
    }
  });

  it('nests each bbox inside its parent bbox (both rounded outward)', () => {
    for (const region of index.regions) {
      if (!region.parent) continue;
      const p = index.byKode.get(region.parent)!.bbox;
      const [w, s, e, n] = region.bbox;
      expect(w >= p[0] && s >= p[1] && e <= p[2] && n <= p[3], region.kode).toBe(true);
    }
  });
});

describe('searchRegions by name', () => {
  it('"blitar" finds both Kota Blitar and Kabupaten Blitar, the kota first (shorter name)', () => {
    expect(kodes('blitar').slice(0, 2)).toEqual(['35.72', '35.05']);
  });

  it('"kota blitar" ranks Kota Blitar first, "kabupaten/kab. blitar" Kabupaten Blitar', () => {
    expect(kodes('kota blitar')[0]).toBe('35.72');
    expect(kodes('Kota  Blitar')[0]).toBe('35.72');
    expect(kodes('KOTA-BLITAR')[0]).toBe('35.72');
    expect(kodes('kabupaten blitar')[0]).toBe('35.05');
    expect(kodes('Kab. Blitar')[0]).toBe('35.05');
    expect(kodes('kab blitar')).toContain('35.72'); // the other Blitar still shown, lower
  });

  it('"sleman" finds Kabupaten Sleman first, then Kecamatan Sleman inside it', () => {
    const results = searchRegions(index, 'sleman', 5);
    expect(results[0].region.nama).toBe('Kabupaten Sleman');
    expect(results[1].region.kode).toBe('34.04.13');
    expect(describeRegion(results[1], kec)).toBe('Kec. Sleman, Kabupaten Sleman, Daerah Istimewa Yogyakarta');
  });

  it('gives each result its parents for display', () => {
    const [laweyan] = searchRegions(index, 'laweyan', 1);
    expect(laweyan.parents.map((p) => p.kode)).toEqual(['33.72', '33']);
    expect(describeRegion(laweyan, kec)).toBe('Kec. Laweyan, Kota Surakarta, Jawa Tengah');
    expect(describeRegion(laweyan, (n) => translate('en', 'regions.kecamatanName', { nama: n }))).toBe('Kec. Laweyan, Kota Surakarta, Jawa Tengah');
  });

  it('ranks exact > prefix > word start > contains, kab/kota before kecamatan before provinsi on ties', () => {
    const results = searchRegions(index, 'batu', 200);
    // Exact: Kota Batu (kabkota) before Kecamatan Batu (35.79.01).
    expect(results.slice(0, 2).map((r) => r.region.kode)).toEqual(['35.79', '35.79.01']);
    expect(results[0].score).toBe(3);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const firstContains = results.findIndex(
      (r) =>
        !normalizeName(r.region.nama)
          .replace(/^(kota|kabupaten) /, '')
          .startsWith('batu'),
    );
    expect(results.slice(firstContains).every((r) => r.score < 2)).toBe(true);
    expect(results.some((r) => r.region.nama === 'Kabupaten Batu Bara' && r.score === 2)).toBe(true);
    // Bengkulu: the kota and the provinsi are both exact; the kota comes first.
    expect(kodes('bengkulu').slice(0, 2)).toEqual(['17.71', '17']);
    // "Kota Bengkulu" typed in full is the kota only, exact plus the kind bonus.
    expect(searchRegions(index, 'kota bengkulu', 1)[0].score).toBe(3.5);
  });

  it('ignores accents, case and punctuation, and returns nothing for an empty query', () => {
    expect(normalizeName('  Kab.  Adm. Kepulauan-Seribu ')).toBe('kab adm kepulauan seribu');
    expect(kodes('kepulauan seribu')[0]).toBe('31.01');
    expect(kodes('Kota Adm. Jakarta Pusat')[0]).toBe('31.71');
    expect(searchRegions(index, '   ', 10)).toEqual([]);
    expect(searchRegions(index, 'zzzz-tidak-ada', 10)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchRegions(index, 'a', 7)).toHaveLength(7);
  });
});

describe('searchRegions by kode', () => {
  it('reads a kode in any spelling', () => {
    for (const q of ['35.72', '3572', ' 35 72 ', '35-72']) expect(kodes(q)[0], q).toBe('35.72');
    expect(searchRegions(index, '3572', 1)[0].score).toBe(3);
  });

  it('finds a kecamatan by its full kode and lists what the kode begins', () => {
    expect(kodes('33.72.03')).toEqual(['33.72.03']);
    expect(kodes('337203')).toEqual(['33.72.03']);
    // "33.72" is Kota Surakarta exactly, then its five kecamatan by prefix.
    expect(kodes('33.72')).toEqual(['33.72', '33.72.01', '33.72.02', '33.72.03', '33.72.04', '33.72.05']);
    // A province kode: the provinsi exact first, then its five kabupaten/kota, then kecamatan.
    const results = searchRegions(index, '34', 10);
    expect(results[0].region.nama).toBe('Daerah Istimewa Yogyakarta');
    expect(results.slice(1, 6).map((r) => r.region.kode)).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
    expect(results.slice(6).every((r) => r.region.level === 'kecamatan' && r.region.kode.startsWith('34.'))).toBe(true);
  });
});
