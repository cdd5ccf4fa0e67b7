/**
 * The style of the map of all of Indonesia (pure, tested as JSON): the desa/kelurahan vector
 * tiles filled with the code of each desa's index (feature-state), which the colour layer
 * (national-colour-layer.ts, added by the map view after the fills: custom layers cannot be
 * written in a style) turns into its colour; outlines only where desa are large enough on screen
 * to tell apart, and the hovered desa's outline from its own source.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { NATIONAL_BOUNDS, NATIONAL_LAYER, NATIONAL_TILE_ZOOMS } from '../data/national-map';
import { desaIndexFillColor } from './national-colour-layer';

export const NATIONAL_SOURCE = 'desa-nasional';
export const NATIONAL_HOVER_SOURCE = 'desa-nasional-hover';
/** The style's layers, and the colour layer the map view puts before the outlines. */
export const NATIONAL_LAYERS = { fill: 'desa-fill', colour: 'desa-colour', line: 'desa-line', hover: 'desa-hover' } as const;

/**
 * The sea behind the desa: a slate blue-grey no class, category or "no data" grey is near (the old
 * #EEF1F4 was the near-white of "not significant"; tests/unit/map/national-colours.test.ts).
 */
export const NATIONAL_BACKGROUND = '#8890b0';

/** The national map's style for tiles at `tileTemplate`; desa indices arrive later as feature-state. */
export function nationalStyle(tileTemplate: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [NATIONAL_SOURCE]: {
        type: 'vector',
        tiles: [tileTemplate],
        minzoom: NATIONAL_TILE_ZOOMS.min,
        maxzoom: NATIONAL_TILE_ZOOMS.max,
        bounds: NATIONAL_BOUNDS,
        // Feature-state is keyed by the Kemendagri code, as on the city map.
        promoteId: { [NATIONAL_LAYER]: 'kode' },
      },
      [NATIONAL_HOVER_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': NATIONAL_BACKGROUND } },
      {
        id: NATIONAL_LAYERS.fill,
        type: 'fill',
        source: NATIONAL_SOURCE,
        'source-layer': NATIONAL_LAYER,
        // Each desa's index as a colour code, set once; colours change in the colour layer only.
        // No antialiasing: a pixel must hold one desa's code unmixed (and tiny polygons at zoom 4
        // draw faster and without halos at their seams).
        paint: { 'fill-color': desaIndexFillColor(), 'fill-antialias': false },
      },
      {
        id: NATIONAL_LAYERS.line,
        type: 'line',
        source: NATIONAL_SOURCE,
        'source-layer': NATIONAL_LAYER,
        // From zoom 9, where a desa is tens of pixels wide; below, outlines would cost more to draw
        // than the fills (line geometry is several times the vertices) and show little.
        minzoom: 9,
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 13, 1.2], 'line-opacity': 0.8 },
      },
      {
        // The hovered desa only, from its own small source: a feature-state width on every desa
        // would make MapLibre build and update line geometry for all 83,402 at every zoom.
        id: NATIONAL_LAYERS.hover,
        type: 'line',
        source: NATIONAL_HOVER_SOURCE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#1a237e', 'line-width': 2.5 },
      },
    ],
  };
}
