/**
 * Spatial pattern of the demo data: poverty clusters (global Moran's I with
 * k-nearest-neighbour centroid weights) and Semanggi stands out in Surakarta.
 * Moran's I is written here, not imported from src, so the test does not
 * share a bug with the code it checks.
 */
import { centroid } from '@turf/centroid';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/analysis/random';
import { YEARS } from '../../../src/cli/demo/types';
import { cityYear, defaultDemo, demoInputs } from './demo-fixture';

const SEMANGGI = '33.72.03.1002';
const data = defaultDemo();
const { cities, boundariesByCity } = demoInputs();

/** Indices of the k nearest centroids (planar km around the city), ties by index. */
function kNearest(points: ReadonlyArray<[number, number]>, k: number): number[][] {
  const lat0 = (points.reduce((s, p) => s + p[1], 0) / points.length) * (Math.PI / 180);
  const xy = points.map(([lon, lat]) => [lon * 111.32 * Math.cos(lat0), lat * 110.574]);
  return xy.map((a, i) =>
    xy
      .map((b, j) => ({ j, d: Math.hypot(a[0] - b[0], a[1] - b[1]) }))
      .filter(({ j }) => j !== i)
      .sort((p, q) => p.d - q.d || p.j - q.j)
      .slice(0, k)
      .map(({ j }) => j),
  );
}

/** Global Moran's I with row-standardised binary neighbour weights. */
function moranI(x: readonly number[], neighbours: readonly number[][]): number {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const dev = x.map((v) => v - mean);
  let cross = 0;
  let s0 = 0;
  neighbours.forEach((list, i) => {
    for (const j of list) {
      const w = 1 / list.length;
      cross += w * dev[i] * dev[j];
      s0 += w;
    }
  });
  const variance = dev.reduce((s, d) => s + d * d, 0);
  return (n / s0) * (cross / variance);
}

/** 1-based rank of `kode` when rows are sorted by `value` descending. */
function rankOf<T extends { kode: string }>(rows: readonly T[], value: (r: T) => number, kode: string): number {
  const target = value(rows.find((r) => r.kode === kode)!);
  return 1 + rows.filter((r) => value(r) > target).length;
}

describe("Moran's I helper", () => {
  it('is strongly positive for a smooth gradient and near zero for shuffled values', () => {
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) pts.push([110 + i * 0.01, -7 + j * 0.01]);
    const nb = kNearest(pts, 4);
    const smooth = pts.map(([lon]) => lon);
    expect(moranI(smooth, nb)).toBeGreaterThan(0.6);
    const random = createRandom(99);
    const shuffled = [...smooth]
      .map((v) => ({ v, k: random.next() }))
      .sort((a, b) => a.k - b.k)
      .map((o) => o.v);
    expect(Math.abs(moranI(shuffled, nb))).toBeLessThan(0.2);
  });
});

describe('spatial pattern', () => {
  for (const city of cities) {
    it(`${city.nama}: poverty rate clusters (Moran's I, k=4, > 0.2 every year)`, () => {
      const features = [...boundariesByCity[city.kode].features];
      const kodes = features.map((f) => f.properties.kode);
      const nb = kNearest(
        features.map((f) => centroid(f).geometry.coordinates as [number, number]),
        4,
      );
      for (const tahun of YEARS) {
        const byKode = new Map(cityYear(data.indicators, city.kode, tahun).map((r) => [r.kode, r]));
        const rate = kodes.map((k) => byKode.get(k)!.penduduk_miskin / byKode.get(k)!.penduduk);
        expect(moranI(rate, nb), `${city.slug} ${tahun}`).toBeGreaterThan(0.2);
      }
    });
  }

  it("Semanggi is one of Surakarta's clear pockets: top 5 of 54 for RTLH and no proper sanitation, every year", () => {
    for (const tahun of YEARS) {
      const rows = cityYear(data.indicators, '33.72', tahun);
      expect(rows).toHaveLength(54);
      const rtlhRank = rankOf(rows, (r) => r.rtlh / r.rumah_tangga, SEMANGGI);
      const sanitationRank = rankOf(rows, (r) => r.rt_tanpa_sanitasi_layak / r.rumah_tangga, SEMANGGI);
      expect(rtlhRank, `RTLH per 100 households, ${tahun}`).toBeLessThanOrEqual(5);
      expect(sanitationRank, `no proper sanitation share, ${tahun}`).toBeLessThanOrEqual(5);
    }
  });

  it('Semanggi is well above the Surakarta poverty rate', () => {
    for (const tahun of YEARS) {
      const rows = cityYear(data.indicators, '33.72', tahun);
      const semanggi = rows.find((r) => r.kode === SEMANGGI)!;
      const cityRate = rows.reduce((s, r) => s + r.penduduk_miskin, 0) / rows.reduce((s, r) => s + r.penduduk, 0);
      expect(semanggi.penduduk_miskin / semanggi.penduduk, String(tahun)).toBeGreaterThan(1.5 * cityRate);
    }
  });
});
