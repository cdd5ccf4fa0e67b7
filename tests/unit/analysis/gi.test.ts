import { describe, expect, it } from 'vitest';
import { getisOrd, hotSpots, GEODA_GI_COLOURS } from '../../../src/analysis/getis-ord';
import { rowStandardise, weightsFromNeighbours } from '../../../src/analysis/weights';
import { caseWeights, expectClose, fixture, monteCarloAgreement } from './spdep-fixture';
import { exactTail, foldedAgrees, SMALL_GRAPH, SMALL_VALUES } from './exact-permutation';

describe('Getis-Ord Gi and Gi* equal R spdep localG', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { binary, standardised } = caseWeights(c);
    for (const [label, weights, star, expected] of [
      ['Gi W', standardised, false, c.giW],
      ['Gi B', binary, false, c.giB],
      ['Gi* W', standardised, true, c.giStarW],
      ['Gi* B', binary, true, c.giStarB],
    ] as const) {
      const r = getisOrd(c.values, weights, { star, permutations: 0 });
      expectClose(r.zScore, expected.z, `${label} z`);
      expectClose(r.G, expected.G, `${label} G`);
      expectClose(r.expectation, expected.E, `${label} E(G)`);
      expectClose(r.variance, expected.V, `${label} V(G)`);
    }
  });

  it('gives the same z with binary and row-standardised weights, but not the same G', () => {
    const c = fixture.cases[1];
    const { binary, standardised } = caseWeights(c);
    for (const star of [false, true]) {
      const b = getisOrd(c.values, binary, { star, permutations: 0 });
      const w = getisOrd(c.values, standardised, { star, permutations: 0 });
      for (let i = 0; i < c.n; i++) expect(b.zScore[i]).toBeCloseTo(w.zScore[i], 10);
      expect(b.G[0]).not.toBeCloseTo(w.G[0], 6);
    }
  });
});

describe('Gi permutation p-values', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('Gi agrees with spdep localG_perm (with replacement) and Gi, Gi* with an R reference without replacement: %s', (_, c) => {
    const R = c.permutation.nsim;
    const w = caseWeights(c).standardised;
    const withRepl = getisOrd(c.values, w, { permutations: R, seed: 2028, sampling: 'with-replacement' });
    const a = monteCarloAgreement(withRepl.pseudoP, c.permutation.giFoldedWithReplacement, R);
    expect(a.worst).toBeLessThan(4.5);
    expect(a.meanSquare).toBeLessThan(2);
    const gi = getisOrd(c.values, w, { permutations: R, seed: 2029 });
    const b = monteCarloAgreement(gi.pseudoP, c.permutation.giFoldedWithoutReplacement, R);
    expect(b.worst).toBeLessThan(4.5);
    expect(b.meanSquare).toBeLessThan(2);
    const star = getisOrd(c.values, w, { permutations: R, seed: 2030, star: true });
    const s = monteCarloAgreement(star.pseudoP, c.permutation.giStarFoldedWithoutReplacement, R);
    expect(s.worst).toBeLessThan(4.5);
    expect(s.meanSquare).toBeLessThan(2);
  });

  for (const star of [false, true]) {
    it(`converge to the exact distribution on a small graph (${star ? 'Gi*' : 'Gi'}, x_i fixed)`, () => {
      const R = 99_999;
      const binary = weightsFromNeighbours(SMALL_GRAPH);
      const r = getisOrd(SMALL_VALUES, binary, { permutations: R, seed: 9, star });
      const total = SMALL_VALUES.reduce((a, b) => a + b, 0);
      for (let i = 0; i < SMALL_VALUES.length; i++) {
        const k = SMALL_GRAPH[i].length;
        if (k === 0) {
          expect(r.pseudoP[i]).toBeNaN();
          continue;
        }
        const pool = SMALL_VALUES.filter((_, j) => j !== i);
        const denominator = star ? total : total - SMALL_VALUES[i];
        const offset = star ? SMALL_VALUES[i] / denominator : 0;
        const tail = exactTail(pool, new Array(k).fill(1), offset, 1 / denominator, r.G[i], 'without-replacement');
        expect(foldedAgrees(r.pseudoP[i], tail, R), `obs ${i}: ${r.pseudoP[i]} vs ${JSON.stringify(tail)}`).toBe(true);
      }
    });
  }

  it('give islands no p-value; a Gi* island keeps the z-score spdep reports', () => {
    const c = fixture.cases.find((k) => k.islands.length > 0)!;
    const w = caseWeights(c).standardised;
    const star = getisOrd(c.values, w, { permutations: 99, star: true });
    const gi = getisOrd(c.values, w, { permutations: 99 });
    for (const i of c.islands) {
      expect(star.neighbourCount[i]).toBe(0);
      expect(star.pseudoP[i]).toBeNaN();
      expect(Number.isFinite(star.zScore[i])).toBe(true);
      expect(gi.zScore[i]).toBeNaN();
    }
  });

  it('reproduce exactly with the same seed', () => {
    const c = fixture.cases[0];
    const w = caseWeights(c).binary;
    const a = getisOrd(c.values, w, { star: true, seed: 77 });
    const b = getisOrd(c.values, w, { star: true, seed: 77 });
    expect(b.pseudoP).toEqual(a.pseudoP);
    expect(a.permutations).toBe(999);
  });
});

