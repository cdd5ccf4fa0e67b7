/**
 * Getis-Ord local Gi and Gi* (Getis and Ord 1992, Ord and Getis 1995) as R spdep's localG reports
 * them (z-scores, and G, E(G), V(G) of return_internals), with conditional permutation p-values
 * and ArcGIS-style hot and cold spots at 90, 95 and 99 % confidence.
 */
import type { Weights } from './weights';
import { checkedValues } from './moran';
import { countAtOrAbove } from './conditional-permutation';
import type { PermutationOptions, Sampling } from './conditional-permutation';
import { DEFAULT_PERMUTATION_SEED, checkPermutations, foldedPseudoP, normalTwoSided, significanceCutoff } from './significance';
import type { Correction } from './significance';

/** Options of {@link getisOrd}. */
export interface GetisOrdOptions extends PermutationOptions {
  /** Gi* (the observation counts in its own neighbourhood) instead of Gi. Default false. */
  star?: boolean;
}

/** Gi or Gi* of every observation. */
export interface GetisOrdResult {
  n: number;
  star: boolean;
  /** G_i = sum_j w_ij x_j / sum_{j != i} x_j (Gi), or sum_j w_ij x_j / sum_j x_j with w_ii (Gi*). */
  G: Float64Array;
  /** E[G_i] and Var[G_i] under randomisation. */
  expectation: Float64Array;
  variance: Float64Array;
  /** (G_i - E[G_i]) / sqrt(Var[G_i]): spdep's localG value. NaN for a Gi island. */
  zScore: Float64Array;
  /** Two-sided normal p-value of zScore. */
  pNormal: Float64Array;
  /** Neighbours other than the observation itself (0 = island). */
  neighbourCount: Int32Array;
  /** Folded pseudo p-value, (min(M, R - M) + 1) / (R + 1); NaN for islands, outside options.range, or when R = 0. */
  pseudoP: Float64Array;
  /** Permuted G_i at or above the observed (M); -1 where pseudoP is NaN. */
  countAtOrAbove: Int32Array;
  permutations: number;
  seed: number;
  sampling: Sampling;
}

/**
 * Getis-Ord Gi (default) or Gi* with weights as given: z-scores do not change when a row is
 * scaled, so binary and row-standardised weights give the same z, but G itself differs.
 *
 * For Gi* each observation joins its own neighbourhood: with binary weights its self weight is 1;
 * with row-standardised weights the row is re-standardised over k_i + 1 members (1 / (k_i + 1)
 * each for contiguity), equal to spdep's nb2listw(include.self(nb), style = "W"). An island has
 * only itself, weight 1. In permutations x_i keeps its self weight and only the k_i neighbour
 * slots are drawn (GeoDa; spdep >= 1.2-8's fix_i_in_Gstar_permutations).
 *
 * Values should be non-negative, as G is a share of the total.
 */
export function getisOrd(values: ArrayLike<number>, weights: Weights, options: GetisOrdOptions = {}): GetisOrdResult {
  const star = options.star ?? false;
  const permutations = options.permutations ?? 999;
  checkPermutations(permutations);
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const sampling = options.sampling ?? 'without-replacement';
  const x = checkedValues(values, weights.n, 3);
  const n = x.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i];
    sumSq += x[i] * x[i];
  }
  const mean = sum / n;
  let centred = 0;
  for (let i = 0; i < n; i++) centred += (x[i] - mean) ** 2;
  const starVariance = centred / n;

  const { neighbours, selfWeight } = star ? starWeights(weights) : { neighbours: weights, selfWeight: null };
  const { offsets, indices, values: w } = neighbours;
  const G = new Float64Array(n);
  const expectation = new Float64Array(n);
  const variance = new Float64Array(n);
  const zScore = new Float64Array(n);
  const pNormal = new Float64Array(n);
  const neighbourCount = new Int32Array(n);
  const offset = star ? new Float64Array(n) : null;
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    neighbourCount[i] = offsets[i + 1] - offsets[i];
    const self = selfWeight === null ? 0 : selfWeight[i];
    let lag = self * x[i];
    let wi = self;
    let s1 = self * self;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      lag += w[k] * x[indices[k]];
      wi += w[k];
      s1 += w[k] * w[k];
    }
    // Moments as spdep's localG: Gi* uses the whole sample, Gi the sample without x_i.
    let xbar: number;
    let s2: number;
    let vg: number;
    let denominator: number;
    if (star) {
      xbar = mean;
      s2 = starVariance;
      vg = (s2 * (n * s1 - wi * wi)) / (n - 1);
      denominator = sum;
    } else {
      xbar = (sum - x[i]) / (n - 1);
      s2 = (sumSq - x[i] * x[i]) / (n - 1) - xbar * xbar;
      vg = (s2 * ((n - 1) * s1 - wi * wi)) / (n - 2);
      denominator = sum - x[i];
    }
    const eg = wi * xbar;
    zScore[i] = (lag - eg) / Math.sqrt(vg);
    pNormal[i] = normalTwoSided(zScore[i]);
    G[i] = lag / denominator;
    expectation[i] = eg / denominator;
    variance[i] = vg / (denominator * denominator);
    scale[i] = 1 / denominator;
    if (offset !== null) offset[i] = (self * x[i]) / denominator;
  }

  const counts =
    permutations > 0
      ? countAtOrAbove(neighbours, { data: x, observed: G, offset, scale }, star ? 'gi-star' : 'gi', {
          ...options,
          permutations,
          seed,
          sampling,
        })
      : new Int32Array(n).fill(-1);
  const pseudoP = new Float64Array(n);
  for (let i = 0; i < n; i++) pseudoP[i] = counts[i] < 0 ? Number.NaN : foldedPseudoP(counts[i], permutations);

  return { n, star, G, expectation, variance, zScore, pNormal, neighbourCount, pseudoP, countAtOrAbove: counts, permutations, seed, sampling };
}

