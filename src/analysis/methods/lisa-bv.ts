/**
 * Bivariate local Moran (GeoDa's bivariate LISA, R spdep's localmoran_bv): I_i = x_i * sum_j w_ij
 * y_j on the standardised values (scale(): sd with divisor n - 1, row-standardised weights), the
 * indicator on the map against the second indicator in its neighbours. Inference by conditional
 * permutation of y over the neighbour slots (x_i fixed); the cluster map is GeoDa's: the
 * quadrant of x_i and the lag of y among the significant, with the LISA colours.
 */
import { countAtOrAbove } from '../conditional-permutation';
import { checkedValues, spatialLag } from '../moran';
import { DEFAULT_PERMUTATION_SEED, checkPermutations, foldedPseudoP } from '../significance';
import { rowStandardise } from '../weights';
import { LISA_CATEGORIES, lisaClassify, pseudoCutoff } from './lisa';
import type { LocalMethod, LocalStatistic } from './types';

/** (v - mean) / sd with R's sd (divisor n - 1). */
function scaled(v: Float64Array, what: string): Float64Array {
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  if (sd === 0) throw new RangeError(`bivariate local Moran\u2019s I is undefined: all values of the ${what} indicator are equal`);
  return v.map((b) => (b - mean) / sd);
}

/** Bivariate local Moran's I of x with the spatial lag of y, with pseudo p-values. */
export function localMoranBivariate(
  x: Float64Array,
  y: Float64Array,
  weights: Parameters<LocalMethod['compute']>[2],
  options: Parameters<LocalMethod['compute']>[3] = {},
): LocalStatistic {
  const permutations = options.permutations ?? 999;
  checkPermutations(permutations);
  const seed = options.seed ?? DEFAULT_PERMUTATION_SEED;
  const sampling = options.sampling ?? 'without-replacement';
  const w = weights.rowStandardised ? weights : rowStandardise(weights);
  const zx = scaled(checkedValues(x, w.n, 3), 'first');
  const zy = scaled(checkedValues(y, w.n, 3), 'second');
  const n = zx.length;
  const lag = spatialLag(w, zy);
  const statistic = zx.map((v, i) => v * lag[i]);
  const neighbourCount = Int32Array.from({ length: n }, (_, i) => w.offsets[i + 1] - w.offsets[i]);
  const counts =
    permutations > 0
      ? countAtOrAbove(w, { data: zy, observed: statistic, offset: null, scale: zx }, 'local-moran-bv', { ...options, permutations, seed, sampling })
      : new Int32Array(n).fill(-1);
  // With x_i at its mean every permuted I_i ties with 0: nothing about it can be significant.
  const pseudoP = Float64Array.from(counts, (m, i) => (m < 0 ? Number.NaN : zx[i] === 0 ? 1 : foldedPseudoP(m, permutations)));
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return { n, value: zx, lag, statistic, zScore: nan(), pNormal: nan(), pseudoP, neighbourCount, permutations, seed, sampling };
}

export const lisaBv: LocalMethod = {
  kind: 'local',
  id: 'lisa-bv',
  order: 50,
  label: 'analysis.method.lisa-bv',
  note: 'analysis.note.lisa-bv',
  secondVariable: true,
  decidesBy: 'pseudoP',
  options: ['alpha', 'correction'],
  weightsStyle: 'row-standardised',
  categories: LISA_CATEGORIES,
  profile: [
    { label: 'panel.standardised', field: 'value', digits: 3 },
    { label: 'panel.lagSecond', field: 'lag', digits: 3 },
    { label: 'panel.statistic.lisa-bv', field: 'statistic', digits: 3 },
    { label: 'panel.pseudoP', field: 'pseudoP', digits: 4 },
  ],
  columns: [
    ['I', 'statistic'],
    ['lag', 'lag'],
    ['z', 'value'],
    ['p', 'pseudoP'],
  ],
  compute(x, y, weights, options) {
    if (!y) throw new RangeError('the bivariate local Moran needs a second variable');
    return localMoranBivariate(x, y, weights, options);
  },
  classify: lisaClassify,
  neededCutoffs: pseudoCutoff,
};
