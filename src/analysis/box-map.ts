/**
 * GeoDa's box map (Anselin): six categories from the hinges of a box plot, with outliers beyond
 * hinge x IQR of the quartiles. Follows GeoDa's HingeStats (quartiles are Tukey's hinges, the
 * same values as R's fivenum()) and its category rule in CatClassification::PopulateCatClassifData:
 *
 *   lower outlier  v <  Q1 - h·IQR
 *   < 25 %         v <  Q1
 *   25-50 %        v <  Q2 (median)
 *   50-75 %        v <= Q3
 *   > 75 %         v <= Q3 + h·IQR
 *   upper outlier  v >  Q3 + h·IQR
 *
 * Note the upper half is closed on the right. So that the map's one rule (class i holds
 * breaks[i] <= v < breaks[i + 1]) gives exactly GeoDa's categories, the breaks at Q3 and at the
 * upper fence are stored as the next double above them (1 ulp: no printed digit changes).
 */

/** Box-map categories, lowest first. */
export const BOX_KINDS = ['lower_outlier', 'q1', 'q2', 'q3', 'q4', 'upper_outlier'] as const;
/** One of GeoDa's six box-map categories. */
export type BoxKind = (typeof BOX_KINDS)[number];

/** GeoDa's default hinge; 3.0 is its other choice. */
export const DEFAULT_HINGE = 1.5;

/** The quartiles and fences of a box plot as GeoDa computes them. */
export interface HingeStats {
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  lowerFence: number;
  upperFence: number;
}

/**
 * Hinges of sorted values as GeoDa's HingeStats: with N values (0-based positions) the median at
 * (N + 1) / 2 - 1, the lower hinge at (N + 2) / 4 - 1 (N even) or (N + 3) / 4 - 1 (N odd), the
 * upper at (3N + 2) / 4 - 1 or (3N + 1) / 4 - 1; a position ending in .5 averages its neighbours.
 */
export function hingeStats(sorted: readonly number[], hinge = DEFAULT_HINGE): HingeStats {
  const n = sorted.length;
  if (n === 0) throw new RangeError('hingeStats needs at least one value');
  const even = n % 2 === 0;
  const at = (position: number): number => (sorted[Math.floor(position)] + sorted[Math.ceil(position)]) / 2;
  const q1 = at(even ? (n + 2) / 4 - 1 : (n + 3) / 4 - 1);
  const median = at((n + 1) / 2 - 1);
  const q3 = at(even ? (3 * n + 2) / 4 - 1 : (3 * n + 1) / 4 - 1);
  const iqr = q3 - q1;
  return { q1, median, q3, iqr, lowerFence: q1 - hinge * iqr, upperFence: q3 + hinge * iqr };
}

/** The smallest double greater than x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

/** Box-map classes: strictly increasing breaks and the category of each class. */
export interface BoxClasses {
  breaks: number[];
  kinds: BoxKind[];
  stats: HingeStats;
}

/**
 * Box-map breaks for sorted finite values. The outer breaks are the minimum and maximum when
 * there are outliers on that side, else -Infinity / +Infinity (as classInt's box style), so an
 * empty outlier class is still listed. A category of zero width (tied quartiles, e.g. many equal
 * values) cannot hold any value under GeoDa's rule and is dropped, with its kind.
 */
export function boxClasses(sorted: readonly number[], hinge = DEFAULT_HINGE): BoxClasses {
  const stats = hingeStats(sorted, hinge);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const upperQ3 = nextUp(stats.q3);
  const upperFence = nextUp(stats.upperFence);
  const limits = [min < stats.lowerFence ? min : -Infinity, stats.lowerFence, stats.q1, stats.median, upperQ3, upperFence, max >= upperFence ? max : Infinity];
  const breaks = [limits[0]];
  const kinds: BoxKind[] = [];
  BOX_KINDS.forEach((kind, i) => {
    const upper = limits[i + 1];
    if (upper > breaks[breaks.length - 1]) {
      breaks.push(upper);
      kinds.push(kind);
    }
  });
  // The last limit equals the one before only when the single upper outlier sits exactly at the
  // nudged fence; reopen the class to +Infinity so it keeps its value.
  if (kinds[kinds.length - 1] !== 'upper_outlier') {
    breaks.push(Infinity);
    kinds.push('upper_outlier');
  }
  return { breaks, kinds, stats };
}
