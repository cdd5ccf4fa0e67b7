import { describe, expect, it } from 'vitest';
import { Color, createExpression, latest, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  AFTER_FIRST_MAP,
  CASING_OF,
  CATEGORY_STATE,
  LAYER,
  SOURCE,
  ON_DEMAND,
  VALUE_STATE,
  baseStyle,
  categoryColorExpression,
  fillColorExpression,
  osmLayer,
  osmSource,
} from '../../../src/map/style';
import { NO_DATA_COLOR, classColors } from '../../../src/map/palette';

/** Evaluates a fill-color expression as MapLibre would for a feature with this feature-state. */
function colourFor(expression: unknown, state: Record<string, unknown>): string {
  const parsed = createExpression(expression, 'fill-color', latest.paint_fill['fill-color'] as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const colour = parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: {} } as never, state) as Color;
  return colour.toString();
}

const css = (hex: string) => Color.parse(hex)!.toString();

describe('map style', () => {
  it('is a valid MapLibre style, offline except for the optional basemap', () => {
    const style = baseStyle();
    expect(validateStyleMin(style)).toEqual([]);
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
    expect(style.glyphs).toMatch(/^pkk-glyphs:\/\//);
    const withBasemap = { ...style, sources: { ...style.sources, osm: osmSource() }, layers: [osmLayer(), ...style.layers] };
    expect(validateStyleMin(withBasemap)).toEqual([]);
  });

  it('draws fill, outlines, kecamatan, highlight and labels in that order', () => {
    expect(baseStyle().layers.map((l) => l.id)).toEqual([
      LAYER.background,
      LAYER.fill,
      LAYER.line,
      LAYER.kecamatan,
      LAYER.highlightCasing,
      LAYER.highlight,
      LAYER.neighboursCasing,
      LAYER.neighbours,
      LAYER.significantCasing,
      LAYER.significant,
      LAYER.targetsCasing,
      LAYER.targets,
      LAYER.areaFill,
      LAYER.areaLineCasing,
      LAYER.areaLine,
      LAYER.areaVertices,
      LAYER.labels,
      LAYER.points,
      LAYER.siteClusters,
      LAYER.siteCount,
      LAYER.sites,
    ]);
  });

  it('colours values by left-closed classes, like classInt, and grey without a value', () => {
    const breaks = [1, 2, 5, 9];
    const colours = classColors(3, 'higher_worse');
    const expression = fillColorExpression(breaks, colours);
    expect(validateStyleMin({ ...baseStyle(), layers: [{ id: 'f', type: 'fill', source: 'kelurahan', paint: { 'fill-color': expression } }] })).toEqual([]);
    expect(colourFor(expression, { [VALUE_STATE]: 1 })).toBe(css(colours[0]));
    expect(colourFor(expression, { [VALUE_STATE]: 1.99 })).toBe(css(colours[0]));
    expect(colourFor(expression, { [VALUE_STATE]: 2 })).toBe(css(colours[1]));
    expect(colourFor(expression, { [VALUE_STATE]: 5 })).toBe(css(colours[2]));
    expect(colourFor(expression, { [VALUE_STATE]: 9 })).toBe(css(colours[2]));
    expect(colourFor(expression, { [VALUE_STATE]: null })).toBe(css(NO_DATA_COLOR));
    expect(colourFor(expression, {})).toBe(css(NO_DATA_COLOR));
  });

  it('colours categories by index from feature-state, grey for none or -1', () => {
    const expression = categoryColorExpression(['#ff0000', '#0000ff']);
    expect(validateStyleMin({ ...baseStyle(), layers: [{ id: 'f', type: 'fill', source: 'kelurahan', paint: { 'fill-color': expression } }] })).toEqual([]);
    expect(colourFor(expression, { [CATEGORY_STATE]: 0 })).toBe(css('#ff0000'));
    expect(colourFor(expression, { [CATEGORY_STATE]: 1 })).toBe(css('#0000ff'));
    expect(colourFor(expression, { [CATEGORY_STATE]: -1 })).toBe(css(NO_DATA_COLOR));
    expect(colourFor(expression, {})).toBe(css(NO_DATA_COLOR));
  });

  it('paints a single class (every value equal) with a valid expression', () => {
    const expression = fillColorExpression([1, 1], ['#ff0000']);
    expect(validateStyleMin({ ...baseStyle(), layers: [{ id: 'f', type: 'fill', source: 'kelurahan', paint: { 'fill-color': expression } }] })).toEqual([]);
    expect(colourFor(expression, { [VALUE_STATE]: 1 })).toBe(css('#ff0000'));
    expect(colourFor(expression, {})).toBe(css(NO_DATA_COLOR));
  });

  it('paints everything grey when there are no classes yet', () => {
    expect(colourFor(fillColorExpression([], []), { [VALUE_STATE]: 3 })).toBe(css(NO_DATA_COLOR));
  });
});

describe('palettes', () => {
  it('gives one distinct colour per class for 1 to 9 classes, red for need and blue otherwise', () => {
    for (let k = 1; k <= 9; k++) {
      for (const direction of ['higher_worse', 'higher_better', 'neutral'] as const) {
        const colours = classColors(k, direction);
        expect(colours).toHaveLength(k);
        expect(new Set(colours).size).toBe(k);
        expect(colours).not.toContain(NO_DATA_COLOR);
      }
    }
    expect(classColors(5, 'higher_worse').at(-1)).toBe('#bd0026');
    expect(classColors(5, 'neutral').at(-1)).toBe('#253494');
  });
});

describe('outline layers drawn on demand', () => {
  it('start hidden, so the first paint compiles no shader for them', () => {
    const style = baseStyle();
    for (const id of ON_DEMAND.flatMap((core) => [core, CASING_OF[core]])) {
      const layer = style.layers.find((l) => l.id === id)!;
      expect((layer.layout as { visibility?: string }).visibility).toBe('none');
    }
    expect(ON_DEMAND).toHaveLength(4);
  });
});

describe('the overlays’ own sources before the first map', () => {
  it('have no visible layer but the area tab’s veil (switched by its tab), so no tiles are cut for them', () => {
    const style = baseStyle();
    const overlaySources: string[] = [SOURCE.points, SOURCE.sites, SOURCE.area];
    const layers = style.layers.filter((l) => 'source' in l && overlaySources.includes(l.source as string));
    expect(layers.length).toBeGreaterThanOrEqual(7);
    for (const layer of layers) expect([layer.id, (layer.layout as { visibility?: string } | undefined)?.visibility]).toEqual([layer.id, 'none']);
    expect(
      layers
        .map((l) => l.id)
        .filter((id) => id !== LAYER.areaFill)
        .sort(),
    ).toEqual([...AFTER_FIRST_MAP].sort());
  });
});
