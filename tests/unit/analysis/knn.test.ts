import { describe, expect, it } from 'vitest';
import { polygonCentroids } from '../../../src/analysis/centroids';
import { degreeLengths, ellipsoidDistance } from '../../../src/analysis/geodesy';
import { knnWeights, NearestNeighbourIndex } from '../../../src/analysis/knn';
import { polygonRings } from '../../../src/analysis/polygon-rings';
import { createRandom } from '../../../src/analysis/random';
import { knnFixture, listsOf, readCity } from './demo-cities';

describe('geodesy on WGS84', () => {
  it('gives the textbook lengths of a degree', () => {
    // Meridian and parallel degrees at the equator and at 45 degrees.
    expect(degreeLengths(0).lat).toBeCloseTo(110574.3, 0);
    expect(degreeLengths(0).lon).toBeCloseTo(111319.5, 0);
    expect(degreeLengths(45).lat).toBeCloseTo(111132.0, 0);
    expect(degreeLengths(45).lon).toBeCloseTo(78846.8, 0);
  });

  it('measures a degree of latitude and of longitude like the local lengths, and a point to itself as 0', () => {
    expect(ellipsoidDistance(110, -7.5, 110, -6.5) / degreeLengths(-7).lat).toBeCloseTo(1, 4);
    expect(ellipsoidDistance(110, -7, 110.01, -7) / (0.01 * degreeLengths(-7).lon)).toBeCloseTo(1, 4);
    expect(ellipsoidDistance(110, -7, 110, -7)).toBe(0);
    expect(ellipsoidDistance(-180, 0, 180, 0)).toBe(0);
  });
});

describe('k nearest neighbours against spdep knearneigh(longlat = TRUE) + knn2nb', () => {
  it.each(knnFixture.cities.map((c) => [c.city, c] as const))('%s', (_, c) => {
    const fc = readCity(c.file);
    const centroids = polygonCentroids(polygonRings(fc.features.map((f) => f.geometry)));
    // The same points as R's GEOS centroids.
    c.centroids.forEach(([x, y], i) => {
      expect(centroids[2 * i]).toBeCloseTo(x, 10);
      expect(centroids[2 * i + 1]).toBeCloseTo(y, 10);
    });
    for (const k of ['1', '4', '6']) expect(listsOf(knnWeights(c.centroids, Number(k)).weights), `k = ${k}`).toEqual(c.knn[k]);
    // Distances of the k = 4 neighbours equal spdep's nbdists (km).
    const k4 = knnWeights(c.centroids, 4);
    c.dist4_km.forEach((row, i) => {
      row.forEach((km, q) => expect(k4.distancesMetres[k4.weights.offsets[i] + q] / 1000).toBeCloseTo(km, 9));
    });
  });

  it('breaks exact ties as spdep does, the earlier point first', () => {
    const { points, knn } = knnFixture.grid;
    for (const k of ['1', '2', '3']) expect(listsOf(knnWeights(points, Number(k)).weights), `k = ${k}`).toEqual(knn[k]);
    // On the 1/64 degree grid, east and west of point 1 are exactly as far: 0 (west) wins for k = 1.
    expect(ellipsoidDistance(...points[1], ...points[0])).toBe(ellipsoidDistance(...points[1], ...points[2]));
    expect(listsOf(knnWeights(points, 1).weights)[1]).toEqual([0]);
  });

  it('is not symmetric', () => {
    // 0 and 1 are close together, 2 is far to the east: 2's nearest is 1, but 1's nearest is 0.
    const w = listsOf(
      knnWeights(
        [
          [110, -7],
          [110.001, -7],
          [110.01, -7],
        ],
        1,
      ).weights,
    );
    expect(w).toEqual([[1], [0], [1]]);
  });
});

describe('the nearest-neighbour index', () => {
  it('answers exactly like a full scan on 3,000 scattered points with duplicates', () => {
    const random = createRandom(7);
    const points: [number, number][] = [];
    for (let i = 0; i < 3000; i++) {
      // Clustered like villages: most near a few centres, some alone.
      const centre = i % 5;
      points.push([100 + centre * 8 + random.normal() * (centre + 1) * 0.3, -5 + centre + random.normal() * 0.4]);
    }
    points[10] = [...points[11]];
    const index = new NearestNeighbourIndex(points);
    for (let i = 0; i < points.length; i += 7) {
      const scan = points
        .map((p, j) => ({ j, d: ellipsoidDistance(...points[i], ...p) }))
        .filter((c) => c.j !== i)
        .sort((a, b) => a.d - b.d || a.j - b.j)
        .slice(0, 5);
      expect(index.nearest(i, 5).indices).toEqual(scan.map((c) => c.j));
    }
    expect(index.nearest(10, 1)).toEqual({ indices: [11], distances: [0] });
  });

  it('leaves points without a location out, and refuses an impossible k', () => {
    const r = knnWeights(
      [
        [110, -7],
        [Number.NaN, Number.NaN],
        [110.1, -7],
        [110.3, -7],
      ],
      2,
    );
    expect(listsOf(r.weights)).toEqual([[2, 3], [], [0, 3], [0, 2]]);
    expect(r.unlocated).toEqual([1]);
    expect(() =>
      knnWeights(
        [
          [110, -7],
          [111, -7],
        ],
        2,
      ),
    ).toThrow(RangeError);
    expect(() =>
      knnWeights(
        [
          [110, -7],
          [111, -7],
        ],
        0,
      ),
    ).toThrow(RangeError);
    expect(() =>
      knnWeights(
        [
          [110, -7],
          [111, -7],
        ],
        1.5,
      ),
    ).toThrow(RangeError);
  });
});
