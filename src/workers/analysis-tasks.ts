/**
 * What the analysis worker does, as plain functions (run in the worker by analysis.worker.ts,
 * tested directly in Node). Inputs and outputs are typed arrays so they cross the worker
 * boundary cheaply.
 */
import type { Geometry } from 'geojson';
import { contiguity } from '../analysis/contiguity';
import { polygonRings } from '../analysis/polygon-rings';
import { polygonCentroids } from '../analysis/centroids';
import { withKnnFallback } from '../analysis/knn-fallback';
import { islands as islandsOf, type Weights } from '../analysis/weights';
import { moranI } from '../analysis/autocorrelation';
import { localMethod } from '../analysis/methods';
import { rowStandardise } from '../analysis/weights';
import { idOrder, weightsInOrder } from '../analysis/observation-order';
import { permutationParts } from '../analysis/permutation-split';

export interface WeightsInput {
  geometries: (Geometry | null)[];
  rule: 'queen' | 'rook';
  toleranceMetres: number;
  /** Link each island to its nearest kelurahan (by centroid), both ways. */
  islandsToNearest?: boolean;
}

/** CSR weights as plain arrays (binary), and the observations without neighbours. */
export interface WeightsOutput {
  n: number;
  offsets: Int32Array;
  indices: Int32Array;
  islands: number[];
  /** Observations that were islands and got their nearest neighbour (empty unless asked). */
  linked: number[];
  /** Polygon centroids, lon/lat interleaved, for linking islands among the kelurahan with a value. */
  centroids: Float64Array;
}

export function buildWeights(input: WeightsInput): WeightsOutput {
  const rings = polygonRings(input.geometries);
  let { weights } = contiguity(rings, { rule: input.rule, toleranceMetres: input.toleranceMetres });
  let linked: number[] = [];
  const centroids = polygonCentroids(rings);
  if (input.islandsToNearest && islandsOf(weights).length > 0) {
    const fallback = withKnnFallback(weights, centroids, 1);
    weights = fallback.weights;
    linked = [...new Set(fallback.added.map((a) => a.from))];
  }
  return { n: weights.n, offsets: weights.offsets, indices: weights.indices, islands: islandsOf(weights), linked, centroids };
}

export interface LocalInput {
  /** Id of a local method of the registry (src/analysis/methods). */
  method: string;
  /** One value per observation, NaN where missing. */
  values: Float64Array;
  /** The second indicator of a bivariate method, NaN where missing (a kelurahan needs both). */
  values2?: Float64Array;
  /** A yearly method's values in every year (oldest first, NaN where missing; a kelurahan needs all). */
  yearly?: Float64Array[];
  /** The years of `yearly`. */
  years?: number[];
  /**
   * Kelurahan code of each observation. The analysis runs in code order, not in the boundary
   * file's, so the CLI (src/cli/methods.ts) gives the same p-values for the same data and seed.
   */
  ids: readonly string[];
  /**
   * Centroids (WeightsOutput.centroids) when islands are to be linked: a kelurahan left without
   * neighbours among those with a value then gets the nearest of them, as the CLI's --islands knn
   * does after leaving out the kelurahan without a value.
   */
  islandCentroids?: Float64Array;
  offsets: Int32Array;
  indices: Int32Array;
  permutations: number;
  seed: number;
  /**
   * Run only part `index` of `of` (local-parallel.ts): permutations for that part's observations
   * (pseudo p NaN elsewhere), the global Moran's I in part 0 only. Everything else is computed whole.
   */
  part?: { index: number; of: number };
  /**
   * False: leave out the global Moran's I (and its permutations) that a method with a Moran scatter
   * computes beside its local statistic. The CLI's local methods write no global Moran's I (its own
   * `--method moran` does), so its threads skip that work; the app leaves this unset.
   */
  globalMoran?: boolean;
}

/** Per observation (NaN where the value was missing): the statistic, its z-score and pseudo p. */
export interface LocalOutput {
  method: string;
  /** Number of observations (with or without a value). */
  n: number;
  /** LISA, Geary, bivariate: standardised value; Gi: the value. */
  value: Float64Array;
  /** Spatial lag of the standardised value (bivariate: of the second); Gi: NaN. */
  lag: Float64Array;
  /** I_i, C_i or G_i. */
  statistic: Float64Array;
  /** Expected statistic where the method's categories use it (Local Geary), else NaN. */
  expectation: Float64Array;
  /** Analytic z-score of the statistic (spdep localmoran Z.Ii, localG). */
  zScore: Float64Array;
  /** Two-sided analytic p-value. */
  pNormal: Float64Array;
  /** GeoDa's folded pseudo p-value from conditional permutations. */
  pseudoP: Float64Array;
  /** Neighbours with a value (0 = island, -1 = the observation itself had no value). */
  neighbourCount: Int32Array;
  missing: number;
  permutations: number;
  seed: number;
  /** Global Moran's I on row-standardised weights (methods with a Moran scatter), for its slope. */
  moran: GlobalMoran | null;
  /** A yearly method's statistic per year (NaN where missing) and the years. */
  series?: Float64Array[];
  years?: number[];
}

