/**
 * Giving islands neighbours. Local statistics are undefined for an observation without
 * neighbours (GeoDa marks it "isolated"), and a small island village or a kelurahan across a
 * wide river has none by contiguity; a common remedy is to link each island to its nearest
 * observation(s), here by the same ellipsoid distance as {@link knnWeights}.
 */
import { NearestNeighbourIndex, type LonLatPoints } from './knn';
import { islands, rowStandardise, weightsFromNeighbours, type Weights } from './weights';

/** Options of {@link withKnnFallback}. */
export interface KnnFallbackOptions {
  /**
   * Also make each island a neighbour of the points it was linked to (default true), so
   * symmetric contiguity weights stay symmetric.
   */
  readonly symmetric?: boolean;
}

/** Weights with islands linked, and what was changed. */
export interface KnnFallbackResult {
  readonly weights: Weights;
  /** Links added, island first: `{ from: island, to: nearest }` (the reverse link is implied when symmetric). */
  readonly added: readonly { readonly from: number; readonly to: number }[];
  /** Islands that could not be linked because they have no location. */
  readonly unlocated: readonly number[];
}

/**
 * Link every island of `weights` to its k nearest other observations by `points` (lon/lat, one
 * per observation, e.g. polygon centroids). Neighbours the weights already have are kept; the
 * result is binary, and row-standardised again if the input was. Other observations are
 * unchanged except for the reverse links when `symmetric`.
 */
export function withKnnFallback(weights: Weights, points: LonLatPoints, k = 1, options: KnnFallbackOptions = {}): KnnFallbackResult {
  const lone = islands(weights);
  const index = new NearestNeighbourIndex(points);
  if (index.xy.length / 2 !== weights.n) {
    throw new RangeError(`${index.xy.length / 2} points given for ${weights.n} observations`);
  }
  const lists: number[][] = [];
  for (let i = 0; i < weights.n; i++) lists.push(Array.from(weights.indices.subarray(weights.offsets[i], weights.offsets[i + 1])));
  const added: { from: number; to: number }[] = [];
  const unlocated: number[] = [];
  const symmetric = options.symmetric ?? true;
  for (const i of lone) {
    const near = index.nearest(i, k).indices;
    if (near.length === 0) {
      unlocated.push(i);
      continue;
    }
    for (const j of near) {
      // Two islands may pick each other: with symmetric links the second finds itself linked.
      if (!lists[i].includes(j)) {
        lists[i].push(j);
        added.push({ from: i, to: j });
      }
      if (symmetric && !lists[j].includes(i)) lists[j].push(i);
    }
  }
  const binary = weightsFromNeighbours(lists);
  return { weights: weights.rowStandardised ? rowStandardise(binary) : binary, added, unlocated };
}
