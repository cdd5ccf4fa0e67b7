/**
 * What the feature overlays draw, worked out from state without the map: which kelurahan an
 * analysis outlines as significant, the focus area's shapes and drawing, the program sites as
 * points. Pure, so unit tests check them; the overlay components only hand the results to the map.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** Category labels that are not significant results (no outline for them). */
const NOT_SIGNIFICANT = new Set<string>(['cluster.ns', 'cluster.isolated', 'hotspot.ns', 'emerging.category.none']);

/** The kelurahan (by kode, in the order of `kode`) whose category is a significant result. */
export function significantKode(categories: { rows: readonly { index: number; label: string }[]; codes: ArrayLike<number> }, kode: readonly string[]): string[] {
  const significant = new Set(categories.rows.filter((r) => !NOT_SIGNIFICANT.has(r.label)).map((r) => r.index));
  return kode.filter((_, i) => significant.has(categories.codes[i]));
}

export interface AreaDrawing {
  /** The focus area's shape when it is to be shown, else null. */
  shape: Geometry | null;
  mode: 'none' | 'draw' | 'pick';
  /** Vertices clicked so far while drawing. */
  draft: readonly [number, number][];
  /** Kelurahan picked so far while picking. */
  picked: ReadonlySet<string>;
}

/**
 * The focus area's source: its shape, then while drawing the ring so far (closed once it has
 * three vertices) and its vertices, or while picking the picked kelurahan.
 */
export function areaFeatures(area: AreaDrawing, kelurahan: readonly { geometry: Geometry; properties: Record<string, unknown> }[]): FeatureCollection {
  const features: Feature[] = [];
  const feature = (geometry: Geometry): Feature => ({ type: 'Feature', geometry, properties: {} });
  if (area.shape) features.push(feature(area.shape));
  if (area.mode === 'draw' && area.draft.length) {
    const ring: Position[] = area.draft.length > 2 ? [...area.draft, area.draft[0]] : [...area.draft];
    if (ring.length > 1) features.push(feature({ type: 'LineString', coordinates: ring }));
    for (const p of area.draft) features.push(feature({ type: 'Point', coordinates: p }));
  }
  if (area.mode === 'pick') {
    for (const f of kelurahan) if (area.picked.has(f.properties.kode as string)) features.push(feature(f.geometry));
  }
  return { type: 'FeatureCollection', features };
}

/** Program sites as points carrying what their popup says. */
export function siteFeatures(sites: readonly { lon: number; lat: number; nama: string; program: string; tahun: number | null }[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map((site) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: { nama: site.nama, program: site.program, tahun: site.tahun },
    })),
  };
}
