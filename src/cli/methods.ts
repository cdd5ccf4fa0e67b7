/**
 * The analysis methods of `peta-kantong analyze`, each as: run the src/analysis function on the
 * kelurahan that have a value, then lay its result out as output columns, a summary line and the
 * settings that reproduce it. No statistics are computed here: a local method runs the app
 * worker's own runLocal, in this thread or across worker_threads (src/workers/local-threads.ts).
 */
import { availableParallelism } from 'node:os';
import { moranI, permutationPower, type Correction, type HotSpotBasis } from '../analysis/autocorrelation';
import { LOCAL_METHODS, localMethod, type LocalMethod } from '../analysis/methods';
import { classIndex, classify, type Scheme } from '../analysis/classify';
import { idOrder, weightsInOrder } from '../analysis/observation-order';
import { rowStandardise, islands, type Weights } from '../analysis/weights';
import { runLocalInThreads, type LocalInput } from '../workers/local-threads';
import type { OutputRow } from './io';

/** Global Moran's I, the registry's local methods (src/analysis/methods) and classification. */
export const METHODS: readonly string[] = ['moran', ...LOCAL_METHODS.map((m) => m.id), 'classify'];
export type Method = string;

/** Settings of a run (only those of the chosen method are used). */
export interface MethodSettings {
  permutations: number;
  seed: number;
  alpha: number;
  correction: Correction;
  basis: HotSpotBasis;
  scheme: Scheme;
  classes: number;
  breaks?: number[];
}

/** A method's answer for the kelurahan analysed (index k = k-th kept kelurahan). */
export interface MethodResult {
  /** Columns per analysed kelurahan, after kode, nama and value. */
  rows: OutputRow[];
  /** The same columns for a kelurahan without a value. */
  empty: OutputRow;
  /** Settings and results for the JSON / GeoJSON top level. */
  extra: Record<string, unknown>;
  /** Moran only: the one-row summary written to CSV. */
  summaryRow?: OutputRow;
  /** What stdout says after "method on n kelurahan". */
  summary: string;
  /** Things the user should know (e.g. unreachable cut-offs), for stderr. */
  warnings: string[];
}

/**
 * Where a local method's permutations run. The result does not depend on it: every observation
 * draws from its own seeded stream, as in the app's workers (src/workers/local-parallel.ts).
 */
