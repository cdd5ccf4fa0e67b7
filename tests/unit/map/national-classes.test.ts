import { describe, expect, it } from 'vitest';
import { Color, createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { classify, type Scheme } from '../../../src/analysis/classify';
import { lisa } from '../../../src/analysis/methods/lisa';
import { gistar } from '../../../src/analysis/methods/gi';
import { createRandom } from '../../../src/analysis/random';
import { categorySlots, NATIONAL_PALETTE, nationalFillColor, paletteSlot, SLOT_STATE, valueSlots } from '../../../src/map/national-classes';
import { NATIONAL_SCHEMES } from '../../../src/state/national.svelte';
import { classificationColors, NO_DATA_COLOR } from '../../../src/map/palette';

const parsed = createExpression(nationalFillColor(), 'fill-color', latest.paint_fill['fill-color'] as unknown as StylePropertySpecification);

/** The fill colour MapLibre draws for a desa holding this feature-state. */
function colourFor(state: Record<string, unknown>): string {
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return (parsed.value.evaluate({ zoom: 4 }, { type: 'Polygon', properties: {} } as never, state) as Color).toString();
}
const css = (hex: string) => Color.parse(hex)!.toString();

/** Skewed values like the national indicators (many small, a long tail), a few missing. */
function sample(n: number): Float64Array {
  const random = createRandom(7);
  return Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? Number.NaN : Math.exp(2 + random.normal())));
}

describe('national palette slots', () => {
  it('draws each slot in its palette colour and a desa without a slot in the no-data grey', () => {
    for (let slot = 0; slot < NATIONAL_PALETTE.length; slot++) expect(colourFor({ [SLOT_STATE]: slot })).toBe(css(NATIONAL_PALETTE[slot]));
    expect(colourFor({})).toBe(css(NO_DATA_COLOR));
    expect(colourFor({ [SLOT_STATE]: null })).toBe(css(NO_DATA_COLOR));
    expect(colourFor({ [SLOT_STATE]: NATIONAL_PALETTE.length })).toBe(css(NO_DATA_COLOR));
  });

  it('holds the colour of every class of every national scheme and class count, and of every cluster', () => {
    const values = sample(5000);
    for (const scheme of NATIONAL_SCHEMES) {
      for (let classes = 3; classes <= 9; classes++) {
        const colours = classificationColors(classify(values, { scheme: scheme as Scheme, classes }), 'higher_worse');
        for (const c of colours) expect(paletteSlot(c), `${scheme} ${classes}: ${c}`).toBeGreaterThanOrEqual(0);
      }
    }
    for (const category of [...lisa.categories, ...gistar.categories]) expect(paletteSlot(category.color)).toBeGreaterThanOrEqual(0);
    // One slot per colour, whatever its case; small enough for an Int16 per desa.
    expect(new Set(NATIONAL_PALETTE).size).toBe(NATIONAL_PALETTE.length);
    expect(paletteSlot('#FF0000')).toBe(paletteSlot('#ff0000'));
    expect(NATIONAL_PALETTE.length).toBeLessThan(32_767);
  });

  it('gives each value the slot of its class colour, as the legend counts it, and missing values none', () => {
    const values = sample(2000);
    const classification = classify(values, { scheme: 'quantile', classes: 5 });
    const colours = classificationColors(classification, 'higher_worse');
    const slots = valueSlots(values, classification.breaks, colours);
    const counts = colours.map((c) => slots.filter((s) => s === paletteSlot(c)).length);
    expect(counts).toEqual(classification.counts);
    expect(slots.filter((s) => s === -1).length).toBe(classification.missing);
    // Drawn: the slot's colour is the class colour.
    const first = values.findIndex((v) => v === Math.min(...values.filter((x) => !Number.isNaN(x))));
    expect(colourFor({ [SLOT_STATE]: slots[first] })).toBe(css(colours[0]));
  });

  it('gives each cluster category the slot of its colour, and an observation without a value none', () => {
    const rows = lisa.categories.map((c) => ({ index: c.code, color: c.color }));
    const codes = Int8Array.from([1, 2, 3, 4, 0, 5, -1]);
    const slots = categorySlots(codes, rows);
    expect(Array.from(slots.subarray(0, 6), (s) => colourFor({ [SLOT_STATE]: s }))).toEqual(
      Array.from(codes.subarray(0, 6), (code) => css(lisa.categories.find((c) => c.code === code)!.color)),
    );
    expect(slots[6]).toBe(-1);
    // High-High and Low-Low are told apart on the map.
    expect(slots[0]).not.toBe(slots[1]);
  });
});
