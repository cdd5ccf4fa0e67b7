/**
 * Exact conditional permutation distributions on small graphs, by enumerating every way of
 * filling a neighbourhood from the other n - 1 observations. The Monte Carlo p-values of the
 * permutation engine must converge to these, whatever random stream it uses.
 */
import type { Sampling } from '../../../src/analysis/conditional-permutation';

/**
 * P(statistic > observed) and P(statistic >= observed) over all fillings, where the statistic is
 * offset + scale * sum_t weights[t] * pool[draw_t]. Both are returned because a filling that
 * reproduces the observed neighbourhood ties with it up to rounding, which either program may
 * resolve either way.
 */
export function exactTail(
  pool: readonly number[],
  weights: readonly number[],
  offset: number,
  scale: number,
  observed: number,
  sampling: Sampling,
): { above: number; atOrAbove: number } {
  const k = weights.length;
  const eps = 1e-9 * Math.max(1, Math.abs(observed));
  let total = 0;
  let above = 0;
  let atOrAbove = 0;
  const used = new Uint8Array(pool.length);
  const visit = (t: number, lag: number): void => {
    if (t === k) {
      const s = offset + scale * lag;
      total++;
      if (s > observed + eps) above++;
      if (s >= observed - eps) atOrAbove++;
      return;
    }
    for (let v = 0; v < pool.length; v++) {
      if (sampling === 'without-replacement' && used[v]) continue;
      used[v] = 1;
      visit(t + 1, lag + weights[t] * pool[v]);
      used[v] = 0;
    }
  };
  visit(0, 0);
  return { above: above / total, atOrAbove: atOrAbove / total };
}

/**
 * Whether a folded pseudo p from R permutations is within 4.5 standard errors of the exact
 * folded value min(q, 1 - q), for any q between the strict and the weak tail probability.
 */
export function foldedAgrees(pseudoP: number, tail: { above: number; atOrAbove: number }, permutations: number): boolean {
  const candidates = [tail.above, tail.atOrAbove].map((q) => Math.min(q, 1 - q));
  const lo = Math.min(...candidates);
  const hi = Math.max(...candidates);
  const p = Math.max(Math.min(Math.max(pseudoP, lo), hi), 1 / (permutations + 1));
  const se = Math.sqrt((p * (1 - p)) / permutations);
  return pseudoP >= lo - 4.5 * se - 1 / (permutations + 1) && pseudoP <= hi + 4.5 * se + 1 / (permutations + 1);
}

/** A small symmetric graph with neighbourhoods of 1 to 4, and one island (observation 12). */
export const SMALL_GRAPH: number[][] = [[1, 11], [0, 2, 6], [1, 3], [2, 4, 9], [3, 5], [4, 6], [1, 5, 7, 10], [6, 8], [7, 9], [3, 8, 10], [6, 9, 11], [0, 10], [], [14], [13]];
/** Values on {@link SMALL_GRAPH}: a high patch around 6, 7, 10, 11 and a low one around 3, 4, 5. */
export const SMALL_VALUES = [12, 15, 9, 3, 2, 4, 14, 18, 11, 5, 13, 16, 8, 7, 10];
