/**
 * Local statistics need a value for every observation. Kelurahan without one are taken out
 * together with their rows and columns of the weights, so a missing value never reads as zero;
 * a kelurahan whose only neighbours are missing becomes an island.
 */
import type { Weights } from './weights';

export interface Subset {
  /** Weights among the kept observations only, renumbered 0 .. kept.length - 1. */
  weights: Weights;
  /** Original index of each kept observation. */
  kept: Int32Array;
}

/** Keeps the observations where `keep` is true. Row standardisation is not carried over. */
export function subsetWeights(weights: Weights, keep: ArrayLike<boolean>): Subset {
  const newIndex = new Int32Array(weights.n).fill(-1);
  const keptList: number[] = [];
  for (let i = 0; i < weights.n; i++) {
    if (keep[i]) {
      newIndex[i] = keptList.length;
      keptList.push(i);
    }
  }
  const offsets = new Int32Array(keptList.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  keptList.forEach((i, row) => {
    for (let k = weights.offsets[i]; k < weights.offsets[i + 1]; k++) {
      const j = newIndex[weights.indices[k]];
      if (j < 0) continue;
      indices.push(j);
      values.push(weights.rowStandardised ? 1 : weights.values[k]);
    }
    offsets[row + 1] = indices.length;
  });
  return {
    weights: { n: keptList.length, offsets, indices: Int32Array.from(indices), values: Float64Array.from(values), rowStandardised: false },
    kept: Int32Array.from(keptList),
  };
}
