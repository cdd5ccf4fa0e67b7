/**
 * Where to cut the observations of one local-statistic run into parts for several workers. Every
 * observation draws its permutations from its own stream (conditional-permutation.ts), so the cut
 * changes only who does the work, never a p-value; it is chosen so the parts take about as long.
 * Every worker computes the same cut from the same weights, so only (part, parts) travels.
 */
import type { Weights } from './weights';

/**
 * A total permutation of global Moran's I (shuffle n values, then one pass over every link) costs
 * about 0.4 of a conditional-permutation draw per value plus link (measured on the national
 * weights: 14 ns against 37 ns). Only the balance between parts depends on it.
 */
const MORAN_UNIT = 0.4;

/**
 * Boundaries b[0] = 0 <= b[1] <= ... <= b[parts] = n: part p permutes observations b[p] .. b[p+1] - 1.
 * An observation costs its neighbour count (draws per permutation) plus one (its own set-up);
 * `withGlobalMoran` puts a global Moran's I permutation test in part 0, which then gets fewer
 * observations.
 */
export function permutationParts(weights: Weights, parts: number, withGlobalMoran: boolean): Int32Array {
  if (!(Number.isInteger(parts) && parts >= 1)) throw new RangeError(`parts must be a positive integer, got ${parts}`);
  const n = weights.n;
  const links = weights.offsets[n];
  const moran = withGlobalMoran ? MORAN_UNIT * (n + links) : 0;
  const total = moran + links + n;
  const bounds = new Int32Array(parts + 1);
  let cost = moran;
  let i = 0;
  for (let p = 1; p < parts; p++) {
    const target = (total * p) / parts;
    while (i < n && cost + (weights.offsets[i + 1] - weights.offsets[i] + 1) / 2 <= target) {
      cost += weights.offsets[i + 1] - weights.offsets[i] + 1;
      i++;
    }
    bounds[p] = i;
  }
  bounds[parts] = n;
  return bounds;
}
