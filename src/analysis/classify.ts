/**
 * Classifying values into colour classes for a choropleth. Breaks follow R classInt so that a
 * planner can reproduce a map in R or GeoDa: `breaks` holds k + 1 strictly increasing values, and
 * a value v is in class i when breaks[i] <= v < breaks[i + 1], the last class also taking its upper
 * limit (classInt's findCols, i.e. findInterval(rightmost.closed = TRUE); MapLibre's `step`).
 *
 * Schemes: quantile, equal interval, natural breaks (Fisher-Jenks), standard deviation (all four
 * with classInt's breaks), GeoDa's box map, and manual breaks. See class-breaks.ts,
 * fisher-jenks.ts and box-map.ts for each definition.
 */
import { type BoxKind, DEFAULT_HINGE, boxClasses } from './box-map';
import { equalBreaks, quantileBreaks, sdBreaks, sortedFinite } from './class-breaks';
import { AnalysisError } from './errors';
import { fisherBreaks } from './fisher-jenks';

export { quantileBreaks, quantileType7, equalBreaks, sdBreaks } from './class-breaks';
export { fisherBreaks } from './fisher-jenks';

/** The classification schemes a map can use. */
export type Scheme = 'quantile' | 'equal' | 'fisher' | 'sd' | 'box' | 'manual';
/** Every scheme, in the order a menu lists them. */
export const SCHEMES: readonly Scheme[] = ['quantile', 'equal', 'fisher', 'sd', 'box', 'manual'];

/** Fewest and most classes a user can ask for (ColorBrewer's sequential schemes go from 3 to 9). */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/**
 * What a class means beyond its range, for legends and diverging colours:
 * - box map: GeoDa's categories, `lower_outlier`, `q1` (< 25 %), `q2` (25-50 %), `q3` (50-75 %),
 *   `q4` (> 75 %), `upper_outlier`;
 * - standard deviation: `below_mean` (every value of the class is below the mean) or
 *   `above_mean` (at or above it).
 */
export type ClassKind = BoxKind | 'below_mean' | 'above_mean';

/** Classes of a set of values: limits, counts, and what each class means where it means more. */
export interface Classification {
  /**
   * Strictly increasing class limits: classes = breaks.length - 1. From the minimum to the
   * maximum for quantile, equal and fisher; sd breaks may lie beyond them (R's pretty); box and
   * manual use -Infinity / +Infinity as the outer limit of an empty outermost class.
   */
  breaks: number[];
  /** Number of values in each class (may be 0 for sd, box and manual). */
  counts: number[];
  /** Number of missing values (null, NaN, infinite), drawn as "no data". */
  missing: number;
  /** One per class for the box and sd schemes (see ClassKind); absent for the others. */
  kinds?: ClassKind[];
  /** sd scheme only: each break's distance from the mean in standard deviations (e.g. -1, 0, 1). */
  sdUnits?: number[];
}

/** The scheme and its parameters. */
export interface ClassifyOptions {
  scheme: Scheme;
  /** Wanted number of classes, MIN_CLASSES..MAX_CLASSES; ignored by box and manual. */
  classes?: number;
  /** Manual scheme: the cut points between classes (1 to 8, strictly increasing). */
  breaks?: readonly number[];
  /** Box scheme: the hinge (GeoDa offers 1.5, the default, and 3). */
  hinge?: number;
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

interface RawClasses {
  breaks: number[];
  kinds?: ClassKind[];
  sdUnits?: number[];
}

/**
 * Drops zero-width classes (repeated breaks, e.g. quantiles of many zeros): a map cannot draw
 * them and the left-closed rule leaves them empty. A single distinct value keeps one closed class
 * [v, v].
 */
function dropEmptyWidths(raw: RawClasses): RawClasses {
  const { breaks, kinds, sdUnits } = raw;
  const out: RawClasses = { breaks: [breaks[0]], kinds: kinds ? [] : undefined, sdUnits: sdUnits ? [sdUnits[0]] : undefined };
  for (let i = 0; i + 1 < breaks.length; i++) {
    if (!(breaks[i + 1] > out.breaks[out.breaks.length - 1])) continue;
    out.breaks.push(breaks[i + 1]);
    out.kinds?.push(kinds![i]);
    out.sdUnits?.push(sdUnits![i + 1]);
  }
  if (out.breaks.length === 1) {
    out.breaks.push(breaks[0]);
    out.kinds?.push(kinds![0]);
    out.sdUnits?.push(sdUnits![0]);
  }
  return out;
}

function checkClasses(classes: number | undefined): number {
  if (classes === undefined || !Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new AnalysisError('classes_out_of_range', `classes must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${classes}`);
  }
  return classes;
}

/**
 * Manual classes from cut points: class 0 below the first cut, the last class from the last cut
 * up. The outer limits are the data's minimum and maximum when values lie beyond the cuts, else
 * -Infinity / +Infinity (an empty class still shown).
 */
function manualClasses(sorted: readonly number[], cuts: readonly number[] | undefined): RawClasses {
  const valid = cuts !== undefined && cuts.length >= 1 && cuts.length <= MAX_CLASSES - 1 && cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > cuts[i - 1]));
  if (!valid) {
    throw new AnalysisError('manual_breaks_invalid', `manual breaks must be 1 to ${MAX_CLASSES - 1} finite, strictly increasing numbers`);
  }
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return { breaks: [min < cuts[0] ? min : -Infinity, ...cuts, max > cuts[cuts.length - 1] ? max : Infinity] };
}

