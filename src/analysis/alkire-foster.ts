/**
 * Alkire-Foster multidimensional poverty (the method behind the global MPI): a household is
 * poor when its weighted deprivation score c_i reaches the cut-off k; then
 *   H  = q / n                       (headcount ratio: poor households over households),
 *   A  = sum over poor of c_i / q    (intensity: average score among the poor),
 *   M0 = H * A = sum_j w_j * CH_j    (adjusted headcount ratio),
 * where CH_j is the censored headcount ratio of indicator j (households poor AND deprived in j,
 * over n), and indicator j contributes w_j * CH_j / M0 (contributions sum to 1).
 *
 * Missing data: a household with any unknown indicator is left out of its group's figures and
 * counted as incomplete (`tidak lengkap`). OPHI reweights over the known indicators instead, but
 * that changes the measure household by household and hides how much is missing; excluding keeps
 * every figure comparable and the incomplete count tells the user how far to trust it.
 *
 * This is the reference implementation: the SQL in src/data/households.ts must agree with it.
 */
import { AnalysisError } from './errors';

/** Code of an unknown indicator value in a `Uint8Array` matrix (0 = not deprived, 1 = deprived). */
export const UNKNOWN = 255;

/**
 * Scores within this distance below k still count as poor. Weights like 1/6 + 1/6 add up to
 * 0.33333333333333331 or ...37 depending on order; the cut-off "score exactly k is poor" must not
 * depend on that. The SQL uses the same tolerance.
 */
export const SCORE_TOLERANCE = 1e-9;

/**
 * Deprivations of n households over d indicators: either a row-major `Uint8Array` of n * d cells
 * (0, 1, or UNKNOWN) with its shape, or one array per household of true (deprived), false (not)
 * and null (unknown).
 */
export type DeprivationMatrix = { readonly data: Uint8Array; readonly households: number; readonly indicators: number } | readonly (readonly (boolean | null)[])[];

export interface AlkireFosterOptions {
  /** One positive weight per indicator; normalised to sum 1 (so 1, 1, 1 means thirds). */
  weights: readonly number[];
  /** Poverty cut-off in (0, 1]: a household with c_i >= k is poor. */
  k: number;
}

/** Alkire-Foster figures of one group of households (e.g. one kelurahan). */
export interface AlkireFosterResult {
  /** All households of the group. */
  households: number;
  /** Households with every indicator known: the base n of every ratio below. */
  complete: number;
  /** Households with at least one unknown indicator (`tidak lengkap`), left out of the ratios. */
  incomplete: number;
  /** Multidimensionally poor households (q). */
  poor: number;
  /** Headcount ratio q / n; null when no household is complete. */
  h: number | null;
  /** Intensity: mean score of the poor; 0 when nobody is poor (by definition); null when n = 0. */
  a: number | null;
  /** Adjusted headcount ratio H * A; null when n = 0. */
  m0: number | null;
  /** Uncensored headcount ratio per indicator (deprived in j, over n); null entries when n = 0. */
  headcount: (number | null)[];
  /** Censored headcount ratio per indicator (poor and deprived in j, over n); null entries when n = 0. */
  censoredHeadcount: (number | null)[];
  /** Share of M0 due to each indicator, w_j * CH_j / M0; null entries when M0 = 0 or n = 0. */
  contributions: (number | null)[];
}

/**
 * Weights scaled to sum 1. Each must be finite and positive (an indicator that should not count
 * is left out, not weighted 0, so that "deprived in it" never silently means nothing).
 * @throws AnalysisError `weights_invalid` for an empty list or a weight that is not > 0
 */
