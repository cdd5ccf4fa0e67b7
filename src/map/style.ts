/**
 * Pure builders of the map's style, layers and paint expressions (tested as JSON). The style is
 * embedded and offline: a plain background, the kelurahan choropleth, outlines and labels, with
 * glyphs generated in the browser (glyphs.ts). The OpenStreetMap basemap is optional.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, RasterSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from './palette';
// Glyphs are answered by the app itself (glyphs.ts registers the protocol): no font server.
import { LABEL_FONT_SEMIBOLD, LOCAL_GLYPHS_URL } from './glyphs';

import { CATEGORY_STATE, LAYER, SOURCE, VALUE_STATE } from './layer-ids';
import { areaLayers, outlineLayers } from './overlay-style';

export { CATEGORY_STATE, LAYER, NEIGHBOUR_STATE, SIGNIFICANT_STATE, SOURCE, TARGET_STATE, VALUE_STATE } from './layer-ids';
export { CASING_OF, ON_DEMAND, PRESENTATION_LINE_SCALE, overlayWidths } from './overlay-style';

/**
 * Fill colour from the value in feature-state: class i when breaks[i] <= v (MapLibre's `step`
 * is left-closed like classInt), grey when there is no value. `breaks` are the class limits
 * from the minimum to the maximum, `colors` one per class.
 */
export function fillColorExpression(breaks: readonly number[], colors: readonly string[]): ExpressionSpecification {
  const value: ExpressionSpecification = ['feature-state', VALUE_STATE];
  if (colors.length === 0 || breaks.length < 2) return ['literal', NO_DATA_COLOR] as unknown as ExpressionSpecification;
  // One class (every value equal): a step needs at least one stop, so use the colour itself.
  if (colors.length === 1) return ['case', ['==', ['typeof', value], 'number'], colors[0], NO_DATA_COLOR];
  const steps: (string | number)[] = [colors[0]];
  for (let i = 1; i < colors.length; i++) steps.push(breaks[i], colors[i]);
  return ['case', ['==', ['typeof', value], 'number'], ['step', value, ...steps] as ExpressionSpecification, NO_DATA_COLOR];
}

function empty(): FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

/** Fill colour from a category index in feature-state (`colors[i]` for category i), grey otherwise. */
export function categoryColorExpression(colors: readonly string[]): ExpressionSpecification {
  if (colors.length === 0) return ['literal', NO_DATA_COLOR] as unknown as ExpressionSpecification;
  const pairs = colors.flatMap((color, i) => [i, color]);
  // ['number', x, -1] falls back to -1 when x is unset; to-number would turn null into 0.
  return ['match', ['number', ['feature-state', CATEGORY_STATE], -1], ...pairs, NO_DATA_COLOR] as unknown as ExpressionSpecification;
}

/**
 * Layers of the overlays' own sources (imported points, program sites, the focus area's outline):
 * hidden in the style the map starts with and switched on by MapView with the labels, once the
 * first polygons are drawn. A source none of whose layers is visible asks its worker for no tiles:
 * before the first map these empty sources tripled the tiles the single worker cut (measure 1).
 */
export const AFTER_FIRST_MAP: readonly string[] = [LAYER.areaLineCasing, LAYER.areaLine, LAYER.areaVertices, LAYER.points, LAYER.siteClusters, LAYER.siteCount, LAYER.sites];

