/** Summaries of repeated timings: median and spread, never a mean (a noisy machine skews means). */

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartile (linear interpolation, as R's default `quantile` type 7). */
  q1: number;
  q3: number;
}

/** Quantile `p` (0-1) of sorted values, R type 7. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** Median, quartiles and range of `values`; throws on an empty list (a measure that never ran). */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('no samples to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}
