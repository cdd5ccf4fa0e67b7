/**
 * Invariants of the generated demo data: shape, per-row consistency,
 * calibration to the published figures, plausibility, programs and sites.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import catalog from '../../../data/catalog.json';
import { INCLUSION_PROGRAMS, MAX_INCLUSION_FACTOR, PROGRAM_IDS } from '../../../src/cli/demo/programs';
import { YEARS, type IndicatorId, type IndicatorRow } from '../../../src/cli/demo/types';
import { cityYear, defaultDemo, demoInputs, percent2, total } from './demo-fixture';

const data = defaultDemo();
const { cities, boundariesByCity } = demoInputs();
const indicatorIds = catalog.indicators.map((i) => i.id) as IndicatorId[];
const countIds = catalog.indicators.filter((i) => i.kind === 'count').map((i) => i.id) as IndicatorId[];

describe('shape', () => {
  it('has one row per kelurahan and year, 2021-2025, sorted by kode then tahun', () => {
    expect(data.indicators).toHaveLength(185 * 5);
    const keys = data.indicators.map((r) => `${r.kode}|${r.tahun}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...data.indicators].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : a.tahun - b.tahun));
    expect(data.indicators).toEqual(sorted);
    expect([...new Set(data.indicators.map((r) => r.tahun))].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const city of cities) {
      const kodes = new Set(boundariesByCity[city.kode].features.map((f) => f.properties.kode));
      for (const tahun of YEARS) {
        const rows = cityYear(data.indicators, city.kode, tahun);
        expect(rows.map((r) => r.kode).sort()).toEqual([...kodes].sort());
      }
    }
  });

  it('carries the names of the boundary file', () => {
    const props = new Map(Object.values(boundariesByCity).flatMap((fc) => fc.features.map((f) => [f.properties.kode, f.properties] as const)));
    for (const r of data.indicators) {
      const p = props.get(r.kode)!;
      expect([r.kelurahan, r.kode_kecamatan, r.kecamatan, r.kode_kota]).toEqual([p.kelurahan, p.kode_kecamatan, p.kecamatan, p.kode_kota]);
    }
  });

  it('has every catalog indicator as a numeric field, counts as integers, areas with at most 2 decimals', () => {
    for (const r of data.indicators) {
      for (const id of indicatorIds) expect(Number.isFinite(r[id]), `${r.kode} ${r.tahun} ${id}`).toBe(true);
      for (const id of countIds) expect(Number.isInteger(r[id]), `${r.kode} ${r.tahun} ${id}`).toBe(true);
      for (const id of ['luas_ha', 'luas_kumuh_ha'] as const) {
        expect(Math.abs(r[id] * 100 - Math.round(r[id] * 100))).toBeLessThan(1e-6);
      }
    }
  });
});

describe('internal consistency of every row', () => {
  const check = (r: IndicatorRow): void => {
    const at = `${r.kode} ${r.kelurahan} ${r.tahun}`;
    for (const id of indicatorIds) expect(r[id], `${at} ${id} >= 0`).toBeGreaterThanOrEqual(0);
    expect(r.penduduk, at).toBeGreaterThan(0);
    expect(r.rt_desil_1, at).toBeLessThanOrEqual(r.rt_desil_1_4);
    expect(r.rt_desil_1_4, at).toBeLessThanOrEqual(r.rumah_tangga);
    expect(r.penduduk_miskin_ekstrem, at).toBeLessThanOrEqual(r.penduduk_miskin);
    expect(r.penduduk_miskin, at).toBeLessThanOrEqual(r.penduduk);
    expect(r.rtlh, at).toBeLessThanOrEqual(r.rumah);
    expect(r.rumah / r.rumah_tangga, `${at} rumah per household`).toBeGreaterThanOrEqual(0.8);
    expect(r.rumah / r.rumah_tangga, `${at} rumah per household`).toBeLessThanOrEqual(1.05);
    expect(r.rt_tanpa_air_layak, at).toBeLessThanOrEqual(r.rumah_tangga);
    expect(r.rt_tanpa_sanitasi_layak, at).toBeLessThanOrEqual(r.rumah_tangga);
    expect(r.luas_kumuh_ha, at).toBeLessThanOrEqual(r.luas_ha);
    expect(r.rt_miskin_kepala_perempuan, at).toBeLessThanOrEqual(r.rt_desil_1_4);
    expect(r.lansia, at).toBeLessThanOrEqual(r.penduduk);
    expect(r.penyandang_disabilitas, at).toBeLessThanOrEqual(r.penduduk);
    const householdSize = r.penduduk / r.rumah_tangga;
    expect(householdSize, `${at} household size`).toBeGreaterThanOrEqual(3);
    expect(householdSize, `${at} household size`).toBeLessThanOrEqual(4);
  };

  it('holds for all 925 rows', () => {
    data.indicators.forEach(check);
  });

  it('keeps every catalog rate between 0 and 100 % of its denominator', () => {
    for (const ind of catalog.indicators) {
      if (!ind.rate) continue;
      const denominator = ind.rate.denominator as IndicatorId;
      expect(indicatorIds).toContain(denominator);
      for (const r of data.indicators) {
        const id = ind.id as IndicatorId;
        if (r[denominator] === 0) {
          expect(r[id], `${r.kode} ${r.tahun} ${id} with zero ${denominator}`).toBe(0);
        } else {
          expect(r[id] / r[denominator], `${r.kode} ${r.tahun} ${id}/${denominator}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('keeps area constant over the years and equal to the polygon area', () => {
    for (const r of data.indicators) {
      const first = data.indicators.find((x) => x.kode === r.kode && x.tahun === 2021)!;
      expect(r.luas_ha).toBe(first.luas_ha);
    }
    // Sum per city within 0.5 % of the areas documented in data/boundaries/SOURCES.md (km²).
    const documentedKm2: Record<string, number> = { '33.72': 46.66, '35.74': 54.71, '12.74': 60.05, '31.71': 47.97, '33.75': 46.2 };
    for (const [kode, km2] of Object.entries(documentedKm2)) {
      const ha = cityYear(data.indicators, kode, 2021).reduce((s, r) => s + r.luas_ha, 0);
      expect(Math.abs(ha / 100 - km2) / km2, kode).toBeLessThan(0.005);
    }
  });
});

describe('calibration to the published figures', () => {
  it('Kota Probolinggo: 17,910 poor = 7.44 % (2021), 16,160 = 6.65 % (2022)', () => {
    const y2021 = cityYear(data.indicators, '35.74', 2021);
    const y2022 = cityYear(data.indicators, '35.74', 2022);
    expect(total(y2021, 'penduduk_miskin')).toBe(17_910);
    expect(percent2(17_910, total(y2021, 'penduduk'))).toBe(7.44);
    expect(total(y2022, 'penduduk_miskin')).toBe(16_160);
    expect(percent2(16_160, total(y2022, 'penduduk'))).toBe(6.65);
  });

  it('Kota Pekalongan: 6.81 % (2023) and 6.71 % (2024), about 18,000 poor people', () => {
    for (const [tahun, pct] of [
      [2023, 6.81],
      [2024, 6.71],
    ] as const) {
      const rows = cityYear(data.indicators, '33.75', tahun);
      const poor = total(rows, 'penduduk_miskin');
      expect(percent2(poor, total(rows, 'penduduk')), String(tahun)).toBe(pct);
      expect(poor).toBeGreaterThanOrEqual(17_500);
      expect(poor).toBeLessThanOrEqual(18_500);
    }
  });

  it('Kota Tanjungbalai: 1,890 extreme-poor people = 1.03 % (2023)', () => {
    const rows = cityYear(data.indicators, '12.74', 2023);
    expect(total(rows, 'penduduk_miskin_ekstrem')).toBe(1_890);
    expect(percent2(1_890, total(rows, 'penduduk'))).toBe(1.03);
  });

  it('keeps the other cities and years plausible', () => {
    const ranges: Record<string, { pop: [number, number]; poverty: [number, number] }> = {
      '33.72': { pop: [515_000, 535_000], poverty: [7.9, 9.1] },
      '35.74': { pop: [235_000, 255_000], poverty: [5.5, 7.6] },
      '12.74': { pop: [178_000, 192_000], poverty: [12, 14] },
      '31.71': { pop: [1_050_000, 1_100_000], poverty: [4, 5] },
      '33.75': { pop: [255_000, 275_000], poverty: [6.3, 7.6] },
    };
    for (const [kode, range] of Object.entries(ranges)) {
      let previous: { pop: number; poor: number; extreme: number; rate: number } | null = null;
      for (const tahun of YEARS) {
        const rows = cityYear(data.indicators, kode, tahun);
        const pop = total(rows, 'penduduk');
        const poor = total(rows, 'penduduk_miskin');
        const extreme = total(rows, 'penduduk_miskin_ekstrem');
        const rate = (100 * poor) / pop;
        const at = `${kode} ${tahun}`;
        expect(pop, at).toBeGreaterThanOrEqual(range.pop[0]);
        expect(pop, at).toBeLessThanOrEqual(range.pop[1]);
        expect(rate, at).toBeGreaterThanOrEqual(range.poverty[0]);
        expect(rate, at).toBeLessThanOrEqual(range.poverty[1]);
        if (previous) {
          const growth = pop / previous.pop - 1;
          expect(growth, `${at} population growth`).toBeGreaterThanOrEqual(0.005);
          expect(growth, `${at} population growth`).toBeLessThanOrEqual(0.01);
          // Poverty falls slowly from its 2021 (COVID) level; extreme poverty faster.
          expect(rate, `${at} poverty rate falls`).toBeLessThan(previous.rate);
          expect(previous.rate - rate, `${at} poverty falls slowly`).toBeLessThan(0.9);
          expect(extreme, `${at} extreme poverty falls`).toBeLessThan(previous.extreme);
        }
        previous = { pop, poor, extreme, rate };
      }
    }
  });

  it('keeps household-level totals plausible', () => {
    for (const city of cities) {
      for (const tahun of YEARS) {
        const rows = cityYear(data.indicators, city.kode, tahun);
        const households = rows.reduce((s, r) => s + r.rumah_tangga, 0);
        const desil14 = rows.reduce((s, r) => s + r.rt_desil_1_4, 0);
        const lansia = rows.reduce((s, r) => s + r.lansia, 0);
        const pop = total(rows, 'penduduk');
        expect(desil14 / households, `${city.slug} ${tahun} desil 1-4 share`).toBeGreaterThan(0.1);
        expect(desil14 / households, `${city.slug} ${tahun} desil 1-4 share`).toBeLessThan(0.5);
        expect(lansia / pop, `${city.slug} ${tahun} elderly share`).toBeGreaterThan(0.05);
        expect(lansia / pop, `${city.slug} ${tahun} elderly share`).toBeLessThan(0.2);
      }
    }
  });
});

describe('programs', () => {
  const byKey = new Map(data.indicators.map((r) => [`${r.kode}|${r.tahun}`, r]));

  it('has one row per kelurahan, year and program, in catalog order', () => {
    expect(data.programs).toHaveLength(185 * 5 * catalog.programs.length);
    expect(PROGRAM_IDS).toEqual(catalog.programs.map((p) => p.id));
    const keys = new Set(data.programs.map((p) => `${p.kode}|${p.tahun}|${p.program}`));
    expect(keys.size).toBe(data.programs.length);
    for (const p of data.programs) expect(byKey.has(`${p.kode}|${p.tahun}`)).toBe(true);
  });

  it('keeps penerima within sasaran, except small inclusion error in PKH/BPNT', () => {
    let inclusion = 0;
    for (const p of data.programs) {
      const at = `${p.kode} ${p.tahun} ${p.program}`;
      expect(Number.isInteger(p.penerima) && Number.isInteger(p.sasaran), at).toBe(true);
      expect(p.penerima, at).toBeGreaterThanOrEqual(0);
      if (INCLUSION_PROGRAMS.has(p.program)) {
        expect(p.penerima, at).toBeLessThanOrEqual(Math.floor(p.sasaran * MAX_INCLUSION_FACTOR));
        if (p.penerima > p.sasaran) inclusion++;
      } else {
        expect(p.penerima, at).toBeLessThanOrEqual(p.sasaran);
      }
    }
    const inclusionRows = data.programs.filter((p) => INCLUSION_PROGRAMS.has(p.program)).length;
    expect(inclusion).toBeGreaterThan(0);
    expect(inclusion / inclusionRows).toBeLessThan(0.06);
  });

  it('derives eligible counts from the need indicators of the same year', () => {
    for (const p of data.programs) {
      const r = byKey.get(`${p.kode}|${p.tahun}`)!;
      const at = `${p.kode} ${p.tahun} ${p.program}`;
      if (p.program === 'bpnt' || p.program === 'bank_sampah') expect(p.sasaran, at).toBe(r.rt_desil_1_4);
      if (p.program === 'bantuan_csr_baznas') expect(p.sasaran, at).toBe(r.rt_desil_1);
      if (p.program === 'perbaikan_rtlh') expect(p.sasaran, at).toBe(r.rtlh);
      if (p.program === 'pkh' || p.program === 'gerobak_usaha' || p.program === 'pelatihan_umkm') {
        expect(p.sasaran, at).toBeLessThanOrEqual(r.rt_desil_1_4);
      }
    }
  });

  it("removes repaired houses from next year's RTLH stock; few new RTLH appear", () => {
    const repaired = new Map(data.programs.filter((p) => p.program === 'perbaikan_rtlh').map((p) => [`${p.kode}|${p.tahun}`, p.penerima]));
    for (const r of data.indicators) {
      if (r.tahun === 2021) continue;
      const before = byKey.get(`${r.kode}|${r.tahun - 1}`)!;
      const fresh = r.rtlh - (before.rtlh - repaired.get(`${r.kode}|${r.tahun - 1}`)!);
      expect(fresh, `${r.kode} ${r.tahun} new RTLH`).toBeGreaterThanOrEqual(0);
      expect(fresh, `${r.kode} ${r.tahun} new RTLH`).toBeLessThanOrEqual(Math.max(3, 0.02 * r.rumah));
    }
    for (const city of cities) {
      for (const tahun of YEARS.slice(1)) {
        expect(total(cityYear(data.indicators, city.kode, tahun), 'rtlh'), `${city.slug} ${tahun}`).toBeLessThan(total(cityYear(data.indicators, city.kode, tahun - 1), 'rtlh'));
      }
    }
  });

  it('leaves real coverage gaps: some high-need kelurahan are served below the city median', () => {
    for (const city of cities) {
      const rows = cityYear(data.indicators, city.kode, 2025);
      const coverage = rows.map((r) => {
        const p = data.programs.find((x) => x.kode === r.kode && x.tahun === 2025 && x.program === 'pkh')!;
        return p.sasaran > 0 ? p.penerima / p.sasaran : 1;
      });
      const rate = rows.map((r) => r.penduduk_miskin / r.penduduk);
      const median = [...coverage].sort((a, b) => a - b)[Math.floor(coverage.length / 2)];
      const rateQ3 = [...rate].sort((a, b) => a - b)[Math.floor((3 * rate.length) / 4)];
      const gaps = rows.filter((_, i) => rate[i] >= rateQ3 && coverage[i] < median);
      expect(gaps.length, `${city.slug} under-served pockets`).toBeGreaterThan(0);
      expect(Math.max(...coverage) - Math.min(...coverage), `${city.slug} coverage spread`).toBeGreaterThan(0.2);
    }
  });
});

describe('program sites', () => {
  const features = new Map(Object.values(boundariesByCity).flatMap((fc) => fc.features.map((f) => [f.properties.kode, f] as const)));

  it('has 30-60 sites with unique ids, known programs and years', () => {
    expect(data.sites.length).toBeGreaterThanOrEqual(30);
    expect(data.sites.length).toBeLessThanOrEqual(60);
    expect(new Set(data.sites.map((s) => s.id)).size).toBe(data.sites.length);
    const programIds = new Set(catalog.programs.map((p) => p.id));
    for (const s of data.sites) {
      expect(programIds.has(s.program), s.id).toBe(true);
      expect(YEARS).toContain(s.tahun);
      expect(s.nama.length).toBeGreaterThan(5);
    }
    for (const city of cities) {
      expect(data.sites.filter((s) => s.kode.startsWith(`${city.kode}.`)).length, city.slug).toBeGreaterThanOrEqual(5);
    }
  });

  it('places every site strictly inside its own kelurahan and in no other', () => {
    for (const s of data.sites) {
      const own = features.get(s.kode);
      expect(own, s.id).toBeDefined();
      expect(Math.round(s.lat * 1e6) / 1e6).toBe(s.lat);
      expect(Math.round(s.lon * 1e6) / 1e6).toBe(s.lon);
      expect(booleanPointInPolygon([s.lon, s.lat], own!, { ignoreBoundary: true }), s.id).toBe(true);
      for (const [kode, f] of features) {
        if (kode !== s.kode) expect(booleanPointInPolygon([s.lon, s.lat], f), `${s.id} in ${kode}`).toBe(false);
      }
    }
  });

  it('puts sites only where their program actually reached people', () => {
    for (const s of data.sites.filter((x) => x.program === 'bank_sampah' || x.program === 'gerobak_usaha')) {
      const reached = data.programs.some((p) => p.kode === s.kode && p.program === s.program && p.penerima > 0);
      expect(reached, s.id).toBe(true);
    }
  });
});
