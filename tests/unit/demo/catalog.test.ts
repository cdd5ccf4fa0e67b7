/** The catalog's shape, which the app imports directly. */
import { describe, expect, it } from 'vitest';
import catalog from '../../../data/catalog.json';
import { INDICATOR_KEY_COLUMNS } from '../../../src/cli/demo/types';
import { defaultDemo } from './demo-fixture';

const THEMES = ['kependudukan', 'kemiskinan', 'perumahan', 'air_sanitasi', 'kerentanan'];
const localized = (t: unknown): boolean =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as { id: unknown }).id === 'string' &&
  typeof (t as { en: unknown }).en === 'string' &&
  (t as { id: string }).id.trim().length > 0 &&
  (t as { en: string }).en.trim().length > 0;

describe('data/catalog.json', () => {
  it('is marked synthetic and has the three parts', () => {
    expect(catalog.synthetic).toBe(true);
    expect(Object.keys(catalog).sort()).toEqual(['indicators', 'programGroups', 'programs', 'synthetic']);
  });

  it('describes every indikator.csv column except the keys exactly once', () => {
    const ids = catalog.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const row = defaultDemo().indicators[0];
    const keys = new Set<string>(INDICATOR_KEY_COLUMNS);
    expect(
      Object.keys(row)
        .filter((k) => !keys.has(k))
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('contains the required indicators with the required rates', () => {
    const byId = new Map(catalog.indicators.map((i) => [i.id, i]));
    const expected: Record<string, [string, number] | null> = {
      penduduk: null,
      rumah_tangga: null,
      rumah: null,
      luas_ha: null,
      penduduk_miskin: ['penduduk', 100],
      penduduk_miskin_ekstrem: ['penduduk', 100],
      rt_desil_1_4: ['rumah_tangga', 100],
      rt_desil_1: ['rumah_tangga', 100],
      rtlh: ['rumah_tangga', 100],
      rt_tanpa_air_layak: ['rumah_tangga', 100],
      rt_tanpa_sanitasi_layak: ['rumah_tangga', 100],
      luas_kumuh_ha: ['luas_ha', 100],
      rt_miskin_kepala_perempuan: ['rt_desil_1_4', 100],
      lansia: ['penduduk', 1000],
      penyandang_disabilitas: ['penduduk', 1000],
    };
    for (const [id, rate] of Object.entries(expected)) {
      const ind = byId.get(id);
      expect(ind, id).toBeDefined();
      expect(ind!.rate ? [ind!.rate.denominator, ind!.rate.per] : null, id).toEqual(rate);
    }
    expect(byId.get('penduduk_miskin')!.rate!.unit.id).toBe('%');
    expect(byId.get('luas_kumuh_ha')!.kind).toBe('area');
    expect(byId.get('luas_ha')!.kind).toBe('area');
    for (const neutral of ['penduduk', 'rumah_tangga', 'rumah', 'luas_ha']) expect(byId.get(neutral)!.direction).toBe('neutral');
  });

  it('gives every indicator a complete, bilingual entry', () => {
    const ids = new Set(catalog.indicators.map((i) => i.id));
    for (const ind of catalog.indicators) {
      expect(ind.id, ind.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(THEMES, ind.id).toContain(ind.theme);
      expect(['count', 'area'], ind.id).toContain(ind.kind);
      expect(['higher_worse', 'higher_better', 'neutral'], ind.id).toContain(ind.direction);
      for (const field of [ind.label, ind.unit, ind.definition, ind.source]) expect(localized(field), ind.id).toBe(true);
      if (ind.rate) {
        expect(ids.has(ind.rate.denominator), ind.id).toBe(true);
        expect(ind.rate.denominator).not.toBe(ind.id);
        expect([100, 1000]).toContain(ind.rate.per);
        expect(localized(ind.rate.unit), ind.id).toBe(true);
      }
    }
    // Synthetic values say so in their source; only the area is measured from real polygons.
    for (const ind of catalog.indicators.filter((i) => i.id !== 'luas_ha')) {
      expect(ind.source.id, ind.id).toMatch(/^Data contoh \(sintetis\)/);
      expect(ind.source.en, ind.id).toMatch(/^Sample data \(synthetic\)/);
    }
  });

  it('writes percentages as Indonesian style guides do, with no space before % (7,44%, not 7,44 %)', () => {
    for (const ind of catalog.indicators)
      for (const field of [ind.label, ind.unit, ind.definition, ind.source]) for (const text of Object.values(field)) expect(text, ind.id).not.toMatch(/\d %/);
  });

  it('lists at least six programs across the three Permendagri 53/2020 groups', () => {
    expect(catalog.programGroups.map((g) => g.id)).toEqual(['bantuan_sosial', 'pemberdayaan', 'lainnya']);
    for (const g of catalog.programGroups) expect(localized(g.label), g.id).toBe(true);
    expect(catalog.programs.length).toBeGreaterThanOrEqual(6);
    const groups = new Set(catalog.programGroups.map((g) => g.id));
    for (const p of catalog.programs) {
      expect(groups.has(p.group), p.id).toBe(true);
      expect(p.opd.length, p.id).toBeGreaterThan(3);
      for (const field of [p.label, p.unit, p.eligible]) expect(localized(field), p.id).toBe(true);
    }
    expect(new Set(catalog.programs.map((p) => p.group))).toEqual(groups);
    expect(new Set(catalog.programs.map((p) => p.id)).size).toBe(catalog.programs.length);
  });
});
