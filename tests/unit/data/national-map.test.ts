import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { generateNationalRows, renderNationalCsv, type DesaPoint } from '../../../src/cli/national/synthetic';
import { fetchNationalKode, fetchNationalValues, loadNationalValues, nationalTileTemplate } from '../../../src/data/national-map';

/** A small made-up set: a kelurahan and a desa in the west, the same in the east. */
const POINTS: DesaPoint[] = [
  { kode: '11.01.01.2001', lon: 96.0, lat: 4.0 },
  { kode: '11.71.01.1001', lon: 95.3, lat: 5.5 },
  { kode: '94.01.01.2001', lon: 138.5, lat: -4.0 },
  { kode: '94.71.01.1001', lon: 140.7, lat: -2.5 },
];

describe('synthetic national values', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateNationalRows(POINTS, 7)).toEqual(generateNationalRows(POINTS, 7));
    expect(generateNationalRows(POINTS, 7)).not.toEqual(generateNationalRows(POINTS, 8));
  });

  it('give two years per desa within the stated bounds, higher in the east on average', () => {
    const many: DesaPoint[] = [];
    for (let i = 0; i < 400; i++)
      many.push({ kode: `11.01.01.${2000 + i}`, lon: 96 + (i % 20) * 0.05, lat: 3 }, { kode: `94.01.01.${2000 + i}`, lon: 138 + (i % 20) * 0.05, lat: -4 });
    const rows = generateNationalRows(many);
    expect(rows).toHaveLength(many.length * 2);
    for (const r of rows) {
      expect(r.penduduk_miskin).toBeGreaterThanOrEqual(0.5);
      expect(r.penduduk_miskin).toBeLessThanOrEqual(60);
      expect(r.tanpa_air_layak).toBeLessThanOrEqual(95);
    }
    const mean = (prefix: string) => {
      const picked = rows.filter((r) => r.kode.startsWith(prefix));
      return picked.reduce((s, r) => s + r.penduduk_miskin, 0) / picked.length;
    };
    expect(mean('94')).toBeGreaterThan(mean('11') + 5);
  });
});

describe('national values through the database', () => {
  it('reads the CSV with kode as text and returns one indicator and year', async () => {
    const rows = generateNationalRows(POINTS);
    const db = await openNodeDatabase();
    const years = await loadNationalValues(db, new TextEncoder().encode(renderNationalCsv(rows)));
    expect(years).toEqual([2024, 2025]);
    const kode = await fetchNationalKode(db);
    expect(kode).toEqual(POINTS.map((p) => p.kode).sort());
    const values = await fetchNationalValues(db, kode, 'rtlh', 2025);
    for (const [i, k] of kode.entries()) {
      expect(values.nilai[i]).toBe(rows.find((r) => r.kode === k && r.tahun === 2025)!.rtlh);
    }
    await expect(fetchNationalValues(db, kode, 'x; DROP TABLE y' as never, 2025)).rejects.toThrow(/unknown national indicator/);
  });

  it('gives NaN, in place, for a desa without a row in the year asked', async () => {
    const rows = generateNationalRows(POINTS).filter((r) => !(r.kode === '94.01.01.2001' && r.tahun === 2024));
    const db = await openNodeDatabase();
    await loadNationalValues(db, new TextEncoder().encode(renderNationalCsv(rows)));
    const kode = await fetchNationalKode(db);
    const values = await fetchNationalValues(db, kode, 'penduduk_miskin', 2024);
    expect(Number.isNaN(values.nilai[kode.indexOf('94.01.01.2001')])).toBe(true);
    expect(values.nilai.filter((v) => !Number.isNaN(v))).toHaveLength(3);
  });
});

describe('national tiles', () => {
  it('are addressed from the app folder, as MapLibre wants an absolute template', () => {
    expect(nationalTileTemplate('http://host/app/national/')).toBe('http://host/app/national/tiles/{z}/{x}/{y}.pbf');
  });
});
