/**
 * The analysis methods of `peta-kantong analyze`, each as: run the src/analysis function on the
 * kelurahan that have a value, then lay its result out as output columns, a summary line and the
 * settings that reproduce it. No statistics are computed here.
 */
import {
  getisOrd, hotSpots, LisaCluster, lisaClusters, localMoran, moranI, permutationPower, strictestCutoff, HOT_SPOT_LEVELS,
  type Correction, type HotSpotBasis,
} from '../analysis/autocorrelation';
import { classIndex, classify, type Scheme } from '../analysis/classify';
import { idOrder, weightsInOrder } from '../analysis/observation-order';
import { rowStandardise, islands, type Weights } from '../analysis/weights';
import type { OutputRow } from './io';

export const METHODS = ['moran', 'lisa', 'gistar', 'gi', 'classify'] as const;
export type Method = (typeof METHODS)[number];

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

/** LISA cluster names, by {@link LisaCluster} code. */
export const LISA_LABELS: Record<number, string> = {
  [LisaCluster.NotSignificant]: 'Not significant',
  [LisaCluster.HighHigh]: 'High-High',
  [LisaCluster.LowLow]: 'Low-Low',
  [LisaCluster.LowHigh]: 'Low-High',
  [LisaCluster.HighLow]: 'High-Low',
  [LisaCluster.Isolated]: 'Isolated',
};

/** Hot and cold spot names, by ArcGIS's Gi_Bin. */
export function hotSpotLabel(bin: number): string {
  if (bin === 0) return 'Not significant';
  const confidence = [0, 90, 95, 99][Math.abs(bin)];
  return `${bin > 0 ? 'Hot' : 'Cold'} spot ${confidence}%`;
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
export function runMethod(method: Method, x: Float64Array, weights: Weights | null, s: MethodSettings, ids: readonly string[]): MethodResult {
  if (ids.length !== x.length) throw new RangeError(`ids: ${ids.length} codes for ${x.length} values`);
  const order = idOrder(ids);
  const result = runInGivenOrder(method, Float64Array.from(order, (i) => x[i]), weights && weightsInOrder(weights, order), s);
  const rows = new Array<OutputRow>(order.length);
  order.forEach((i, k) => (rows[i] = result.rows[k]));
  return { ...result, rows };
}

function runInGivenOrder(method: Method, x: Float64Array, weights: Weights | null, s: MethodSettings): MethodResult {
  switch (method) {
    case 'classify':
      return runClassify(x, s);
    case 'moran':
      return runMoran(x, weights!, s);
    case 'lisa':
      return runLisa(x, weights!, s);
    case 'gi':
    case 'gistar':
      return runGetisOrd(x, weights!, s, method === 'gistar');
  }
}

function permutationSettings(s: MethodSettings) {
  return { permutations: s.permutations, seed: s.seed, sampling: 'without-replacement' as const };
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

function runLisa(x: Float64Array, weights: Weights, s: MethodSettings): MethodResult {
  const warnings: string[] = [];
  const tests = weights.n - islands(weights).length;
  if (s.permutations === 0) warnings.push('--permutations 0: no pseudo p-values, so no kelurahan is significant');
  else {
    const cutoff = strictestCutoff(s.alpha, s.correction, tests);
    const what = s.correction === 'none' ? 'the cut-off' : s.correction === 'bonferroni' ? `the Bonferroni cut-off ${s.alpha}/${tests} =` : `the first FDR step ${s.alpha}/${tests} =`;
    const warning = powerWarning(cutoff, s.permutations, what);
    if (warning) warnings.push(s.correction === 'fdr' ? warning.replace('no kelurahan can reach it', 'the FDR cut-off may be out of reach') : warning);
  }
  const r = localMoran(x, weights, permutationSettings(s));
  const clusters = lisaClusters(r, s.alpha, s.correction);
  const labels = Array.from(clusters.cluster, (c) => LISA_LABELS[c]);
  const rows = labels.map((cluster, k) => ({
    I: num(r.I[k]), lag: num(r.lag[k]), z: num(r.value[k]), p: num(r.pseudoP[k]), cluster, neighbours: r.neighbourCount[k],
  }));
  const order = ['High-High', 'Low-Low', 'Low-High', 'High-Low', 'Not significant', 'Isolated'];
  return {
    rows,
    empty: { I: null, lag: null, z: null, p: null, cluster: NO_DATA, neighbours: null },
    extra: {
      permutations: r.permutations, seed: r.seed, sampling: r.sampling, alpha: s.alpha, correction: s.correction, cutoff: clusters.cutoff,
      weights_style: 'row-standardised',
    },
    summary: `p <= ${clusters.cutoff.toPrecision(3)}: ${count(labels, order)}`,
    warnings,
  };
}

function runGetisOrd(x: Float64Array, weights: Weights, s: MethodSettings, star: boolean): MethodResult {
  const warnings: string[] = [];
  const tests = weights.n - islands(weights).length;
  if (s.basis === 'permutation') {
    // A confidence c needs twice the folded pseudo p at or below 1 - c (getis-ord.ts hotSpots).
    for (const level of HOT_SPOT_LEVELS) {
      const cutoff = strictestCutoff(level.alpha, s.correction, tests) / 2;
      const warning = powerWarning(cutoff, s.permutations, `the ${level.confidence}% cut-off (pseudo p)`);
      if (warning) warnings.push(warning);
    }
  }
  const r = getisOrd(x, weights, { ...permutationSettings(s), star });
  const spots = hotSpots(r, s.basis, s.correction);
  const labels = Array.from(spots.bin, (bin, k) => (r.neighbourCount[k] === 0 ? 'Isolated' : hotSpotLabel(bin)));
  const rows = labels.map((cluster, k) => ({
    G: num(r.G[k]), z: num(r.zScore[k]), p: num(r.pseudoP[k]), p_normal: num(r.pNormal[k]), cluster, neighbours: r.neighbourCount[k],
  }));
  const order = [3, 2, 1, -1, -2, -3, 0].map(hotSpotLabel).concat('Isolated');
  return {
    rows,
    empty: { G: null, z: null, p: null, p_normal: null, cluster: NO_DATA, neighbours: null },
    extra: {
      statistic: star ? 'Gi*' : 'Gi', permutations: r.permutations, seed: r.seed, sampling: r.sampling, basis: s.basis,
      correction: s.correction, cutoffs: spots.cutoffs, weights_style: 'binary',
    },
    summary: count(labels, order),
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
    I: m.I, expectation: m.expectation, variance: m.variance, z: m.zScore, p_normal: m.pGreater, p_normal_two_sided: m.pTwoSided,
    p_permutation: m.permutation ? m.permutation.pGreater : null, permutations: s.permutations, seed: s.seed, n: m.n, islands: m.islands,
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
