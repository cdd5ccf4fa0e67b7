import { describe, expect, it } from 'vitest';
import { catalog, NATIONAL_SAMPLE_INDICATORS, type IndicatorDef } from '../../../src/data/catalog';
import { householdCountIndicators, offeredIndicator, rtlhUnitIndicators } from '../../../src/data/rtlh-units';

/** An indicator as an import or the program state registers it; only the named fields matter. */
function def(id: string, label: string, unit: string, extra: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    id,
    label: { id: label, en: label },
    unit: { id: unit, en: unit },
    theme: 'impor',
    kind: 'count',
    rate: null,
    direction: 'higher_worse',
    definition: { id: '', en: '' },
    source: { id: '', en: '' },
    ...extra,
  };
}

// As src/state/program.svelte.ts registers PKH coverage: a percentage with kind 'count'.
const cakupanPkh = def('program:cakupan:pkh', 'Cakupan PKH', '% sasaran', { theme: 'program', direction: 'higher_better' });
const celahPkh = def('program:celah:pkh', 'Celah PKH', 'sasaran belum terjangkau', { theme: 'program' });

describe('"Jumlah RTLH dari" choices', () => {
  it("offers the demo catalog's dwelling counts only (houses and RTLH), not people, households or program coverage", () => {
    const ids = rtlhUnitIndicators([...catalog.indicators, cakupanPkh, celahPkh]).map((i) => i.id);
    expect(ids).toEqual(['rumah', 'rtlh']);
  });

  it('offers an imported RTLH column by its label when its file gave no dwelling unit', () => {
    const imported = def('d1a2b3c_rtlh', 'Jumlah RTLH 2024', '');
    const ids = rtlhUnitIndicators([...catalog.indicators, imported]).map((i) => i.id);
    expect(ids).toContain('d1a2b3c_rtlh');
  });

  it('falls back to counts that are neither shares nor program figures when a region has no dwelling count', () => {
    const people = def('d1_jiwa', 'Penduduk miskin', 'jiwa');
    const share = def('d1_persen', 'Persentase miskin', 'persen');
    const ids = rtlhUnitIndicators([people, share, cakupanPkh, celahPkh]).map((i) => i.id);
    expect(ids).toEqual(['d1_jiwa']);
  });
});

describe('"Jumlah rumah tangga dari" choices', () => {
  // As src/state/access.svelte.ts registers the access targets: household counts derived in the app.
  const aksesAir = def('akses:air', 'Rumah tangga yang masih perlu dijangkau: air minum layak', 'rumah tangga', { theme: 'air_sanitasi' });

  it("offers the demo catalog's household counts only, not people, dwellings, areas, program or access figures", () => {
    const ids = householdCountIndicators([...catalog.indicators, cakupanPkh, celahPkh, aksesAir]).map((i) => i.id);
    expect(ids).toEqual(['rumah_tangga', 'rt_desil_1_4', 'rt_desil_1', 'rt_tanpa_air_layak', 'rt_tanpa_sanitasi_layak', 'rt_miskin_kepala_perempuan']);
    expect(ids).not.toContain('penduduk');
    expect(ids).not.toContain('rtlh');
  });

  it('offers imported household counts by unit (KK, households) or, without a unit, by label', () => {
    const kk = def('d1_kk', 'Jumlah KK', 'KK');
    const english = def('d1_hh', 'Households', 'households');
    const unlabelled = def('d1_ruta', 'Jumlah rumah tangga 2024', '');
    const people = def('d1_jiwa', 'Penduduk miskin per rumah tangga', 'jiwa');
    const ids = householdCountIndicators([kk, english, unlabelled, people]).map((i) => i.id);
    expect(ids).toEqual(['d1_kk', 'd1_hh', 'd1_ruta']);
  });

  it('falls back to counts that are neither shares nor program figures when a region has no household count', () => {
    const people = def('d1_jiwa', 'Penduduk miskin', 'jiwa');
    const share = def('d1_persen', 'Persentase miskin', 'persen');
    const ids = householdCountIndicators([people, share, cakupanPkh, celahPkh]).map((i) => i.id);
    expect(ids).toEqual(['d1_jiwa']);
  });
});

describe('the counts of a provinsi opened from the national file', () => {
  it('offers the synthetic sample’s RTLH and household counts, not its shares', () => {
    expect(rtlhUnitIndicators(NATIONAL_SAMPLE_INDICATORS).map((i) => i.id)).toEqual(['nasional_rtlh_unit']);
    expect(householdCountIndicators(NATIONAL_SAMPLE_INDICATORS).map((i) => i.id)).toEqual(['nasional_rumah_tangga']);
  });

  it('moves a choice the region does not offer to an RTLH option, and back to the city’s RTLH', () => {
    const inProvinsi = rtlhUnitIndicators(NATIONAL_SAMPLE_INDICATORS);
    expect(offeredIndicator('rtlh', inProvinsi)).toBe('nasional_rtlh_unit');
    // In the demo city "rumah" comes first in the menu, but RTLH is what was meant.
    expect(offeredIndicator('nasional_rtlh_unit', rtlhUnitIndicators(catalog.indicators))).toBe('rtlh');
    expect(offeredIndicator('rumah', rtlhUnitIndicators(catalog.indicators))).toBe('rumah');
    expect(offeredIndicator('rumah_tangga', householdCountIndicators(NATIONAL_SAMPLE_INDICATORS))).toBe('nasional_rumah_tangga');
    expect(offeredIndicator('rtlh', [])).toBeNull();
  });
});
