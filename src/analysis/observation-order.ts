/**
 * One order of observations for every front end. Permutation inference draws observation i's
 * neighbours from its own stream, deriveSeed(seed, purpose, i), out of a pool laid out in
 * observation order, and the mean and the spatial lags are sums in that order too. So the same
 * kelurahan, values, weights and seed gave other pseudo p-values when the boundary file listed
 * the kelurahan in another order: the app reads a Hilbert-ordered FlatGeobuf, the CLI whatever
 * file it is given (issue 13: 11 High-High on the map, 10 from the CLI). Running every analysis
 * in the order of the kelurahan codes makes the result a function of the data alone.
 */
import type { Weights } from './weights';

/**
 * Indices of `ids` sorted by id (UTF-16 code units, as `<` compares: the same on every platform
 * and locale), equal ids by index; only the indices in `among` when given.
 */
export function idOrder(ids: readonly string[], among?: ArrayLike<number>): Int32Array {
  const order = among ? Array.from(among) : ids.map((_, i) => i);
  order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  return Int32Array.from(order);
}

/**
 * The weights among the observations `order` (original indices), renumbered 0 .. order.length - 1
 * in that order, each row's neighbours ascending by their new number, so that sums over
 * neighbours run in the same order whatever order the observations came in. Neighbours outside
 * `order` are dropped (an observation left with none becomes an island). As subsetWeights, row
 * standardisation is not carried over: a standardised row becomes binary again.
 */
export function weightsInOrder(weights: Weights, order: ArrayLike<number>): Weights {
  const newIndex = new Int32Array(weights.n).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (!(Number.isInteger(i) && i >= 0 && i < weights.n) || newIndex[i] >= 0) {
      throw new RangeError(`order must list distinct observations of 0 .. ${weights.n - 1}, got ${i}`);
    }
    newIndex[i] = k;
  }
  const offsets = new Int32Array(order.length + 1);
  const indices = new Int32Array(weights.indices.length);
  const values = new Float64Array(weights.indices.length);
  let end = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const rowStart = end;
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) {
      const j = newIndex[weights.indices[e]];
      if (j < 0) continue;
      // Insertion into the sorted row: rows are short (a few neighbours), and this allocates nothing
      // for the 83,402 rows of the national map.
      const v = weights.rowStandardised ? 1 : weights.values[e];
      let at = end++;
      while (at > rowStart && indices[at - 1] > j) {
        indices[at] = indices[at - 1];
        values[at] = values[at - 1];
        at--;
      }
      indices[at] = j;
      values[at] = v;
    }
    offsets[k + 1] = end;
  }
  return { n: order.length, offsets, indices: indices.slice(0, end), values: values.slice(0, end), rowStandardised: false };
}
