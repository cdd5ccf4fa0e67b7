/**
 * Local Moran's I (LISA, Anselin 1995) as R spdep's localmoran reports it, with GeoDa's
 * conditional permutation inference, folded pseudo p-values and cluster map.
 */
import type { Weights } from './weights';
import { rowStandardise } from './weights';
import { checkedValues, deviations, spatialLag } from './moran';
import { countAtOrAbove } from './conditional-permutation';
import type { PermutationOptions, Sampling } from './conditional-permutation';
import { DEFAULT_PERMUTATION_SEED, checkPermutations, foldedPseudoP, normalTwoSided, significanceCutoff } from './significance';
import type { Correction } from './significance';

/** Local Moran's I of every observation. */
export interface LocalMoranResult {
  n: number;
  /** Standardised values (x - mean) / sd with the population sd (divisor n, spdep's mlvar = TRUE). */
  value: Float64Array;
  /** Spatial lag of the standardised values with row-standardised weights (0 for an island). */
  lag: Float64Array;
  /** I_i = value_i * lag_i, equal to spdep's localmoran Ii. */
  I: Float64Array;
  /** E[I_i] under conditional randomisation (spdep's default conditional = TRUE). */
  expectation: Float64Array;
  /** Var[I_i] under conditional randomisation. */
  variance: Float64Array;
  /** (I_i - E[I_i]) / sqrt(Var[I_i]); NaN for an island. */
  zScore: Float64Array;
  /** Two-sided normal p-value of zScore (spdep's Pr(z != E(Ii))); NaN for an island. */
  pNormal: Float64Array;
  /** Number of neighbours (0 = island). */
  neighbourCount: Int32Array;
  /**
   * Folded pseudo p-value, (min(M, R - M) + 1) / (R + 1); 1 for a value exactly at the mean;
   * NaN for islands, outside options.range, or when R = 0.
   */
  pseudoP: Float64Array;
  /** Permuted I_i at or above the observed (M); -1 where pseudoP is NaN. */
  countAtOrAbove: Int32Array;
  permutations: number;
  seed: number;
  sampling: Sampling;
}

/**
 * Local Moran's I with conditional permutation inference. Weights are row-standardised first if
 * they are not. Values must be finite; a missing value must be dropped with its weights first.
 */
export function localMoran(values: ArrayLike<number>, weights: Weights, options: PermutationOptions = {}): LocalMoranResult {
  const permutations = options.permutations ?? 999;
  checkPermutations(permutations);
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const sampling = options.sampling ?? 'without-replacement';
  const w = weights.rowStandardised ? weights : rowStandardise(weights);
  const x = checkedValues(values, w.n, 3);
  const n = x.length;
  const z = deviations(x);
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += z[i] * z[i];
  m2 /= n;
  if (m2 === 0) throw new RangeError('local Moran\u2019s I is undefined: all values are equal');

  const lz = spatialLag(w, z);
  const sd = Math.sqrt(m2);
  const I = new Float64Array(n);
  const expectation = new Float64Array(n);
  const variance = new Float64Array(n);
  const zScore = new Float64Array(n);
  const pNormal = new Float64Array(n);
  const neighbourCount = new Int32Array(n);
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    neighbourCount[i] = w.offsets[i + 1] - w.offsets[i];
    let wi = 0;
    let wi2 = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      wi += w.values[k];
      wi2 += w.values[k] * w.values[k];
    }
    scale[i] = z[i] / m2;
    I[i] = scale[i] * lz[i];
    // Sokal et al. (1998) moments under conditional randomisation, as spdep's localmoran.
    expectation[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
    variance[i] = (z[i] / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - (z[i] * z[i]) / (n - 1));
    zScore[i] = neighbourCount[i] === 0 ? Number.NaN : (I[i] - expectation[i]) / Math.sqrt(variance[i]);
    pNormal[i] = normalTwoSided(zScore[i]);
  }

  const counts =
    permutations > 0 ? countAtOrAbove(w, { data: z, observed: I, offset: null, scale }, 'local-moran', { ...options, permutations, seed, sampling }) : new Int32Array(n).fill(-1);
  const pseudoP = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // At the mean (z_i = 0) every permuted I_i ties with I_i = 0: GeoDa and spdep would report the
    // smallest p, but nothing about such an observation can be significant.
    pseudoP[i] = counts[i] < 0 ? Number.NaN : z[i] === 0 ? 1 : foldedPseudoP(counts[i], permutations);
  }

  return {
    n,
    value: z.map((v) => v / sd),
    lag: lz.map((v) => v / sd),
    I,
    expectation,
    variance,
    zScore,
    pNormal,
    neighbourCount,
    pseudoP,
    countAtOrAbove: counts,
    permutations,
    seed,
    sampling,
  };
}

