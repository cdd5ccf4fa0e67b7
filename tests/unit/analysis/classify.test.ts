import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  MAX_CLASSES,
  MIN_CLASSES,
  type Scheme,
  classIndex,
  classify,
  classifyQuantile,
  equalBreaks,
  fisherBreaks,
  quantileBreaks,
  quantileType7,
  sdBreaks,
} from '../../../src/analysis/classify';
import { AnalysisError } from '../../../src/analysis/errors';

type Style = 'quantile' | 'equal' | 'fisher' | 'sd';
interface Case {
  name: string;
  style: Style;
  k: number;
  values: (number | null)[];
  breaks: number[];
  used: string;
  classes: (number | null)[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/classint/classint.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const breaksOf: Record<Style, (values: (number | null)[], k: number) => number[]> = {
  quantile: quantileBreaks,
  equal: equalBreaks,
  fisher: fisherBreaks,
  sd: (values, k) => sdBreaks(values, k).breaks,
};

/** Equal to 1e-9, relative for large magnitudes. */
function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]))));
}

describe('breaks agree with R classInt', () => {
  it('covers every style, 3 to 9 classes, and the "unique" fallback', () => {
    const styles = new Set(fixture.cases.map((c) => c.style));
    expect([...styles].sort()).toEqual(['equal', 'fisher', 'quantile', 'sd']);
    expect(new Set(fixture.cases.map((c) => c.k))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
    expect(fixture.cases.filter((c) => c.used === 'unique').length).toBeGreaterThan(0);
  });

  it.each(fixture.cases.map((c) => [`${c.style} ${c.name} k=${c.k}`, c] as const))('%s', (_, c) => {
    const breaks = breaksOf[c.style](c.values, c.k);
    expectClose(breaks, c.breaks);
    // Same class as classInt's findCols for every observation (null where the value is missing).
    expect(c.values.map((v) => (v === null ? null : classIndex(v, breaks)))).toEqual(c.classes);
  });
});

describe('classify for the map', () => {
  const schemes: Scheme[] = ['quantile', 'equal', 'fisher', 'sd'];
  it.each(fixture.cases.filter((c) => c.k === 5 || c.k === 9).map((c) => [`${c.style} ${c.name} k=${c.k}`, c] as const))(
    '%s: strictly increasing breaks, counts that agree with classIndex',
    (_, c) => {
      const result = classify(c.values, { scheme: c.style, classes: c.k });
      expect(result.breaks.every((b, i) => i === 0 || b > result.breaks[i - 1])).toBe(true);
      const tally = new Array<number>(result.counts.length).fill(0);
      for (const v of c.values) if (v !== null) tally[classIndex(v, result.breaks)]++;
      expect(result.counts).toEqual(tally);
      expect(result.missing).toBe(c.values.filter((v) => v === null).length);
      expect(result.counts.length).toBeLessThanOrEqual(c.style === 'sd' ? 2 * c.k : c.k);
    },
  );

  it('merges tied breaks and counts missing values apart', () => {
    const c = classify([0, 0, 0, 0, 0, 0, 1, 5, 8, null, Number.NaN], { scheme: 'quantile', classes: 3 });
    expect(c.breaks[0]).toBe(0);
    expect(c.breaks[1]).toBeCloseTo(1 / 3);
    expect(c.breaks[2]).toBe(8);
    expect(c.counts).toEqual([6, 3]);
    expect(c.missing).toBe(2);
  });

  it('gives one class for a single distinct value and none for no data, in every scheme', () => {
    for (const scheme of schemes) {
      expect(classify([7, 7, null, 7], { scheme, classes: 5 })).toMatchObject({ breaks: [7, 7], counts: [3], missing: 1 });
      expect(classify([null, Number.NaN], { scheme, classes: 5 })).toEqual({ breaks: [], counts: [], missing: 2 });
    }
  });

  it('gives each distinct value its own class when there are no more values than classes (classInt "unique")', () => {
    for (const scheme of schemes) {
      expect(classify([1, 2, 4, 4], { scheme, classes: 5 })).toMatchObject({ breaks: [0.25, 1.5, 3, 4.75], counts: [1, 1, 2] });
    }
  });

  it('takes equal intervals from the minimum to the maximum without padding', () => {
    expect(classify([2, 3, 5, 11, 14], { scheme: 'equal', classes: 3 })).toEqual({ breaks: [2, 6, 10, 14], counts: [3, 0, 2], missing: 0 });
  });

  it('finds the natural gaps', () => {
    const c = classify([1, 2, 3, 10, 11, 12, 30, 31, 32, 33], { scheme: 'fisher', classes: 3 });
    expect(c.breaks).toEqual([1, 6.5, 21, 33]);
    expect(c.counts).toEqual([3, 3, 4]);
  });

  it('labels standard-deviation classes by side of the mean, with the mean as a break', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30];
    const c = classify(values, { scheme: 'sd', classes: 5 });
    const mean = 7.5;
    expect(c.breaks).toContain(mean);
    expect(c.sdUnits).toContain(0);
    expect(c.sdUnits).toHaveLength(c.breaks.length);
    expect(c.kinds).toEqual(c.breaks.slice(1).map((upper) => (upper <= mean ? 'below_mean' : 'above_mean')));
    expect(c.kinds).toContain('below_mean');
    expect(c.kinds).toContain('above_mean');
  });

  it('accepts 3 to 9 classes only', () => {
    for (const classes of [MIN_CLASSES - 1, MAX_CLASSES + 1, 4.5, undefined]) {
      expect(() => classify([1, 2, 3], { scheme: 'equal', classes })).toThrow(AnalysisError);
    }
    expect(() => classify([1, 2, 3], { scheme: 'fisher', classes: 12 })).toThrowError(expect.objectContaining({ code: 'classes_out_of_range' }));
    expect(classify([1, 2, 3, 4], { scheme: 'equal', classes: 3 }).counts).toHaveLength(3);
  });
});

