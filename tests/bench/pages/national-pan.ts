/**
 * The baseline of measure 4c: the least a MapLibre page can do to show the app's national vector
 * tiles. The same tiles (`tiles` URL template), one fill layer of one colour, no feature-state,
 * no hover source, no controls, in a map of the app's map size. The runner pans it exactly as it
 * pans the app, so the ratio is what the app adds to MapLibre, not how slow software WebGL is.
 * Query parameters: `tiles` template, `size` width,height in CSS px, `center` lon,lat, `zoom`.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

const params = new URLSearchParams(location.search);
const numbers = (name: string) => (params.get(name) ?? '').split(',').map(Number);

setWorkerUrl(workerUrl);
const container = document.getElementById('map')!;
const [width, height] = numbers('size');
container.style.width = `${width}px`;
container.style.height = `${height}px`;
const [lon, lat] = numbers('center');

const map = new MapLibreMap({
  container,
  style: {
    version: 8,
    sources: { desa: { type: 'vector', tiles: [params.get('tiles') ?? ''], minzoom: 3, maxzoom: 10 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
      { id: 'fill', type: 'fill', source: 'desa', 'source-layer': 'desa', paint: { 'fill-color': '#fd8d3c', 'fill-antialias': false } },
    ],
  },
  center: [lon, lat],
  zoom: Number(params.get('zoom') ?? 8),
  attributionControl: false,
});
// The runner's pan script reads the map where it reads the app's (window.__pkk.nationalMap).
(window as unknown as { __pkk: { nationalMap: MapLibreMap } }).__pkk = { nationalMap: map };
map.on('idle', () => {
  if (map.areTilesLoaded() && performance.getEntriesByName('bench:tiles-drawn').length === 0) performance.mark('bench:tiles-drawn');
});
