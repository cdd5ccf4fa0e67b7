import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { classIndex, classifyQuantile, quantileBreaks, quantileType7 } from '../../../src/analysis/classify';

interface Case { name: string; k: number; values: number[]; breaks: number[]; classes: number[] }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/classint/classint.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

describe('quantile breaks agree with R classInt', () => {
  it.each(fixture.cases.map((c) => [`${c.name} k=${c.k}`, c] as const))('%s', (_, c) => {
    const breaks = quantileBreaks(c.values, c.k);
    expect(breaks).toHaveLength(c.breaks.length);
    breaks.forEach((b, i) => expect(b).toBeCloseTo(c.breaks[i], 9));
    const unique = c.breaks.every((b, i) => i === 0 || b > c.breaks[i - 1]);
    if (unique) {
      // Same classes as classInt's findCols for every observation.
      expect(c.values.map((v) => classIndex(v, breaks))).toEqual(c.classes);
    }
    const { counts, missing } = classifyQuantile(c.values, c.k);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(c.values.length);
    expect(missing).toBe(0);
  });
});

describe('classification for the map', () => {
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

  it('merges tied breaks and counts missing values apart', () => {
    const c = classifyQuantile([0, 0, 0, 0, 0, 0, 1, 5, 8, null, Number.NaN], 3);
    expect(c.breaks[0]).toBe(0);
    expect(c.breaks[1]).toBeCloseTo(1 / 3);
    expect(c.breaks[2]).toBe(8);
    expect(c.counts).toEqual([6, 3]);
    expect(c.missing).toBe(2);
  });

  it('gives each distinct value its own class when there are no more values than classes', () => {
    expect(classifyQuantile([1, 2, 4, 4], 5)).toEqual({ breaks: [0.25, 1.5, 3, 4.75], counts: [1, 1, 2], missing: 0 });
  });

  it('gives one class for a single distinct value and none for no data', () => {
    expect(classifyQuantile([7, 7, 7], 5)).toEqual({ breaks: [7, 7], counts: [3], missing: 0 });
    expect(classifyQuantile([null, null], 5)).toEqual({ breaks: [], counts: [], missing: 2 });
  });
});
