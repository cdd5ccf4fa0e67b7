/**
 * The scale bar's length: a round ground distance (1, 2 or 5 × 10ⁿ metres) that fits the room
 * available on paper, so the bar reads at a glance ("500 m", "2 km") instead of an odd 1,37 km.
 */

/** A chosen scale bar: its ground length, its length on paper, and its end label. */
export interface ScaleBar {
  /** Ground distance the bar stands for, in metres (1, 2 or 5 × 10ⁿ, at least 1). */
  metres: number;
  /** The bar's length on paper in millimetres. */
  lengthMm: number;
  /** The label at the bar's end, "500 m" below one kilometre and "2 km" from one up. */
  label: string;
}

/**
 * The largest 1, 2 or 5 × 10ⁿ not above `maxMetres` (for example 3 700 → 2 000, 999 → 500,
 * 1 000 → 1 000). Distances under one metre give 1: a city map never needs a shorter bar.
 */
export function roundScaleLength(maxMetres: number): number {
  if (!Number.isFinite(maxMetres) || maxMetres < 1) return 1;
  let power = 10 ** Math.floor(Math.log10(maxMetres));
  // log10 can land a hair off at exact powers of ten; settle the decade by comparison.
  while (power > maxMetres) power /= 10;
  while (power * 10 <= maxMetres) power *= 10;
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

/** "500 m" or "2 km" (metres below a kilometre; whole or round kilometres otherwise). */
export function scaleLabel(metres: number): string {
  return metres < 1000 ? `${metres} m` : `${metres / 1000} km`;
}

/**
 * The scale bar for a map printed at `metresPerMm` ground metres per millimetre of paper, no longer
 * than `maxLengthMm` on paper.
 */
export function chooseScaleBar(metresPerMm: number, maxLengthMm: number): ScaleBar {
  if (!(metresPerMm > 0) || !Number.isFinite(metresPerMm)) {
    throw new RangeError(`metresPerMm must be a positive number, got ${metresPerMm}`);
  }
  const metres = roundScaleLength(metresPerMm * maxLengthMm);
  return { metres, lengthMm: metres / metresPerMm, label: scaleLabel(metres) };
}
