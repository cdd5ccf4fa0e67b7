/**
 * Inference helpers shared by global Moran's I, LISA and Getis-Ord: the normal tail for analytic
 * z-scores, GeoDa's folded pseudo p-value, multiple-testing cut-offs (Bonferroni and the FDR rule
 * GeoDa applies) and the check whether a number of permutations can reach a cut-off at all.
 */

/** Largest number of permutations the analysis accepts (as GeoDa's dialog offers). */
export const MAX_PERMUTATIONS = 99_999;

/** Default number of permutations, as GeoDa and the issue ask. */
export const DEFAULT_PERMUTATIONS = 999;

/** Seed of permutation inference unless the user sets one: the app and the CLI agree on it. */
export const DEFAULT_PERMUTATION_SEED = 20250707;

/** Cut-offs a LISA or Gi map offers, as GeoDa's significance filter (0.0001 needs 9,999 permutations). */
export const SIGNIFICANCE_LEVELS = [0.05, 0.01, 0.001, 0.0001] as const;

/** How p-values are corrected for the many local tests of one map. */
export type Correction = 'none' | 'bonferroni' | 'fdr';

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * Complementary error function to near double precision, written out so that analytic p-values
 * match R's pnorm to about 1e-13 relative without a dependency. Below 2 it sums the series
 * erf(t) = 2/sqrt(pi) exp(-t^2) sum 2^k t^(2k+1) / (1*3*...*(2k+1)), whose terms are all positive
 * (no cancellation); from 2 on it evaluates the Laplace continued fraction by Lentz's method, which
 * keeps full relative accuracy deep in the tail where 1 - erf would lose it.
 */
export function erfc(t: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t < 0) return 2 - erfc(-t);
  if (t < 2) {
    let term = t;
    let sum = t;
    for (let k = 1; k < 200; k++) {
      term *= (2 * t * t) / (2 * k + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-t * t) * sum;
  }
  if (t > 27) return 0; // exp(-t^2) underflows
  // erfc(t) = exp(-t^2)/sqrt(pi) * 1 / (t + (1/2) / (t + 1 / (t + (3/2) / (t + 2 / (t + ...)))))
  const tiny = 1e-300;
  let f = t;
  let c = t;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = t + a * d;
    d = d === 0 ? tiny : d;
    c = t + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-t * t) / SQRT_PI / f;
}

/** Upper tail of the standard normal, P(Z > z) (R's pnorm(z, lower.tail = FALSE)). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided normal p-value, 2 P(Z > |z|); NaN stays NaN. */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/**
 * GeoDa's folded pseudo p-value from a conditional permutation test: with M of R permuted
 * statistics at or above the observed one, p = (min(M, R - M) + 1) / (R + 1). It is the one-sided
 * p-value in whichever direction the observation lies, so 1 / (R + 1) is the smallest it can be.
 */
export function foldedPseudoP(countAtOrAbove: number, permutations: number): number {
  return (Math.min(countAtOrAbove, permutations - countAtOrAbove) + 1) / (permutations + 1);
}

/** Smallest pseudo p-value R permutations can give: 1 / (R + 1). */
export function smallestPseudoP(permutations: number): number {
  return 1 / (permutations + 1);
}

/**
 * Fewest permutations whose smallest pseudo p-value, 1 / (R + 1), is at or below the cut-off
 * (significance is p <= cut-off, as in GeoDa). Computed with the same floating-point expression
 * the p-values use, so that e.g. 0.05 / 54 gives exactly the R at which 1 / (R + 1) passes.
 */
export function requiredPermutations(cutoff: number): number {
  if (!(cutoff > 0 && cutoff <= 1)) throw new RangeError(`cut-off must be in (0, 1], got ${cutoff}`);
  let r = Math.max(0, Math.ceil(1 / cutoff - 1));
  while (smallestPseudoP(r) > cutoff) r++;
  while (r > 0 && smallestPseudoP(r - 1) <= cutoff) r--;
  return r;
}

