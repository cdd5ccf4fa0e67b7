/**
 * The TKPK quadrant method (Tim Koordinasi Penanggulangan Kemiskinan): two indicators are
 * compared with their city averages, and each kelurahan gets a priority:
 *
 *   Prioritas 1  worse than average on both indicators
 *   Prioritas 2  worse on the first only
 *   Prioritas 3  worse on the second only
 *   Prioritas 4  better on both
 *
 * "Worse" respects each indicator's direction (above average where higher is worse, below where
 * higher is better). A value equal to the average is not worse. Missing values give 0.
 */
import type { IndexDirection } from './composite';
import { AnalysisError } from './errors';
import { accurateSum } from './sums';

/** Priority codes in the returned array; 0 = no priority (a value or the average is missing). */
export const NO_PRIORITY = 0;
export type Priority = 0 | 1 | 2 | 3 | 4;

/** One of the two indicators of the quadrant method. */
export interface QuadrantIndicator {
  /** One value per kelurahan, on the same scale as `average` (e.g. a rate x per). */
  values: ArrayLike<number | null | undefined>;
  direction: IndexDirection;
  /**
   * The city average to compare with. Pass the city-wide rate (sum of counts / sum of
   * denominators x per, see pooledRate), which weighs kelurahan by size as BPS does; when
   * omitted, the plain mean of the kelurahan values is used.
   */
  average?: number;
}

const isValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The city-wide rate: sum of counts / sum of denominators x per, over rows where both are valid (denominator > 0). */
export function pooledRate(counts: ArrayLike<number | null | undefined>, denominators: ArrayLike<number | null | undefined>, per = 1): number {
  if (counts.length !== denominators.length) throw new AnalysisError('lengths_differ', 'counts and denominators differ in length');
  const rows: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const d = denominators[i];
    if (isValue(counts[i]) && isValue(d) && d > 0) rows.push(i);
  }
  if (rows.length === 0) return Number.NaN;
  return (accurateSum(rows, (i) => counts[i] as number) / accurateSum(rows, (i) => denominators[i] as number)) * per;
}

/** Mean of the valid values; NaN when there are none. */
export function meanOfValues(values: ArrayLike<number | null | undefined>): number {
  const valid: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isValue(v)) valid.push(v);
  }
  return valid.length > 0 ? accurateSum(valid) / valid.length : Number.NaN;
}

/** Priority 1-4 per kelurahan (0 where missing) from two indicators and their city averages. */
export function tkpkQuadrants(first: QuadrantIndicator, second: QuadrantIndicator): Int8Array {
  const n = first.values.length;
  if (second.values.length !== n) throw new AnalysisError('lengths_differ', 'both indicators need one value per kelurahan');
  const averageOf = (ind: QuadrantIndicator): number => ind.average ?? meanOfValues(ind.values);
  const a1 = averageOf(first);
  const a2 = averageOf(second);
  const worse = (v: number, average: number, direction: IndexDirection): boolean => (direction === 'higher_worse' ? v > average : v < average);
  const out = new Int8Array(n);
  if (!Number.isFinite(a1) || !Number.isFinite(a2)) return out;
  for (let i = 0; i < n; i++) {
    const v1 = first.values[i];
    const v2 = second.values[i];
    if (!isValue(v1) || !isValue(v2)) continue;
    const w1 = worse(v1, a1, first.direction);
    const w2 = worse(v2, a2, second.direction);
    out[i] = w1 && w2 ? 1 : w1 ? 2 : w2 ? 3 : 4;
  }
  return out;
}
