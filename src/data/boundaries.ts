/**
 * Reading kelurahan and kecamatan boundaries from FlatGeobuf. The city files are small, so they
 * are read whole; the national file (issue: any region) will use bbox reads of the same format.
 */
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, string>>;
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;

/** Thrown when a boundary file cannot be fetched or read; `reason` says which. */
export class BoundaryLoadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'network' | 'format',
    cause?: unknown,
  ) {
    super(`Boundary file ${url} could not be ${reason === 'network' ? 'downloaded' : 'read'}`, { cause });
  }
}

/** Reads a whole FlatGeobuf file of polygons into a GeoJSON FeatureCollection. */
export async function readFlatGeobuf(bytes: Uint8Array, url = '(file)'): Promise<AreaCollection> {
  const features: AreaFeature[] = [];
  try {
    for await (const feature of deserialize(bytes)) {
      const type = feature.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
      features.push({ type: 'Feature', geometry: feature.geometry as Polygon | MultiPolygon, properties: feature.properties as Record<string, string> });
    }
  } catch (error) {
    throw new BoundaryLoadError(url, 'format', error);
  }
  return { type: 'FeatureCollection', features };
}

/** Downloads and reads a FlatGeobuf file of polygons. */
export async function fetchFlatGeobuf(url: string, signal?: AbortSignal): Promise<AreaCollection> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new BoundaryLoadError(url, 'network', error);
  }
  return readFlatGeobuf(bytes, url);
}
