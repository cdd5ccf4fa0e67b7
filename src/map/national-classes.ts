/**
 * How the map of all of Indonesia colours 83,402 desa fast: each desa holds one small integer in
 * feature-state, its slot in a fixed palette, and the fill colour is one `match` expression over
 * that slot that never changes. A new indicator, year, class count, scheme or cluster map sets
 * integers only.
 *
 * Why not a colour string per desa (as before): MapLibre evaluated `to-color` on 83,402 strings at
 * every recolour. Why not a class index against a `step` or `match` that changes with the classes:
 * changing a paint expression that reads feature-state makes MapLibre lay out every loaded tile
 * again in its worker (Style#_updatePaintProperty: a data-driven value "requires relayout"),
 * seconds for the whole country, whereas new integers only rewrite the colour of each vertex.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { classIndex } from '../analysis/classify';
import { LOCAL_METHODS } from '../analysis/methods';
import { OPEN_MAP_NOT_SIGNIFICANT } from '../analysis/open-map-colours';
import { classColors, divergingColors, NO_DATA_COLOR } from './palette';

/** The feature-state key holding a desa's palette slot (unset or null: no data, grey). */
export const SLOT_STATE = 'k';

/**
 * Most diverging classes the palette holds: a standard-deviation map of up to 9 classes takes
 * the middle of a 2·max(below, above) scheme (palette.ts kindColors), and a box map 6.
 */
const MOST_DIVERGING = 24;

/** Lower-case #rrggbb, so the same colour written two ways takes one slot. */
const norm = (color: string) => color.trim().toLowerCase();

function buildPalette(): string[] {
  const colors = new Set<string>();
  // The national indicators are all "higher is worse" (need): sequential and diverging ramps.
  for (let k = 1; k <= 9; k++) for (const c of classColors(k, 'higher_worse')) colors.add(norm(c));
  for (let k = 1; k <= MOST_DIVERGING; k++) for (const c of divergingColors(k, 'higher_worse')) colors.add(norm(c));
  // Every local method's categories (LISA clusters, hot and cold spots, ...).
  for (const method of LOCAL_METHODS) for (const category of method.categories) colors.add(norm(category.color));
  colors.add(norm(OPEN_MAP_NOT_SIGNIFICANT));
  return [...colors];
}

/** Every colour the national map can show, in slot order; fixed for the page's life. */
export const NATIONAL_PALETTE: readonly string[] = buildPalette();
const SLOT_OF = new Map(NATIONAL_PALETTE.map((color, slot) => [color, slot]));

/** The palette slot of `color`; -1 when the palette lacks it (drawn as no data). */
export function paletteSlot(color: string): number {
  return SLOT_OF.get(norm(color)) ?? -1;
}

/** The national fill colour: the palette colour of each desa's slot, grey without one. */
export function nationalFillColor(): ExpressionSpecification {
  const cases = NATIONAL_PALETTE.flatMap((color, slot) => [slot, color]);
  return ['match', ['feature-state', SLOT_STATE], ...cases, NO_DATA_COLOR] as unknown as ExpressionSpecification;
}

/**
 * Slots of a value map: each value's class (classify.ts classIndex, as the legend counts it) and
 * that class's colour; -1 where a value is missing or outside the breaks.
 */
export function valueSlots(nilai: Float64Array, breaks: readonly number[], colors: readonly string[]): Int16Array {
  const byClass = colors.map(paletteSlot);
  const slots = new Int16Array(nilai.length);
  for (let i = 0; i < nilai.length; i++) {
    const v = nilai[i];
    const k = Number.isNaN(v) ? -1 : classIndex(v, breaks);
    slots[i] = k < 0 ? -1 : (byClass[k] ?? -1);
  }
  return slots;
}

/**
 * Slots of a cluster map: each observation's category code (cluster-categories.ts; -1: no value)
 * and that category's colour; -1 where there is no category.
 */
export function categorySlots(codes: ArrayLike<number>, rows: readonly { index: number; color: string }[]): Int16Array {
  const byCode = new Map(rows.map((row) => [row.index, paletteSlot(row.color)]));
  const slots = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i++) slots[i] = byCode.get(codes[i]) ?? -1;
  return slots;
}
