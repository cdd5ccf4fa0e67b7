import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { polygonCentroids } from '../../../src/analysis/centroids';
import { polygonRings } from '../../../src/analysis/polygon-rings';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('flattening polygons into rings', () => {
  it('keeps every ring of polygons and multipolygons, marks holes, and computes bounding boxes', () => {
    const rings = polygonRings([
      { type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 2)] },
      { type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(30, 5, 2)]] },
    ]);
    expect(rings.count).toBe(2);
    expect(Array.from(rings.featureRings)).toEqual([0, 2, 4]);
    expect(Array.from(rings.ringIsHole)).toEqual([0, 1, 0, 0]);
    expect(Array.from(rings.ringStarts)).toEqual([0, 5, 10, 15, 20]);
    expect(Array.from(rings.bboxes)).toEqual([0, 0, 10, 10, 20, 0, 32, 7]);
    expect(rings.empty).toEqual([]);
  });

  it('closes open rings, drops repeated and non-finite points, and never throws on junk', () => {
    const geometries = [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [Number.NaN, 3],
            [1, 1],
          ],
        ],
      },
      null,
      { type: 'Point', coordinates: [1, 2] },
      { type: 'Polygon', coordinates: [] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [5, 5],
            [5, 5],
          ],
        ],
      },
      { type: 'Polygon', coordinates: [[['a', 1], [2]]] },
    ] as unknown as Geometry[];
    const rings = polygonRings(geometries);
    expect(rings.count).toBe(6);
    expect(Array.from(rings.coords)).toEqual([0, 0, 1, 0, 1, 1, 0, 0]);
    expect(rings.empty).toEqual([1, 2, 3, 4, 5]);
    expect(Number.isNaN(rings.bboxes[4])).toBe(true);
  });
});

describe('centroids', () => {
  it('weights by area, subtracts holes whatever their orientation, and gives NaN without geometry', () => {
    // A 4 x 4 square with a 2 x 2 hole in its right half: the centroid moves left.
    const hole = square(2, 1, 2).reverse();
    const c = polygonCentroids(
      polygonRings([{ type: 'Polygon', coordinates: [square(0, 0, 4), hole] }, { type: 'MultiPolygon', coordinates: [[square(0, 0, 2)], [square(10, 0, 4)]] }, null]),
    );
    // (16 * 2 - 4 * 3) / 12 = 5/3 in x; y stays 2.
    expect(c[0]).toBeCloseTo(5 / 3, 12);
    expect(c[1]).toBeCloseTo(2, 12);
    // Parts of area 4 and 16 centred at x = 1 and 12: (4 + 192) / 20.
    expect(c[2]).toBeCloseTo(9.8, 12);
    expect(c[3]).toBeCloseTo(1.8, 12);
    expect(Number.isNaN(c[4])).toBe(true);
  });

  it('falls back to the middle of the boundary for a polygon of zero area', () => {
    const c = polygonCentroids(
      polygonRings([
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [4, 0],
              [0, 0],
            ],
          ],
        },
      ]),
    );
    expect(Array.from(c)).toEqual([2, 0]);
  });
});
