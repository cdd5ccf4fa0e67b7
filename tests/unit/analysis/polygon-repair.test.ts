import { describe, expect, it } from 'vitest';
import { repairAreaGeometry, selfIntersects } from '../../../src/analysis/polygon-repair';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('repairAreaGeometry', () => {
  it('leaves a valid polygon alone', () => {
    const r = repairAreaGeometry({ type: 'Polygon', coordinates: [square] }, 0, 'A');
    expect(r.issues).toEqual([]);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
  });

  it('closes an unclosed ring and removes repeated points', () => {
    const r = repairAreaGeometry(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      3,
      'B',
    );
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
    expect(r.issues).toEqual([
      { feature: 3, label: 'B', problem: 'duplicate-points', action: 'repaired' },
      { feature: 3, label: 'B', problem: 'unclosed-ring', action: 'repaired' },
    ]);
  });

  it('drops a degenerate hole but keeps the polygon, drops Z values', () => {
    const r = repairAreaGeometry(
      {
        type: 'Polygon',
        coordinates: [
          square.map(([x, y]) => [x, y, 5]),
          [
            [0.2, 0.2],
            [0.3, 0.3],
            [0.2, 0.2],
          ],
        ],
      },
      0,
      'C',
    );
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
    expect(r.issues).toEqual([{ feature: 0, label: 'C', problem: 'too-few-points', action: 'repaired' }]);
  });

  it('drops one part of a MultiPolygon whose outer ring is too short, keeps the rest', () => {
    const r = repairAreaGeometry(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [5, 5],
              [6, 6],
              [5, 5],
            ],
          ],
          [square],
        ],
      },
      1,
      'D',
    );
    expect(r.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square]] });
    expect(r.issues).toEqual([{ feature: 1, label: 'D', problem: 'too-few-points', action: 'repaired' }]);
  });

  it('drops features with non-finite, malformed, out-of-range or no coordinates', () => {
    const cases: [unknown, string][] = [
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, Number.NaN],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        'non-finite',
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, Infinity],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        'non-finite',
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              ['1', 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        'non-finite',
      ],
      [{ type: 'Polygon', coordinates: [[[0, 0], [1], [1, 1], [0, 0]]] }, 'non-finite'],
      [{ type: 'MultiPolygon', coordinates: [5] }, 'non-finite'],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [500000, 9000000],
              [500100, 9000000],
              [500100, 9000100],
              [500000, 9000000],
            ],
          ],
        },
        'out-of-range',
      ],
      [{ type: 'Polygon', coordinates: [] }, 'empty'],
      [{ type: 'Polygon', coordinates: [[]] }, 'empty'],
      [{ type: 'MultiPolygon', coordinates: [] }, 'empty'],
      [null, 'empty'],
      [{ type: 'Point', coordinates: [0, 0] }, 'empty'],
    ];
    for (const [geometry, problem] of cases) {
      const r = repairAreaGeometry(geometry, 7, 'E');
      expect(r.geometry, JSON.stringify(geometry)).toBeNull();
      expect(r.issues, JSON.stringify(geometry)).toEqual([{ feature: 7, label: 'E', problem, action: 'dropped' }]);
    }
  });

  it('reports a bow-tie as self-intersecting and keeps it', () => {
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const r = repairAreaGeometry({ type: 'Polygon', coordinates: [bowtie] }, 2, 'F');
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [bowtie] });
    expect(r.issues).toEqual([{ feature: 2, label: 'F', problem: 'self-intersection', action: 'kept' }]);
  });
});

describe('selfIntersects', () => {
  it('tells crossing from touching', () => {
    expect(selfIntersects([square])).toBe(false);
    // A hole touching its outer ring at one vertex is valid.
    expect(
      selfIntersects([
        square,
        [
          [0, 0.5],
          [0.5, 0.2],
          [0.5, 0.8],
          [0, 0.5],
        ],
      ]),
    ).toBe(false);
    // A hole crossing its outer ring is not.
    expect(
      selfIntersects([
        square,
        [
          [0.5, 0.5],
          [1.5, 0.6],
          [0.5, 0.7],
          [0.5, 0.5],
        ],
      ]),
    ).toBe(true);
    // A ring touching itself at a vertex (figure of eight pinched at (1, 1)).
    expect(
      selfIntersects([
        [
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 2],
          [1, 1],
          [0, 2],
          [0, 0],
        ],
      ]),
    ).toBe(true);
  });

  it('finds one crossing among 20,000 edges, and none in a clean ring that size', () => {
    const n = 20000;
    const circle: number[][] = [];
    for (let k = 0; k < n; k++) circle.push([Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]);
    circle.push(circle[0]);
    expect(selfIntersects([circle])).toBe(false);
    const twisted = circle.map((p) => [...p]);
    // Swap two vertices far apart: their edges now cross the circle's chords.
    [twisted[100], twisted[10100]] = [twisted[10100], twisted[100]];
    expect(selfIntersects([twisted])).toBe(true);
  });
});
