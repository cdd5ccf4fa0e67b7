/**
 * Kecamatan and city means of values that are never summed (src/analysis/rollup.ts meanRollup):
 * a percentage without its count and denominator, or a score, checked by hand-computed numbers.
 */
import { describe, expect, it } from 'vitest';
import { meanRollup } from '../../../src/analysis/rollup';

const rows = [
  { group: 'Jebres', value: 10, weight: 1000 },
  { group: 'Jebres', value: 20, weight: 3000 },
  { group: 'Laweyan', value: 30, weight: null },
  { group: 'Laweyan', value: null, weight: 500 },
];

describe('meanRollup', () => {
  it('gives plain means of kelurahan values per group and for the region, never sums', () => {
    const r = meanRollup(rows, false);
    expect(r.weighted).toBe(false);
    expect(r.groups).toEqual([
      { group: 'Jebres', mean: 15, kelurahan: 2, withData: 2 },
      { group: 'Laweyan', mean: 30, kelurahan: 2, withData: 1 },
    ]);
    expect(r.total).toEqual({ group: '', mean: 20, kelurahan: 4, withData: 3 });
  });

  it('weights by population when one is named; a kelurahan without a population adds nothing', () => {
    const r = meanRollup(rows, true);
    // Jebres: (10·1000 + 20·3000) / 4000 = 17.5; Laweyan has no weighted value.
    expect(r.groups[0].mean).toBeCloseTo(17.5, 12);
    expect(r.groups[1].mean).toBeNull();
    expect(r.total.mean).toBeCloseTo(17.5, 12);
  });
});
