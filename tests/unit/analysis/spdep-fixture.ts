/**
 * Shared reading of the R spdep fixtures (tests/fixtures/spdep-autocorrelation) and the
 * comparison helpers the autocorrelation tests use.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { weightsFromNeighbours, rowStandardise } from '../../../src/analysis/weights';
import type { Weights } from '../../../src/analysis/weights';

type Column = (number | null)[];

interface MoranFixture {
  I: number;
  expectation: number;
  variance: number;
  z: number;
  pGreater: number;
}
interface GFixture {
  z: Column;
  G: Column;
  E: Column;
  V: Column;
}

/** One city (or constructed) case: data, neighbours and what spdep computed on them. */
export interface SpdepCase {
  name: string;
  description: string;
  n: number;
  kode: string[];
  values: number[];
  neighbours: number[][];
  islands: number[];
  moranW: MoranFixture;
  moranB: MoranFixture;
  localMoran: { Ii: Column; E: Column; Var: Column; Z: Column; pTwoSided: Column; quadrant: string[] };
  giW: GFixture;
  giB: GFixture;
  giStarW: GFixture;
  giStarB: GFixture;
  permutation: {
    nsim: number;
    moranMcPGreater: number;
    moranMcCountGreaterOrEqual: number;
    moranMcCountLessOrEqual: number;
    localMoranFoldedWithReplacement: Column;
    giFoldedWithReplacement: Column;
    localMoranFoldedWithoutReplacement: Column;
    giFoldedWithoutReplacement: Column;
    giStarFoldedWithoutReplacement: Column;
  };
}

export const fixture = JSON.parse(readFileSync(new URL('../../fixtures/spdep-autocorrelation/spdep-autocorrelation.json', import.meta.url), 'utf8')) as {
  meta: { spdep: string };
  cases: SpdepCase[];
};

/** Binary (style "B") and row-standardised (style "W") weights of a case. */
export function caseWeights(c: SpdepCase): { binary: Weights; standardised: Weights } {
  const binary = weightsFromNeighbours(c.neighbours);
  return { binary, standardised: rowStandardise(binary) };
}

/**
 * Equal to 1e-9 relative. The absolute floor of 1e-14 only matters for quantities that are 0 up to
 * rounding in both programs (e.g. an island's statistic); null in R's JSON is NA / NaN.
 */
export function expectClose(actual: ArrayLike<number>, expected: Column, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      expect(Number.isNaN(a), `${label}[${i}] should be NaN, got ${a}`).toBe(true);
      continue;
    }
    expect(Math.abs(a - e), `${label}[${i}]: ${a} vs spdep ${e}`).toBeLessThanOrEqual(1e-9 * Math.abs(e) + 1e-14);
  }
}

/**
 * Compares two independent Monte Carlo estimates of the same folded p-values (R permutations
 * each). Returns the largest standardised difference and the mean squared one, with the standard
 * error of a difference sqrt(2 p (1 - p) / R) at the mean estimate. If both estimate the same p,
 * the squared differences average about 1 (a bit less: folding near 0.5 shrinks the variance).
 */
export function monteCarloAgreement(a: ArrayLike<number>, b: Column, permutations: number): { worst: number; meanSquare: number; compared: number } {
  let worst = 0;
  let sumSquares = 0;
  let compared = 0;
  for (let i = 0; i < b.length; i++) {
    const pb = b[i];
    if (pb === null) {
      expect(Number.isNaN(a[i])).toBe(true);
      continue;
    }
    const p = Math.max((a[i] + pb) / 2, 1 / (permutations + 1));
    const se = Math.sqrt((2 * p * (1 - p)) / permutations);
    const d = Math.abs(a[i] - pb) / se;
    worst = Math.max(worst, d);
    sumSquares += d * d;
    compared++;
  }
  return { worst, meanSquare: sumSquares / compared, compared };
}
