/**
 * Turns a method's result into map categories: the method descriptor (src/analysis/methods)
 * says which category each kelurahan is in and what the legend row of each category is; this
 * adds the counts and marks the kelurahan without a value.
 */
import type { AnalysisMethod, LocalMethod, StatisticArrays } from '../analysis/methods';
import { quadrant } from '../analysis/methods/quadrant';
import { significanceCutoff, type Correction } from '../analysis/significance';
import type { MessageKey } from '../i18n';

export interface CategoryRow {
  /** Category code as stored in feature-state. */
  index: number;
  label: MessageKey;
  color: string;
  count: number;
}

export interface CategoryMap {
  /** Category code per observation; -1 where the observation had no value. */
  codes: Int8Array;
  rows: CategoryRow[];
  /** The p-value cut-off applied (for hot spots the 95 % one; NaN for quadrants). */
  cutoff: number;
}

function withRows(method: AnalysisMethod, codes: Int8Array, cutoff: number): CategoryMap {
  const rows = method.categories.map((c) => ({
    index: c.code,
    label: c.label as MessageKey,
    color: c.color,
    count: codes.filter((k) => k === c.code).length,
  }));
  return { codes, rows, cutoff };
}

/** A local method's categories at a significance level and correction; -1 where there was no value. */
export function localCategories(method: LocalMethod, out: StatisticArrays, alpha: number, correction: Correction): CategoryMap {
  const { codes, cutoff } = method.classify(out, { alpha, correction });
  return withRows(
    method,
    Int8Array.from(codes, (code, i) => (out.neighbourCount[i] < 0 ? -1 : code)),
    cutoff,
  );
}

/** TKPK quadrant priorities (1-4 from tkpkQuadrants; 0 = missing) as map categories 0-3. */
export function quadrantCategories(priorities: Int8Array): CategoryMap {
  return withRows(
    quadrant,
    Int8Array.from(priorities, (p) => (p >= 1 && p <= 4 ? p - 1 : -1)),
    Number.NaN,
  );
}

/** Cut-off for finite p-values of observations that have neighbours (islands are not tests). */
function cutoffFor(out: StatisticArrays, p: Float64Array, alpha: number, correction: Correction): number {
  const tested = Float64Array.from(p.filter((_, i) => out.neighbourCount[i] > 0));
  return significanceCutoff(tested, alpha, correction);
}

/** How many observations are significant at each level and correction: the sensitivity view. */
export function sensitivity(out: StatisticArrays, p: Float64Array, alphas: readonly number[], corrections: readonly Correction[]) {
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
