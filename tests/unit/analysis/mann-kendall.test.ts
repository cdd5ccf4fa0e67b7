/**
 * The Mann-Kendall trend test against base R's cor.test(method = "kendall") of each series
 * against time (tests/fixtures/mann-kendall/make-fixture.R): S, Var S, tau and the normal p-value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../src/analysis/mann-kendall';

interface Reference {
  name: string;
  x: number[];
  s: number;
  var_s: number | null;
  tau: number;
  z: number;
  p: number;
  exact_p: number | null;
}

const references = JSON.parse(readFileSync(new URL('../../fixtures/mann-kendall/reference.json', import.meta.url), 'utf8')) as Reference[];

describe('mannKendall equals R', () => {
  it.each(references.map((r) => [r.name, r] as const))('%s', (_, r) => {
    const mk = mannKendall(r.x);
    expect(mk.s).toBe(r.s);
    // R's z only implies Var S where S - sign(S) is not 0.
    if (r.var_s !== null) expect(mk.varS).toBeCloseTo(r.var_s, 9);
    expect(mk.tau).toBeCloseTo(r.tau, 12);
    expect(mk.z).toBeCloseTo(r.z, 12);
    expect(mk.p).toBeCloseTo(r.p, 12);
  });

  it('Var S without ties is n(n-1)(2n+5)/18, and ties lower it', () => {
    expect(mannKendall([1, 2, 3, 4, 5]).varS).toBeCloseTo((5 * 4 * 15) / 18, 12);
    // Groups of 2 and 3 equal values: (7*6*19 - 2*1*9 - 3*2*11) / 18.
    expect(mannKendall([1, 2, 2, 3, 3, 3, 4]).varS).toBeCloseTo((7 * 6 * 19 - 18 - 66) / 18, 12);
  });

  it('uses the normal approximation, not the exact distribution, at five steps', () => {
    const rising = references.find((r) => r.name === 'rising5')!;
    expect(mannKendall(rising.x).p).toBeGreaterThan(rising.exact_p!);
  });

  it('refuses a missing value', () => {
    expect(() => mannKendall([1, Number.NaN, 3])).toThrow(RangeError);
  });
});
