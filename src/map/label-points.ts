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

/**
 * What a label names in a region of several kab/kota (a provinsi): the style shows kab/kota
 * names at low zoom and desa names only from `LABEL_DESA_ZOOM`, so thousands of desa names do not
 * clutter a provinsi map (style.ts, LABEL_DESA_ZOOM). Absent in a single kab/kota, whose kelurahan are named at every zoom.
 */
export type LabelLevel = 'kabkota' | 'desa';
export interface LabelProperties {
  kode: string;
  kelurahan: string;
  tingkat?: LabelLevel;
}

/**
 * In a provinsi (thousands of desa, on the main thread) a desa label, shown only from zoom 11,
 * needs only be placed to within a twentieth of its desa's extent: metre precision took about
 * 6 s for Jawa Tengah's 8,563 desa on a loaded 2-core machine, this about a quarter of that.
 */
function widePrecision(outer: number[][]): number {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  return Math.max(PRECISION_DEGREES, Math.max(e - w, n - s) / 20);
}

/** Label points carrying the kelurahan `kode` and `kelurahan` name; in a region of several kab/kota, also one per kab/kota. */
export function labelPoints(areas: AreaCollection): FeatureCollection<Point, LabelProperties> {
  const features: Feature<Point, LabelProperties>[] = [];
  const wide = new Set(areas.features.map((f) => f.properties.kode_kota)).size > 1;
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
    const [lon, lat] = polylabel(largest, wide ? widePrecision(largest[0]) : PRECISION_DEGREES);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: wide
        ? { kode: feature.properties.kode, kelurahan: feature.properties.kelurahan, tingkat: 'desa' }
        : { kode: feature.properties.kode, kelurahan: feature.properties.kelurahan },
    });
  }
  if (wide) features.push(...kabkotaPoints(areas, features));
  return { type: 'FeatureCollection', features };
}

/**
 * One point per kab/kota: the desa label point nearest the mean of its desa's points, so the
 * name sits inside the kab/kota (a mean alone can fall in an enclave, e.g. a kota inside its
 * kabupaten) and near its middle.
 */
function kabkotaPoints(areas: AreaCollection, desa: Feature<Point, LabelProperties>[]): Feature<Point, LabelProperties>[] {
  const groups = new Map<string, { nama: string; points: [number, number][] }>();
  areas.features.forEach((feature, i) => {
    const { kode_kota: kode, kota: nama } = feature.properties;
    const group = groups.get(kode) ?? { nama, points: [] };
    group.points.push(desa[i].geometry.coordinates as [number, number]);
    groups.set(kode, group);
  });
  return [...groups].map(([kode, { nama, points }]) => {
    const mean = [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
    const nearest = points.reduce((best, p) => ((p[0] - mean[0]) ** 2 + (p[1] - mean[1]) ** 2 < (best[0] - mean[0]) ** 2 + (best[1] - mean[1]) ** 2 ? p : best));
    return { type: 'Feature', geometry: { type: 'Point', coordinates: nearest }, properties: { kode, kelurahan: nama, tingkat: 'kabkota' } };
  });
}
