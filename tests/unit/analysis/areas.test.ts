import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import turfArea from '@turf/area';
import { describe, expect, it } from 'vitest';
import { apportion, areaShares, bufferArea, checkArea, pointsInside, type KelurahanArea } from '../../../src/analysis/areas';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const kel = (kode: string, geometry: Polygon): KelurahanArea => ({ type: 'Feature', geometry, properties: { kode } });

// Two 0.01° × 0.01° kelurahan side by side on the equator, and a third far away.
const k1 = kel('k1', square(0, 0, 0.01, 0.01));
const k2 = kel('k2', square(0.01, 0, 0.02, 0.01));
const k3 = kel('k3', square(1, 1, 1.01, 1.01));

describe('areaShares on squares', () => {
  it('gives each kelurahan its share, by hand: a quarter of each, half of the area each', () => {
    // area x 0.005..0.015, y 0.0025..0.0075: inside k1 x 0.005..0.01 (half) × y (half) = 1/4 of k1; the same for k2.
    // Intersection 0.005° × 0.005°; on turf's sphere (mean radius 6,371,008.8 m) 1° = 111,194.93 m,
    // so 555.975 m × 555.975 m = 0.309108 km² (at the equator the cos(lat) factor is 1 to 1e-8).
    const result = areaShares(square(0.005, 0.0025, 0.015, 0.0075), [k1, k2, k3]);
    expect(result.error).toBeNull();
    expect(result.shares.map((s) => s.kode)).toEqual(['k1', 'k2']);
    for (const s of result.shares) {
      expect(s.shareOfKelurahan).toBeCloseTo(0.25, 6);
      expect(s.shareOfArea).toBeCloseTo(0.5, 6);
      expect(s.intersectionKm2).toBeCloseTo(0.309108, 5);
    }
    expect(result.areaKm2).toBeCloseTo(2 * 0.309108, 5);
  });

  it('counts a kelurahan wholly inside as share 1, and ignores one that only touches an edge', () => {
    // area x 0..0.01 exactly covers k1 and touches k2 along x = 0.01 (no area in common)
    const result = areaShares(square(0, 0, 0.01, 0.01), [k1, k2]);
    expect(result.shares.map((s) => [s.kode, +s.shareOfKelurahan.toFixed(9), +s.shareOfArea.toFixed(9)])).toEqual([['k1', 1, 1]]);
  });

  it('apportions counts by the share of each kelurahan and lists those without a value', () => {
    // area x 0.0075..0.02, y 0..0.01: a quarter of k1 (x 0.0075..0.01) and all of k2.
    // RTLH: k1 200 × 0.25 = 50, k2 40 × 1 = 40 -> 90. Households: k1 1000 × 0.25 + k2 null -> 250, k2 missing.
    const { shares } = areaShares(square(0.0075, 0, 0.02, 0.01), [k1, k2]);
    const rtlh = apportion(
      shares,
      new Map([
        ['k1', 200],
        ['k2', 40],
      ]),
    );
    expect(rtlh.total).toBeCloseTo(90, 6);
    expect(rtlh.missing).toEqual([]);
    const households = apportion(
      shares,
      new Map<string, number | null>([
        ['k1', 1000],
        ['k2', null],
      ]),
    );
    expect(households.total).toBeCloseTo(250, 4);
    expect(households.missing).toEqual(['k2']);
    expect(apportion(shares, new Map()).total).toBe(0);
  });
});

describe('user drawings that cannot be used come back as errors, never as exceptions', () => {
  it('names a crossed (bow-tie) polygon, a speck, a non-polygon and garbage', () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.01, 0.01],
          [0.01, 0],
          [0, 0.01],
          [0, 0],
        ],
      ],
    };
    expect(areaShares(bowtie, [k1, k2])).toEqual({ shares: [], areaKm2: 0, error: 'self-intersection' });
    expect(bufferArea(bowtie, 100).error).toBe('self-intersection');
    expect(pointsInside(bowtie, [])).toEqual([]);
    // 0.000001° square: about 0.012 m², a click, not an area
    expect(checkArea(square(0, 0, 1e-6, 1e-6)).error).toBe('too-small');
    expect(checkArea({ type: 'Point', coordinates: [0, 0] }).error).toBe('empty');
    expect(
      checkArea({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [Number.NaN, 1],
            [1, 1],
            [0, 0],
          ],
        ],
      }).error,
    ).toBe('invalid');
    expect(checkArea(null).error).toBe('empty');
    expect(checkArea('not geojson').error).toBe('empty');
    // an unclosed ring is simply closed
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.01, 0],
          [0.01, 0.01],
          [0, 0.01],
        ],
      ],
    };
    expect(checkArea(open).error).toBeNull();
    expect(areaShares({ type: 'Feature', geometry: open as Polygon, properties: {} }, [k1]).shares[0].shareOfKelurahan).toBeCloseTo(1, 9);
  });
});

const pt = (id: string, x: number, y: number): Feature<Point, { id: string }> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: { id } });