export interface GlobalMoran {
  I: number;
  expectation: number;
  zScore: number;
  /** Analytic p for positive autocorrelation (spdep moran.test). */
  pAnalytic: number;
  /** Permutation pseudo p of the observed tail (moran.mc / GeoDa). */
  pPermutation: number | null;
}

export function runLocal(input: LocalInput, progress: (fraction: number) => void = () => {}): LocalOutput {
  const method = localMethod(input.method);
  const n = input.values.length;
  const full: Weights = {
    n,
    offsets: input.offsets,
    indices: input.indices,
    values: new Float64Array(input.indices.length).fill(1),
    rowStandardised: false,
  };
  if (input.ids.length !== n) throw new RangeError(`ids: ${input.ids.length} codes for ${n} values`);
  if (method.secondVariable && input.values2?.length !== n) throw new RangeError(`${method.id} needs a second value per observation`);
  const yearly = method.yearly ? input.yearly : undefined;
  if (method.yearly && (!yearly || yearly.length < (method.minYears ?? 2) || yearly.some((v) => v.length !== n)))
    throw new RangeError(`${method.id} needs values of at least two years per observation`);
  const has = (i: number) =>
    Number.isFinite(input.values[i]) && (!method.secondVariable || Number.isFinite(input.values2![i])) && (!yearly || yearly.every((v) => Number.isFinite(v[i])));
  const withValue = Array.from(input.values, (_, i) => (has(i) ? i : -1)).filter((i) => i >= 0);
  const kept = idOrder(input.ids, withValue);
  let weights = weightsInOrder(full, kept);
  if (input.islandCentroids && kept.length > 1 && islandsOf(weights).length > 0) {
    const points = Float64Array.from({ length: 2 * kept.length }, (_, e) => input.islandCentroids![2 * kept[e >> 1] + (e & 1)]);
    // Rows in ascending order again, as the CLI's are after runMethod reorders its linked weights.
    weights = weightsInOrder(
      withKnnFallback(weights, points, 1).weights,
      Int32Array.from(kept, (_, k) => k),
    );
  }
  const x = Float64Array.from(kept, (i) => input.values[i]);
  const y = method.secondVariable ? Float64Array.from(kept, (i) => input.values2![i]) : null;
  const part = input.part;
  const globalMoran = method.moranScatter === true && input.globalMoran !== false;
  const bounds = part ? permutationParts(weights, part.of, globalMoran) : null;
  const options = {
    permutations: input.permutations,
    seed: input.seed,
    range: part && bounds ? { start: bounds[part.index], end: bounds[part.index + 1] } : undefined,
    onProgress: (done: number, total: number) => progress(total ? done / total : 1),
  };
  const out = emptyOutput(input, n);
  out.missing = n - kept.length;
  if (globalMoran && (!part || part.index === 0)) {
    const global = moranI(x, rowStandardise(weights), { permutations: input.permutations, seed: input.seed });
    out.moran = {
      I: global.I,
      expectation: global.expectation,
      zScore: global.zScore,
      pAnalytic: global.pGreater,
      pPermutation: global.permutation?.p ?? null,
    };
  }
  const r = method.compute(
    x,
    y,
    weights,
    options,
    yearly?.map((v) => Float64Array.from(kept, (i) => v[i])),
  );
  if (r.series) {
    out.series = r.series.map((z) => {
      const full = new Float64Array(n).fill(Number.NaN);
      kept.forEach((i, k) => (full[i] = z[k]));
      return full;
    });
    out.years = input.years;
  }
  kept.forEach((i, k) => {
    out.value[i] = r.value[k];
    out.lag[i] = r.lag[k];
    out.statistic[i] = r.statistic[k];
    out.expectation[i] = r.expectation ? r.expectation[k] : Number.NaN;
    out.zScore[i] = r.zScore[k];
    out.pNormal[i] = r.pNormal[k];
    out.pseudoP[i] = r.pseudoP[k];
    out.neighbourCount[i] = r.neighbourCount[k];
  });
  return out;
}

function emptyOutput(input: LocalInput, n: number): LocalOutput {
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return {
    method: input.method,
    n,
    value: nan(),
    lag: nan(),
    statistic: nan(),
    expectation: nan(),
    zScore: nan(),
    pNormal: nan(),
    pseudoP: nan(),
    neighbourCount: new Int32Array(n).fill(-1),
    missing: 0,
    permutations: input.permutations,
    seed: input.seed,
    moran: null,
  };
}

/** The worker's tasks: name -> [input, output]. */
export type AnalysisTasks = {
  weights: [WeightsInput, WeightsOutput];
  local: [LocalInput, LocalOutput];
};