/** LISA cluster codes, in GeoDa's order (0-4 as GeoDa and rgeoda; 5 = GeoDa's "Neighborless"). */
export const LisaCluster = {
  NotSignificant: 0,
  HighHigh: 1,
  LowLow: 2,
  LowHigh: 3,
  HighLow: 4,
  Isolated: 5,
} as const;
/** One of the {@link LisaCluster} codes. */
export type LisaClusterCode = (typeof LisaCluster)[keyof typeof LisaCluster];

/**
 * GeoDa's LISA cluster colours, indexed by {@link LisaCluster} code. From desktop GeoDa's
 * Explore/LisaMapNewView.cpp and AbstractClusterMap.cpp: not significant wxColour(240,240,240),
 * High-High (255,0,0), Low-Low (0,0,255), Low-High (150,150,255), High-Low (255,150,150),
 * Neighborless (140,140,140).
 */
export const GEODA_LISA_COLOURS: readonly string[] = ['#F0F0F0', '#FF0000', '#0000FF', '#9696FF', '#FF9696', '#8C8C8C'];

/**
 * The same map in libgeoda (rgeoda, pygeoda, jsgeoda: src UniLocalMoran.cpp), which differs in
 * the pale shades: not significant #eeeeee, Low-High #a7adf9, High-Low #f4ada8, isolated #999999.
 */
export const LIBGEODA_LISA_COLOURS: readonly string[] = ['#EEEEEE', '#FF0000', '#0000FF', '#A7ADF9', '#F4ADA8', '#999999'];

/** Which observations form clusters at a cut-off. */
export interface LisaClusters {
  /** {@link LisaCluster} code of each observation. */
  cluster: Uint8Array;
  /** The p-value cut-off applied (alpha, alpha / m or the FDR cut-off); p <= cutoff is significant. */
  cutoff: number;
  alpha: number;
  correction: Correction;
}

/**
 * The LISA cluster map: an observation with pseudo p <= cut-off is High-High, Low-Low, Low-High or
 * High-Low by the signs of its standardised value and its lag (a value at or below 0 counts as
 * low, as spdep's "pysal" quadrants); islands are Isolated; the rest Not significant.
 */
export function lisaClusters(result: Pick<LocalMoranResult, 'n' | 'neighbourCount' | 'pseudoP' | 'value' | 'lag'>, alpha = 0.05, correction: Correction = 'none'): LisaClusters {
  const cutoff = significanceCutoff(result.pseudoP, alpha, correction);
  const cluster = new Uint8Array(result.n);
  for (let i = 0; i < result.n; i++) {
    if (result.neighbourCount[i] === 0) cluster[i] = LisaCluster.Isolated;
    else if (!(result.pseudoP[i] <= cutoff)) cluster[i] = LisaCluster.NotSignificant;
    else cluster[i] = quadrant(result.value[i], result.lag[i]);
  }
  return { cluster, cutoff, alpha, correction };
}

/** Quadrant of the Moran scatter plot, as a {@link LisaCluster} code (1-4). */
export function quadrant(value: number, lag: number): LisaClusterCode {
  const high = value > 0;
  const highLag = lag > 0;
  if (high) return highLag ? LisaCluster.HighHigh : LisaCluster.HighLow;
  return highLag ? LisaCluster.LowHigh : LisaCluster.LowLow;
}
