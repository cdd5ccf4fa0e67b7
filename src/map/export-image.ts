/**
 * The map as an image at export resolution: a second, hidden MapLibre map with the same style,
 * the same feature-state (values, categories, outlines) and the same view, rendered directly at
 * the pixel size asked for (e.g. 300 dpi for an A4 frame), never an upscaled screenshot.
 */
import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SOURCE } from './style';
import { fitCamera, type Bounds, type Camera } from './framing';

export interface MapImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** Ground metres per image pixel at the image centre, for a scale bar. */
  metresPerPixel: number;
  /** The camera and frame size (CSS px) the image was drawn with: where each kelurahan landed. */
  frame: { camera: Camera; width: number; height: number };
}

/** Room kept around the region inside the export frame, as a share of the frame's shorter side. */
const FRAME_MARGIN = 0.04;

/** What the map view lends the exporter: an image of the map at a size and extent. */
export interface MapImagePort {
  render(options: { width: number; height: number; codes: string[]; bounds?: [number, number, number, number] }): Promise<MapImage>;
}

/** Where the feature-state to copy lives: the city map's kelurahan source unless said (the national map's tiles). */
export interface FeatureSource {
  source: string;
  sourceLayer?: string;
}

const EARTH_CIRCUMFERENCE = 40_075_016.686;

/**
 * Renders `map` into a `width` × `height` px PNG showing `bounds` (default: what the user sees).
 * `codes` are the kelurahan whose feature-state is copied; `prepare` adds to the copy what its
 * style cannot carry (the national map's custom colour layer).
 */
export async function renderMapImage(
  map: MapLibreMap,
  options: {
    width: number;
    height: number;
    codes: readonly string[];
    bounds?: [number, number, number, number];
    featureSource?: FeatureSource;
    prepare?: (copy: MapLibreMap) => void;
  },
): Promise<MapImage> {
  // The image is drawn at a device pixel ratio that keeps labels and lines the size they have on
  // screen relative to the map, so a print is the screen map at a higher resolution.
  const ratio = Math.max(1, Math.min(4, options.width / map.getCanvas().clientWidth));
  const container = document.createElement('div');
  document.body.append(container);
  const bounds = options.bounds ?? (map.getBounds().toArray().flat() as Bounds);
  // The camera is the bounds fitted to this frame with a margin, so no kelurahan touches the edge.
  const width = Math.round(options.width / ratio);
  const height = Math.round(options.height / ratio);
  const margin = Math.round(Math.min(width, height) * FRAME_MARGIN);
  const camera = fitCamera(bounds, { width, height }, { top: margin, right: margin, bottom: margin, left: margin });
  container.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;height:${height}px;`;
  const copy = new maplibregl.Map({
    container,
    style: map.getStyle(),
    center: camera.center,
    zoom: camera.zoom,
    pixelRatio: ratio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      copy.once('load', () => resolve());
      copy.once('error', (event) => reject((event as unknown as { error: Error }).error));
    });
    options.prepare?.(copy);
    const from = options.featureSource ?? { source: SOURCE.kelurahan };
    for (const id of options.codes) copy.setFeatureState({ ...from, id }, map.getFeatureState({ ...from, id }));
    await new Promise<void>((resolve) => {
      copy.once('idle', () => resolve());
      copy.triggerRepaint();
    });
    const canvas = copy.getCanvas();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The map could not be drawn as an image');
    const centre = copy.getCenter();
    const metresPerCssPixel = (EARTH_CIRCUMFERENCE * Math.cos((centre.lat * Math.PI) / 180)) / (512 * 2 ** copy.getZoom());
    return {
      png: new Uint8Array(await blob.arrayBuffer()),
      widthPx: canvas.width,
      heightPx: canvas.height,
      metresPerPixel: metresPerCssPixel / ratio,
      frame: { camera, width, height },
    };
  } finally {
    copy.remove();
    container.remove();
  }
}