/** `layer` hidden when it waits for the first map (AFTER_FIRST_MAP). */
function waiting(layer: LayerSpecification): LayerSpecification {
  if (!AFTER_FIRST_MAP.includes(layer.id)) return layer;
  return { ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification;
}

/** The offline style the map starts with; sources start empty and are filled from state. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    glyphs: LOCAL_GLYPHS_URL,
    sources: {
      [SOURCE.kelurahan]: { type: 'geojson', data: empty(), promoteId: 'kode' },
      [SOURCE.kecamatan]: { type: 'geojson', data: empty() },
      [SOURCE.labels]: { type: 'geojson', data: empty(), promoteId: 'kode' },
      [SOURCE.points]: { type: 'geojson', data: empty() },
      [SOURCE.area]: { type: 'geojson', data: empty() },
      // Dense program sites are grouped into one circle with their count until zoomed in.
      [SOURCE.sites]: { type: 'geojson', data: empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: 15 },
    },
    layers: layers().map(waiting),
  };
}

function layers(): LayerSpecification[] {
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': '#eef1f4' } },
    {
      id: LAYER.fill,
      type: 'fill',
      source: SOURCE.kelurahan,
      paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': 0.92 },
    },
    {
      id: LAYER.line,
      type: 'line',
      source: SOURCE.kelurahan,
      paint: { 'line-color': '#ffffff', 'line-width': kelurahanLineWidth(false), 'line-opacity': 0.9 },
    },
    {
      id: LAYER.kecamatan,
      type: 'line',
      source: SOURCE.kecamatan,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#37474f', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 3] },
    },
    ...outlineLayers(),
    ...areaLayers(),
    labelLayer(),
    {
      // Imported sites (program locations) on top, small enough not to hide the choropleth.
      id: LAYER.points,
      type: 'circle',
      source: SOURCE.points,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 6],
        'circle-color': '#1a237e',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: LAYER.siteClusters,
      type: 'circle',
      source: SOURCE.sites,
      filter: ['has', 'point_count'],
      paint: { 'circle-color': '#004d40', 'circle-radius': ['step', ['get', 'point_count'], 11, 5, 14, 10, 17], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: LAYER.siteCount,
      type: 'symbol',
      source: SOURCE.sites,
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [LABEL_FONT_SEMIBOLD], 'text-size': 11 },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER.sites,
      type: 'circle',
      source: SOURCE.sites,
      filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': '#004d40', 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}

/** Kelurahan names by zoom; on a projector at least 16 px, to be read from the back of a room. */
export function labelTextSize(presenting: boolean): ExpressionSpecification {
  // Kab/kota names (a provinsi at low zoom) a size up from desa names, as on a printed atlas.
  const first = ['case', ['==', ['get', 'tingkat'], 'kabkota'], presenting ? 19 : 13, presenting ? 16 : 10];
  return (presenting
    ? ['interpolate', ['linear'], ['zoom'], 11, first, 13, 18, 15, 22]
    : ['interpolate', ['linear'], ['zoom'], 11, first, 13, 12.5, 15, 15]) as unknown as ExpressionSpecification;
}

/** The white lines between kelurahan, wider on a projector. */
export function kelurahanLineWidth(presenting: boolean): ExpressionSpecification {
  return presenting ? ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 3] : ['interpolate', ['linear'], ['zoom'], 10, 0.5, 15, 1.5];
}

/**
 * In a region of several kab/kota (a provinsi), the zoom from which desa are named instead of
 * kab/kota (label-points.ts marks which is which): at a provinsi's framing, about zoom 7,
 * thousands of desa names would hide the map.
 */
export const LABEL_DESA_ZOOM = 11;

/** The name a label point shows: by its level in a wide region, always in a single kab/kota (no level). */
export function labelTextField(): ExpressionSpecification {
  const level = ['get', 'tingkat'];
  return [
    'step',
    ['zoom'],
    ['case', ['==', level, 'desa'], '', ['get', 'kelurahan']],
    LABEL_DESA_ZOOM,
    ['case', ['==', level, 'kabkota'], '', ['get', 'kelurahan']],
  ] as unknown as ExpressionSpecification;
}

function labelLayer(): LayerSpecification {
  return {
    id: LAYER.labels,
    type: 'symbol',
    source: SOURCE.labels,
    layout: {
      // Switched on by MapView once the first polygons are drawn: placing labels (and compiling
      // their shader) takes about 0.4 s of a first paint with software WebGL.
      visibility: 'none',
      'text-field': labelTextField(),
      'text-font': [LABEL_FONT_SEMIBOLD],
      'text-size': labelTextSize(false),
      'text-max-width': 7,
      'text-padding': 1,
      'text-allow-overlap': false,
    },
    paint: {
      'text-color': '#1c2833',
      'text-halo-color': 'rgba(255,255,255,0.92)',
      'text-halo-width': 1.6,
      'text-halo-blur': 0.3,
    },
  };
}

/** The optional online basemap; added only when the user switches it on. */
export function osmSource(): RasterSourceSpecification {
  return {
    type: 'raster',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    tileSize: 256,
    maxzoom: 19,
    attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>',
  };
}

export function osmLayer(): LayerSpecification {
  return { id: LAYER.osm, type: 'raster', source: SOURCE.osm, paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.85 } };
}

/** Fill opacity: lighter over a basemap so streets show through. */
export function fillOpacity(basemap: boolean): number {
  return basemap ? 0.7 : 0.92;
}
