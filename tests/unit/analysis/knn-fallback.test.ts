import { describe, expect, it } from 'vitest';
import { polygonCentroids } from '../../../src/analysis/centroids';
import { contiguity } from '../../../src/analysis/contiguity';
import { ellipsoidDistance } from '../../../src/analysis/geodesy';
import { withKnnFallback } from '../../../src/analysis/knn-fallback';
import { polygonRings } from '../../../src/analysis/polygon-rings';
import { islands, rowStandardise, weightsFromNeighbours } from '../../../src/analysis/weights';
import { listsOf, readCity } from './demo-cities';

describe('islands and the nearest-neighbour fallback', () => {
  it('links a kelurahan cut off from the rest to its nearest one, both ways', () => {
    // Eight kelurahan of Laweyan plus the northernmost of Surakarta, far from them.
    const fc = readCity('kelurahan_surakarta_3372.geojson');
    const rings = polygonRings(fc.features.map((f) => f.geometry));
    const centroids = polygonCentroids(rings);
    const north = fc.features.reduce((best, _, i) => (centroids[2 * i + 1] > centroids[2 * best + 1] ? i : best), 0);
    const keep = [0, 1, 2, 3, 4, 5, 6, 7, north];
    const subset = polygonRings(keep.map((i) => fc.features[i].geometry));
    const points = polygonCentroids(subset);
    const w = contiguity(subset).weights;
    expect(islands(w)).toEqual([8]);
    const distance = (j: number) => ellipsoidDistance(points[16], points[17], points[2 * j], points[2 * j + 1]);
    const nearest = [0, 1, 2, 3, 4, 5, 6, 7].reduce((best, j) => (distance(j) < distance(best) ? j : best), 0);
    const result = withKnnFallback(w, points);
    expect(result.added).toEqual([{ from: 8, to: nearest }]);
    expect(islands(result.weights)).toEqual([]);
    expect(listsOf(result.weights)[8]).toEqual([nearest]);
    expect(listsOf(result.weights)[nearest]).toContain(8);
    // Everyone else keeps their neighbours.
    listsOf(w).forEach((row, i) => {
      if (i !== nearest && i !== 8) expect(listsOf(result.weights)[i]).toEqual(row);
    });
  });

  const line: [number, number][] = [
    [110, -7],
    [110.01, -7],
    [110.05, -7],
    [110.051, -7],
    [110.2, -7],
  ];

  it('can link one way only, and with more than one neighbour', () => {
    const w = weightsFromNeighbours([[1], [0], [], [], []]);
    const oneWay = withKnnFallback(w, line, 1, { symmetric: false });
    expect(listsOf(oneWay.weights)).toEqual([[1], [0], [3], [2], [3]]);
    const two = withKnnFallback(w, line, 2);
    // 3's nearest is 2, already linked to it by 2's own fallback: not added twice.
    expect(two.added).toEqual([
      { from: 2, to: 3 },
      { from: 2, to: 1 },
      { from: 3, to: 1 },
      { from: 4, to: 3 },
      { from: 4, to: 2 },
    ]);
    expect(listsOf(two.weights)).toEqual([[1], [0, 2, 3], [1, 3, 4], [1, 2, 4], [2, 3]]);
  });

  it('does not list a link twice when two islands are each other\u2019s nearest', () => {
    const result = withKnnFallback(weightsFromNeighbours([[1], [0, 4], [], [], [1]]), line);
    expect(result.added).toEqual([{ from: 2, to: 3 }]);
    expect(listsOf(result.weights)[2]).toEqual([3]);
    expect(listsOf(result.weights)[3]).toEqual([2]);
  });

  it('keeps row standardisation and reports islands without a location', () => {
    const w = rowStandardise(weightsFromNeighbours([[1], [0], [], []]));
    const result = withKnnFallback(w, [
      [110, -7],
      [110.01, -7],
      [110.02, -7],
      [Number.NaN, Number.NaN],
    ]);
    expect(result.unlocated).toEqual([3]);
    expect(result.weights.rowStandardised).toBe(true);
    expect(Array.from(result.weights.values)).toEqual([1, 0.5, 0.5, 1]);
    expect(() => withKnnFallback(w, [[110, -7]])).toThrow(RangeError);
  });
});
