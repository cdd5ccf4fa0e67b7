/**
 * The outlines drawn over the choropleth (selection and hover, LISA neighbours, significant
 * results, RTLH targets and "both gaps worst", the focus area's boundary) as double lines: a wide
 * casing under a narrow core of opposite lightness. A single dark line vanished over dark red and
 * blue classes on a projector (issue 15); with a light casing under a dark core, or a dark casing
 * under a light core, one of the two lines stands out against every class colour of every palette
 * (tests/unit/map/overlay-style.test.ts checks it by WCAG contrast). Widths grow with zoom and
 * while presenting. Pure builders, tested as JSON.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LAYER, NEIGHBOUR_STATE, SIGNIFICANT_STATE, SOURCE, TARGET_STATE } from './layer-ids';

/** Core and casing colour of each overlay line. */
export const OVERLAY_COLORS = {
  selected: { core: '#1a237e', casing: '#ffffff' },
  hover: { core: '#263238', casing: '#ffffff' },
  // The profile says neighbours are "outlined orange": a light core, so the casing is black.
  neighbours: { core: '#ff9800', casing: '#000000' },
  significant: { core: '#212121', casing: '#ffffff' },
  targets: { core: '#000000', casing: '#ffffff' },
  area: { core: '#1a237e', casing: '#ffffff' },
} as const;

export type OverlayKind = keyof typeof OVERLAY_COLORS;

/** Core and casing widths in pixels at zoom 12 (a whole city on a laptop), not presenting. */
export const OVERLAY_WIDTHS: Record<OverlayKind, { core: number; casing: number }> = {
  selected: { core: 3.5, casing: 6.5 },
  hover: { core: 2, casing: 4.5 },
  neighbours: { core: 2.5, casing: 5 },
  significant: { core: 2.5, casing: 5.5 },
  targets: { core: 3, casing: 6.5 },
  area: { core: 2.5, casing: 5.5 },
};

/** Width factors by zoom: thinner over a whole province, thicker over a few kelurahan. */
const ZOOM_FACTORS: readonly (readonly [number, number])[] = [
  [9, 0.8],
  [12, 1],
  [15, 1.5],
];

/** How much wider overlay lines are drawn while presenting, to be seen across a room. */
export const PRESENTATION_LINE_SCALE = 1.6;

/**
 * Outline layers hidden until they show something (MapView switches them with their casing):
 * hidden, they cost nothing on the first paint, where each would compile its own shader variant
 * (about 0.1 s each with software WebGL).
 */
export const ON_DEMAND = [LAYER.highlight, LAYER.neighbours, LAYER.significant, LAYER.targets] as const;

/** The casing drawn under each outline core. */
export const CASING_OF = {
  [LAYER.highlight]: LAYER.highlightCasing,
  [LAYER.neighbours]: LAYER.neighboursCasing,
  [LAYER.significant]: LAYER.significantCasing,
  [LAYER.targets]: LAYER.targetsCasing,
  [LAYER.areaLine]: LAYER.areaLineCasing,
} as const;

const flag = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const round = (x: number) => Math.round(x * 100) / 100;

/** A width that grows with zoom; `at(factor)` gives the width (or a feature-state case) at a factor. */
function byZoom(scale: number, at: (factor: number) => number | ExpressionSpecification): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...ZOOM_FACTORS.flatMap(([zoom, factor]) => [zoom, at(factor * scale)])] as ExpressionSpecification;
}

/** Width of a line drawn only on kelurahan whose feature-state `key` is set. */
function flagged(key: string, width: number, scale: number): ExpressionSpecification {
  return byZoom(scale, (f) => ['case', flag(key), round(width * f), 0]);
}

type LinePaint = { 'line-width': ExpressionSpecification; 'line-offset'?: ExpressionSpecification };

/**
 * Widths (and the targets' inset) of every overlay layer, core and casing, at a presentation
 * scale (1 = a screen in front of the user). MapView sets them again when presenting starts.
 */
