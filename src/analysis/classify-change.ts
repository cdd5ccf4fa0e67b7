/**
 * Classes for a change between two years, symmetric around no change: the middle class holds
 * the smallest changes of either sign, and each further class on either side the next share of
 * the changes by size. So a diverging palette's colours mean the same on both sides and zero
 * always sits in the light middle class, whatever the scheme the user chose for plain maps.
 */
import { quantileType7, sortedFinite } from './class-breaks';
import { classIndex, type Classification } from './classify';

/**
 * `classes` is made odd (one more if even, at least 3). With m = (classes + 1) / 2 magnitude
 * steps, the thresholds are the type-7 quantiles of |change| at 1/m … (m−1)/m; the breaks are
 * −max|change|, the negated thresholds, the thresholds, +max|change|. Repeated thresholds (many
 * equal changes) are merged, giving fewer classes.
 */
export function classifyChange(values: Iterable<number | null | undefined>, classes: number): Classification {
  const list = [...values];
  const sorted = sortedFinite(list);
  const missing = list.length - sorted.length;
  if (sorted.length === 0) return { breaks: [], counts: [], missing };
  const k = Math.max(3, classes % 2 === 0 ? classes + 1 : classes);
  const m = (k + 1) / 2;
  const magnitudes = sorted.map(Math.abs).sort((a, b) => a - b);
  const top = magnitudes[magnitudes.length - 1];
  if (top === 0) return { breaks: [0, 0], counts: [sorted.length], missing };
  const thresholds = [...new Set(Array.from({ length: m - 1 }, (_, j) => quantileType7(magnitudes, (j + 1) / m)).filter((t) => t > 0 && t < top))];
  const breaks = [-top, ...thresholds.map((t) => -t).reverse(), ...thresholds, top];
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const v of sorted) counts[classIndex(v, breaks)]++;
  return { breaks, counts, missing };
}
