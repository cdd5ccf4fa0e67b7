/**
 * Pure builders of the map's style, layers and paint expressions (tested as JSON). The style is
 * embedded and offline: a plain background, the kelurahan choropleth, outlines and labels, with
 * glyphs generated in the browser (glyphs.ts). The OpenStreetMap basemap is optional.
 */
import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { NO_DATA_COLOR } from './palette';
// Glyphs are answered by the app itself (glyphs.ts registers the protocol): no font server.
import { LABEL_FONT_SEMIBOLD, LOCAL_GLYPHS_URL } from './glyphs';

export const SOURCE = {
  kelurahan: 'kelurahan',
  kecamatan: 'kecamatan',
  labels: 'kelurahan-labels',
  points: 'titik',
  sites: 'lokasi-program',
  area: 'kawasan',
  osm: 'osm',
} as const;

export const LAYER = {
  background: 'background',
  osm: 'osm',
  fill: 'kelurahan-fill',
  line: 'kelurahan-line',
  kecamatan: 'kecamatan-line',
  highlight: 'kelurahan-highlight',
  neighbours: 'kelurahan-neighbours',
  labels: 'kelurahan-labels',
  significant: 'kelurahan-signifikan',
  targets: 'kelurahan-sasaran',
  points: 'titik',
  areaFill: 'kawasan-isi',
  areaLine: 'kawasan-garis',
  areaVertices: 'kawasan-titik',
  siteClusters: 'lokasi-program-kelompok',
  siteCount: 'lokasi-program-jumlah',
  sites: 'lokasi-program',
} as const;

/** The feature-state key set on kelurahan with a significant local statistic (cluster, hot/cold spot). */
export const SIGNIFICANT_STATE = 'signifikan';
/** The feature-state key set on kelurahan chosen for a program (RTLH targets, focus areas). */
export const TARGET_STATE = 'sasaran';
/** The feature-state key that holds a kelurahan's value. */
export const VALUE_STATE = 'nilai';
/** The feature-state key that holds a kelurahan's category (cluster, hot spot); -1 = none. */
export const CATEGORY_STATE = 'kategori';
/** The feature-state flag of the selected kelurahan's neighbours. */
export const NEIGHBOUR_STATE = 'tetangga';
/**
 * Outline layers hidden until they show something (MapView switches them): hidden, they cost
 * nothing on the first paint, where each would compile its own shader variant (about 0.1 s each
 * with software WebGL).
 */
export const ON_DEMAND = [LAYER.highlight, LAYER.neighbours, LAYER.significant, LAYER.targets] as const;


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
    layers: [
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
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 15, 1.5], 'line-opacity': 0.9 },
      },
      {
        id: LAYER.kecamatan,
        type: 'line',
        source: SOURCE.kecamatan,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#37474f', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 3] },
      },
      {
        id: LAYER.highlight,
        type: 'line',
        source: SOURCE.kelurahan,
        layout: { 'line-join': 'round', visibility: 'none' },
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#1a237e', '#263238'],
          'line-width': [
            'case',
            ['boolean', ['feature-state', 'selected'], false], 3.5,
            ['boolean', ['feature-state', 'hover'], false], 2,
            0,
          ],
        },
      },
      {
        id: LAYER.neighbours,
        type: 'line',
        source: SOURCE.kelurahan,
        layout: { 'line-join': 'round', visibility: 'none' },
        paint: {
          'line-color': '#ff6f00',
          'line-width': ['case', ['boolean', ['feature-state', NEIGHBOUR_STATE], false], 2.5, 0],
          'line-dasharray': [2, 1],
        },
      },
      {
        // Significance shown without colour too: a dark double-width outline on significant kelurahan.
        id: LAYER.significant,
        type: 'line',
        source: SOURCE.kelurahan,
        layout: { 'line-join': 'round', visibility: 'none' },
        paint: { 'line-color': '#212121', 'line-width': ['case', ['boolean', ['feature-state', SIGNIFICANT_STATE], false], 2.2, 0] },
      },
      {
        // Kelurahan chosen for repairs: a thick dark outline with a white casing, so the choice is
        // visible on every class colour and without relying on colour.
        id: LAYER.targets,
        type: 'line',
        source: SOURCE.kelurahan,
        layout: { 'line-join': 'round', visibility: 'none' },
        paint: {
          'line-color': '#000000',
          'line-width': ['case', ['boolean', ['feature-state', TARGET_STATE], false], 3, 0],
          'line-offset': ['case', ['boolean', ['feature-state', TARGET_STATE], false], 1.5, 0],
        },
      },
      {
        // The focus area: a light veil and a dashed outline, so the choropleth stays readable under it.
        id: LAYER.areaFill,
        type: 'fill',
        source: SOURCE.area,
        filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
        paint: { 'fill-color': '#1a237e', 'fill-opacity': 0.12 },
      },
      {
        id: LAYER.areaLine,
        type: 'line',
        source: SOURCE.area,
        filter: ['!=', ['geometry-type'], 'Point'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#1a237e', 'line-width': 2.5, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYER.areaVertices,
        type: 'circle',
        source: SOURCE.area,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#1a237e', 'circle-stroke-width': 2 },
      },
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
    ],
  };
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
      'text-field': ['get', 'kelurahan'],
      'text-font': [LABEL_FONT_SEMIBOLD],
      'text-size': ['interpolate', ['linear'], ['zoom'], 11, 10, 13, 12.5, 15, 15],
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
