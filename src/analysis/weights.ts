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

/**
 * Symmetric binary weights from unordered pairs (i[k], j[k]), each pair listed once, with a
 * value per pair (e.g. a shared boundary length) returned at the same positions as
 * `weights.indices`. Pairs for which `keep(k)` is false are left out. Rows come out sorted by
 * neighbour index, as {@link Weights} requires.
 */
export function weightsFromPairs(
  n: number,
  i: Int32Array,
  j: Int32Array,
  value: Float64Array,
  keep: (k: number) => boolean = () => true,
): { weights: Weights; values: Float64Array } {
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < i.length; k++) {
    if (i[k] === j[k] || i[k] < 0 || j[k] < 0 || i[k] >= n || j[k] >= n) {
      throw new RangeError(`Invalid pair ${i[k]}-${j[k]} for ${n} observations`);
    }
    if (!keep(k)) continue;
    offsets[i[k] + 1]++;
    offsets[j[k] + 1]++;
  }
  for (let r = 0; r < n; r++) offsets[r + 1] += offsets[r];
  const fill = offsets.slice(0, n);
  const indices = new Int32Array(offsets[n]);
  const vals = new Float64Array(offsets[n]);
  for (let k = 0; k < i.length; k++) {
    if (!keep(k)) continue;
    indices[fill[i[k]]] = j[k];
    vals[fill[i[k]]++] = value[k];
    indices[fill[j[k]]] = i[k];
    vals[fill[j[k]]++] = value[k];
  }
  for (let r = 0; r < n; r++) {
    const start = offsets[r];
    const end = offsets[r + 1];
    if (end - start < 2) continue;
    const order = Array.from({ length: end - start }, (_, q) => start + q).sort((p, q) => indices[p] - indices[q]);
    const idx = order.map((p) => indices[p]);
    const v = order.map((p) => vals[p]);
    indices.set(idx, start);
    vals.set(v, start);
  }
  const weights: Weights = { n, offsets, indices, values: new Float64Array(indices.length).fill(1), rowStandardised: false };
  return { weights, values: vals };
}

/** Observations with no neighbour (islands, "isolates" in GeoDa), in increasing order. */
export function islands(weights: Weights): number[] {
  const out: number[] = [];
  for (let i = 0; i < weights.n; i++) if (weights.offsets[i + 1] === weights.offsets[i]) out.push(i);
  return out;
}
