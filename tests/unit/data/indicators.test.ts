import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import type { IndicatorDef } from '../../../src/data/catalog';
import {
  IndicatorTableError,
  fetchCitySummary,
  fetchProfile,
  fetchRateParts,
  fetchTrend,
  fetchValues,
  fetchYears,
  loadIndicators,
  removeDataset,
  replaceDataset,
} from '../../../src/data/indicators';

const text = { id: 'x', en: 'x' };
const def = (id: string, rate: IndicatorDef['rate']): IndicatorDef => ({
  id, label: text, unit: text, theme: 'perumahan', kind: 'count', rate, direction: 'higher_worse', definition: text, source: text,
});
const indicators = [def('rumah_tangga', null), def('rtlh', { denominator: 'rumah_tangga', per: 100, unit: text })];

// Three kelurahan of one city over two years, and one kelurahan of another city whose code
// shares no prefix; values chosen so rates and ranks are easy to check by hand.
const csv = `kode,kelurahan,kode_kecamatan,kecamatan,kode_kota,tahun,rumah_tangga,rtlh
33.72.03.1002,Semanggi,33.72.03,Pasar Kliwon,33.72,2024,1000,90
33.72.03.1002,Semanggi,33.72.03,Pasar Kliwon,33.72,2025,1000,80
33.72.01.1001,Pajang,33.72.01,Laweyan,33.72,2024,2000,40
33.72.01.1001,Pajang,33.72.01,Laweyan,33.72,2025,2000,60
33.72.02.1003,Kemlayan,33.72.02,Serengan,33.72,2024,500,
33.72.02.1003,Kemlayan,33.72.02,Serengan,33.72,2025,0,5
35.74.01.1001,Mangunharjo,35.74.01,Kademangan,35.74,2025,100,99
`;

describe('indicator SQL on DuckDB', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    await loadIndicators(db, csv, indicators);
  }, 120_000);

  it('lists the years of a city', async () => {
    expect(await fetchYears(db, '33.72')).toEqual([2024, 2025]);
  });

  it('turns counts into rates by the catalog denominator', async () => {
    const rates = await fetchValues(db, { kodeKota: '33.72', tahun: 2025, indikator: 'rtlh', measure: 'rasio' });
    expect(rates.get('33.72.03.1002')).toBeCloseTo(8);
    expect(rates.get('33.72.01.1001')).toBeCloseTo(3);
    expect(rates.get('33.72.02.1003')).toBeNull(); // zero households: no rate, not infinity
    expect(rates.size).toBe(3);
    const counts = await fetchValues(db, { kodeKota: '33.72', tahun: 2024, indikator: 'rtlh', measure: 'jumlah' });
    expect([...counts.entries()].sort()).toEqual([['33.72.01.1001', 40], ['33.72.02.1003', null], ['33.72.03.1002', 90]]);
  });

  it('computes the city rate from summed counts, not averaged rates', async () => {
    const s = await fetchCitySummary(db, { kodeKota: '33.72', tahun: 2024, indikator: 'rtlh' });
    expect(s.jumlah).toBe(130);
    // Kemlayan has households but no RTLH figure in 2024: its households must not dilute the rate.
    expect(s.rasio).toBeCloseTo((130 * 100) / 3000);
    expect(s.kelurahanWithData).toBe(2);
    expect(s.kelurahan).toBe(3);
  });

  it('ranks within the city by rate and gives last year only when consecutive', async () => {
    const profile = await fetchProfile(db, '33.72.01.1001', 2025);
    const rtlh = profile.find((p) => p.indikator === 'rtlh')!;
    expect(rtlh).toMatchObject({ jumlah: 60, rasio: 3, peringkat: 2, jumlahBerperingkat: 2, jumlahSebelumnya: 40, rasioSebelumnya: 2 });
    const semanggi = (await fetchProfile(db, '33.72.03.1002', 2025)).find((p) => p.indikator === 'rtlh')!;
    expect(semanggi.peringkat).toBe(1);
    const households = profile.find((p) => p.indikator === 'rumah_tangga')!;
    expect(households.rasio).toBeNull();
    expect(households.peringkat).toBe(1); // by count when there is no rate
    const other = (await fetchProfile(db, '35.74.01.1001', 2025)).find((p) => p.indikator === 'rtlh')!;
    expect(other.peringkat).toBe(1);
    expect(other.jumlahSebelumnya).toBeNull();
  });

  it('refuses a table that lacks a catalog column, naming it', async () => {
    const other = await openNodeDatabase();
    await expect(loadIndicators(other, 'kode,kelurahan,kode_kecamatan,kecamatan,kode_kota,tahun,rtlh\n', indicators)).rejects.toThrow(
      IndicatorTableError,
    );
    await expect(loadIndicators(other, csv, [...indicators, def('sanitasi', null)])).rejects.toThrow(/sanitasi/);
  });
});

