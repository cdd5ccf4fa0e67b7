/**
 * Which kelurahan each point (a programme site, a household) falls in. Exact point-in-polygon
 * first (holes respected); a point in none is given to the nearest polygon when it lies within
 * `maxGapMetres` of its boundary, because boundaries simplified kelurahan by kelurahan leave
 * hairline gaps a few metres wide between neighbours (see contiguity.ts) and a site on a border
 * road would otherwise belong to no kelurahan.
 */
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { degreeLengths } from './geodesy';
import { polygonRings, type PolygonRings } from './polygon-rings';

/** Where one point was placed. */
export interface PointAssignment {
  /** Index of the area in the input, or -1 when none is inside or near enough. */
  index: number;
  how: 'inside' | 'nearest' | 'none';
  /**
   * Metres from the point to the area's boundary: 0 when inside; for 'none', the distance to
   * the nearest area (Infinity if there are no areas or the point's coordinates are not finite).
   */
  distanceMetres: number;
}

/** Options of {@link assignPointsToAreas}. */
export interface AssignOptions {
  /** Largest distance, in metres, at which a point outside every area is given to the nearest (default 50). */
  maxGapMetres?: number;
}

type AreaInput = readonly Feature<Polygon | MultiPolygon | null, unknown>[] | FeatureCollection<Polygon | MultiPolygon | null, unknown>;

/** Whether (x, y) is inside feature f by the even-odd rule over all its rings (so holes count). */
function insideFeature(rings: PolygonRings, f: number, x: number, y: number): boolean {
  let inside = false;
  const { coords, ringStarts, featureRings } = rings;
  for (let r = featureRings[f]; r < featureRings[f + 1]; r++) {
    const end = ringStarts[r + 1];
    for (let k = ringStarts[r]; k + 1 < end; k++) {
      const x0 = coords[2 * k];
      const y0 = coords[2 * k + 1];
      const x1 = coords[2 * k + 2];
      const y1 = coords[2 * k + 3];
      if (y0 > y !== y1 > y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
    }
  }
  return inside;
}

/** Distance in metres from (x, y) to feature f's boundary, in a local plane around the point. */
function boundaryDistance(rings: PolygonRings, f: number, x: number, y: number, mx: number, my: number): number {
  let best = Infinity;
  const { coords, ringStarts, featureRings } = rings;
  for (let r = featureRings[f]; r < featureRings[f + 1]; r++) {
    const end = ringStarts[r + 1];
    for (let k = ringStarts[r]; k + 1 < end; k++) {
      const ax = (coords[2 * k] - x) * mx;
      const ay = (coords[2 * k + 1] - y) * my;
      const bx = (coords[2 * k + 2] - x) * mx;
      const by = (coords[2 * k + 3] - y) * my;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * Assigns each [lon, lat] point to the area containing it, else to the nearest area within
 * `maxGapMetres` of it. A point inside several overlapping areas goes to the first in input
 * order. Distances use WGS84 degree lengths at the point's latitude (a local equirectangular
 * plane): within 50 m the error is far below a millimetre; far-away distances for 'none' are
 * approximate (a fraction of a percent per degree of latitude).
 */
export function assignPointsToAreas(points: readonly (readonly [number, number])[], areas: AreaInput, { maxGapMetres = 50 }: AssignOptions = {}): PointAssignment[] {
  const features = 'features' in areas ? areas.features : areas;
  const rings = polygonRings(features.map((f) => f.geometry));
  const usable: number[] = [];
  for (let f = 0; f < rings.count; f++) if (!Number.isNaN(rings.bboxes[4 * f])) usable.push(f);
  if (usable.length === 0) return points.map(() => ({ index: -1, how: 'none', distanceMetres: Infinity }));
  const index = new Flatbush(usable.length);
  for (const f of usable) index.add(rings.bboxes[4 * f], rings.bboxes[4 * f + 1], rings.bboxes[4 * f + 2], rings.bboxes[4 * f + 3]);
  index.finish();

  return points.map(([x, y]): PointAssignment => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { index: -1, how: 'none', distanceMetres: Infinity };
    const candidates = index
      .search(x, y, x, y)
      .map((k) => usable[k])
      .sort((a, b) => a - b);
    for (const f of candidates) if (insideFeature(rings, f, x, y)) return { index: f, how: 'inside', distanceMetres: 0 };

    const lengths = degreeLengths(Math.max(-89, Math.min(89, y)));
    const mx = lengths.lon;
    const my = lengths.lat;
    // Nearest by boundary distance: visit areas in order of their boxes' distance (a lower bound
    // of the true distance, in degrees scaled by the shorter degree length) until none can be nearer.
    const scale = Math.min(mx, my);
    let best = -1;
    let bestDistance = Infinity;
    let k = 8;
    for (;;) {
      const near = index.neighbors(x, y, k);
      for (const item of near) {
        const f = usable[item];
        const d = boundaryDistance(rings, f, x, y, mx, my);
        if (d < bestDistance || (d === bestDistance && f < best)) {
          best = f;
          bestDistance = d;
        }
      }
      if (near.length < k) break;
      const last = usable[near[near.length - 1]];
      const b = rings.bboxes;
      const boxDx = Math.max(b[4 * last] - x, 0, x - b[4 * last + 2]);
      const boxDy = Math.max(b[4 * last + 1] - y, 0, y - b[4 * last + 3]);
      if (Math.hypot(boxDx, boxDy) * scale > bestDistance) break;
      k *= 4;
    }
    if (best >= 0 && bestDistance <= maxGapMetres) return { index: best, how: 'nearest', distanceMetres: bestDistance };
    return { index: -1, how: 'none', distanceMetres: bestDistance };
  });
}
