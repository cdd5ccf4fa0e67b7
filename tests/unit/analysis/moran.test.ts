import { describe, expect, it } from 'vitest';
import { moranI, weightConstants } from '../../../src/analysis/moran';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import { caseWeights, expectClose, fixture } from './spdep-fixture';

describe('global Moran\u2019s I equals R spdep moran.test (randomisation)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { binary, standardised } = caseWeights(c);
    for (const [style, weights, expected] of [
      ['W', standardised, c.moranW],
      ['B', binary, c.moranB],
    ] as const) {
      const r = moranI(c.values, weights, { permutations: 0 });
      expectClose([r.I], [expected.I], `${style} I`);
      expectClose([r.expectation], [expected.expectation], `${style} E[I]`);
      expectClose([r.variance], [expected.variance], `${style} Var[I]`);
      expectClose([r.zScore], [expected.z], `${style} z`);
      expectClose([r.pGreater], [expected.pGreater], `${style} p`);
      expect(r.islands).toBe(c.islands.length);
      expect(r.permutation).toBeNull();
    }
  });

  it('counts islands out of n unless told not to (spdep adjust.n)', () => {
    const c = fixture.cases.find((k) => k.islands.length > 0)!;
    const { standardised } = caseWeights(c);
    const adjusted = moranI(c.values, standardised, { permutations: 0 });
    const unadjusted = moranI(c.values, standardised, { permutations: 0, adjustN: false });
    expect(adjusted.n).toBe(c.n - c.islands.length);
    expect(unadjusted.n).toBe(c.n);
    expect(unadjusted.I).toBeCloseTo((adjusted.I * c.n) / adjusted.n, 12);
  });
});

describe('permutation inference agrees with spdep moran.mc within Monte Carlo error', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const R = c.permutation.nsim;
    const r = moranI(c.values, caseWeights(c).standardised, { permutations: R, seed: 7 });
    const perm = r.permutation!;
    expect(perm.pGreater).toBe((perm.countAtOrAbove + 1) / (R + 1));
    expect(perm.pLess).toBe((perm.countAtOrBelow + 1) / (R + 1));
    for (const [mine, theirs] of [
      [perm.countAtOrAbove, c.permutation.moranMcCountGreaterOrEqual],
      [perm.countAtOrBelow, c.permutation.moranMcCountLessOrEqual],
    ]) {
      const p = Math.max((mine + theirs) / (2 * R), 1 / R);
      const se = Math.sqrt((2 * p * (1 - p)) / R);
      expect(Math.abs(mine - theirs) / R).toBeLessThanOrEqual(4.5 * se);
    }
    // The tail reported is the one the observed I lies in.
    expect(perm.tail).toBe(r.I >= perm.mean ? 'greater' : 'less');
    expect(perm.p).toBe(perm.tail === 'greater' ? perm.pGreater : perm.pLess);
    // Under the null the permutation mean is close to E[I] = -1/(n - 1).
    expect(Math.abs(perm.mean - r.expectation)).toBeLessThan(5 * (perm.sd / Math.sqrt(R)) + 1e-3);
  });

  it('reproduces exactly with the same seed and differs with another', () => {
    const c = fixture.cases[2];
    const w = caseWeights(c).standardised;
    const a = moranI(c.values, w, { permutations: 499, seed: 42 }).permutation!;
    const b = moranI(c.values, w, { permutations: 499, seed: 42 }).permutation!;
    const d = moranI(c.values, w, { permutations: 499, seed: 43 }).permutation!;
    expect(b).toEqual(a);
    expect(d.mean).not.toBe(a.mean);
  });
});

describe('Moran scatter plot', () => {
  it('has standardised values whose lag regresses on them with slope I (row-standardised, no islands)', () => {
    const c = fixture.cases[0];
    const r = moranI(c.values, caseWeights(c).standardised, { permutations: 0 });
    const { value, lag } = r.scatter;
    const mean = value.reduce((s, v) => s + v, 0) / value.length;
    const meanSq = value.reduce((s, v) => s + v * v, 0) / value.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(meanSq).toBeCloseTo(1, 12);
    let sxy = 0;
    let sxx = 0;
    const lagMean = lag.reduce((s, v) => s + v, 0) / lag.length;
    for (let i = 0; i < value.length; i++) {
      sxy += value[i] * (lag[i] - lagMean);
      sxx += value[i] * value[i];
    }
    expect(sxy / sxx).toBeCloseTo(r.I, 12);
  });

  it('uses the row-standardised lag even when I is computed with binary weights', () => {
    const c = fixture.cases[1];
    const { binary, standardised } = caseWeights(c);
    const b = moranI(c.values, binary, { permutations: 0 });
    const w = moranI(c.values, standardised, { permutations: 0 });
    expect(b.scatter.lag).toEqual(w.scatter.lag);
    expect(b.I).not.toBeCloseTo(w.I, 6);
  });
});

describe('weight constants and input checks', () => {
  it('computes S0, S1, S2 of an asymmetric graph by hand', () => {
    // 0 -> 1, 1 -> 0, 1 -> 2, 2 -> 0 (binary, asymmetric)
    const w = weightsFromNeighbours([[1], [0, 2], [0]]);
    const c = weightConstants(w);
    expect(c.S0).toBe(4);
    // 1/2 sum over ordered pairs of (w_ij + w_ji)^2: pairs {0,1} give 4 twice, {1,2} and {0,2} give 1 twice each.
    expect(c.S1).toBe(6);
    // row + column sums: node0 1 + 2, node1 2 + 1, node2 1 + 1
    expect(c.S2).toBe(9 + 9 + 4);
  });

  it('rejects missing values, wrong lengths and constant data with clear messages', () => {
    const w = caseWeights(fixture.cases[0]).standardised;
    const x = fixture.cases[0].values.slice();
    expect(() => moranI(x.slice(1), w)).toThrow(/53 values for 54 observations/);
    x[3] = Number.NaN;
    expect(() => moranI(x, w)).toThrow(/value 3 is missing/);
    expect(() => moranI(new Array(54).fill(2), w)).toThrow(/all values are equal/);
    expect(() => moranI(fixture.cases[0].values, w, { permutations: 100_000 })).toThrow(/permutations/);
  });
});