describe('pointsInside and bufferArea', () => {
  it('keeps points inside (holes excluded)', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 0.01, 0.01).coordinates[0],
        [
          [0.004, 0.004],
          [0.004, 0.006],
          [0.006, 0.006],
          [0.006, 0.004],
          [0.004, 0.004],
        ],
      ],
    };
    const points = [pt('in', 0.002, 0.002), pt('hole', 0.005, 0.005), pt('out', 0.02, 0.005), pt('nan', Number.NaN, 0)];
    expect(pointsInside(withHole, points).map((p) => p.properties.id)).toEqual(['in']);
  });

  it('grows a square by 100 m on every side', () => {
    // 0.01° = 1111.95 m on turf's sphere; grown by 100 m: (1111.95 + 200)² = 1,721,213 m², minus what
    // the four rounded corners leave out, 4 × (100² − π·100²/4) = 8,584 m² -> 1.7126 km² (turf's
    // 8-step arcs cut the corners a little more: 1.7124, so we allow 0.1 %).
    const grown = bufferArea(square(0, 0, 0.01, 0.01), 100);
    expect(grown.error).toBeNull();
    expect(turfArea(grown.geometry!) / 1e6).toBeCloseTo(1.7126, 1);
    expect(Math.abs(turfArea(grown.geometry!) / 1e6 / 1.7126 - 1)).toBeLessThan(0.001);
    expect(bufferArea(square(0, 0, 0.01, 0.01), -1000).error).toBe('empty');
    expect(bufferArea(square(0, 0, 0.01, 0.01), Number.NaN).error).toBe('invalid');
  });
});

describe('with the real Surakarta kelurahan', () => {
  const boundaries = JSON.parse(readFileSync(new URL('../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon>;
  const kelurahan = boundaries.features as unknown as KelurahanArea[];
  const byKode = (kode: string) => kelurahan.find((f) => (f.properties as { kode: string }).kode === kode)!;

  it('shares of an interior area sum to about 1 over the kelurahan it touches', () => {
    // Kestalan (Banjarsari) lies in the middle of the city; grown by 300 m it stays inside the city.
    const area = bufferArea(byKode('33.72.05.1005').geometry, 300);
    const result = areaShares(area.geometry!, kelurahan);
    expect(result.error).toBeNull();
    const sum = result.shares.reduce((s, x) => s + x.shareOfArea, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(0.01);
    const kestalan = result.shares.find((x) => x.kode === '33.72.05.1005')!;
    expect(kestalan.shareOfKelurahan).toBeCloseTo(1, 3);
    expect(result.shares.length).toBeGreaterThanOrEqual(4);
    // km² add up too
    expect(result.shares.reduce((s, x) => s + x.intersectionKm2, 0)).toBeCloseTo(result.areaKm2, 2);
  });

  it('the Semanggi polygon itself is all of Semanggi, and contains the three demo sites placed there', () => {
    const semanggi = byKode('33.72.03.1002');
    const result = areaShares(semanggi.geometry, kelurahan);
    expect(result.shares[0]).toMatchObject({ kode: '33.72.03.1002' });
    expect(result.shares[0].shareOfKelurahan).toBeCloseTo(1, 6);
    expect(result.shares[0].shareOfArea).toBeGreaterThan(0.99);
    const sites = readFileSync(new URL('../../../data/demo/lokasi_program.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [id, , , , lat, lon] = line.split(',');
        return pt(id, Number(lon), Number(lat));
      });
    expect(pointsInside(semanggi.geometry, sites).map((p) => p.properties.id)).toEqual(['LP-3372-02', 'LP-3372-03', 'LP-3372-04']);
  });
});

describe('area error messages', () => {
  it('has Indonesian and English text for every AreaError', async () => {
    const { targetingId, targetingEn } = await import('../../../src/i18n/modules/targeting');
    for (const error of ['empty', 'invalid', 'self-intersection', 'too-small', 'failed'] as const) {
      expect(targetingId[`targeting.area.error.${error}`]).toMatch(/\S/);
      expect(targetingEn[`targeting.area.error.${error}`]).toMatch(/\S/);
    }
  });
});

describe('the demo focus area Kawasan Semanggi', () => {
  const kawasan = JSON.parse(readFileSync(new URL('../../../data/demo/kawasan.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon>;
  const boundaries = JSON.parse(readFileSync(new URL('../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon>;

  it('is one valid polygon of at most 40 vertices with its properties', () => {
    expect(kawasan.features).toHaveLength(1);
    const [feature] = kawasan.features;
    expect(feature.properties).toMatchObject({ id: 'kawasan-semanggi', nama: 'Kawasan Semanggi', kota: '33.72' });
    expect(String(feature.properties?.catatan)).toContain('bukan delineasi resmi');
    expect(feature.geometry.type).toBe('Polygon');
    expect(feature.geometry.coordinates[0].length - 1).toBeLessThanOrEqual(40);
    expect(checkArea(feature).error).toBeNull();
  });

  it('holds all of Semanggi and slices of its Pasar Kliwon neighbours, as KAWASAN.md says', () => {
    const result = areaShares(kawasan.features[0], boundaries.features as unknown as KelurahanArea[]);
    expect(result.areaKm2).toBeCloseTo(1.338, 2);
    expect(result.shares.map((s) => s.kode)).toEqual(['33.72.03.1002', '33.72.03.1003', '33.72.03.1010', '33.72.03.1008', '33.72.03.1001', '33.72.03.1007']);
    expect(result.shares[0].shareOfKelurahan).toBeGreaterThan(0.999);
    [0.6785, 0.0887, 0.0837, 0.0482, 0.0052, 0.0045].forEach((share, i) => expect(result.shares[i].shareOfArea).toBeCloseTo(share, 3));
    [1, 0.3137, 0.1463, 0.1396, 0.0133, 0.0123].forEach((share, i) => expect(result.shares[i].shareOfKelurahan).toBeCloseTo(share, 3));
    // the rest (about 9 %) lies outside the city's kelurahan polygons
    const sum = result.shares.reduce((s, x) => s + x.shareOfArea, 0);
    expect(sum).toBeGreaterThan(0.88);
    expect(sum).toBeLessThan(0.93);
  });
});
