import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry } from 'geojson';
import { buildWeights, runLocal } from '../../../src/workers/analysis-tasks';
import { hotSpots, LisaCluster, lisaClusters, localMoran } from '../../../src/analysis/autocorrelation';
import { localCategories } from '../../../src/state/cluster-categories';
import { lisa } from '../../../src/analysis/methods/lisa';
import { gistar } from '../../../src/analysis/methods/gi';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import { subsetWeights } from '../../../src/analysis/subset';

const surakarta = JSON.parse(readFileSync('data/boundaries/kelurahan_surakarta_3372.geojson', 'utf8')) as FeatureCollection<Geometry, { kode: string }>;
const rows = readFileSync('data/demo/indikator.csv', 'utf8').trim().split('\n');
const header = rows[0].split(',');
const column = (name: string) => header.indexOf(name);
const rtlhRate = new Map(
  rows
    .slice(1)
    .map((r) => r.split(','))
    .filter((r) => r[column('tahun')] === '2025')
    .map((r) => [r[column('kode')], (100 * Number(r[column('rtlh')])) / Number(r[column('rumah_tangga')])]),
);
const values = Float64Array.from(surakarta.features, (f) => rtlhRate.get(f.properties.kode)!);
const ids = surakarta.features.map((f) => f.properties.kode);

describe('analysis worker tasks', () => {
  const weights = buildWeights({ geometries: surakarta.features.map((f) => f.geometry), rule: 'queen', toleranceMetres: 10 });

  it('builds queen weights for every kelurahan of Surakarta, with no islands', () => {
    expect(weights.n).toBe(54);
    expect(weights.islands).toEqual([]);
    expect(weights.offsets[54]).toBe(weights.indices.length);
  });

  it('reports an island, and links it to its nearest kelurahan when asked', () => {
    const far: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [110.95, -7.56],
          [110.951, -7.56],
          [110.951, -7.559],
          [110.95, -7.559],
          [110.95, -7.56],
        ],
      ],
    };
    const geometries = [...surakarta.features.map((f) => f.geometry), far];
    const plain = buildWeights({ geometries, rule: 'queen', toleranceMetres: 10 });
    expect(plain.islands).toEqual([54]);
    const linked = buildWeights({ geometries, rule: 'queen', toleranceMetres: 10, islandsToNearest: true });
    expect(linked.islands).toEqual([]);
    expect(linked.linked).toEqual([54]);
    const neighbour = linked.indices[linked.offsets[54]];
    expect(Array.from(linked.indices.subarray(linked.offsets[neighbour], linked.offsets[neighbour + 1]))).toContain(54);
  });

  it('gives the same LISA as the analysis core, reproducibly by seed', () => {
    const out = runLocal({ method: 'lisa', values, ids, offsets: weights.offsets, indices: weights.indices, permutations: 199, seed: 7 });
    const direct = localMoran(
      values,
      weightsFromNeighbours(Array.from({ length: 54 }, (_, i) => Array.from(weights.indices.subarray(weights.offsets[i], weights.offsets[i + 1])))),
      { permutations: 199, seed: 7 },
    );
    expect(Array.from(out.statistic)).toEqual(Array.from(direct.I));
    expect(Array.from(out.pseudoP)).toEqual(Array.from(direct.pseudoP));
    expect(out.missing).toBe(0);
    // Without islands, global I on row-standardised weights is the mean of the local I.
    expect(out.moran!.I).toBeCloseTo(direct.I.reduce((a, b) => a + b, 0) / 54, 12);
    expect(out.moran!.pPermutation).toBeGreaterThan(0);
    // ... which is what the profile shows as each kelurahan's share (I_i / n).
    const shares = Array.from(out.statistic, (v) => v / (54 - out.missing));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(out.moran!.I, 12);
  });

  it('drops a kelurahan without a value with its weights, instead of reading it as zero', () => {
    const gap = values.slice();
    gap[0] = Number.NaN;
    const out = runLocal({ method: 'gistar', values: gap, ids, offsets: weights.offsets, indices: weights.indices, permutations: 99, seed: 1 });
    expect(out.missing).toBe(1);
    expect(out.statistic[0]).toBeNaN();
    expect(out.neighbourCount[0]).toBe(-1);
    const neighbourOfFirst = weights.indices[weights.offsets[0]];
    const before = weights.offsets[neighbourOfFirst + 1] - weights.offsets[neighbourOfFirst];
    expect(out.neighbourCount[neighbourOfFirst]).toBe(before - 1);
    expect(Number.isFinite(out.zScore[1])).toBe(true);
  });
});

describe('subsetting weights', () => {
  it('renumbers the kept observations and leaves a kelurahan whose neighbours all went an island', () => {
    // 0 - 1 - 2, 3 alone with 1
    const w = weightsFromNeighbours([[1], [0, 2, 3], [1], [1]]);
    const { weights: s, kept } = subsetWeights(w, [true, false, true, true]);
    expect(Array.from(kept)).toEqual([0, 2, 3]);
    expect(Array.from(s.offsets)).toEqual([0, 0, 0, 0]);
  });
});

describe('map categories from the worker output', () => {
  // Surakarta plus a far-off square (an island); Semanggi's value is missing.
  const far: Geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [110.95, -7.56],
        [110.951, -7.56],
        [110.951, -7.559],
        [110.95, -7.559],
        [110.95, -7.56],
      ],
    ],
  };
  const w = buildWeights({ geometries: [...surakarta.features.map((f) => f.geometry), far], rule: 'queen', toleranceMetres: 10 });
  const x = Float64Array.from([...values, 3]);
  const farIds = [...ids, '99.99.99.9999'];
  const semanggi = surakarta.features.findIndex((f) => f.properties.kode === '33.72.03.1002');
  x[semanggi] = Number.NaN;

  it('LISA: the core clusters, an island apart, no value as -1, counts adding up', () => {
    const out = runLocal({ method: 'lisa', values: x, ids: farIds, offsets: w.offsets, indices: w.indices, permutations: 199, seed: 3 });
    const map = localCategories(lisa, out, 0.05, 'fdr');
    expect(map.codes[semanggi]).toBe(-1);
    expect(map.codes[54]).toBe(LisaCluster.Isolated);
    expect(map.rows.reduce((a, r) => a + r.count, 0)).toBe(54);
    const core = lisaClusters(out, 0.05, 'fdr');
    map.codes.forEach((code, i) => i !== semanggi && expect(code).toBe(core.cluster[i]));
  });

  it('hot spots: the core bins, an island in its own row, no value as -1', () => {
    const out = runLocal({ method: 'gistar', values: x, ids: farIds, offsets: w.offsets, indices: w.indices, permutations: 99, seed: 3 });
    const map = localCategories(gistar, out, 0.05, 'none');
    expect(map.codes[semanggi]).toBe(-1);
    expect(map.rows[map.codes[54]].label).toBe('cluster.isolated');
    expect(map.rows.reduce((a, r) => a + r.count, 0)).toBe(54);
    const bins = hotSpots(out, 'z', 'none').bin;
    const hot99 = map.rows.findIndex((r) => r.label === 'hotspot.hot99');
    map.codes.forEach((code, i) => code === hot99 && expect(bins[i]).toBe(3));
    expect(map.cutoff).toBeCloseTo(0.05);
  });
});