/** Neighbour part (self excluded) and self weight of each row for Gi*. */
function starWeights(weights: Weights): { neighbours: Weights; selfWeight: Float64Array } {
  const selfWeight = new Float64Array(weights.n).fill(1);
  if (!weights.rowStandardised) return { neighbours: weights, selfWeight };
  const values = new Float64Array(weights.values.length);
  for (let i = 0; i < weights.n; i++) {
    const k = weights.offsets[i + 1] - weights.offsets[i];
    // Row sum 1 over k neighbours becomes k / (k + 1), leaving 1 / (k + 1) for the observation.
    const shrink = k / (k + 1);
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) values[e] = weights.values[e] * shrink;
    selfWeight[i] = 1 / (k + 1);
  }
  return { neighbours: { ...weights, values }, selfWeight };
}

/** Confidence levels of a hot-spot map, with the two-sided p-value each one needs. */
export const HOT_SPOT_LEVELS = [
  { confidence: 90, alpha: 0.1 },
  { confidence: 95, alpha: 0.05 },
  { confidence: 99, alpha: 0.01 },
] as const;

/** Whether hot spots are judged by the analytic z-score or by the permutation p-value. */
export type HotSpotBasis = 'z' | 'permutation';

/** A hot and cold spot map. */
export interface HotSpots {
  /**
   * ArcGIS's Gi_Bin: +3 / +2 / +1 hot spot at 99 / 95 / 90 % confidence, -3 / -2 / -1 cold spot,
   * 0 not significant (and islands, whose neighbourCount is 0).
   */
  bin: Int8Array;
  /** The two-sided p-value judged for each observation. */
  p: Float64Array;
  /** Cut-off applied at 90, 95 and 99 % (after the correction). */
  cutoffs: { 90: number; 95: number; 99: number };
  basis: HotSpotBasis;
  correction: Correction;
}

/**
 * Hot and cold spots as ArcGIS's Hot Spot Analysis bins them: confidence c needs a two-sided
 * p-value at or below 1 - c, so 90 / 95 / 99 % means |z| >= 1.645 / 1.960 / 2.576 with the
 * default basis 'z' (what ArcGIS and spdep's localG report). With basis 'permutation' the
 * two-sided p-value is twice GeoDa's folded pseudo p-value (capped at 1), so the same confidence
 * means the same thing on both bases. The sign comes from the z-score: above expectation is hot.
 * A correction (Bonferroni or GeoDa's FDR) is applied at each level separately, as ArcGIS's FDR.
 */
export function hotSpots(
  result: Pick<GetisOrdResult, 'n' | 'neighbourCount' | 'pNormal' | 'pseudoP' | 'zScore'>,
  basis: HotSpotBasis = 'z',
  correction: Correction = 'none',
): HotSpots {
  const p = new Float64Array(result.n);
  for (let i = 0; i < result.n; i++) {
    if (result.neighbourCount[i] === 0) p[i] = Number.NaN;
    else p[i] = basis === 'z' ? result.pNormal[i] : Math.min(1, 2 * result.pseudoP[i]);
  }
  const cutoffs = { 90: 0, 95: 0, 99: 0 };
  for (const level of HOT_SPOT_LEVELS) cutoffs[level.confidence] = significanceCutoff(p, level.alpha, correction);
  const bin = new Int8Array(result.n);
  for (let i = 0; i < result.n; i++) {
    let strength = 0;
    if (p[i] <= cutoffs[99]) strength = 3;
    else if (p[i] <= cutoffs[95]) strength = 2;
    else if (p[i] <= cutoffs[90]) strength = 1;
    bin[i] = result.zScore[i] > 0 ? strength : -strength;
  }
  return { bin, p, cutoffs, basis, correction };
}

/**
 * GeoDa's Gi / Gi* cluster map colours (Explore/GetisOrdMapNewView.cpp: not significant
 * wxColour(240,240,240), High (255,0,0), Low (0,0,255), Neighborless (140,140,140)).
 */
export const GEODA_GI_COLOURS = {
  notSignificant: '#F0F0F0',
  high: '#FF0000',
  low: '#0000FF',
  isolated: '#8C8C8C',
} as const;
