/**
 * Emerging hot spot categories as ArcGIS Pro's "How Emerging Hot Spot Analysis works" defines
 * them (src/analysis/emerging.ts cites it), bin series by bin series, and the whole chain (Gi*
 * per year, Mann-Kendall, category) on a small grid with a pocket that grows.
 *
 * sfdep (R) has no tests of emerging_hotspot_analysis to port; where its classify_hotspot reads
 * the page differently the difference is pinned here ("sfdep:" cases).
 */
import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotSpots, type EmergingCategory } from '../../../src/analysis/emerging';
import { weightsFromNeighbours } from '../../../src/analysis/weights';

const NO_TREND = { z: 0, p: 1 };
const UP = { z: 2.2, p: 0.027 };
const DOWN = { z: -2.2, p: 0.027 };

const cases: [string, number[], { z: number; p: number }, EmergingCategory][] = [
  ['new: hot only in the final step', [0, 0, 0, 0, 2], NO_TREND, 'new-hot'],
  ['consecutive: a run of two at the end, never hot before', [0, 0, 0, 1, 3], UP, 'consecutive-hot'],
  ['consecutive: four of five (80 % < 90 %)', [0, 1, 2, 2, 3], UP, 'consecutive-hot'],
  ['intensifying: hot every year with a significant rise', [1, 1, 2, 3, 3], UP, 'intensifying-hot'],
  ['persistent: hot every year, no significant trend', [2, 3, 2, 3, 2], NO_TREND, 'persistent-hot'],
  ['diminishing: hot every year, significant fall', [3, 3, 2, 1, 1], DOWN, 'diminishing-hot'],
  ['sporadic: on and off, hot at the end, never cold', [1, 0, 2, 0, 1], NO_TREND, 'sporadic-hot'],
  ['sporadic: a run at the end after an earlier hot spot', [2, 0, 0, 1, 1], NO_TREND, 'sporadic-hot'],
  ['oscillating: hot at the end after a cold spot', [-2, 0, 0, 0, 1], NO_TREND, 'oscillating-hot'],
  ['oscillating: a final run after a cold spot', [-1, -1, 0, 2, 2], UP, 'oscillating-hot'],
  ['historical: hot 9 of 10 steps, not in the final one', [1, 1, 1, 1, 1, 1, 1, 1, 1, 0], NO_TREND, 'historical-hot'],
  ['persistent: hot 9 of 10 steps including the last', [0, 1, 1, 1, 1, 1, 1, 1, 1, 1], NO_TREND, 'persistent-hot'],
  ['no pattern: hot earlier, not at the end (under 90 %)', [2, 2, 2, 2, 0], DOWN, 'none'],
  ['no pattern: never significant', [0, 0, 0, 0, 0], NO_TREND, 'none'],
  ['new cold', [0, 0, 0, 0, -1], NO_TREND, 'new-cold'],
  ['consecutive cold', [0, 0, -1, -2, -3], DOWN, 'consecutive-cold'],
  ['intensifying cold: cold every year, falling', [-1, -1, -2, -2, -3], DOWN, 'intensifying-cold'],
  ['diminishing cold: cold every year, rising', [-3, -2, -2, -1, -1], UP, 'diminishing-cold'],
  ['persistent cold', [-2, -2, -2, -2, -2], NO_TREND, 'persistent-cold'],
  ['sporadic cold', [-1, 0, -1, 0, -1], NO_TREND, 'sporadic-cold'],
  ['oscillating cold', [1, 0, -1, 0, -1], NO_TREND, 'oscillating-cold'],
  ['historical cold', [-1, -1, -1, -1, -1, -1, -1, -1, -1, 0], NO_TREND, 'historical-cold'],
  // A trend that is not significant at 0.05 is no trend.
  ['persistent: rising but p = 0.086', [1, 1, 2, 2, 3], { z: 1.71, p: 0.086 }, 'persistent-hot'],
];

describe('classifyEmerging follows the ArcGIS Pro definitions', () => {
  it.each(cases)('%s', (_, bins, trend, expected) => {
    expect(classifyEmerging(bins, trend)).toBe(expected);
  });

  it('the trend significance is a setting', () => {
    expect(classifyEmerging([1, 1, 2, 2, 3], { z: 1.71, p: 0.086 }, 0.1)).toBe('intensifying-hot');
  });

  // Where sfdep's classify_hotspot (R/emerging-hostpot-classifications.R) reads the page otherwise.
  it('sfdep: counts any significant bin for intensifying; the page (and this) counts hot bins', () => {
    // sfdep: sum(sigs) / n >= .9 with a cold first year would be intensifying; here it oscillates.
    expect(classifyEmerging([-1, 1, 2, 2, 3], UP)).toBe('oscillating-hot');
  });
  it('sfdep: sporadic without a final hot spot (ArcMap 10.x wording); Pro needs the final step hot', () => {
    expect(classifyEmerging([1, 0, 1, 0, 0], NO_TREND)).toBe('none');
  });
});

/** A 5 x 5 rook grid, cells numbered row by row. */
function grid(size: number) {
  const neighbours = Array.from({ length: size * size }, (_, i) => {
    const r = Math.floor(i / size);
    const c = i % size;
    return [
      [r - 1, c],
      [r + 1, c],
      [r, c - 1],
      [r, c + 1],
    ]
      .filter(([a, b]) => a >= 0 && b >= 0 && a < size && b < size)
      .map(([a, b]) => a * size + b);
  });
  return weightsFromNeighbours(neighbours);
}

describe('emergingHotSpots', () => {
  const weights = grid(5);
  // Background 10 with a gentle wobble; a pocket around cell 12 (the centre) from the third year
  // on, and the corner 0 with its neighbours high in every year.
  const years = [0, 1, 2, 3, 4].map((t) =>
    Array.from({ length: 25 }, (_, i) => {
      const base = 10 + ((i * 7 + t * 3) % 5) * 0.2;
      const centre = [7, 11, 12, 13, 17].includes(i) && t >= 3 ? 12 : 0;
      const corner = [0, 1, 5].includes(i) ? 14 : 0;
      return base + centre + corner;
    }),
  );

  it('finds the pocket that appeared in the last two years as consecutive and the old one as persistent', () => {
    const result = emergingHotSpots(years, weights);
    expect(result.analysed).toBe(25);
    expect(result.kelurahan[12].category).toBe('consecutive-hot');
    expect(result.kelurahan[12].bins.map((b) => Math.sign(b))).toEqual([0, 0, 0, 1, 1]);
    expect(result.kelurahan[0].category).toMatch(/^(persistent|intensifying|diminishing)-hot$/);
    expect(result.kelurahan[24].category).not.toMatch(/-hot$/);
    expect(result.kelurahan[12].z).toHaveLength(5);
    expect(result.kelurahan[12].trend!.n).toBe(5);
  });

  it('leaves a kelurahan without a value in some year out of every year', () => {
    const holed = years.map((v, t) => (t === 2 ? v.map((x, i) => (i === 24 ? Number.NaN : x)) : v));
    const result = emergingHotSpots(holed, weights);
    expect(result.analysed).toBe(24);
    expect(result.kelurahan[24].category).toBeNull();
    expect(result.kelurahan[24].z.every((z) => Number.isNaN(z))).toBe(true);
  });

  it('refuses a single year', () => {
    expect(() => emergingHotSpots([years[0]], weights)).toThrow(RangeError);
  });
});
