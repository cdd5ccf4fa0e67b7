/**
 * Turns local statistics into map categories: LISA clusters (GeoDa's codes and colours) or
 * hot and cold spots (ArcGIS's 90/95/99 % bins), with a legend row per category.
 */
import { GEODA_LISA_COLOURS, LisaCluster, quadrant } from '../analysis/local-moran';
import { HOT_SPOT_LEVELS } from '../analysis/getis-ord';
import { significanceCutoff, type Correction } from '../analysis/significance';
import type { LocalOutput } from '../workers/analysis-tasks';
import type { MessageKey } from '../i18n';

export interface CategoryRow {
  /** Category index as stored in feature-state. */
  index: number;
  label: MessageKey;
  color: string;
  count: number;
}

export interface CategoryMap {
  /** Category index per observation; -1 where the observation had no value. */
  codes: Int8Array;
  rows: CategoryRow[];
  /** The p-value cut-off applied (for LISA; the 95 % cut-off for hot spots). */
  cutoff: number;
}

const LISA_LABELS: Record<number, MessageKey> = {
  [LisaCluster.HighHigh]: 'cluster.hh',
  [LisaCluster.LowLow]: 'cluster.ll',
  [LisaCluster.LowHigh]: 'cluster.lh',
  [LisaCluster.HighLow]: 'cluster.hl',
  [LisaCluster.NotSignificant]: 'cluster.ns',
  [LisaCluster.Isolated]: 'cluster.isolated',
};
const LISA_ORDER = [LisaCluster.HighHigh, LisaCluster.LowLow, LisaCluster.LowHigh, LisaCluster.HighLow, LisaCluster.NotSignificant, LisaCluster.Isolated];

/** Cut-off for finite p-values of observations that have neighbours (islands are not tests). */
function cutoffFor(out: LocalOutput, p: Float64Array, alpha: number, correction: Correction): number {
  const tested = Float64Array.from(p.filter((_, i) => out.neighbourCount[i] > 0));
  return significanceCutoff(tested, alpha, correction);
}

/** GeoDa's LISA cluster map at a significance level. */
export function lisaCategories(out: LocalOutput, alpha: number, correction: Correction): CategoryMap {
  const cutoff = cutoffFor(out, out.pseudoP, alpha, correction);
  const codes = new Int8Array(out.value.length);
  for (let i = 0; i < codes.length; i++) {
    const k = out.neighbourCount[i];
    if (k < 0) codes[i] = -1;
    else if (k === 0) codes[i] = LisaCluster.Isolated;
    else codes[i] = out.pseudoP[i] <= cutoff ? quadrant(out.value[i], out.lag[i]) : LisaCluster.NotSignificant;
  }
  const rows = LISA_ORDER.map((index) => ({
    index, label: LISA_LABELS[index], color: GEODA_LISA_COLOURS[index], count: codes.filter((c) => c === index).length,
  }));
  return { codes, rows, cutoff };
}

/** Hot and cold spot colours, hot strongest first (ColorBrewer RdBu ends, colour-blind safe). */
const HOT_SPOT_ROWS: { bin: number; label: MessageKey; color: string }[] = [
  { bin: 3, label: 'hotspot.hot99', color: '#b2182b' },
  { bin: 2, label: 'hotspot.hot95', color: '#ef8a62' },
  { bin: 1, label: 'hotspot.hot90', color: '#fddbc7' },
  { bin: 0, label: 'hotspot.ns', color: '#f0f0f0' },
  { bin: -1, label: 'hotspot.cold90', color: '#d1e5f0' },
  { bin: -2, label: 'hotspot.cold95', color: '#67a9cf' },
  { bin: -3, label: 'hotspot.cold99', color: '#2166ac' },
  { bin: 9, label: 'cluster.isolated', color: '#8c8c8c' },
];

/**
 * Hot and cold spots from Gi or Gi*: confidence c needs a two-sided p at or below 1 - c, from
 * the analytic z-score (ArcGIS, spdep) or, with basis 'permutation', twice the folded pseudo p.
 */
export function hotSpotCategories(out: LocalOutput, correction: Correction, basis: 'z' | 'permutation' = 'z'): CategoryMap {
  const n = out.value.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = basis === 'z' ? out.pNormal[i] : Math.min(1, 2 * out.pseudoP[i]);
  const cutoffs = new Map(HOT_SPOT_LEVELS.map((level) => [level.confidence, cutoffFor(out, p, level.alpha, correction)]));
  const codes = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const k = out.neighbourCount[i];
    let bin = 0;
    if (k < 0) {
      codes[i] = -1;
      continue;
    }
    if (k === 0) bin = 9;
    else if (p[i] <= cutoffs.get(99)!) bin = 3;
    else if (p[i] <= cutoffs.get(95)!) bin = 2;
    else if (p[i] <= cutoffs.get(90)!) bin = 1;
    if (bin !== 9 && out.zScore[i] < 0) bin = -bin;
    codes[i] = HOT_SPOT_ROWS.findIndex((r) => r.bin === bin);
  }
  const rows = HOT_SPOT_ROWS.map((r, index) => ({ index, label: r.label, color: r.color, count: codes.filter((c) => c === index).length }));
  return { codes, rows, cutoff: cutoffs.get(95)! };
}

const QUADRANT_ROWS: { label: MessageKey; color: string }[] = [
  { label: 'quadrant.p1', color: '#d7191c' },
  { label: 'quadrant.p2', color: '#fdae61' },
  { label: 'quadrant.p3', color: '#fee08b' },
  { label: 'quadrant.p4', color: '#abd9e9' },
];

/** TKPK quadrant priorities (1-4 from tkpkQuadrants; 0 = missing) as map categories 0-3. */
export function quadrantCategories(priorities: Int8Array): CategoryMap {
  const codes = Int8Array.from(priorities, (p) => (p >= 1 && p <= 4 ? p - 1 : -1));
  const rows = QUADRANT_ROWS.map((r, index) => ({ index, label: r.label, color: r.color, count: codes.filter((c) => c === index).length }));
  return { codes, rows, cutoff: Number.NaN };
}

/** How many observations are significant at each level and correction: the sensitivity view. */
export function sensitivity(out: LocalOutput, p: Float64Array, alphas: readonly number[], corrections: readonly Correction[]) {
  return alphas.map((alpha) => ({
    alpha,
    counts: corrections.map((correction) => {
      const cutoff = cutoffFor(out, p, alpha, correction);
      let count = 0;
      for (let i = 0; i < p.length; i++) if (out.neighbourCount[i] > 0 && p[i] <= cutoff) count++;
      return count;
    }),
  }));
}