describe('hot and cold spots', () => {
  const c = fixture.cases[1];
  const r = getisOrd(c.values, rowStandardise(weightsFromNeighbours(c.neighbours)), { star: true, permutations: 9999, seed: 4 });

  it('bins by |z| at 1.645 / 1.960 / 2.576 (two-sided 90 / 95 / 99 %), signed by z', () => {
    const { bin, cutoffs } = hotSpots(r);
    expect(cutoffs).toEqual({ 90: 0.1, 95: 0.05, 99: 0.01 });
    for (let i = 0; i < r.n; i++) {
      const z = Math.abs(r.zScore[i]);
      const strength = z >= 2.5758293035489 ? 3 : z >= 1.9599639845401 ? 2 : z >= 1.6448536269515 ? 1 : 0;
      expect(Math.abs(bin[i]), `obs ${i} z=${r.zScore[i]}`).toBe(strength);
      if (strength > 0) expect(Math.sign(bin[i])).toBe(Math.sign(r.zScore[i]));
    }
    expect(bin.some((b) => b === 3)).toBe(true);
    expect(bin.some((b) => b === -3)).toBe(true);
  });

  it('on the permutation basis, uses twice the folded pseudo p as the two-sided p-value', () => {
    const { bin, p } = hotSpots(r, 'permutation');
    for (let i = 0; i < r.n; i++) {
      expect(p[i]).toBe(Math.min(1, 2 * r.pseudoP[i]));
      const strength = p[i] <= 0.01 ? 3 : p[i] <= 0.05 ? 2 : p[i] <= 0.1 ? 1 : 0;
      expect(Math.abs(bin[i])).toBe(strength);
    }
  });

  it('finds fewer spots with Bonferroni than with FDR than without correction', () => {
    const significant = (correction: 'none' | 'fdr' | 'bonferroni') => hotSpots(r, 'z', correction).bin.filter((b) => b !== 0).length;
    expect(significant('bonferroni')).toBeLessThanOrEqual(significant('fdr'));
    expect(significant('fdr')).toBeLessThanOrEqual(significant('none'));
    expect(hotSpots(r, 'z', 'bonferroni').cutoffs[95]).toBe(0.05 / c.n);
  });

  it('has GeoDa\u2019s Gi colours', () => {
    expect(GEODA_GI_COLOURS.high).toBe('#FF0000');
    expect(GEODA_GI_COLOURS.low).toBe('#0000FF');
  });
});
