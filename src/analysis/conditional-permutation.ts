/**
 * Conditional permutation inference for local statistics (Anselin 1995): for each observation i,
 * x_i stays where it is and its k_i neighbour slots are refilled R times with values drawn from
 * the other n - 1 observations. Shared by local Moran's I and Getis-Ord Gi / Gi*.
 *
 * Built for the 83,402 desa/kelurahan of Indonesia in a web worker: typed arrays only, nothing
 * allocated per permutation, and each draw is one step of an in-place partial Fisher-Yates
 * shuffle. The shuffled buffer holds the values themselves rather than their indices: a draw then
 * reads one random place in memory instead of two (index, then value), which made national runs
 * about 1.7 times faster; memory access, not the random numbers, is what costs here.
 */
import type { Weights } from './weights';
import { finishSeed, hashIndex, seedHash, seedSfc32 } from './random';
import { DEFAULT_PERMUTATION_SEED } from './significance';

/**
 * How neighbour values are drawn. GeoDa and PySAL esda draw without replacement (a permutation:
 * no value twice in one neighbourhood); R spdep's localmoran_perm and localG_perm draw with
 * replacement by default (spdep >= 1.2-8 offers no_repeat_in_row = TRUE for the former).
 */
export type Sampling = 'without-replacement' | 'with-replacement';

/** Options every permutation-based local statistic accepts. */
export interface PermutationOptions {
  /** Number of permutations R: 0 (no inference) or 1..99,999; default 999. */
  permutations?: number;
  /** Seed of the random streams; the same seed gives identical p-values. Default DEFAULT_PERMUTATION_SEED. */
  seed?: number;
  /** Default 'without-replacement', as GeoDa. */
  sampling?: Sampling;
  /** Called with (observations done, observations to do) every `progressEvery` observations and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Observations between progress calls and cancellation checks; default 1,000. */
  progressEvery?: number;
  /** Aborting it stops the run at the next check by throwing the signal's reason. */
  signal?: { throwIfAborted(): void }; // an AbortSignal, typed by what is used: analysis compiles without the DOM library
  /**
   * Permute only observations start .. end - 1 (the others get no p-value). An observation's
   * p-value does not depend on the range, so workers can split 0 .. n and join their slices.
   */
  range?: { start: number; end: number };
}

/**
 * The permutation statistic of observation i is
 * offset[i] + scale[i] * sum_t w_it * data[draw_t] + square[i] * sum_t w_it * data[draw_t]^2,
 * with w_i the neighbour weights (self excluded) of `weights`: local Moran's I has offset 0 and
 * scale z_i / m2; Gi* carries its fixed self term in the offset; Local Geary,
 * sum_j w_ij (z_i - z_j)^2, is z_i^2 w_i - 2 z_i (lag of z) + (lag of z^2), the one that needs `square`.
 */
export interface PermutedStatistic {
  /** Values the neighbour slots are filled from (z for local Moran, x for Gi). */
  data: Float64Array;
  /** Statistic of each observation in the data as observed. */
  observed: Float64Array;
  offset: Float64Array | null;
  scale: Float64Array;
  /** Coefficient of the lag of the squared draws (null: the statistic is linear in the draws). */
  square?: Float64Array | null;
}

/**
 * For each observation, the number of R permuted statistics at or above the observed one
 * (GeoDa's M); -1 for an observation without neighbours, which is not tested, and for one
 * outside options.range.
 *
 * Each observation draws from its own stream, seeded by deriveSeed(seed, purpose, i), so that a
 * result does not depend on how the work is split (a worker pool may share observations out) and
 * the same seed always gives the same counts.
 */
export function countAtOrAbove(weights: Weights, statistic: PermutedStatistic, purpose: string, options: PermutationOptions = {}): Int32Array {
  const n = weights.n;
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const withReplacement = (options.sampling ?? 'without-replacement') === 'with-replacement';
  const requested = options.progressEvery ?? 1000;
  const every = Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : 1000;
  const { offsets, values: w } = weights;
  const { data, observed, offset, scale } = statistic;
  const square = statistic.square ?? null;
  const counts = new Int32Array(n).fill(-1);
  const first = options.range?.start ?? 0;
  const last = options.range?.end ?? n;
  if (!(Number.isInteger(first) && Number.isInteger(last) && first >= 0 && first <= last && last <= n)) {
    throw new RangeError(`range must satisfy 0 <= start <= end <= ${n}, got ${first}..${last}`);
  }
  const others = n - 1;
  // The values, with observation i's own value parked in the last place while i is tested, so
  // that places 0 .. n - 2 hold exactly the other n - 1 values to draw from.
  const pool = Float64Array.from(data);
  let maxK = 0;
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, offsets[i + 1] - offsets[i]);
  const picks = new Int32Array(maxK);
  const stream = new Int32Array(4);
  const base = seedHash(seed, purpose);

  for (let i = first; i < last; i++) {
    const done = i - first;
    if (done % every === 0) {
      options.signal?.throwIfAborted();
      if (done > 0) options.onProgress?.(done, last - first);
    }
    const start = offsets[i];
    const k = offsets[i + 1] - start;
    if (k === 0) continue;
    // Observation i's own stream, deriveSeed(seed, purpose, i): createRandom's sfc32 stepped inline
    // in locals below (a closure call per draw cost about half of the run).
    seedSfc32(finishSeed(hashIndex(base, i)), stream);
    let sa = stream[0];
    let sb = stream[1];
    let sc = stream[2];
    let sd = stream[3];
    const a = offset === null ? 0 : offset[i];
    const b = scale[i];
    const c = square === null ? 0 : square[i];
    const target = observed[i];
    let atOrAbove = 0;
    const own = pool[i];
    pool[i] = pool[others];
    pool[others] = own;
    for (let r = 0; r < permutations; r++) {
      let lag = 0;
      let lagSquare = 0;
      for (let t = 0; t < k; t++) {
        const u = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + u) | 0;
        const uniform = (u >>> 0) / 4294967296;
        let v: number;
        if (withReplacement) {
          v = pool[Math.floor(uniform * others)];
        } else {
          // Partial Fisher-Yates: slot t takes a uniform pick among positions t .. n - 2, so the
          // k picks are a uniform sample without replacement.
          const pick = t + Math.floor(uniform * (others - t));
          picks[t] = pick;
          v = pool[pick];
          pool[pick] = pool[t];
          pool[t] = v;
        }
        const wv = w[start + t] * v;
        lag += wv;
        lagSquare += wv * v;
      }
      if (!withReplacement) {
        // Undo the swaps (k writes to places still in cache): the pool is back in its original
        // order, so what observation i draws depends only on its own stream, not on the
        // observations tested before it.
        for (let t = k - 1; t >= 0; t--) {
          const pick = picks[t];
          const v = pool[t];
          pool[t] = pool[pick];
          pool[pick] = v;
        }
      }
      if (a + b * lag + c * lagSquare >= target) atOrAbove++;
    }
    pool[others] = pool[i];
    pool[i] = own;
    counts[i] = atOrAbove;
  }
  options.onProgress?.(last - first, last - first);
  return counts;
}
