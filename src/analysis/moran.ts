/**
 * Global Moran's I with the analytic moments under randomisation (R spdep's
 * moran.test(randomisation = TRUE)), a total-permutation test (spdep's moran.mc) and the data of
 * a Moran scatter plot.
 */
import type { Weights } from './weights';
import { rowStandardise } from './weights';
import { deriveSeed, seedSfc32 } from './random';
import { DEFAULT_PERMUTATION_SEED, checkPermutations, normalTwoSided, normalUpperTail } from './significance';

/** Options of {@link moranI}. */
export interface MoranOptions {
  /** Permutations for the pseudo p-value: 0 (none) or 1..99,999; default 999. */
  permutations?: number;
  /** Seed of the permutation stream; default DEFAULT_PERMUTATION_SEED, as the app and CLI. */
  seed?: number;
  /**
   * Count only observations with neighbours in n, as spdep's default adjust.n = TRUE; islands
   * still take part in the mean and the kurtosis. Default true.
   */
  adjustN?: boolean;
}

/** Result of a permutation test of global Moran's I. */
export interface MoranPermutation {
  permutations: number;
  seed: number;
  /** Permuted I at or above the observed I. */
  countAtOrAbove: number;
  /** Permuted I at or below the observed I. */
  countAtOrBelow: number;
  /** (countAtOrAbove + 1) / (R + 1): the test for positive autocorrelation (moran.mc's 'greater'). */
  pGreater: number;
  /** (countAtOrBelow + 1) / (R + 1): the test for negative autocorrelation. */
  pLess: number;
  /** The tail the observed I lies in, relative to the permutation mean. */
  tail: 'greater' | 'less';
  /** The pseudo p-value of that tail (GeoDa reports this one). */
  p: number;
  /** Mean and standard deviation of the permuted I, and (I - mean) / sd as GeoDa shows it. */
  mean: number;
  sd: number;
  zScore: number;
}

/** Global Moran's I with its inference and scatter-plot data. */
export interface MoranResult {
  /** Moran's I: (n / S0) * sum_i z_i (Wz)_i / sum_i z_i^2, z = x - mean(x). */
  I: number;
  /** E[I] = -1 / (n - 1). */
  expectation: number;
  /** Var[I] under randomisation (spdep moran.test, randomisation = TRUE). */
  variance: number;
  /** (I - E[I]) / sqrt(Var[I]). */
  zScore: number;
  /** Analytic p-value for positive autocorrelation, P(Z > z) (moran.test's default 'greater'). */
  pGreater: number;
  /** Analytic two-sided p-value. */
  pTwoSided: number;
  /** n as used in the formulas (observations with neighbours when adjustN). */
  n: number;
  /** Observations without neighbours. */
  islands: number;
  permutation: MoranPermutation | null;
  /**
   * Moran scatter plot: standardised values (population sd, as spdep's localmoran) and their
   * spatial lag with row-standardised weights, whichever weights the statistic used, as GeoDa draws
   * it. Without islands the least-squares slope of lag on value is I for row-standardised weights.
   */
  scatter: { value: Float64Array; lag: Float64Array };
}

/** Global Moran's I of values under weights (binary, row-standardised or general). */
export function moranI(values: ArrayLike<number>, weights: Weights, options: MoranOptions = {}): MoranResult {
  const permutations = options.permutations ?? 999;
  checkPermutations(permutations);
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const x = checkedValues(values, weights.n, 4);
  const nAll = x.length;
  const z = deviations(x);
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < nAll; i++) {
    zz += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  if (zz === 0) throw new RangeError('Moran\u2019s I is undefined: all values are equal');

  const c = weightConstants(weights);
  const n = options.adjustN === false ? nAll : nAll - c.islands;
  if (n < 4) throw new RangeError(`Moran\u2019s I needs at least 4 observations with neighbours, got ${n}`);
  const I = ((n / c.S0) * crossProduct(weights, z)) / zz;
  // spdep's moran() takes the kurtosis over every observation, islands included.
  const K = (nAll * z4) / (zz * zz);
  const S02 = c.S0 * c.S0;
  const expectation = -1 / (n - 1);
  const top = n * (c.S1 * (n * n - 3 * n + 3) - n * c.S2 + 3 * S02) - K * (c.S1 * (n * n - n) - 2 * n * c.S2 + 6 * S02);
  const variance = top / ((n - 1) * (n - 2) * (n - 3) * S02) - expectation * expectation;
  const zScore = (I - expectation) / Math.sqrt(variance);

  return {
    I,
    expectation,
    variance,
    zScore,
    pGreater: normalUpperTail(zScore),
    pTwoSided: normalTwoSided(zScore),
    n,
    islands: c.islands,
    permutation: permutations > 0 ? permute(weights, z, zz, n / c.S0, I, permutations, seed) : null,
    scatter: scatterData(z, zz, weights),
  };
}

