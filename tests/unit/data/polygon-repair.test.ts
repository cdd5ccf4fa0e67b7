import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { repairPolygon } from '../../../src/data/polygon-repair';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('repairPolygon', () => {
  it('leaves a valid polygon with a hole inside untouched', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 2).reverse()] };
    expect(repairPolygon(polygon)).toEqual({ geometry: polygon, repaired: false });
  });

  it('turns a hole lying outside its shell (an island stored as a hole) into its own polygon', () => {
    const island = square(20, 0, 3);
    const result = repairPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), island] });
    expect(result.repaired).toBe(true);
    expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[island], [square(0, 0, 10)]] });
  });

  it('closes an open ring, drops repeated and non-finite points', () => {
    const result = repairPolygon({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [NaN, 3],
          [1, 1],
          [0, 1],
        ],
      ],
    });
    expect(result).toEqual({
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      repaired: true,
    });
  });

  it('drops rings with too few points, and the whole feature when nothing drawable is left', () => {
    const degenerateHole = [
      [5, 5],
      [6, 6],
      [5, 5],
    ];
    const result = repairPolygon({
      type: 'MultiPolygon',
      coordinates: [
        [square(0, 0, 10), degenerateHole],
        [
          [
            [30, 30],
            [31, 31],
            [30, 30],
          ],
        ],
      ],
    });
    expect(result).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 10)]] }, repaired: true });
    expect(
      repairPolygon({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toEqual({ geometry: null, repaired: true });
    expect(repairPolygon(null).geometry).toBeNull();
    expect(repairPolygon({ type: 'Point', coordinates: [0, 0] }).geometry).toBeNull();
  });
});
