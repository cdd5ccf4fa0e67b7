/**
 * Classifying values into colour classes for a choropleth. Breaks follow R classInt so that a
 * planner can reproduce a map in R or GeoDa: `breaks` holds k + 1 values from the minimum to
 * the maximum, and a value v is in class i when breaks[i] <= v < breaks[i + 1], the last class
 * also taking the maximum (classInt's findCols, i.e. findInterval(rightmost.closed = TRUE)).
 */

export interface Classification {
  /** Strictly increasing class limits, from the minimum to the maximum: classes = breaks.length - 1. */
  breaks: number[];
  /** Number of values in each class. */
  counts: number[];
  /** Number of missing values (null, NaN, infinite), drawn as "no data". */
  missing: number;
}

/** The finite values of a list, sorted ascending. */
function sortedFinite(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/**
 * Sample quantile of sorted values, R's default definition (type 7): linear interpolation
 * between order statistics at h = (n - 1) p.
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Quantile breaks as classInt's `style = "quantile"`: quantile(x, seq(0, 1, 1/k), type = 7).
 * May contain repeated values when many observations tie (e.g. many zeros), as in classInt.
 * As classInt does, when k is at least the number of distinct values each distinct value gets
 * its own class, with breaks halfway between neighbours (its "unique" style).
 */
export function quantileBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return [];
  const distinct = sorted.filter((v, i) => i === 0 || v > sorted[i - 1]);
  if (distinct.length === 1) return [distinct[0], distinct[0]];
  if (k >= distinct.length) return uniqueValueBreaks(distinct);
  // seq(0, 1, 1/k) in R is i * (1/k); mirror it to match its rounding.
  return Array.from({ length: k + 1 }, (_, i) => quantileType7(sorted, i === k ? 1 : i * (1 / k)));
}

function uniqueValueBreaks(distinct: readonly number[]): number[] {
  const gaps = distinct.slice(1).map((v, i) => v - distinct[i]);
  const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  return [distinct[0] - meanGap / 2, ...gaps.map((g, i) => distinct[i] + g / 2), distinct[distinct.length - 1] + meanGap / 2];
}

/** The class of a value for strictly increasing breaks (left-closed, last class right-closed); -1 if outside. */
export function classIndex(value: number, breaks: readonly number[]): number {
  const last = breaks.length - 1;
  if (last < 1 || !(value >= breaks[0]) || value > breaks[last]) return -1;
  let lo = 0;
  let hi = last - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (value >= breaks[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Quantile classification for a map: repeated breaks are merged (a map cannot draw an empty
 * class of zero width), so ties can give fewer classes than asked for; a single distinct value
 * gives one class.
 */
export function classifyQuantile(values: Iterable<number | null | undefined>, k: number): Classification {
  const list = [...values];
  const finite = sortedFinite(list);
  const missing = list.length - finite.length;
  if (finite.length === 0) return { breaks: [], counts: [], missing };
  const breaks = quantileBreaks(finite, k).filter((b, i, all) => i === 0 || b > all[i - 1]);
  if (breaks.length === 1) breaks.push(breaks[0]); // one distinct value: one closed class [v, v]
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const v of finite) counts[breaks[0] === breaks[1] ? 0 : classIndex(v, breaks)]++;
  return { breaks, counts, missing };
}
