/**
 * Turns local statistics into map categories: LISA clusters (GeoDa's codes and colours) or
 * hot and cold spots (ArcGIS's 90/95/99 % bins), with a legend row per category.
 */
import { GEODA_LISA_COLOURS, LisaCluster, lisaClusters } from '../analysis/local-moran';
import { hotSpots } from '../analysis/getis-ord';
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

/** GeoDa's LISA cluster map at a significance level (the core's lisaClusters), -1 where no value. */
export function lisaCategories(out: LocalOutput, alpha: number, correction: Correction): CategoryMap {
  const { cluster, cutoff } = lisaClusters(out, alpha, correction);
  const codes = Int8Array.from(cluster, (code, i) => (out.neighbourCount[i] < 0 ? -1 : code));
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
/** The row of kelurahan without neighbours (the core bins them 0, "not significant"). */
const ISLAND_BIN = 9;

/**
 * Hot and cold spots from Gi or Gi* as the core's hotSpots bins them (ArcGIS's 90/95/99 %),
 * with islands in their own category and -1 where there was no value.
 */
export function hotSpotCategories(out: LocalOutput, correction: Correction, basis: 'z' | 'permutation' = 'z'): CategoryMap {
  const spots = hotSpots(out, basis, correction);
  const rowOf = new Map(HOT_SPOT_ROWS.map((r, index) => [r.bin, index]));
  const codes = Int8Array.from(spots.bin, (bin, i) => {
    const k = out.neighbourCount[i];
    return k < 0 ? -1 : rowOf.get(k === 0 ? ISLAND_BIN : bin)!;
  });
  const rows = HOT_SPOT_ROWS.map((r, index) => ({ index, label: r.label, color: r.color, count: codes.filter((c) => c === index).length }));
  return { codes, rows, cutoff: spots.cutoffs[95] };
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
