/**
 * The style of the map of all of Indonesia (pure, tested as JSON): the desa/kelurahan vector
 * tiles coloured from feature-state like the city map (style.ts), outlines only where desa are
 * large enough on screen to tell apart, and a hover outline.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { NATIONAL_BOUNDS, NATIONAL_LAYER, NATIONAL_TILE_ZOOMS } from '../data/national-map';
import { NO_DATA_COLOR } from './palette';

export const NATIONAL_SOURCE = 'desa-nasional';
export const NATIONAL_LAYERS = { fill: 'desa-fill', line: 'desa-line', hover: 'desa-hover' } as const;

/** The national map's style for tiles at `tileTemplate`; values arrive later as feature-state. */
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
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
      {
        id: NATIONAL_LAYERS.fill,
        type: 'fill',
        source: NATIONAL_SOURCE,
        'source-layer': NATIONAL_LAYER,
        // No antialiasing: 83,402 tiny polygons at zoom 4 draw faster and without seams' halos.
        paint: { 'fill-color': NO_DATA_COLOR, 'fill-antialias': false },
      },
      {
        id: NATIONAL_LAYERS.line,
        type: 'line',
        source: NATIONAL_SOURCE,
        'source-layer': NATIONAL_LAYER,
        minzoom: 7,
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.2, 10, 0.6, 13, 1.2], 'line-opacity': 0.8 },
      },
      {
        id: NATIONAL_LAYERS.hover,
        type: 'line',
        source: NATIONAL_SOURCE,
        'source-layer': NATIONAL_LAYER,
        paint: { 'line-color': '#1a237e', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
      },
    ],
  };
}