describe('an imported dataset beside the demo', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    await loadIndicators(db, csv, indicators);
    // Its own households column as denominator: rates must use it, not the demo's rumah_tangga.
    await replaceDataset(
      db,
      'impor1',
      `SELECT * FROM (VALUES
         ('33.72.03.1002', '33.72', 2024, 'impor1_kk', 200), ('33.72.03.1002', '33.72', 2024, 'impor1_rtlh', 50),
         ('33.72.01.1001', '33.72', 2024, 'impor1_kk', 400), ('33.72.01.1001', '33.72', 2024, 'impor1_rtlh', 20)
       ) t(kode, kode_kota, tahun, indikator, nilai)`,
      [{ id: 'impor1_kk', rate: null }, { id: 'impor1_rtlh', rate: { denominator: 'impor1_kk', per: 100, unit: text } }],
    );
  }, 120_000);

  it('rates by its own denominator and ranks within the city', async () => {
    const rates = await fetchValues(db, { kodeKota: '33.72', tahun: 2024, indikator: 'impor1_rtlh', measure: 'rasio' });
    expect([...rates.entries()].sort()).toEqual([['33.72.01.1001', 5], ['33.72.03.1002', 25]]);
    const profile = await fetchProfile(db, '33.72.03.1002', 2024);
    expect(profile.find((p) => p.indikator === 'impor1_rtlh')).toMatchObject({ peringkat: 1, jumlahBerperingkat: 2 });
    expect(profile.find((p) => p.indikator === 'rtlh')).toMatchObject({ jumlah: 90 }); // the demo is untouched
  });

  it('lists the years of one indicator apart from the city\'s', async () => {
    expect(await fetchYears(db, '33.72', 'impor1_rtlh')).toEqual([2024]);
    expect(await fetchYears(db, '33.72')).toEqual([2024, 2025]);
  });

  it('replaces and removes only its own rows', async () => {
    await replaceDataset(db, 'impor1', `SELECT '33.72.01.1001' AS kode, '33.72' AS kode_kota, 2023 AS tahun, 'impor1_kk' AS indikator, 1 AS nilai`, [
      { id: 'impor1_kk', rate: null },
    ]);
    expect(await fetchYears(db, '33.72', 'impor1_rtlh')).toEqual([]);
    expect(await fetchYears(db, '33.72', 'impor1_kk')).toEqual([2023]);
    await removeDataset(db, 'impor1');
    expect(await fetchYears(db, '33.72')).toEqual([2024, 2025]);
    expect((await fetchProfile(db, '33.72.01.1001', 2023)).length).toBe(0);
  });
});

describe('the shipped demo data through the same SQL', () => {
  let db: Database;
  beforeAll(async () => {
    const { readFileSync } = await import('node:fs');
    const { catalog } = await import('../../../src/data/catalog');
    db = await openNodeDatabase();
    await loadIndicators(db, readFileSync('data/demo/indikator.csv', 'utf8'), catalog.indicators);
  }, 120_000);

  // Published figures quoted in the TKPK meeting reports (PRODUCT.md, ../shared/seeds).
  it.each([
    ['35.74', 2021, 'penduduk_miskin', 17910, '7.44'],
    ['35.74', 2022, 'penduduk_miskin', 16160, '6.65'],
    ['33.75', 2023, 'penduduk_miskin', null, '6.81'],
    ['33.75', 2024, 'penduduk_miskin', null, '6.71'],
    ['12.74', 2023, 'penduduk_miskin_ekstrem', 1890, '1.03'],
  ] as const)('kota %s in %i: %s city rate as published', async (kodeKota, tahun, indikator, total, percent) => {
    const summary = await fetchCitySummary(db, { kodeKota, tahun, indikator });
    if (total !== null) expect(summary.jumlah).toBe(total);
    else expect(summary.jumlah).toBeGreaterThan(17500);
    expect(summary.rasio!.toFixed(2)).toBe(percent);
    expect(summary.kelurahanWithData).toBe(summary.kelurahan);
  });

  it('gives counts and denominators of a rate for smoothing, in code order', async () => {
    const parts = await fetchRateParts(db, { kodeKota: '35.74', tahun: 2021, indikator: 'penduduk_miskin' });
    expect(parts.kode).toHaveLength(29);
    expect([...parts.kode].sort()).toEqual(parts.kode);
    expect(parts.jumlah.reduce((a, b) => a + b, 0)).toBe(17910);
    expect(parts.per).toBe(100);
    expect(((100 * 17910) / parts.penyebut.reduce((a, b) => a + b, 0)).toFixed(2)).toBe('7.44');
  });

  it('gives a kelurahan\'s trend beside its kecamatan and city rates (sums over sums)', async () => {
    const trend = await fetchTrend(db, { kode: '33.72.03.1002', indikator: 'rtlh' });
    expect(trend.map((t) => t.tahun)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const csv = (await import('node:fs')).readFileSync('data/demo/indikator.csv', 'utf8').trim().split('\n');
    const header = csv[0].split(',');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    for (const point of trend) {
      const year = rows.filter((r) => Number(r.tahun) === point.tahun);
      const rate = (list: typeof rows) => (100 * list.reduce((a, r) => a + Number(r.rtlh), 0)) / list.reduce((a, r) => a + Number(r.rumah_tangga), 0);
      const own = year.find((r) => r.kode === '33.72.03.1002')!;
      expect(point.kelurahan).toBeCloseTo((100 * Number(own.rtlh)) / Number(own.rumah_tangga), 10);
      expect(point.kecamatan).toBeCloseTo(rate(year.filter((r) => r.kode.startsWith('33.72.03.'))), 10);
      expect(point.kota).toBeCloseTo(rate(year.filter((r) => r.kode_kota === '33.72')), 10);
    }
  });

  it('ranks Semanggi among the RTLH and sanitation pockets of Surakarta', async () => {
    const profile = await fetchProfile(db, '33.72.03.1002', 2025);
    expect(profile.find((p) => p.indikator === 'rtlh')!.peringkat).toBeLessThanOrEqual(5);
    expect(profile.find((p) => p.indikator === 'rt_tanpa_sanitasi_layak')!.peringkat).toBeLessThanOrEqual(5);
    expect(profile.find((p) => p.indikator === 'rtlh')!.jumlahBerperingkat).toBe(54);
  });
});
