/**
 * Local Geary (Anselin 2019): C_i = sum_j w_ij (z_i - z_j)^2 on the standardised values, as R
 * spdep's localC computes it (scale(): sd with divisor n - 1, row-standardised weights), with
 * GeoDa's conditional permutation inference and cluster map (libgeoda UniGeary.cpp): a
 * significant C_i below its expectation is positive association (High-High, Low-Low, or "other
 * positive" when the value and its neighbours' mean lie on opposite sides of the mean); above it,
 * negative association. GeoDa compares C_i with the mean of its permutations; the exact
 * expectation under conditional randomisation (that mean's limit) is used here so the map does
 * not move with the seed. spdep's localC_perm cluster attribute uses the quadrant alone.
 */
import { countAtOrAbove } from '../conditional-permutation';
import { checkedValues, spatialLag } from '../moran';
import { DEFAULT_PERMUTATION_SEED, checkPermutations, foldedPseudoP, significanceCutoff } from '../significance';
import { rowStandardise } from '../weights';
import { pseudoCutoff } from './lisa';
import type { LocalMethod, LocalStatistic } from './types';

/** GeoDa's local Geary cluster codes (libgeoda UniGeary: 5 is "undefined", unused here). */
export const GearyCluster = { NotSignificant: 0, HighHigh: 1, LowLow: 2, OtherPositive: 3, Negative: 4, Isolated: 6 } as const;

/** Local Geary C_i with pseudo p-values from conditional permutations (GeoDa's scheme by default). */
export function localGeary(x: Float64Array, weights: Parameters<LocalMethod['compute']>[2], options: Parameters<LocalMethod['compute']>[3] = {}): LocalStatistic {
  const permutations = options.permutations ?? 999;
  checkPermutations(permutations);
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const sampling = options.sampling ?? 'without-replacement';
  const w = weights.rowStandardised ? weights : rowStandardise(weights);
  const values = checkedValues(x, w.n, 3);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  if (sd === 0) throw new RangeError('local Geary is undefined: all values are equal');
  const z = values.map((v) => (v - mean) / sd);
  const lag = spatialLag(w, z);
  const statistic = new Float64Array(n);
  const expectation = new Float64Array(n).fill(Number.NaN);
  const neighbourCount = new Int32Array(n);
  const offset = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    neighbourCount[i] = w.offsets[i + 1] - w.offsets[i];
    let c = 0;
    let wi = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      c += w.values[k] * (z[i] - z[w.indices[k]]) ** 2;
      wi += w.values[k];
    }
    statistic[i] = c;
    // Sum z = 0 and sum z^2 = n - 1, so the other n - 1 values have mean -z_i / (n - 1) and mean
    // square (n - 1 - z_i^2) / (n - 1): E[C_i] = w_i (z_i^2 - 2 z_i m1 + m2).
    if (neighbourCount[i] > 0) expectation[i] = wi * (z[i] ** 2 + (2 * z[i] ** 2) / (n - 1) + (n - 1 - z[i] ** 2) / (n - 1));
    offset[i] = wi * z[i] * z[i];
    scale[i] = -2 * z[i];
  }
  const counts =
    permutations > 0
      ? countAtOrAbove(w, { data: z, observed: statistic, offset, scale, square: new Float64Array(n).fill(1) }, 'local-geary', { ...options, permutations, seed, sampling })
      : new Int32Array(n).fill(-1);
  const pseudoP = Float64Array.from(counts, (m) => (m < 0 ? Number.NaN : foldedPseudoP(m, permutations)));
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return { n, value: z, lag, statistic, expectation, zScore: nan(), pNormal: nan(), pseudoP, neighbourCount, permutations, seed, sampling };
}

export const geary: LocalMethod = {
  kind: 'local',
  id: 'geary',
  order: 40,
  label: 'analysis.method.geary',
  note: 'analysis.note.geary',
  secondVariable: false,
  decidesBy: 'pseudoP',
  options: ['alpha', 'correction'],
  weightsStyle: 'row-standardised',
  categories: [
    { code: GearyCluster.HighHigh, label: 'geary.hh', words: 'High-High', color: '#B2182B' },
    { code: GearyCluster.LowLow, label: 'geary.ll', words: 'Low-Low', color: '#EF8A62' },
    { code: GearyCluster.OtherPositive, label: 'geary.other', words: 'Other Positive', color: '#FDDBC7' },
    { code: GearyCluster.Negative, label: 'geary.negative', words: 'Negative', color: '#67ADC7' },
    { code: GearyCluster.NotSignificant, label: 'cluster.ns', words: 'Not significant', color: '#EEEEEE' },
    { code: GearyCluster.Isolated, label: 'cluster.isolated', words: 'Isolated', color: '#999999' },
  ],
  profile: [
    { label: 'panel.standardised', field: 'value', digits: 3 },
    { label: 'panel.lag', field: 'lag', digits: 3 },
    { label: 'panel.statistic.geary', field: 'statistic', digits: 3 },
    { label: 'panel.pseudoP', field: 'pseudoP', digits: 4 },
  ],
  columns: [
    ['C', 'statistic'],
    ['lag', 'lag'],
    ['z', 'value'],
    ['p', 'pseudoP'],
  ],
  compute: (x, _y, weights, options) => localGeary(x, weights, options),
  classify(s, o) {
    const cutoff = significanceCutoff(s.pseudoP, o.alpha, o.correction);
    const codes = new Uint8Array(s.n);
    for (let i = 0; i < s.n; i++) {
      const z = s.value[i];
      const lag = s.lag[i];
      if (s.neighbourCount[i] === 0) codes[i] = GearyCluster.Isolated;
      else if (!(s.pseudoP[i] <= cutoff)) codes[i] = GearyCluster.NotSignificant;
      else if (s.statistic[i] > s.expectation![i]) codes[i] = GearyCluster.Negative;
      else if (z > 0 && lag > 0) codes[i] = GearyCluster.HighHigh;
      else if (z < 0 && lag < 0) codes[i] = GearyCluster.LowLow;
      else codes[i] = GearyCluster.OtherPositive;
    }
    return { codes, cutoff };
  },
  neededCutoffs: pseudoCutoff,
};
