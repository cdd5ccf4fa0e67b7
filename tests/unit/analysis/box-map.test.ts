import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BOX_KINDS, boxClasses, hingeStats, nextUp } from '../../../src/analysis/box-map';
import { classIndex, classify } from '../../../src/analysis/classify';

interface BoxCase {
  name: string;
  values: (number | null)[];
  hinges: number[];
  fences: number[];
  categories: (number | null)[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/classint/classint.json', import.meta.url), 'utf8')) as {
  box: BoxCase[];
};

/** The GeoDa category of each value in a box-map classification, null where missing. */
function kindsOf(values: readonly (number | null)[]): (string | null)[] {
  const c = classify(values, { scheme: 'box' });
  return values.map((v) => (v === null ? null : c.kinds![classIndex(v, c.breaks)]));
}

describe('box map hinges as GeoDa computes them', () => {
  it('matches hand-computed hinges for even and odd counts', () => {
    // N = 10: lower hinge at position 2, median between 4 and 5, upper hinge at 7.
    expect(hingeStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 40])).toEqual({ q1: 3, median: 5.5, q3: 8, iqr: 5, lowerFence: -4.5, upperFence: 15.5 });
    // N = 7: hinges between positions 1 and 2, and 4 and 5.
    expect(hingeStats([2, 4, 6, 8, 10, 12, 14])).toMatchObject({ q1: 5, median: 8, q3: 11, lowerFence: -4, upperFence: 20 });
    expect(hingeStats([1, 2, 3, 4, 100], 3)).toMatchObject({ q1: 2, median: 3, q3: 4, lowerFence: -4, upperFence: 10 });
  });

  it.each(fixture.box.map((c) => [c.name, c] as const))('%s: hinges, fences and categories as GeoDa', (_, c) => {
    const sorted = c.values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    const stats = hingeStats(sorted);
    expect([stats.q1, stats.median, stats.q3]).toEqual(c.hinges);
    expect([stats.lowerFence, stats.upperFence]).toEqual(c.fences);
    expect(kindsOf(c.values)).toEqual(c.categories.map((k) => (k === null ? null : BOX_KINDS[k])));
  });
});

describe('box map classes', () => {
  it('puts values on Q3 and on the upper fence in the lower category, as GeoDa does', () => {
    // Q1 = 2, median = 3, Q3 = 4, fences -1 and 7.
    expect(kindsOf([1, 2, 3, 4, 7])).toEqual(['q1', 'q2', 'q3', 'q3', 'q4']);
    expect(kindsOf([1, 2, 3, 4, 7.5])).toEqual(['q1', 'q2', 'q3', 'q3', 'upper_outlier']);
    expect(kindsOf([-1, 2, 2.5, 3, 4, 5])).toEqual(['q1', 'q2', 'q2', 'q3', 'q3', 'q4']);
    expect(kindsOf([-1.5, 2, 2.5, 3, 4, 5])).toEqual(['lower_outlier', 'q2', 'q2', 'q3', 'q3', 'q4']);
  });

  it('keeps an empty outlier class with an infinite outer limit', () => {
    const c = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 40, null], { scheme: 'box' });
    expect(c.breaks).toEqual([-Infinity, -4.5, 3, 5.5, nextUp(8), nextUp(15.5), 40]);
    expect(c.kinds).toEqual([...BOX_KINDS]);
    expect(c.counts).toEqual([0, 2, 3, 3, 1, 1]);
    expect(c.missing).toBe(1);
  });

  it('drops categories of zero width when quartiles tie, keeping the kinds of the rest', () => {
    const c = classify([0, 0, 0, 0, 0, 0, 0, 1, 2, 9], { scheme: 'box' });
    // Q1 = median = 0, Q3 = 1, fences -1.5 and 2.5.
    expect(c.kinds).toEqual(['lower_outlier', 'q1', 'q3', 'q4', 'upper_outlier']);
    expect(c.counts).toEqual([0, 0, 8, 1, 1]);
    const same = classify([4, 4, 4], { scheme: 'box' });
    expect(same.kinds).toEqual(['lower_outlier', 'q3', 'upper_outlier']);
    expect(same.counts).toEqual([0, 3, 0]);
  });

  it('keeps a single upper outlier that sits one ulp above the fence', () => {
    const { breaks, kinds, stats } = boxClasses([1, 2, 3, 4, nextUp(7)]);
    expect(stats.upperFence).toBe(7);
    expect(kinds.at(-1)).toBe('upper_outlier');
    expect(classIndex(nextUp(7), breaks)).toBe(kinds.length - 1);
    expect(breaks.every((b, i) => i === 0 || b > breaks[i - 1])).toBe(true);
  });

  it('uses the wider fences of hinge 3', () => {
    expect(classify([1, 2, 3, 4, 9], { scheme: 'box' }).counts.at(-1)).toBe(1);
    expect(classify([1, 2, 3, 4, 9], { scheme: 'box', hinge: 3 }).counts.at(-1)).toBe(0);
  });

  it('steps to the next double', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(-1)).toBeGreaterThan(-1);
    expect(nextUp(-1) - -1).toBe(Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
  });
});
