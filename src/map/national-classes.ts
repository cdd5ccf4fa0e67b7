/**
 * Which colour each of the 83,402 desa of the map of all of Indonesia takes: every colour the map
 * can show sits in a fixed palette, each desa gets the slot of its colour (its class on a value
 * map, its category on a cluster map), and the slots become one RGBA texel per desa for the
 * colour layer (national-colour-layer.ts), which draws them in one frame.
 */
import { classIndex } from '../analysis/classify';
import { LOCAL_METHODS } from '../analysis/methods';
import { OPEN_MAP_NOT_SIGNIFICANT } from '../analysis/open-map-colours';
import { classColors, divergingColors, NO_DATA_COLOR } from './palette';

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

/** #rgb, #rrggbb or rgb(r, g, b) (d3's interpolated ramps) as red, green and blue bytes. */
export function colourBytes(color: string): [number, number, number] {
  const c = norm(color);
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
  if (!hex) throw new Error(`not a colour the national map can draw: ${color}`);
  const h = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Each palette slot's RGBA bytes, then the no-data grey's (the colour of slot -1). */
const SLOT_BYTES: Uint8Array = Uint8Array.from([...NATIONAL_PALETTE, NO_DATA_COLOR].flatMap((color) => [...colourBytes(color), 255]));
const NO_DATA_SLOT = NATIONAL_PALETTE.length;

/**
 * The colour layer's texels: the RGBA colour of each desa index (`count` of them, in rows of
 * `rowWidth`). `slots[j]` belongs to index `indexOf[j]` (to `j` when `indexOf` is null); an index no
 * slot names, or slot -1, is drawn in the no-data grey.
 */
export function slotColours(slots: Int16Array, indexOf: Int32Array | null, count: number, rowWidth: number): Uint8Array {
  const texels = new Uint8Array(Math.max(1, Math.ceil(count / rowWidth)) * rowWidth * 4);
  const grey = NO_DATA_SLOT * 4;
  for (let i = 0; i < count; i++) texels.set(SLOT_BYTES.subarray(grey, grey + 4), i * 4);
  for (let j = 0; j < slots.length; j++) {
    const index = indexOf ? indexOf[j] : j;
    if (index < 0 || index >= count) continue;
    const from = (slots[j] < 0 ? NO_DATA_SLOT : slots[j]) * 4;
    texels[index * 4] = SLOT_BYTES[from];
    texels[index * 4 + 1] = SLOT_BYTES[from + 1];
    texels[index * 4 + 2] = SLOT_BYTES[from + 2];
    texels[index * 4 + 3] = 255;
  }
  return texels;
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
