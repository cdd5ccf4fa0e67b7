/**
 * Spatial weights in compressed sparse rows: the neighbours of observation i are
 * `indices[offsets[i]] .. indices[offsets[i + 1] - 1]`, with weights `values` at the same
 * positions. Compact enough for the 83,402 desa/kelurahan of Indonesia, and fast to walk in
 * permutation loops.
 */
export interface Weights {
  /** Number of observations. */
  readonly n: number;
  /** Length n + 1; offsets[n] = number of neighbour entries. */
  readonly offsets: Int32Array;
  /** Neighbour indices, sorted ascending within each row, never i itself. */
  readonly indices: Int32Array;
  /** Weight of each entry: 1 for binary weights, 1 / k_i after row standardisation. */
  readonly values: Float64Array;
  /** Whether each row's weights sum to 1 (islands excepted). */
  readonly rowStandardised: boolean;
}

/** Binary weights from neighbour lists (each list: indices of neighbours of that observation). */
export function weightsFromNeighbours(neighbours: readonly (readonly number[])[]): Weights {
  const n = neighbours.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + neighbours[i].length;
  const indices = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    const sorted = [...neighbours[i]].sort((a, b) => a - b);
    sorted.forEach((j, k) => {
      if (j === i || j < 0 || j >= n) throw new RangeError(`Invalid neighbour ${j} of ${i}`);
      indices[offsets[i] + k] = j;
    });
  }
  return { n, offsets, indices, values: new Float64Array(indices.length).fill(1), rowStandardised: false };
}

/** Row-standardised copy: each neighbour of i weighs 1 / (number of neighbours of i). */
export function rowStandardise(weights: Weights): Weights {
  const values = new Float64Array(weights.values.length);
  for (let i = 0; i < weights.n; i++) {
    const start = weights.offsets[i];
    const end = weights.offsets[i + 1];
    let sum = 0;
    for (let k = start; k < end; k++) sum += weights.values[k];
    for (let k = start; k < end; k++) values[k] = sum > 0 ? weights.values[k] / sum : 0;
  }
  return { ...weights, values, rowStandardised: true };
}

/** Number of neighbours of each observation (0 = island). */
export function cardinalities(weights: Weights): Int32Array {
  const out = new Int32Array(weights.n);
  for (let i = 0; i < weights.n; i++) out[i] = weights.offsets[i + 1] - weights.offsets[i];
  return out;
}
