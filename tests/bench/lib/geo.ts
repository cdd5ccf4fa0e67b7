/** The demo cities' boundary GeoJSON as the bench needs it: bbox, feature count, where it is served. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { ROOT } from './paths';

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface CityBoundary {
  slug: string;
  nama: string;
  /** Kode prefix of its kelurahan in the national file, e.g. `33.72.`. */
  prefix: string;
  /** Path under the project's `data/` folder (served at `/data/`). */
  dataPath: string;
  features: number;
  bbox: Rect;
}

interface CityJson {
  kode: string;
  slug: string;
  nama: string;
  boundaries: string;
}

function extend(rect: Rect, coordinates: unknown): void {
  if (typeof (coordinates as Position)[0] === 'number') {
    const [x, y] = coordinates as Position;
    rect.minX = Math.min(rect.minX, x);
    rect.minY = Math.min(rect.minY, y);
    rect.maxX = Math.max(rect.maxX, x);
    rect.maxY = Math.max(rect.maxY, y);
    return;
  }
  for (const inner of coordinates as unknown[]) extend(rect, inner);
}

/** The demo city with slug `slug`, read from data/kota.json and its boundary file. */
export function cityBoundary(slug: string): CityBoundary {
  const cities = JSON.parse(readFileSync(join(ROOT, 'data/kota.json'), 'utf8')) as CityJson[];
  const city = cities.find((c) => c.slug === slug);
  if (!city) throw new Error(`no demo city ${slug}`);
  const dataPath = `boundaries/${city.boundaries}`;
  const collection = JSON.parse(readFileSync(join(ROOT, 'data', dataPath), 'utf8')) as FeatureCollection;
  const bbox: Rect = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const feature of collection.features) if (feature.geometry.type !== 'GeometryCollection') extend(bbox, feature.geometry.coordinates);
  return { slug, nama: city.nama, prefix: `${city.kode}.`, dataPath, features: collection.features.length, bbox };
}
