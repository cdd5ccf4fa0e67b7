/**
 * The map MapView lends to the overlays rendered inside it (a Svelte context, as svelte-maplibre
 * does): each feature's overlay component draws its own layers on it instead of MapView knowing
 * every feature. MapView renders its children only once the style has loaded, so `map` is ready
 * whenever an overlay reads it.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { LAYER } from './layer-ids';

/** The outline layers features share, each drawn on the kelurahan flagged for it. */
export type OutlineLayer = typeof LAYER.significant | typeof LAYER.targets | typeof LAYER.neighbours;

export interface MapContext {
  /** The map, its style loaded. */
  readonly map: MapLibreMap;
  /** Outlines `ids` on `layer` until the returned release is called (claims of several features add up). */
  outline(layer: OutlineLayer, ids: readonly string[]): () => void;
  /**
   * A click on a feature of `layer` goes to `handler` before any tool or the selection sees it;
   * until the returned release is called.
   */
  onLayerClick(layer: string, handler: (feature: MapGeoJSONFeature) => void): () => void;
}

const KEY = Symbol('pkk-map');

/** Called by MapView while it initialises. */
export function setMapContext(context: MapContext): void {
  setContext(KEY, context);
}

/** Called by an overlay rendered inside MapView. */
export function getMapContext(): MapContext {
  const context = getContext<MapContext | undefined>(KEY);
  if (!context) throw new Error('A map overlay must be rendered inside MapView.');
  return context;
}
