/**
 * Composite poverty-pocket index: several indicators (rates already computed) are oriented so
 * that higher is worse, normalised to a common scale, weighted and summed. Each indicator's
 * contribution (weight x normalised score) is kept so the kelurahan panel can show what drives
 * the index; the contributions of a kelurahan add up to its index.
 *
 * Missing values, chosen rule: complete cases only. A kelurahan missing any selected indicator
 * gets no index (NaN, drawn as "no data"), and the normalisation (minimum, maximum, mean, standard
 * deviation, ranks) is computed over the kelurahan that do have every indicator. Re-weighting the
 * indicators a kelurahan happens to have would rank it on a different index than its neighbours,
 * and a gap in the data would quietly become a lower (or higher) need; leaving it out is visible.
 */
import { AnalysisError } from './errors';
import { accurateSum } from './sums';

/** Whether a higher value means more need. Neutral indicators cannot enter an index. */
export type IndexDirection = 'higher_worse' | 'higher_better';

/**
 * - `minmax`: (x - min) / (max - min), 0 = best, 1 = worst;
 * - `zscore`: (x - mean) / sd with the sample standard deviation (as R's scale());
 * - `rank`: average rank of ties (R's rank()), scaled to 0 = best .. 1 = worst.
 * For higher_better indicators the scale is mirrored (min and max swap, z changes sign, ranks
 * count from the highest value). An indicator with one value everywhere sits in the middle of
 * its scale (0.5, 0, 0.5): it does not separate kelurahan.
 */
export type Normalisation = 'minmax' | 'zscore' | 'rank';
/** Every normalisation, in the order a menu lists them. */
export const NORMALISATIONS: readonly Normalisation[] = ['minmax', 'zscore', 'rank'];

/** One indicator of an index: its values, direction and weight. */
export interface IndexIndicator {
  /** Catalog id, carried through to the result. */
  id: string;
  /** One value per kelurahan (a rate); null, undefined, NaN or infinite is missing. */
  values: ArrayLike<number | null | undefined>;
  direction: IndexDirection;
  /** Relative weight, finite and >= 0; default 1, so equal weights unless edited. */
  weight?: number;
}

/** The index, and how each indicator contributes to it. */
export interface CompositeIndex {
  /** Indicator ids in input order. */
  ids: string[];
  /** Weights as used: the given (or equal) weights divided by their sum, so they sum to 1. */
  weights: number[];
  /** The index per kelurahan, higher = poorer; NaN where an indicator is missing. */
  index: Float64Array;
  /** Per indicator, per kelurahan: the normalised score, higher = worse; NaN where no index. */
  scores: Float64Array[];
  /** Per indicator, per kelurahan: weight x score; they sum to the index. NaN where no index. */
  contributions: Float64Array[];
  /** Number of kelurahan with an index (complete cases). */
  complete: number;
}

const isValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Weights divided by their sum, each validated. */
export function normaliseWeights(weights: readonly number[]): number[] {
  const valid = weights.length > 0 && weights.every((w) => Number.isFinite(w) && w >= 0);
  const total = valid ? accurateSum(weights) : 0;
  if (!valid || !(total > 0)) {
    throw new AnalysisError('weights_invalid', 'weights must be finite, not negative, and not all zero');
  }
  return weights.map((w) => w / total);
}

/** Average ranks (1-based) of values, ties sharing the mean of their ranks, as R's rank(). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Scores (higher = worse) of the complete cases' values of one indicator. */
export function normalise(values: readonly number[], direction: IndexDirection, method: Normalisation): number[] {
  const oriented = direction === 'higher_worse' ? values : values.map((v) => -v);
  const m = oriented.length;
  if (method === 'rank') {
    if (m === 1) return [0.5];
    return averageRanks(oriented).map((r) => (r - 1) / (m - 1));
  }
  if (method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const v of oriented) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return oriented.map((v) => (max > min ? (v - min) / (max - min) : 0.5));
  }
  const mean = accurateSum(oriented) / m;
  const sd = Math.sqrt(accurateSum(oriented, (v) => (v - mean) ** 2) / Math.max(1, m - 1));
  return oriented.map((v) => (sd > 0 ? (v - mean) / sd : 0));
}

/**
 * The composite index of the given indicators (at least one, all of the same length).
 * Throws AnalysisError for invalid weights, no indicators or lists of different lengths.
 */
export function compositeIndex(indicators: readonly IndexIndicator[], normalisation: Normalisation): CompositeIndex {
  if (indicators.length === 0) throw new AnalysisError('indicators_invalid', 'a composite index needs at least one indicator');
  const n = indicators[0].values.length;
  if (indicators.some((ind) => ind.values.length !== n)) {
    throw new AnalysisError('lengths_differ', 'every indicator needs one value per kelurahan');
  }
  const weights = normaliseWeights(indicators.map((ind) => ind.weight ?? 1));
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (indicators.every((ind) => isValue(ind.values[i]))) rows.push(i);

  const index = new Float64Array(n).fill(Number.NaN);
  const scores = indicators.map(() => new Float64Array(n).fill(Number.NaN));
  const contributions = indicators.map(() => new Float64Array(n).fill(Number.NaN));
  if (rows.length > 0) {
    indicators.forEach((ind, j) => {
      const normalised = normalise(
        rows.map((i) => ind.values[i] as number),
        ind.direction,
        normalisation,
      );
      rows.forEach((i, r) => {
        scores[j][i] = normalised[r];
        contributions[j][i] = weights[j] * normalised[r];
      });
    });
    for (const i of rows) {
      let sum = 0;
      for (const c of contributions) sum += c[i];
      index[i] = sum;
    }
  }
  return { ids: indicators.map((ind) => ind.id), weights, index, scores, contributions, complete: rows.length };
}