/** Whether a cut-off can be reached with a number of permutations, and what it would take. */
export interface PermutationPower {
  /** The cut-off a pseudo p-value must reach (p <= cutoff is significant). */
  cutoff: number;
  permutations: number;
  /** 1 / (R + 1). */
  smallestP: number;
  /** False when no observation can ever be significant at this cut-off with these permutations. */
  reachable: boolean;
  /** Fewest permutations that make the cut-off reachable. */
  requiredPermutations: number;
  /** Whether that number is within {@link MAX_PERMUTATIONS}; if not, the UI can only warn. */
  requiredWithinLimit: boolean;
}

/**
 * Tell whether R permutations can reach a cut-off, e.g. Bonferroni 0.05 / 54 needs 1,079, so 999
 * cannot make any kelurahan of Surakarta significant. Only a necessary condition: an observation
 * reaches 1 / (R + 1) only when it beats every permutation.
 */
export function permutationPower(cutoff: number, permutations: number): PermutationPower {
  checkPermutations(permutations);
  const smallestP = smallestPseudoP(permutations);
  const required = requiredPermutations(cutoff);
  return {
    cutoff,
    permutations,
    smallestP,
    reachable: smallestP <= cutoff,
    requiredPermutations: required,
    requiredWithinLimit: required <= MAX_PERMUTATIONS,
  };
}

/**
 * The strictest cut-off a correction can apply to n tests at level alpha, for the power check:
 * alpha itself, alpha / n for Bonferroni, and alpha / n for FDR too, because the first step of
 * Benjamini-Hochberg (and GeoDa's floor) is alpha / n. With FDR, fewer permutations may still
 * give clusters when many p-values share the smallest value, so treat it as a warning only.
 */
export function strictestCutoff(alpha: number, correction: Correction, tests: number): number {
  checkAlpha(alpha);
  if (correction === 'none' || tests <= 0) return alpha;
  return alpha / tests;
}

/**
 * The p-value cut-off for a map: alpha; alpha / m for Bonferroni; for FDR the Benjamini-Hochberg
 * cut-off as GeoDa's inference settings compute it. m counts only the finite p-values (islands
 * have none and are not tests; GeoDa counts every observation).
 *
 * GeoDa's FDR iterates p* <- alpha * i0 / m, where i0 = max(1, number of p-values below p*),
 * starting from p* = alpha, until i0 repeats. That converges to alpha * k / m with
 * k = max(1, max{k : p(k) < alpha * k / m}): Benjamini-Hochberg's step-up rule with a strict
 * inequality, never below the Bonferroni bound alpha / m. Significant means p <= cut-off.
 */
export function significanceCutoff(pValues: ArrayLike<number>, alpha: number, correction: Correction): number {
  checkAlpha(alpha);
  if (correction === 'none') return alpha;
  const finite: number[] = [];
  for (let i = 0; i < pValues.length; i++) if (Number.isFinite(pValues[i])) finite.push(pValues[i]);
  const m = finite.length;
  if (m === 0) return alpha;
  if (correction === 'bonferroni') return alpha / m;
  finite.sort((a, b) => a - b);
  let k = 0;
  for (let rank = 1; rank <= m; rank++) if (finite[rank - 1] < (alpha * rank) / m) k = rank;
  return (alpha * Math.max(1, k)) / m;
}

/** The strictest of the given levels a p-value reaches (for a significance map), or null. */
export function significanceLevelOf(p: number, levels: readonly number[] = SIGNIFICANCE_LEVELS): number | null {
  let reached: number | null = null;
  for (const level of levels) if (p <= level && (reached === null || level < reached)) reached = level;
  return reached;
}

/**
 * Colours of GeoDa's significance map, from GeoDa's AbstractMapCanvas (desktop GeoDa,
 * Explore/AbstractClusterMap.cpp: wxColour(75,255,80), (6,196,11), (3,116,6), (1,70,3)).
 */
export const GEODA_SIGNIFICANCE_COLOURS: Readonly<Record<number, string>> = {
  0.05: '#4BFF50',
  0.01: '#06C40B',
  0.001: '#037406',
  0.0001: '#014603',
};

/** Throws unless permutations is 0 (no inference) or an integer in 1..MAX_PERMUTATIONS. */
export function checkPermutations(permutations: number): void {
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > MAX_PERMUTATIONS) {
    throw new RangeError(`permutations must be an integer from 0 to ${MAX_PERMUTATIONS}, got ${permutations}`);
  }
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
}
