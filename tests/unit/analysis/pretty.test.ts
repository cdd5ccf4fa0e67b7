import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rPretty } from '../../../src/analysis/pretty';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/classint/pretty.json', import.meta.url), 'utf8')) as {
  cases: { lo: number; up: number; n: number; pretty: number[] }[];
};

describe("R's pretty()", () => {
  it('returns exactly the doubles R returns, for 1,500 ranges', () => {
    expect(fixture.cases.length).toBe(1500);
    const mismatches = fixture.cases.filter((c) => {
      const got = rPretty([c.lo, c.up], c.n);
      return got.length !== c.pretty.length || got.some((v, i) => v !== c.pretty[i]);
    });
    expect(mismatches).toEqual([]);
  });

  it('covers the range with round steps', () => {
    expect(rPretty([-1.234, 2.71], 5)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(rPretty([0.6, 3], 11)).toHaveLength(13);
  });

  it('ignores non-finite values and returns nothing without data', () => {
    expect(rPretty([Number.NaN, 1, 4, Infinity], 3)).toEqual([1, 2, 3, 4]);
    expect(rPretty([], 5)).toEqual([]);
  });
});
