/**
 * The national synthetic sample as a wide region's indicators: the rows of the region's desa go
 * into the database under the region's kode and are read back like any indicator; a desa in two
 * open regions keeps its own previous-year value in each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { generateNationalRows, renderNationalCsv, type DesaPoint } from '../../../src/cli/national/synthetic';
import { NATIONAL_SAMPLE_INDICATORS, indicatorInRegion, showsSyntheticData, type City, type IndicatorDef } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import { fetchCitySummary, fetchProfile, fetchValues, fetchYears, loadIndicators } from '../../../src/data/indicators';
import { loadRegionSample, syntheticHouseholdsSql } from '../../../src/data/national-values';

/** Desa of DI Yogyakarta (two kab/kota) and one of Jawa Tengah; positions made up. */
const POINTS: DesaPoint[] = [
  { kode: '34.04.01.2001', lon: 110.3, lat: -7.7 },
  { kode: '34.04.01.2002', lon: 110.31, lat: -7.71 },
  { kode: '34.71.01.1001', lon: 110.37, lat: -7.8 },
  { kode: '33.72.01.1001', lon: 110.8, lat: -7.56 },
];
const rows = generateNationalRows(POINTS);
const csv = () => Promise.resolve(new TextEncoder().encode(renderNationalCsv(rows)));

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  // The demo's tables (nilai, katalog, ukuran) exist before any region is opened.
  const text = { id: 'x', en: 'x' };
  const penduduk: IndicatorDef = { id: 'penduduk', label: text, unit: text, theme: 'kependudukan', kind: 'count', rate: null, direction: 'neutral', definition: text, source: text };
  await loadIndicators(db, 'kode,kelurahan,kode_kecamatan,kecamatan,kode_kota,tahun,penduduk\n33.72.01.1001,Pajang,33.72.01,Laweyan,33.72,2025,1000\n', [penduduk]);
}, 60_000);

describe('the national sample in a wide region', () => {
  it('loads only the region’s desa, filed under the region’s kode, with both years', async () => {
    expect(await loadRegionSample(db, '34', ['34'], csv)).toBe(3);
    expect(await fetchYears(db, '34', 'nasional_rtlh')).toEqual([2024, 2025]);
    const values = await fetchValues(db, { kodeKota: '34', tahun: 2025, indikator: 'nasional_penduduk_miskin', measure: 'jumlah' });
    const expected = rows.filter((r) => r.kode.startsWith('34.') && r.tahun === 2025);
    expect(values).toEqual(new Map(expected.map((r) => [r.kode, r.penduduk_miskin])));
    // A share per desa is never summed: the region's line is the mean of its desa.
    const summary = await fetchCitySummary(db, { kodeKota: '34', tahun: 2025, indikator: 'nasional_penduduk_miskin' });
    expect(summary.mean?.value).toBeCloseTo(expected.reduce((s, r) => s + r.penduduk_miskin, 0) / 3, 9);
  });

  it('keeps a desa’s previous year in each region that holds it', async () => {
    expect(await loadRegionSample(db, '34.04,34.71', ['34.04', '34.71'], csv)).toBe(3);
    const profile = await fetchProfile(db, '34.04.01.2001', 2025);
    const before = rows.find((r) => r.kode === '34.04.01.2001' && r.tahun === 2024)!;
    const rtlh = profile.filter((p) => p.indikator === 'nasional_rtlh');
    expect(rtlh).toHaveLength(2);
    expect(rtlh.map((p) => p.jumlahSebelumnya)).toEqual([before.rtlh, before.rtlh]);
  });

  it('gives every desa seeded household and RTLH counts that agree with its RTLH per 100 households', async () => {
    await loadRegionSample(db, '34', ['34'], csv);
    for (const tahun of [2024, 2025]) {
      const query = { kodeKota: '34', tahun };
      const households = await fetchValues(db, { ...query, indikator: 'nasional_rumah_tangga', measure: 'jumlah' });
      const units = await fetchValues(db, { ...query, indikator: 'nasional_rtlh_unit', measure: 'jumlah' });
      const rate = await fetchValues(db, { ...query, indikator: 'nasional_rtlh_unit', measure: 'rasio' });
      for (const row of rows.filter((r) => r.kode.startsWith('34.') && r.tahun === tahun)) {
        const rt = households.get(row.kode)!;
        // A village 150 to 2,500 households, an urban kelurahan (kode ….1xxx) 800 to 8,000.
        if (row.kode.split('.')[3].startsWith('1')) expect(rt).toBeGreaterThanOrEqual(800);
        else expect(rt).toBeLessThanOrEqual(2500);
        expect(Number.isInteger(rt)).toBe(true);
        expect(units.get(row.kode)).toBe(Math.round((rt * row.rtlh) / 100));
        // Back to a rate, the count is the file's share within rounding to whole houses.
        expect(Math.abs(rate.get(row.kode)! - row.rtlh)).toBeLessThanOrEqual(50 / rt + 1e-9);
      }
    }
  });

  it('draws the same household counts for the same seed and other counts for another', async () => {
    const draw = async (seed?: string) => {
      const table = await db.query(`SELECT kode, ${syntheticHouseholdsSql('kode', seed)} AS rt FROM (SELECT DISTINCT kode FROM nasional_contoh) ORDER BY kode`);
      const rt = table.getChild('rt')!;
      return Array.from({ length: table.numRows }, (_, i) => Number(rt.get(i)));
    };
    const first = await draw();
    expect(await draw()).toEqual(first);
    expect(await draw('another seed')).not.toEqual(first);
    // Not one count for all: the draw spreads across the range.
    expect(new Set(first).size).toBe(first.length);
  });

  it('is offered only in regions that carry it, and always labelled synthetic', () => {
    const provinsi: City = { kode: '34', slug: '34', nama: 'DIY', provinsi: 'DIY', kelurahan: 438, boundaries: '', source: 'national', nationalValues: true };
    const kabkota: City = { ...provinsi, kode: '34.71', slug: '34.71', nationalValues: undefined };
    for (const indicator of NATIONAL_SAMPLE_INDICATORS) {
      expect(indicatorInRegion(indicator, provinsi)).toBe(true);
      expect(indicatorInRegion(indicator, kabkota)).toBe(false);
      expect(showsSyntheticData(indicator, provinsi)).toBe(true);
    }
  });
});