export interface Execution {
  /** worker_threads to split across; 0 = this thread. Methods without permutations always run here. */
  threads: number;
  /** Fraction of the permutations done, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Neighbour draws (permutations x (links + observations)) below which a run takes about a second
 * of one core or less (37 ns a draw, src/analysis/permutation-split.ts): starting threads, each
 * loading the TypeScript sources, would cost more than they save.
 */
export const THREADED_DRAWS = 3e7;

/** The default threads of a local method: one per core for a long run, none (this thread) for a short one. */
export function defaultThreads(weights: Weights, permutations: number): number {
  return permutations * (weights.offsets[weights.n] + weights.n) < THREADED_DRAWS ? 0 : availableParallelism();
}

/** Label written for a kelurahan left out for want of a value. */
export const NO_DATA = 'No data';

/** A number cell: NaN and infinities (undefined statistics) become empty. */
const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

function count(labels: readonly string[], order: readonly string[]): string {
  return order.map((label) => `${label} ${labels.filter((l) => l === label).length}`).join(', ');
}

/**
 * Runs `method` on the values `x` of the analysed kelurahan, with binary weights among them.
 * With `ids` (the kelurahan codes, in the order of x) the method runs in code order and its rows
 * come back in the order of x, as the app's worker runs it (src/workers/analysis-tasks.ts): the
 * pseudo p-values then depend on the data, not on the order of the boundary file.
 */
export async function runMethod(
  method: Method,
  x: Float64Array,
  weights: Weights | null,
  s: MethodSettings,
  ids: readonly string[],
  y: Float64Array | null = null,
  yearly: Yearly | null = null,
  execution: Execution = { threads: 0 },
): Promise<MethodResult> {
  if (ids.length !== x.length) throw new RangeError(`ids: ${ids.length} codes for ${x.length} values`);
  // runLocal orders by code itself, as it does in the app's worker.
  if (method !== 'classify' && method !== 'moran') return runLocalMethod(localMethod(method), x, y, weights!, s, ids, yearly, execution);
  const order = idOrder(ids);
  const inOrder = (v: Float64Array) => Float64Array.from(order, (i) => v[i]);
  const sorted = inOrder(x);
  const result = method === 'classify' ? runClassify(sorted, s) : runMoran(sorted, weightsInOrder(weights!, order), s);
  const rows = new Array<OutputRow>(order.length);
  order.forEach((i, k) => (rows[i] = result.rows[k]));
  return { ...result, rows };
}

/** A yearly method's values (src/analysis/methods/types.ts `yearly`): one array per year, oldest first, in the order of x. */
export interface Yearly {
  years: number[];
  values: Float64Array[];
}

/** A warning when no pseudo p-value can reach `cutoff` with the permutations asked for. */
function powerWarning(cutoff: number, permutations: number, what: string): string | null {
  const power = permutationPower(cutoff, permutations);
  if (power.reachable) return null;
  const fix = power.requiredWithinLimit
    ? `use --permutations ${power.requiredPermutations} or more`
    : `that needs ${power.requiredPermutations} permutations, beyond the limit of 99999`;
  return `with ${permutations} permutations the smallest pseudo p-value is ${power.smallestP.toPrecision(3)}, above ${what} ${cutoff.toPrecision(3)}: no kelurahan can reach it; ${fix}`;
}

/** What a pseudo p cut-off is called in a warning. */
function cutoffName(s: MethodSettings, tests: number, confidence?: number): string {
  if (confidence !== undefined) return `the ${confidence}% cut-off (pseudo p)`;
  if (s.correction === 'none') return 'the cut-off';
  return s.correction === 'bonferroni' ? `the Bonferroni cut-off ${s.alpha}/${tests} =` : `the first FDR step ${s.alpha}/${tests} =`;
}

/**
 * A local method of the registry, run as the app's worker runs it (runLocal, given the binary
 * weights among the kelurahan analysed, every value finite): its columns, its categories in words,
 * its settings.
 */
async function runLocalMethod(
  method: LocalMethod,
  x: Float64Array,
  y: Float64Array | null,
  weights: Weights,
  s: MethodSettings,
  ids: readonly string[],
  yearly: Yearly | null,
  execution: Execution,
): Promise<MethodResult> {
  const warnings: string[] = [];
  const tests = weights.n - islands(weights).length;
  const options = { alpha: s.alpha, correction: s.correction, basis: s.basis };
  const needed = method.neededCutoffs(options, tests);
  if (needed.length > 0 && s.permutations === 0) warnings.push('--permutations 0: no pseudo p-values, so no kelurahan is significant');
  else {
    for (const { cutoff, confidence } of needed) {
      const warning = powerWarning(cutoff, s.permutations, cutoffName(s, tests, confidence));
      if (!warning) continue;
      warnings.push(s.correction === 'fdr' && confidence === undefined ? warning.replace('no kelurahan can reach it', 'the FDR cut-off may be out of reach') : warning);
    }
  }
  const permutes = method.permutes !== false && s.permutations > 0;
  const input: LocalInput = {
    method: method.id,
    values: x,
    values2: y ?? undefined,
    yearly: yearly?.values,
    years: yearly?.years,
    ids,
    offsets: weights.offsets,
    indices: weights.indices,
    permutations: s.permutations,
    seed: s.seed,
    globalMoran: false,
  };
  const r = await runLocalInThreads(input, permutes ? execution.threads : 0, execution.onProgress);
  const classified = method.classify(r, options);
  const words = new Map(method.categories.map((c) => [c.code, c.words]));
  const labels = Array.from(classified.codes, (code) => words.get(code)!);
  // A yearly method's statistic per year, as z_2021 … z_2025.
  const perYear = (k: number) => Object.fromEntries((r.series ?? []).map((z, t) => [`z_${yearly!.years[t]}`, num(z[k])]));
  const categoryColumn = method.categoryColumn ?? 'cluster';
  const rows = labels.map((cluster, k) => ({
    ...Object.fromEntries(method.columns.map(([name, field]) => [name, num(r[field][k])])),
    ...perYear(k),
    [categoryColumn]: cluster,
    neighbours: r.neighbourCount[k],
  }));
  const significance = method.options.includes('alpha') ? { alpha: s.alpha, correction: s.correction, cutoff: classified.cutoff } : { correction: s.correction };
  return {
    rows,
    empty: {
      ...Object.fromEntries(method.columns.map(([name]) => [name, null])),
      ...Object.fromEntries((yearly?.years ?? []).map((year) => [`z_${year}`, null])),
      [categoryColumn]: NO_DATA,
      neighbours: null,
    },
    extra: {
      ...method.cliExtra?.(options),
      // A method without permutations (emerging hot spots) draws none, whatever was asked.
      permutations: method.permutes === false ? 0 : r.permutations,
      seed: r.seed,
      // runLocal's conditional permutations, as GeoDa and spdep draw them.
      sampling: 'without-replacement',
      ...significance,
      ...classified.extra,
      ...(yearly ? { years: yearly.years } : {}),
      weights_style: method.weightsStyle,
    },
    summary: `${method.options.includes('alpha') ? `p <= ${classified.cutoff.toPrecision(3)}: ` : ''}${count(
      labels,
      method.categories.map((c) => c.words),
    )}`,
    warnings,
  };
}

function runMoran(x: Float64Array, weights: Weights, s: MethodSettings): MethodResult {
  const warnings: string[] = [];
  if (s.permutations > 0) {
    const warning = powerWarning(0.05, s.permutations, 'the usual cut-off');
    if (warning) warnings.push(warning);
  }
  // Row-standardised, as GeoDa and spdep's nb2listw default (style "W").
  const m = moranI(x, rowStandardise(weights), { permutations: s.permutations, seed: s.seed });
  const summaryRow: OutputRow = {
    I: m.I,
    expectation: m.expectation,
    variance: m.variance,
    z: m.zScore,
    p_normal: m.pGreater,
    p_normal_two_sided: m.pTwoSided,
    p_permutation: m.permutation ? m.permutation.pGreater : null,
    permutations: s.permutations,
    seed: s.seed,
    n: m.n,
    islands: m.islands,
  };
  const rows = Array.from(m.scatter.value, (z, k) => ({ z: num(z), lag: num(m.scatter.lag[k]) }));
  const pPerm = m.permutation ? `, p = ${m.permutation.pGreater.toPrecision(3)} with ${s.permutations} permutations (seed ${s.seed})` : '';
  return {
    rows,
    empty: { z: null, lag: null },
    extra: { moran: summaryRow, permutation: m.permutation, weights_style: 'row-standardised' },
    summaryRow,
    summary: `I = ${m.I.toPrecision(4)}, E[I] = ${m.expectation.toPrecision(3)}, z = ${m.zScore.toPrecision(4)}, p = ${m.pGreater.toPrecision(3)} (normal, I > E[I])${pPerm}`,
    warnings,
  };
}

function runClassify(x: Float64Array, s: MethodSettings): MethodResult {
  const c = classify(x, { scheme: s.scheme, classes: s.classes, breaks: s.breaks });
  const rows = Array.from(x, (v) => {
    const k = classIndex(v, c.breaks);
    return { class: k + 1, lower: c.breaks[k], upper: c.breaks[k + 1] };
  });
  // JSON has no infinity: an open outer limit of an empty box or manual class is written as text.
  const breaks = c.breaks.map((b) => (Number.isFinite(b) ? b : String(b)));
  const extra: Record<string, unknown> = { scheme: s.scheme, breaks, counts: c.counts };
  if (s.scheme !== 'box' && s.scheme !== 'manual') extra.classes_requested = s.classes;
  if (c.kinds) extra.kinds = c.kinds;
  if (c.sdUnits) extra.sd_units = c.sdUnits;
  return {
    rows,
    empty: { class: null, lower: null, upper: null },
    extra,
    summary: `${s.scheme}, ${c.counts.length} classes, breaks ${c.breaks.map((b) => String(b)).join(' | ')}, counts ${c.counts.join(' ')}`,
    warnings: [],
  };
}
