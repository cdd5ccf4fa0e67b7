import { describe, expect, it } from 'vitest';
import { classifyChange } from '../../../src/analysis/classify-change';

describe('classes of change, symmetric around zero', () => {
  it('puts the smallest changes of either sign in the middle class (checked by hand)', () => {
    // |change| sorted: 0,1,1,2,3,5,8,10 (n = 8). Five classes: m = 3 steps, thresholds at the
    // type-7 quantiles 1/3 and 2/3: h = 7/3 → 1 + (1/3)(2 − 1) = 1.333…, h = 14/3 → 3 + (2/3)(5 − 3) = 4.333…
    const values = [-10, -3, -1, 0, 1, 2, 5, 8];
    const c = classifyChange(values, 5);
    expect(c.breaks.map((b) => Math.round(b * 1000) / 1000)).toEqual([-10, -4.333, -1.333, 1.333, 4.333, 10]);
    // −10 | −3 | −1, 0, 1 | 2 | 5, 8
    expect(c.counts).toEqual([1, 1, 3, 1, 2]);
    expect(c.missing).toBe(0);
  });

  it('makes an even class count odd, keeps missing values apart, and handles no change at all', () => {
    // 4 → 5 classes: thresholds at the 1/3 and 2/3 quantiles of |change| = 1, 1, 2, 2 are 1 and 2;
    // 2 is the maximum itself, so it merges: [−2, −1, 1, 2], three classes.
    expect(classifyChange([-2, -1, 1, 2, null], 4).breaks).toEqual([-2, -1, 1, 2]);
    expect(classifyChange([-3, -2, -1, 1, 2, 3], 4).breaks.length).toBe(6);
    expect(classifyChange([-2, -1, 1, 2, null], 4).missing).toBe(1);
    expect(classifyChange([0, 0, 0], 5)).toEqual({ breaks: [0, 0], counts: [3], missing: 0 });
    expect(classifyChange([null], 5)).toEqual({ breaks: [], counts: [], missing: 1 });
  });
});
