/**
 * Overlay outlines must stay visible on a projector over every class colour the map can paint
 * (issue 15: black target outlines vanished over dark red, the dashed navy area line over blue).
 * Checked by WCAG 2 contrast: for each fill colour of every palette in use, the casing or the core
 * of each overlay reaches 3:1 (the WCAG minimum for graphical objects).
 */
import { describe, expect, it } from 'vitest';
import { Color, createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { BIVARIATE_COLORS } from '../../../src/analysis/coverage';
import { GEODA_LISA_COLOURS, LIBGEODA_LISA_COLOURS } from '../../../src/analysis/local-moran';
import { quadrantCategories } from '../../../src/state/cluster-categories';
import { ANALYSIS_METHODS } from '../../../src/analysis/methods';
import { NO_DATA_COLOR, classColors, divergingColors } from '../../../src/map/palette';
import { AFTER_FIRST_MAP, CASING_OF, LAYER, ON_DEMAND, PRESENTATION_LINE_SCALE, TARGET_STATE, baseStyle, overlayWidths } from '../../../src/map/style';
import { OVERLAY_COLORS } from '../../../src/map/overlay-style';

/** sRGB channels 0..1 of a CSS colour. */
function rgb(css: string): [number, number, number] {
  const c = Color.parse(css);
  if (!c) throw new Error(`not a colour: ${css}`);
  return [c.r, c.g, c.b];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A fill as painted: the map draws kelurahan at 0.92 opacity over its #eef1f4 background. */
function painted(fill: string, opacity = 0.92, background = '#eef1f4'): [number, number, number] {
  const f = rgb(fill);
  const bg = rgb(background);
  return [0, 1, 2].map((i) => opacity * f[i] + (1 - opacity) * bg[i]) as [number, number, number];
}

const DIRECTIONS = ['higher_worse', 'higher_better', 'neutral'] as const;

/** Every colour a kelurahan can be filled with: classes, diverging and change maps, analyses, the program map. */
const FILLS: string[] = [
  ...new Set([
    NO_DATA_COLOR,
    '#eef1f4', // the background, under the area outline outside the kelurahan
    ...DIRECTIONS.flatMap((d) => Array.from({ length: 9 }, (_, i) => classColors(i + 1, d)).flat()),
    ...DIRECTIONS.flatMap((d) => Array.from({ length: 15 }, (_, i) => divergingColors(i + 1, d)).flat()),
    ...GEODA_LISA_COLOURS,
    ...LIBGEODA_LISA_COLOURS,
    ...ANALYSIS_METHODS.flatMap((m) => m.categories.map((c) => c.color)),
    ...quadrantCategories(Int8Array.of(1, 2, 3, 4)).rows.map((r) => r.color),
    ...BIVARIATE_COLORS.flat(),
  ]),
];

const WCAG_GRAPHICS = 3;

/** Fills on which neither line of a pair reaches 3:1. */
function unseenOn(lines: readonly string[]): string[] {
  return FILLS.filter((fill) => [rgb(fill), painted(fill)].some((under) => lines.every((line) => contrast(rgb(line), under) < WCAG_GRAPHICS)));
}

describe('overlay outlines on every fill colour', () => {
  it('covers the palettes in use, dark reds and blues included', () => {
    expect(FILLS.length).toBeGreaterThan(60);
    for (const dark of ['#800026', '#0000FF', '#2166ac', '#5d2124', '#b2182b']) expect(FILLS.map((f) => f.toLowerCase())).toContain(dark.toLowerCase());
  });

  it('single dark lines, as drawn before, vanish on dark red and blue', () => {
    expect(unseenOn(['#000000'])).toContain('#800026');
    expect(unseenOn(['#1a237e']).map((f) => f.toLowerCase())).toContain('#0000ff');
  });

  for (const [kind, { core, casing }] of Object.entries(OVERLAY_COLORS)) {
    it(`${kind}: casing or core reaches 3:1 on every fill, and the two lines tell apart`, () => {
      expect(unseenOn([core, casing])).toEqual([]);
      expect(contrast(rgb(core), rgb(casing))).toBeGreaterThanOrEqual(WCAG_GRAPHICS);
    });
  }
});

/** Evaluates a line paint expression at a zoom for a feature with this feature-state. */
function lineValue(property: 'line-width' | 'line-offset', expression: unknown, zoom: number, state: Record<string, unknown>): number {
  const parsed = createExpression(expression, property, latest.paint_line[property] as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'LineString', properties: {} } as never, state) as number;
}

const ON = { selected: true, hover: true, tetangga: true, signifikan: true, [TARGET_STATE]: true };
const CORES = [...ON_DEMAND, LAYER.areaLine] as const;

describe('overlay line widths', () => {
  it('draws each casing directly under its core', () => {
    const ids = baseStyle().layers.map((l) => l.id);
    for (const core of CORES) expect(ids.indexOf(CASING_OF[core])).toBe(ids.indexOf(core) - 1);
  });

  it('keeps the casing wider than the core at every zoom, presenting or not, and nothing on kelurahan not flagged', () => {
    for (const scale of [1, PRESENTATION_LINE_SCALE]) {
      const widths = overlayWidths(scale);
      for (const core of CORES) {
        for (const zoom of [9, 11, 12, 14, 16]) {
          const coreWidth = lineValue('line-width', widths[core]['line-width'], zoom, ON);
          const casingWidth = lineValue('line-width', widths[CASING_OF[core]]['line-width'], zoom, ON);
          expect(coreWidth).toBeGreaterThan(0);
          expect(casingWidth - coreWidth).toBeGreaterThanOrEqual(2);
          if (core !== LAYER.areaLine) expect(lineValue('line-width', widths[core]['line-width'], zoom, {})).toBe(0);
        }
      }
    }
  });

  it('grows with zoom and while presenting', () => {
    for (const core of CORES) {
      const at = (scale: number, zoom: number) => lineValue('line-width', overlayWidths(scale)[core]['line-width'], zoom, ON);
      expect(at(1, 15)).toBeGreaterThan(at(1, 12));
      expect(at(1, 12)).toBeGreaterThan(at(1, 10));
      expect(at(PRESENTATION_LINE_SCALE, 12)).toBeCloseTo(at(1, 12) * PRESENTATION_LINE_SCALE, 1);
    }
  });

  it('insets targets by half their casing, core and casing alike, so adjacent targets keep two outlines', () => {
    const widths = overlayWidths();
    const casing = lineValue('line-width', widths[LAYER.targetsCasing]['line-width'], 12, ON);
    expect(lineValue('line-offset', widths[LAYER.targetsCasing]['line-offset'], 12, ON)).toBeCloseTo(casing / 2);
    expect(lineValue('line-offset', widths[LAYER.targets]['line-offset'], 12, ON)).toBeCloseTo(casing / 2);
  });
});

describe('the focus area', () => {
  it('starts with its veil hidden (shown only in the area tab) and its outline waiting for the first map', () => {
    const layers = baseStyle().layers;
    const fill = layers.find((l) => l.id === LAYER.areaFill)!;
    const line = layers.find((l) => l.id === LAYER.areaLine)!;
    expect((fill.layout as { visibility?: string }).visibility).toBe('none');
    expect(AFTER_FIRST_MAP).not.toContain(LAYER.areaFill);
    // MapView shows the outline once the first polygons are drawn (style.ts AFTER_FIRST_MAP).
    expect((line.layout as { visibility?: string }).visibility).toBe('none');
    expect(AFTER_FIRST_MAP).toContain(LAYER.areaLine);
  });
});
