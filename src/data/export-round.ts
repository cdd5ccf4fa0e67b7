/**
 * How numbers are rounded in every CSV and Excel file the app writes (issue 15: "16,17410857693543"
 * reads as an error to an official): counts whole, rates, percentages, areas and scores to two
 * decimals. One rule, shared by the table, RTLH, kawasan and any later export, so they agree.
 */
import type { IndicatorDef, Measure } from './catalog';

/** Decimals of a rate, percentage, area or score in an export. */
export const FRACTION_DECIMALS = 2;

/**
 * Units of values registered as counts that are not counted things: the composite index's score
 * (0 to 1) and program coverage's "% sasaran" would round to 0 or 1 if written whole.
 */
const NOT_COUNTED_UNIT = /%|persen|percent|\bper\b|skor|score|indeks|index/i;

/** Decimals a value keeps in an export: counts are whole, everything else two places. */
export function exportDecimals(indicator: IndicatorDef, measure: Measure): number {
  const counted = measure === 'jumlah' && indicator.kind === 'count' && !NOT_COUNTED_UNIT.test(`${indicator.unit.id} ${indicator.unit.en}`);
  return counted ? 0 : FRACTION_DECIMALS;
}

/** `value` rounded to `decimals` places (null and non-finite stay empty; -0 becomes 0). */
export function roundTo(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