export function normaliseWeights(weights: readonly number[]): number[] {
  if (weights.length === 0) throw new AnalysisError('weights_invalid', 'at least one indicator weight is needed');
  for (const w of weights) {
    if (!Number.isFinite(w) || w <= 0) throw new AnalysisError('weights_invalid', `weights must be positive numbers, got ${w}`);
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

/** Checks the cut-off; k must lie in (0, 1]. */
function checkK(k: number): void {
  if (!Number.isFinite(k) || k <= 0 || k > 1) throw new RangeError(`k must lie in (0, 1], got ${k}`);
}

/** The shape of a matrix (`emptyWidth` indicators when it has no rows) and a reader of its cells (1, 0, or -1 for unknown). */
function reader(matrix: DeprivationMatrix, emptyWidth: number): { n: number; d: number; cell: (i: number, j: number) => number } {
  if (Array.isArray(matrix)) {
    const rows = matrix as readonly (readonly (boolean | null)[])[];
    // An empty list of rows has no width of its own: take the one the weights give.
    const d = rows.length > 0 ? rows[0].length : emptyWidth;
    for (const row of rows) {
      if (row.length !== d) throw new AnalysisError('lengths_differ', 'every household needs the same number of indicators');
    }
    return { n: rows.length, d, cell: (i, j) => (rows[i][j] === null ? -1 : rows[i][j] ? 1 : 0) };
  }
  const { data, households, indicators } = matrix as Exclude<DeprivationMatrix, readonly unknown[]>;
  if (data.length !== households * indicators) {
    throw new AnalysisError('lengths_differ', `matrix has ${data.length} cells, expected ${households} x ${indicators}`);
  }
  return {
    n: households,
    d: indicators,
    cell: (i, j) => {
      const v = data[i * indicators + j];
      if (v === UNKNOWN) return -1;
      if (v > 1) throw new RangeError(`cell (${i}, ${j}) is ${v}; use 0, 1 or UNKNOWN`);
      return v;
    },
  };
}

/** Running sums of one group. */
interface Tally {
  households: number;
  complete: number;
  poor: number;
  scoreOfPoor: number;
  deprived: number[];
  censored: number[];
}

function emptyTally(d: number): Tally {
  return { households: 0, complete: 0, poor: 0, scoreOfPoor: 0, deprived: new Array(d).fill(0), censored: new Array(d).fill(0) };
}

function finish(t: Tally, w: readonly number[]): AlkireFosterResult {
  const n = t.complete;
  const d = w.length;
  const base = { households: t.households, complete: n, incomplete: t.households - n, poor: t.poor };
  if (n === 0) {
    const nulls = new Array<null>(d).fill(null);
    return { ...base, h: null, a: null, m0: null, headcount: nulls, censoredHeadcount: [...nulls], contributions: [...nulls] };
  }
  const h = t.poor / n;
  const a = t.poor > 0 ? t.scoreOfPoor / t.poor : 0;
  const censoredHeadcount = t.censored.map((c) => c / n);
  // M0 from the censored headcounts (not h * a) so that contributions sum to 1 exactly in floating point terms.
  const m0 = censoredHeadcount.reduce((s, ch, j) => s + w[j] * ch, 0);
  return {
    ...base,
    h,
    a,
    m0,
    headcount: t.deprived.map((c) => c / n),
    censoredHeadcount,
    contributions: censoredHeadcount.map((ch, j) => (m0 > 0 ? (w[j] * ch) / m0 : null)),
  };
}

/**
 * Alkire-Foster figures per group.
 * @param matrix deprivations, one row per household
 * @param groups the group of each household (e.g. its kelurahan kode); households with a null
 *   group are skipped
 * @param options weights (normalised here) and cut-off k
 * @returns one result per group, in order of first appearance
 * @throws AnalysisError for invalid weights or a matrix and groups of different lengths
 */
export function alkireFosterByGroup<G>(matrix: DeprivationMatrix, groups: readonly (G | null)[], options: AlkireFosterOptions): Map<G, AlkireFosterResult> {
  checkK(options.k);
  const { n, d, cell } = reader(matrix, options.weights.length);
  if (groups.length !== n) throw new AnalysisError('lengths_differ', `${groups.length} groups for ${n} households`);
  if (options.weights.length !== d) {
    throw new AnalysisError('weights_invalid', `${options.weights.length} weights for ${d} indicators`);
  }
  const w = normaliseWeights(options.weights);
  const tallies = new Map<G, Tally>();
  const deprivedIn: number[] = new Array(d);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g === null) continue;
    let t = tallies.get(g);
    if (!t) tallies.set(g, (t = emptyTally(d)));
    t.households++;
    let score = 0;
    let known = true;
    for (let j = 0; j < d; j++) {
      const v = cell(i, j);
      if (v < 0) known = false;
      deprivedIn[j] = v;
      if (v === 1) score += w[j];
    }
    if (!known) continue;
    t.complete++;
    const poor = score >= options.k - SCORE_TOLERANCE;
    if (poor) {
      t.poor++;
      t.scoreOfPoor += score;
    }
    for (let j = 0; j < d; j++) {
      if (deprivedIn[j] !== 1) continue;
      t.deprived[j]++;
      if (poor) t.censored[j]++;
    }
  }
  const results = new Map<G, AlkireFosterResult>();
  for (const [g, t] of tallies) results.set(g, finish(t, w));
  return results;
}

/** Alkire-Foster figures of all households taken as one group. */
export function alkireFoster(matrix: DeprivationMatrix, options: AlkireFosterOptions): AlkireFosterResult {
  const { n } = reader(matrix, options.weights.length);
  const result = alkireFosterByGroup(matrix, new Array<number>(n).fill(0), options).get(0);
  if (result) return result;
  // No household at all (the map above is then empty): still validate k and the weights.
  checkK(options.k);
  return finish(emptyTally(options.weights.length), normaliseWeights(options.weights));
}