describe('manual breaks', () => {
  it('cuts at the given values, outer limits at the data or at infinity for empty outer classes', () => {
    expect(classify([5, 12, 18, 25, null], { scheme: 'manual', breaks: [10, 20] })).toEqual({
      breaks: [5, 10, 20, 25],
      counts: [1, 2, 1],
      missing: 1,
    });
    expect(classify([12, 18, 20], { scheme: 'manual', breaks: [10, 20, 30] })).toEqual({
      breaks: [-Infinity, 10, 20, 30, Infinity],
      counts: [0, 2, 1, 0],
      missing: 0,
    });
  });

  it('refuses cut points that are missing, unsorted or too many', () => {
    for (const breaks of [undefined, [], [3, 2], [1, 1], [1, Number.NaN], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
      expect(() => classify([1, 2, 3], { scheme: 'manual', breaks })).toThrow(AnalysisError);
    }
  });
});

describe('quantile helpers kept for the app', () => {
  it('interpolates like R type 7', () => {
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileType7([10], 0.3)).toBe(10);
  });

  it('puts a value on a break into the upper class and the maximum into the last', () => {
    const breaks = [0, 10, 20, 30];
    expect(classIndex(0, breaks)).toBe(0);
    expect(classIndex(10, breaks)).toBe(1);
    expect(classIndex(29.9, breaks)).toBe(2);
    expect(classIndex(30, breaks)).toBe(2);
    expect(classIndex(30.1, breaks)).toBe(-1);
    expect(classIndex(Number.NaN, breaks)).toBe(-1);
  });

  it('classifyQuantile equals classify with the quantile scheme', () => {
    const values = [0, 0, 3, 1, 9, 2, null, 4, 4, 7];
    expect(classifyQuantile(values, 4)).toEqual(classify(values, { scheme: 'quantile', classes: 4 }));
    expect(classifyQuantile([7, 7, 7], 5)).toEqual({ breaks: [7, 7], counts: [3], missing: 0 });
  });
});
