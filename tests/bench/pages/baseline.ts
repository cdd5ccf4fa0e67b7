/**
 * The baseline the app is measured against: the least a MapLibre page can do to show the same
 * kelurahan. One GeoJSON fetched on the main thread (as the app fetches its FlatGeobuf), one fill
 * layer, no database, no labels. Query parameters (set by the runner so both pages draw the same
 * picture): `data` GeoJSON URL, `bbox` minX,minY,maxX,maxY, `size` width,height of the map in
 * CSS px (the app's map area), `pad` top,right,bottom,left fit padding (the app's).
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { BaselineApi } from './api';

const MARK = 'bench:polygons-drawn';
const params = new URLSearchParams(location.search);
const numbers = (name: string) => (params.get(name) ?? '').split(',').map(Number);

// Start the download before MapLibre initialises, as early as the app starts its own.
const dataPromise = fetch(params.get('data') ?? '').then((r) => r.json() as Promise<FeatureCollection>);

setWorkerUrl(workerUrl);
const container = document.getElementById('map')!;
const [width, height] = numbers('size');
container.style.width = `${width}px`;
container.style.height = `${height}px`;
const [minX, minY, maxX, maxY] = numbers('bbox');
const [top, right, bottom, left] = numbers('pad');

const map = new MapLibreMap({
  container,
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }] },
  bounds: [minX, minY, maxX, maxY],
  fitBoundsOptions: { padding: { top, right, bottom, left } },
  attributionControl: false,
});

/** Data-driven colour from the `v` property (0-1, five classes), grey before any recolour. */
const FILL_COLOR = ['case', ['has', 'v'], ['step', ['get', 'v'], '#ffffb2', 0.2, '#fecc5c', 0.4, '#fd8d3c', 0.6, '#f03b20', 0.8, '#bd0026'], '#d9d9d9'];

let geometry: FeatureCollection | undefined;
map.on('load', async () => {
  geometry = await dataPromise;
  map.addSource('kelurahan', { type: 'geojson', data: geometry });
  map.addLayer({ id: 'fill', type: 'fill', source: 'kelurahan', paint: { 'fill-color': FILL_COLOR as never, 'fill-opacity': 0.92 } });
  const onIdle = () => {
    if (map.queryRenderedFeatures({ layers: ['fill'] }).length === 0) return;
    map.off('idle', onIdle);
    performance.mark(MARK);
  };
  map.on('idle', onIdle);
});

let generation = 0;

/** Waits for the idle in which the source holds generation `gen` (not an idle of older data). */
function idleWith(gen: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const feature = map.querySourceFeatures('kelurahan')[0];
      if (feature?.properties?.gen !== gen) return;
      map.off('idle', check);
      resolve();
    };
    map.on('idle', check);
  });
}

const api: BaselineApi = {
  async recolour() {
    if (!geometry) throw new Error('baseline map not drawn yet');
    const gen = ++generation;
    const start = performance.now();
    // Same geometry, new properties: what a page without feature-state has to do to recolour.
    const next: FeatureCollection = {
      type: 'FeatureCollection',
      features: geometry.features.map((f) => ({ ...f, properties: { ...f.properties, v: Math.random(), gen } })),
    };
    const idle = idleWith(gen);
    (map.getSource('kelurahan') as GeoJSONSource).setData(next);
    await idle;
    return performance.now() - start;
  },
};
(window as unknown as { bench: BaselineApi; map: MapLibreMap }).bench = api;
