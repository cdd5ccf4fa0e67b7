import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../../src/analysis/errors';
import { meanOfValues, pooledRate, tkpkQuadrants } from '../../../src/analysis/quadrant';

describe('TKPK quadrants', () => {
  it('gives Prioritas 1 to 4 against the given city averages, 0 where a value is missing', () => {
    const poverty = { values: [12, 12, 8, 8, null, 12], direction: 'higher_worse' as const, average: 10 };
    const water = { values: [40, 20, 40, 20, 40, Number.NaN], direction: 'higher_worse' as const, average: 30 };
    expect([...tkpkQuadrants(poverty, water)]).toEqual([1, 2, 3, 4, 0, 0]);
  });

  it('respects directions: below average is worse where higher is better', () => {
    const poverty = { values: [12, 8], direction: 'higher_worse' as const, average: 10 };
    const schooling = { values: [60, 90], direction: 'higher_better' as const, average: 75 };
    expect([...tkpkQuadrants(poverty, schooling)]).toEqual([1, 4]);
    expect([...tkpkQuadrants(schooling, poverty)]).toEqual([1, 4]);
  });

  it('counts a value equal to the average as not worse', () => {
    const a = { values: [10, 10, 11], direction: 'higher_worse' as const, average: 10 };
    const b = { values: [5, 6, 5], direction: 'higher_better' as const, average: 5 };
    expect([...tkpkQuadrants(a, b)]).toEqual([4, 4, 2]);
  });

  it('uses the mean of the values when no average is given', () => {
    // Means 10 and 30; the pooled rates of the caller would differ.
    const a = { values: [5, 10, 15], direction: 'higher_worse' as const };
    const b = { values: [40, 30, 20], direction: 'higher_worse' as const };
    expect([...tkpkQuadrants(a, b)]).toEqual([3, 4, 2]);
    expect(meanOfValues([5, null, 15, Number.NaN])).toBe(10);
  });

  it('gives no priority at all when an average cannot be computed', () => {
    const empty = { values: [null, null], direction: 'higher_worse' as const };
    const b = { values: [1, 2], direction: 'higher_worse' as const };
    expect([...tkpkQuadrants(empty, b)]).toEqual([0, 0]);
    expect(() => tkpkQuadrants(b, { ...b, values: [1] })).toThrow(AnalysisError);
  });
});

describe('city-wide rate', () => {
  it('is the sum of counts over the sum of denominators, not the mean of rates', () => {
    // Rates 10 % (of 1,000) and 50 % (of 100): pooled 150 / 1,100, mean of rates 30 %.
    expect(pooledRate([100, 50], [1000, 100], 100)).toBeCloseTo((150 / 1100) * 100, 12);
    expect(meanOfValues([10, 50])).toBe(30);
  });

  it('skips rows with a missing count or a denominator that is missing or not positive', () => {
    expect(pooledRate([1, null, 5, 7], [10, 10, 0, 30])).toBeCloseTo(8 / 40, 12);
    expect(Number.isNaN(pooledRate([null], [10]))).toBe(true);
    expect(() => pooledRate([1, 2], [1])).toThrow(AnalysisError);
  });
});