export function overlayWidths(scale = 1): Record<string, LinePaint> {
  const w = OVERLAY_WIDTHS;
  const highlight = (part: 'core' | 'casing') => byZoom(scale, (f) => ['case', flag('selected'), round(w.selected[part] * f), flag('hover'), round(w.hover[part] * f), 0]);
  // Targets are inset by half their casing, so neighbouring targets keep separate outlines.
  const inset = byZoom(scale, (f) => ['case', flag(TARGET_STATE), round((w.targets.casing / 2) * f), 0]);
  return {
    [LAYER.highlightCasing]: { 'line-width': highlight('casing') },
    [LAYER.highlight]: { 'line-width': highlight('core') },
    [LAYER.neighboursCasing]: { 'line-width': flagged(NEIGHBOUR_STATE, w.neighbours.casing, scale) },
    [LAYER.neighbours]: { 'line-width': flagged(NEIGHBOUR_STATE, w.neighbours.core, scale) },
    [LAYER.significantCasing]: { 'line-width': flagged(SIGNIFICANT_STATE, w.significant.casing, scale) },
    [LAYER.significant]: { 'line-width': flagged(SIGNIFICANT_STATE, w.significant.core, scale) },
    [LAYER.targetsCasing]: { 'line-width': flagged(TARGET_STATE, w.targets.casing, scale), 'line-offset': inset },
    [LAYER.targets]: { 'line-width': flagged(TARGET_STATE, w.targets.core, scale), 'line-offset': inset },
    [LAYER.areaLineCasing]: { 'line-width': byZoom(scale, (f) => round(w.area.casing * f)) },
    [LAYER.areaLine]: { 'line-width': byZoom(scale, (f) => round(w.area.core * f)) },
  };
}

/** A kelurahan outline layer, hidden until MapView shows it. */
function outline(id: string, color: string | ExpressionSpecification, paint: LinePaint, dashes?: number[]): LayerSpecification {
  return {
    id,
    type: 'line',
    source: SOURCE.kelurahan,
    layout: { 'line-join': 'round', visibility: 'none' },
    paint: { 'line-color': color, ...paint, ...(dashes ? { 'line-dasharray': dashes } : {}) },
  };
}

/** Selection and hover, neighbours, significant results and targets: each casing under its core. */
export function outlineLayers(scale = 1): LayerSpecification[] {
  const widths = overlayWidths(scale);
  const c = OVERLAY_COLORS;
  return [
    outline(LAYER.highlightCasing, c.selected.casing, widths[LAYER.highlightCasing]),
    outline(LAYER.highlight, ['case', flag('selected'), c.selected.core, c.hover.core], widths[LAYER.highlight]),
    // Dashed core on a solid casing: the dashes alternate orange and black.
    outline(LAYER.neighboursCasing, c.neighbours.casing, widths[LAYER.neighboursCasing]),
    outline(LAYER.neighbours, c.neighbours.core, widths[LAYER.neighbours], [2, 1]),
    // Significance shown without colour too: a double outline on significant kelurahan.
    outline(LAYER.significantCasing, c.significant.casing, widths[LAYER.significantCasing]),
    outline(LAYER.significant, c.significant.core, widths[LAYER.significant]),
    // RTLH targets (and the water tab's "both gaps worst"): visible without relying on colour.
    outline(LAYER.targetsCasing, c.targets.casing, widths[LAYER.targetsCasing]),
    outline(LAYER.targets, c.targets.core, widths[LAYER.targets]),
  ];
}

/**
 * The focus area: a light veil shown only while the area tab is open (MapView switches it; it
 * would tint the class colours elsewhere), and a dashed outline on a white casing.
 */
export function areaLayers(scale = 1): LayerSpecification[] {
  const widths = overlayWidths(scale);
  const line = (id: string, color: string, dashes?: number[]): LayerSpecification => ({
    id,
    type: 'line',
    source: SOURCE.area,
    filter: ['!=', ['geometry-type'], 'Point'],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': color, ...widths[id], ...(dashes ? { 'line-dasharray': dashes } : {}) },
  });
  return [
    {
      id: LAYER.areaFill,
      type: 'fill',
      source: SOURCE.area,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      layout: { visibility: 'none' },
      paint: { 'fill-color': OVERLAY_COLORS.area.core, 'fill-opacity': 0.12 },
    },
    // A dashed core on a solid casing: the dashes alternate navy and white.
    line(LAYER.areaLineCasing, OVERLAY_COLORS.area.casing),
    line(LAYER.areaLine, OVERLAY_COLORS.area.core, [3, 2]),
    {
      id: LAYER.areaVertices,
      type: 'circle',
      source: SOURCE.area,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': OVERLAY_COLORS.area.core, 'circle-stroke-width': 2 },
    },
  ];
}