/** Total permutation (moran.mc): shuffle all values R times, one buffer, no allocation per draw. */
function permute(weights: Weights, z: Float64Array, zz: number, factor: number, observed: number, permutations: number, seed: number): MoranPermutation {
  // createRandom(deriveSeed(seed, 'moran'))'s stream, stepped inline (no closure call per draw).
  const stream = new Int32Array(4);
  seedSfc32(deriveSeed(seed, 'moran'), stream);
  let [s0, s1, s2, s3] = stream;
  const shuffled = Float64Array.from(z);
  let above = 0;
  let below = 0;
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < permutations; r++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const u = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (s2 << 21) | (s2 >>> 11);
      s2 = (s2 + u) | 0;
      const j = Math.floor(((u >>> 0) / 4294967296) * (i + 1));
      const t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    // The mean and sum of squares do not change under permutation: only the cross product does.
    const value = (factor * crossProduct(weights, shuffled)) / zz;
    if (value >= observed) above++;
    if (value <= observed) below++;
    sum += value;
    sumSq += value * value;
  }
  const mean = sum / permutations;
  const sd = permutations > 1 ? Math.sqrt((sumSq - permutations * mean * mean) / (permutations - 1)) : Number.NaN;
  const pGreater = (above + 1) / (permutations + 1);
  const pLess = (below + 1) / (permutations + 1);
  const tail = observed >= mean ? 'greater' : 'less';
  return {
    permutations,
    seed,
    countAtOrAbove: above,
    countAtOrBelow: below,
    pGreater,
    pLess,
    tail,
    p: tail === 'greater' ? pGreater : pLess,
    mean,
    sd,
    zScore: (observed - mean) / sd,
  };
}

function scatterData(z: Float64Array, zz: number, weights: Weights): MoranResult['scatter'] {
  const sd = Math.sqrt(zz / z.length);
  const value = z.map((v) => v / sd);
  return { value, lag: spatialLag(weights.rowStandardised ? weights : rowStandardise(weights), value) };
}

/** (Wv)_i = sum_j w_ij v_j; 0 for an island (spdep's zero.policy = TRUE). */
export function spatialLag(weights: Weights, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.n);
  const { offsets, indices, values } = weights;
  for (let i = 0; i < weights.n; i++) {
    let s = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) s += values[k] * v[indices[k]];
    out[i] = s;
  }
  return out;
}

function crossProduct(weights: Weights, z: Float64Array): number {
  const { offsets, indices, values } = weights;
  let total = 0;
  for (let i = 0; i < weights.n; i++) {
    let lag = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) lag += values[k] * z[indices[k]];
    total += z[i] * lag;
  }
  return total;
}

/** The weight sums of Cliff and Ord: S0 = sum w_ij, S1 = 1/2 sum (w_ij + w_ji)^2, S2 = sum (w_i. + w_.i)^2. */
export function weightConstants(weights: Weights): { S0: number; S1: number; S2: number; islands: number } {
  const { n, offsets, indices, values } = weights;
  const rowSums = new Float64Array(n);
  const colSums = new Float64Array(n);
  let S0 = 0;
  let S1 = 0;
  let islands = 0;
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] === offsets[i]) islands++;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = indices[k];
      const wij = values[k];
      rowSums[i] += wij;
      colSums[j] += wij;
      S0 += wij;
      // sum over ordered pairs of w_ij^2 + w_ij w_ji equals 1/2 sum (w_ij + w_ji)^2, as spdep sums it.
      S1 += wij * wij + wij * weightOf(weights, j, i);
    }
  }
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSums[i] + colSums[i]) ** 2;
  return { S0, S1, S2, islands };
}

/** w_ij by binary search in row i (indices are sorted within a row); 0 if j is not a neighbour. */
function weightOf(weights: Weights, i: number, j: number): number {
  let lo = weights.offsets[i];
  let hi = weights.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = weights.indices[mid];
    if (v === j) return weights.values[mid];
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** x - mean(x). */
export function deviations(x: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  const mean = sum / x.length;
  return x.map((v) => v - mean);
}

/** A Float64Array copy of values after checking length and finiteness, with a clear message. */
export function checkedValues(values: ArrayLike<number>, n: number, minimum: number): Float64Array {
  if (values.length !== n) throw new RangeError(`${values.length} values for ${n} observations in the weights`);
  if (n < minimum) throw new RangeError(`at least ${minimum} observations are needed, got ${n}`);
  const x = Float64Array.from(values);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`value ${i} is missing or not finite (${x[i]}); drop it and its weights first`);
  }
  return x;
}
