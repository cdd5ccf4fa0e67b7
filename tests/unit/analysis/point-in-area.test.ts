import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { assignPointsToAreas } from '../../../src/analysis/point-in-area';
import { ellipsoidDistance } from '../../../src/analysis/geodesy';

const surakarta: FeatureCollection<Polygon | MultiPolygon, { kode: string }> = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8'),
);
// Made by tests/fixtures/import/geo/make-fixtures.sh: point on surface of three kelurahan, a
// point in the largest hairline gap (GEOS in UTM 49S: 0.761 m from 33.72.04.1011, 6.922 m from
// 33.72.04.1010, inside none), and a point in Jakarta.
const sites: FeatureCollection<{ type: 'Point'; coordinates: [number, number] }, { nama: string }> = JSON.parse(
  readFileSync(new URL('../../fixtures/import/geo/points-in-gap.geojson', import.meta.url), 'utf8'),
);
const kode = (i: number) => (i < 0 ? null : surakarta.features[i].properties.kode);

describe('assignPointsToAreas', () => {
  it('places the fixture points exactly: inside, in a hairline gap, far outside', () => {
    const points = sites.features.map((f) => f.geometry.coordinates);
    const result = assignPointsToAreas(points, surakarta);
    expect(result.map((r) => [kode(r.index), r.how])).toEqual([
      ['33.72.01.1001', 'inside'],
      ['33.72.03.1008', 'inside'],
      ['33.72.05.1014', 'inside'],
      ['33.72.04.1011', 'nearest'],
      [null, 'none'],
    ]);
    expect(result[3].distanceMetres).toBeCloseTo(0.761, 2);
    // Jakarta is some 450 km away; the nearest Surakarta boundary is a little nearer than the city centre.
    const toCentre = ellipsoidDistance(106.8271528, -6.1753924, 110.8243, -7.5666);
    expect(result[4].distanceMetres).toBeGreaterThan(toCentre - 10000);
    expect(result[4].distanceMetres).toBeLessThan(toCentre);
  });

  it('does not snap beyond maxGapMetres', () => {
    const gap = sites.features[3].geometry.coordinates;
    const [r] = assignPointsToAreas([gap], surakarta, { maxGapMetres: 0.5 });
    expect(r.index).toBe(-1);
    expect(r.how).toBe('none');
    expect(r.distanceMetres).toBeCloseTo(0.761, 2);
  });

  it('agrees with turf point-in-polygon on 3,000 random points over Surakarta', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const points: [number, number][] = [];
    for (let k = 0; k < 3000; k++) points.push([110.76 + 0.11 * random(), -7.6 + 0.09 * random()]);
    const result = assignPointsToAreas(points, surakarta, { maxGapMetres: 0 });
    let inside = 0;
    points.forEach((p, k) => {
      const containing = surakarta.features.findIndex((f) => booleanPointInPolygon(p, f));
      if (result[k].how === 'inside') inside++;
      expect(result[k].how === 'inside' ? result[k].index : -1).toBe(containing);
    });
    expect(inside).toBeGreaterThan(1000); // 1,108 of 3,000 fall inside the city
  });

  it('respects holes and MultiPolygon parts; handles no areas and bad points', () => {
    const donut: Feature<Polygon, null> = {
      type: 'Feature',
      properties: null,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [110, -8],
            [110.1, -8],
            [110.1, -7.9],
            [110, -7.9],
            [110, -8],
          ],
          [
            [110.04, -7.96],
            [110.04, -7.94],
            [110.06, -7.94],
            [110.06, -7.96],
            [110.04, -7.96],
          ],
        ],
      },
    };
    const islands: Feature<MultiPolygon, null> = {
      type: 'Feature',
      properties: null,
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [110.045, -7.955],
              [110.055, -7.955],
              [110.055, -7.945],
              [110.045, -7.945],
              [110.045, -7.955],
            ],
          ],
          [
            [
              [111, -8],
              [111.01, -8],
              [111.01, -7.99],
              [111, -8],
            ],
          ],
        ],
      },
    };
    const r = assignPointsToAreas(
      [
        [110.01, -7.99],
        [110.042, -7.95],
        [110.05, -7.95],
        [111.007, -7.997],
        [Number.NaN, 0],
      ],
      [donut, islands],
      { maxGapMetres: 0 },
    );
    expect(r.map((a) => [a.index, a.how])).toEqual([
      [0, 'inside'],
      [-1, 'none'],
      [1, 'inside'],
      [1, 'inside'],
      [-1, 'none'],
    ]);
    // In the hole, 0.002 degrees of longitude from the hole's west edge and 0.003 from the island.
    const metresPerDegreeLon = 110.4 * 1000;
    expect(r[1].distanceMetres).toBeGreaterThan(0.0019 * metresPerDegreeLon);
    expect(r[1].distanceMetres).toBeLessThan(0.0021 * metresPerDegreeLon);
    expect(assignPointsToAreas([[110, -7]], [])).toEqual([{ index: -1, how: 'none', distanceMetres: Infinity }]);
  });
});
