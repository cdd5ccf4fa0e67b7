/**
 * One label point per kelurahan at its pole of inaccessibility (the interior point farthest from
 * the edge), so names sit inside even concave kelurahan and appear once. Labelling the polygons
 * directly would place a label per tile piece.
 */
import polylabel from 'polylabel';
import area from '@turf/area';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { AreaCollection } from '../data/boundaries';

/** About one metre at the equator: finer than any label needs. */
const PRECISION_DEGREES = 0.00001;

/** Label points carrying the kelurahan `kode` and `kelurahan` name. */
export function labelPoints(areas: AreaCollection): FeatureCollection<Point, { kode: string; kelurahan: string }> {
  const features: Feature<Point, { kode: string; kelurahan: string }>[] = [];
  for (const feature of areas.features) {
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    // For a kelurahan in several parts (islands), label the largest part.
    const largest = polygons.reduce(
      (best, rings) => {
        const size = area({ type: 'Polygon', coordinates: rings } satisfies Polygon);
        return size > best.size ? { rings, size } : best;
      },
      { rings: polygons[0], size: -1 },
    ).rings;
    const [lon, lat] = polylabel(largest, PRECISION_DEGREES);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { kode: feature.properties.kode, kelurahan: feature.properties.kelurahan },
    });
  }
  return { type: 'FeatureCollection', features };
}
