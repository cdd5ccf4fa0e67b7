/**
 * A provinsi or several kab/kota as one analysis region: the codes a link or the picker gives,
 * resolved against the committed region index (public/regions/regions.json), and carried by the
 * URL so the link reopens the same region.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionIndex, isWideRegionKode, parseRegionKode, regionSelectionKode, resolveRegionSelection, searchSelection, type RegionFile } from '../../../src/data/regions';
import { formatViewParams, parseViewParams, type ViewParams } from '../../../src/state/url';

const file = JSON.parse(readFileSync(new URL('../../../public/regions/regions.json', import.meta.url), 'utf8')) as RegionFile;
const index = buildRegionIndex(file);
const more = (n: number) => `${n} more`;

describe('region codes of a link', () => {
  it('reads one provinsi, one kab/kota, or several kab/kota in one spelling', () => {
    expect(parseRegionKode('33')).toEqual(['33']);
    expect(parseRegionKode('33.72')).toEqual(['33.72']);
    expect(parseRegionKode('33.72,33.11')).toEqual(['33.11', '33.72']);
    expect(parseRegionKode(' 33.72 + 33.11 , 33.72 ')).toEqual(['33.11', '33.72']);
    expect(regionSelectionKode(['33.72', '33.11', '33.72'])).toBe('33.11,33.72');
  });

  it('refuses what is not a region the national file can give as one', () => {
    for (const bad of ['', 'surakarta', '33,33.72', '33,34', '33.72.01', '3', '33.7', '35.72-impor', '33.72;33.11']) expect(parseRegionKode(bad), bad).toBeNull();
  });

  it('knows which codes are wider than one kab/kota', () => {
    expect(isWideRegionKode('33')).toBe(true);
    expect(isWideRegionKode('33.11,33.72')).toBe(true);
    expect(isWideRegionKode('33.72')).toBe(false);
    expect(isWideRegionKode('surakarta')).toBe(false);
  });
});

describe('resolving a selection against the region index', () => {
  it('gives a provinsi its name, bbox and desa count (Jawa Tengah: 8,563)', () => {
    const jateng = resolveRegionSelection(index, ['33'], more)!;
    expect(jateng).toMatchObject({ kode: '33', nama: 'Jawa Tengah', count: 8_563 });
    expect(jateng.bbox).toEqual(index.byKode.get('33')!.bbox);
    expect(resolveRegionSelection(index, ['34'], more)!.count).toBe(438);
    expect(resolveRegionSelection(index, ['19'], more)!.count).toBe(391);
  });

  it('joins several kab/kota: names, a bbox covering both, their counts added', () => {
    const pair = resolveRegionSelection(index, ['33.72', '33.11'], more)!;
    const solo = index.byKode.get('33.72')!;
    const sukoharjo = index.byKode.get('33.11')!;
    expect(pair.kode).toBe('33.11,33.72');
    expect(pair.nama).toBe(`${sukoharjo.nama} + ${solo.nama}`);
    expect(pair.count).toBe(solo.kelurahan + solo.desa + sukoharjo.kelurahan + sukoharjo.desa);
    expect(pair.bbox).toEqual([
      Math.min(solo.bbox[0], sukoharjo.bbox[0]),
      Math.min(solo.bbox[1], sukoharjo.bbox[1]),
      Math.max(solo.bbox[2], sukoharjo.bbox[2]),
      Math.max(solo.bbox[3], sukoharjo.bbox[3]),
    ]);
    const five = resolveRegionSelection(index, ['34.01', '34.02', '34.03', '34.04', '34.71'], more)!;
    expect(five.nama).toBe('Kabupaten Kulon Progo + Kabupaten Bantul + 3 more');
  });

  it('refuses unknown codes, kecamatan, and a provinsi mixed with kab/kota', () => {
    expect(resolveRegionSelection(index, ['99'], more)).toBeNull();
    expect(resolveRegionSelection(index, ['33.72.01'], more)).toBeNull();
    expect(resolveRegionSelection(index, ['33', '34.71'], more)).toBeNull();
  });

  it('finds the kab/kota a comma-separated query names, by name or code', () => {
    expect(searchSelection(index, 'Kota Surakarta, Sukoharjo')!.map((r) => r.kode)).toEqual(['33.72', '33.11']);
    expect(searchSelection(index, '33.72, 33.11')!.map((r) => r.kode)).toEqual(['33.72', '33.11']);
    expect(searchSelection(index, 'Surakarta')).toBeNull();
    expect(searchSelection(index, 'Surakarta, zzzz')).toBeNull();
  });
});

describe('the URL carries the region', () => {
  const view: ViewParams = {
    kota: '33.11,33.72',
    tahun: 2025,
    indikator: 'nasional_penduduk_miskin',
    ukuran: 'rasio',
    kelas: 5,
    skema: 'quantile',
    batas: null,
    eb: false,
    analisis: null,
    lang: 'id',
    peta: null,
    banding: null,
  };

  it('writes several kab/kota with plain commas and reads them back', () => {
    const query = formatViewParams(view);
    expect(query).toContain('kota=33.11,33.72&');
    const { params, problems } = parseViewParams(query, { citySlugs: ['surakarta', '33.11,33.72'], indicatorIds: ['nasional_penduduk_miskin'] });
    expect(problems).toEqual([]);
    expect(params.kota).toBe('33.11,33.72');
    expect(params.indikator).toBe('nasional_penduduk_miskin');
  });
});
