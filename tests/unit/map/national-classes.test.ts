import { describe, expect, it } from 'vitest';
import { Color, createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { classify, type Scheme } from '../../../src/analysis/classify';
import { lisa } from '../../../src/analysis/methods/lisa';
import { gistar } from '../../../src/analysis/methods/gi';
import { createRandom } from '../../../src/analysis/random';
import { categorySlots, colourBytes, NATIONAL_PALETTE, paletteSlot, slotColours, valueSlots } from '../../../src/map/national-classes';
import { COLOUR_TEXTURE_WIDTH, decodeDesaIndex, DESA_INDEX_STATE, desaIndexFillColor } from '../../../src/map/national-colour-layer';
import { NATIONAL_BACKGROUND } from '../../../src/map/national-style';
import { NATIONAL_SCHEMES } from '../../../src/state/national.svelte';
import { classificationColors, NO_DATA_COLOR } from '../../../src/map/palette';

const parsed = createExpression(desaIndexFillColor(), 'fill-color', latest.paint_fill['fill-color'] as unknown as StylePropertySpecification);

/** The bytes MapLibre writes for a desa's fill holding this feature-state (its vertex colour: 255·channel, floored). */
function fillBytes(state: Record<string, unknown>): [number, number, number] {
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const c = parsed.value.evaluate({ zoom: 4 }, { type: 'Polygon', properties: {} } as never, state) as Color;
  expect(c.a).toBe(1);
  return [c.r, c.g, c.b].map((v) => Math.floor(255 * v)) as [number, number, number];
}

const hex = (bytes: ArrayLike<number>) => `#${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
const norm = (color: string) => hex(colourBytes(color));

/**
 * The colour on screen of desa `index` of `count`: its fill code decoded as the colour layer's
 * shader does, then its texel; the fill's own colour where the code names no desa.
 */
function drawn(texels: Uint8Array, state: Record<string, unknown>, count: number): string {
  const bytes = fillBytes(state);
  const index = decodeDesaIndex(...bytes, count);
  return index < 0 ? hex(bytes) : hex(texels.subarray(index * 4, index * 4 + 3));
}

/** The colour of each desa of `slots` on screen, through index, fill code and texel. */
function drawnColours(slots: Int16Array): string[] {
  const texels = slotColours(slots, null, slots.length, COLOUR_TEXTURE_WIDTH);
  return Array.from(slots, (_, i) => drawn(texels, { [DESA_INDEX_STATE]: i }, slots.length));
}

/** Skewed values like the national indicators (many small, a long tail), a few missing. */
function sample(n: number): Float64Array {
  const random = createRandom(7);
  return Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? Number.NaN : Math.exp(2 + random.normal())));
}

describe('national palette slots', () => {
  it('draws each desa in the colour of its slot, a desa with slot -1 or without an index in the no-data grey', () => {
    const slots = Int16Array.from([...NATIONAL_PALETTE.keys(), -1]);
    expect(drawnColours(slots)).toEqual([...NATIONAL_PALETTE.map(norm), norm(NO_DATA_COLOR)]);
    const texels = slotColours(slots, null, slots.length, COLOUR_TEXTURE_WIDTH);
    expect(drawn(texels, {}, slots.length)).toBe(norm(NO_DATA_COLOR));
    expect(drawn(texels, { [DESA_INDEX_STATE]: null }, slots.length)).toBe(norm(NO_DATA_COLOR));
  });

  it('codes every index of all of Indonesia apart, and no code is the sea or the no-data grey', () => {
    const count = 83_402;
    for (const index of [0, 1, 255, 256, 65_535, 65_536, count - 1]) expect(decodeDesaIndex(...fillBytes({ [DESA_INDEX_STATE]: index }), count)).toBe(index);
    expect(decodeDesaIndex(...colourBytes(NATIONAL_BACKGROUND), count)).toBe(-1);
    expect(decodeDesaIndex(...colourBytes(NO_DATA_COLOR), count)).toBe(-1);
    expect(decodeDesaIndex(0, 0, 0, count)).toBe(-1);
  });

  it('places slots on indices through a position list, and leaves indices no slot names grey', () => {
    const [red, white] = [paletteSlot('#ff0000'), paletteSlot('#ffffff')];
    const texels = slotColours(Int16Array.from([red, white]), Int32Array.from([2, 0]), 3, COLOUR_TEXTURE_WIDTH);
    expect(texels.length).toBe(COLOUR_TEXTURE_WIDTH * 4);
    expect([0, 1, 2].map((i) => hex(texels.subarray(i * 4, i * 4 + 3)))).toEqual(['#ffffff', norm(NO_DATA_COLOR), '#ff0000']);
    expect(texels[3]).toBe(255);
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
    expect(drawnColours(slots)[first]).toBe(norm(colours[0]));
  });

  it('gives each cluster category the slot of its colour, and an observation without a value none', () => {
    const rows = lisa.categories.map((c) => ({ index: c.code, color: c.color }));
    const codes = Int8Array.from([1, 2, 3, 4, 0, 5, -1]);
    const slots = categorySlots(codes, rows);
    expect(drawnColours(slots).slice(0, 6)).toEqual(Array.from(codes.subarray(0, 6), (code) => norm(lisa.categories.find((c) => c.code === code)!.color)));
    expect(slots[6]).toBe(-1);
    // High-High and Low-Low are told apart on the map.
    expect(slots[0]).not.toBe(slots[1]);
  });
});
