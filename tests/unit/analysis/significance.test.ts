import { describe, expect, it } from 'vitest';
import {
  foldedPseudoP,
  normalTwoSided,
  normalUpperTail,
  permutationPower,
  requiredPermutations,
  significanceCutoff,
  significanceLevelOf,
  smallestPseudoP,
  strictestCutoff,
} from '../../../src/analysis/significance';
import { createRandom } from '../../../src/analysis/random';

describe('normal tail', () => {
  // R: sprintf("%.17g", pnorm(z, lower.tail = FALSE))
  const reference: [number, number][] = [
    [-3, 0.9986501019683699],
    [-1.96, 0.97500210485177963],
    [-0.5, 0.69146246127401301],
    [0, 0.5],
    [0.1, 0.46017216272297101],
    [1, 0.15865525393145705],
    [1.96, 0.024997895148220428],
    [2.5, 0.0062096653257761349],
    [2.83, 0.0023274002067315545],
    [3.5, 0.00023262907903552494],
    [5, 2.8665157187919391e-7],
    [8.2, 1.2019351542735859e-16],
    [12, 1.776482112077679e-33],
    [30, 4.9067139271481872e-198],
  ];
  it.each(reference)('P(Z > %d) equals R pnorm to 1e-12 relative', (z, p) => {
    expect(Math.abs(normalUpperTail(z) - p)).toBeLessThanOrEqual(1e-12 * p);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    const edge = 2 * Math.SQRT2;
    const below = normalUpperTail(edge * (1 - 1e-12));
    const above = normalUpperTail(edge * (1 + 1e-12));
    expect(Math.abs(below - above) / above).toBeLessThan(1e-9);
  });

  it('gives two-sided p-values at the usual critical values', () => {
    expect(normalTwoSided(1.9599639845400536)).toBeCloseTo(0.05, 14);
    expect(normalTwoSided(-2.5758293035488999)).toBeCloseTo(0.01, 14);
    expect(normalTwoSided(Number.NaN)).toBeNaN();
  });
});

describe('pseudo p-values and power', () => {
  it('folds the count the way GeoDa does', () => {
    expect(foldedPseudoP(0, 999)).toBe(0.001);
    expect(foldedPseudoP(999, 999)).toBe(0.001);
    expect(foldedPseudoP(49, 999)).toBe(0.05);
    expect(foldedPseudoP(950, 999)).toBe(0.05);
    expect(foldedPseudoP(500, 999)).toBe(0.5);
  });

  it('knows that 999 permutations cannot reach Bonferroni 0.05 / 54, and what can', () => {
    const cutoff = 0.05 / 54;
    const power = permutationPower(cutoff, 999);
    expect(power.reachable).toBe(false);
    expect(power.smallestP).toBe(0.001);
    expect(power.requiredPermutations).toBe(1079);
    expect(smallestPseudoP(1079)).toBeLessThanOrEqual(cutoff);
    expect(smallestPseudoP(1078)).toBeGreaterThan(cutoff);
    expect(permutationPower(cutoff, 1079).reachable).toBe(true);
    expect(power.requiredWithinLimit).toBe(true);
  });

  it('needs exactly R = 1/alpha - 1 at round cut-offs, and says when no allowed R suffices', () => {
    expect(requiredPermutations(0.05)).toBe(19);
    expect(requiredPermutations(0.01)).toBe(99);
    expect(requiredPermutations(0.001)).toBe(999);
    expect(requiredPermutations(0.0001)).toBe(9999);
    const national = permutationPower(0.05 / 83_402, 99_999);
    expect(national.reachable).toBe(false);
    expect(national.requiredPermutations).toBe(1_668_039);
    expect(national.requiredWithinLimit).toBe(false);
    expect(() => requiredPermutations(0)).toThrow(/cut-off/);
  });

  it('takes the strictest cut-off of each correction', () => {
    expect(strictestCutoff(0.05, 'none', 54)).toBe(0.05);
    expect(strictestCutoff(0.05, 'bonferroni', 54)).toBe(0.05 / 54);
    expect(strictestCutoff(0.05, 'fdr', 54)).toBe(0.05 / 54);
  });

  it('names the strictest standard level a p-value reaches', () => {
    expect(significanceLevelOf(0.03)).toBe(0.05);
    expect(significanceLevelOf(0.001)).toBe(0.001);
    expect(significanceLevelOf(0.00005)).toBe(0.0001);
    expect(significanceLevelOf(0.2)).toBeNull();
    expect(significanceLevelOf(Number.NaN)).toBeNull();
  });
});

describe('multiple-testing cut-offs', () => {
  // R: p.adjust(p, "BH") = 0.005 0.00667 0.04 0.0533 0.0571 0.25 0.556 0.9 0.005 0.0275
  const p = [0.001, 0.002, 0.02, 0.032, 0.04, 0.2, 0.5, 0.9, 0.0009, 0.011];

  it('Bonferroni divides alpha by the number of finite p-values', () => {
    expect(significanceCutoff(p, 0.05, 'bonferroni')).toBe(0.005);
    expect(significanceCutoff([...p, Number.NaN], 0.05, 'bonferroni')).toBe(0.005);
    expect(significanceCutoff(p, 0.05, 'none')).toBe(0.05);
  });

  it('FDR keeps what R\u2019s Benjamini-Hochberg p.adjust keeps', () => {
    const cutoff = significanceCutoff(p, 0.05, 'fdr');
    // The five smallest have BH-adjusted p below 0.05: k = 5, cut-off 5 * 0.05 / 10.
    expect(cutoff).toBeCloseTo(0.025, 15);
    expect(p.filter((v) => v <= cutoff).sort((a, b) => a - b)).toEqual([0.0009, 0.001, 0.002, 0.011, 0.02]);
  });

  it('FDR matches Benjamini-Hochberg on random p-values', () => {
    const random = createRandom(99);
    for (let trial = 0; trial < 200; trial++) {
      const m = 5 + random.int(0, 60);
      const values = Array.from({ length: m }, () => (random.next() < 0.3 ? random.next() * 0.01 : random.next()));
      const sorted = [...values].sort((a, b) => a - b);
      // Adjusted p as R: cumulative minimum from the top of p(k) * m / k.
      const adjusted = new Map<number, number>();
      let running = 1;
      for (let k = m; k >= 1; k--) {
        running = Math.min(running, (sorted[k - 1] * m) / k);
        adjusted.set(sorted[k - 1], Math.min(adjusted.get(sorted[k - 1]) ?? 1, running));
      }
      const cutoff = significanceCutoff(values, 0.05, 'fdr');
      for (const v of values) expect(v <= cutoff, `trial ${trial} p=${v}`).toBe(adjusted.get(v)! < 0.05);
    }
  });

  it('never goes below the Bonferroni bound, as GeoDa', () => {
    expect(significanceCutoff([0.5, 0.6, 0.9], 0.05, 'fdr')).toBeCloseTo(0.05 / 3, 15);
  });
});