/** sd classes with their kinds: below the mean when the class ends at or before it. */
function sdClasses(sorted: readonly number[], k: number): RawClasses {
  const { breaks, units, mean } = sdBreaks(sorted, k);
  // z * sd + mean can land an ulp inside the data when pretty() returned the standardised
  // extreme itself; widen by that rounding so every value has a class.
  breaks[0] = Math.min(breaks[0], sorted[0]);
  breaks[breaks.length - 1] = Math.max(breaks[breaks.length - 1], sorted[sorted.length - 1]);
  const merged = dropEmptyWidths({ breaks, sdUnits: units });
  const kinds = merged.breaks.slice(1).map((upper, i): ClassKind => (upper > merged.breaks[i] && upper <= mean ? 'below_mean' : 'above_mean'));
  return { ...merged, kinds };
}

function rawClasses(sorted: readonly number[], options: ClassifyOptions): RawClasses {
  switch (options.scheme) {
    case 'quantile':
      return dropEmptyWidths({ breaks: quantileBreaks(sorted, checkClasses(options.classes)) });
    case 'equal':
      return dropEmptyWidths({ breaks: equalBreaks(sorted, checkClasses(options.classes)) });
    case 'fisher':
      return dropEmptyWidths({ breaks: fisherBreaks(sorted, checkClasses(options.classes)) });
    case 'sd':
      return sdClasses(sorted, checkClasses(options.classes));
    case 'box': {
      const { breaks, kinds } = boxClasses(sorted, options.hinge ?? DEFAULT_HINGE);
      return { breaks, kinds };
    }
    case 'manual':
      return dropEmptyWidths(manualClasses(sorted, options.breaks));
  }
}

/**
 * Classifies values for a map with the chosen scheme. Missing values (null, undefined, NaN,
 * infinite) are counted apart; without any value there are no classes. Ties can leave fewer
 * classes than asked for (zero-width classes are dropped), as can few distinct values (classInt's
 * rule: one class per distinct value when there are no more of them than classes).
 */
export function classify(values: Iterable<number | null | undefined>, options: ClassifyOptions): Classification {
  const list = [...values];
  const sorted = sortedFinite(list);
  const missing = list.length - sorted.length;
  if (options.scheme !== 'box' && options.scheme !== 'manual') checkClasses(options.classes);
  if (sorted.length === 0) return { breaks: [], counts: [], missing };
  const raw = rawClasses(sorted, options);
  const counts = new Array<number>(raw.breaks.length - 1).fill(0);
  for (const v of sorted) counts[classIndex(v, raw.breaks)]++;
  const result: Classification = { breaks: raw.breaks, counts, missing };
  if (raw.kinds) result.kinds = raw.kinds;
  if (raw.sdUnits) result.sdUnits = raw.sdUnits;
  return result;
}

/**
 * Quantile classification for a map (any k >= 1): repeated breaks are merged, so ties can give
 * fewer classes than asked for; a single distinct value gives one class.
 */
export function classifyQuantile(values: Iterable<number | null | undefined>, k: number): Classification {
  const list = [...values];
  const sorted = sortedFinite(list);
  const missing = list.length - sorted.length;
  if (sorted.length === 0) return { breaks: [], counts: [], missing };
  const { breaks } = dropEmptyWidths({ breaks: quantileBreaks(sorted, k) });
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const v of sorted) counts[classIndex(v, breaks)]++;
  return { breaks, counts, missing };
}
