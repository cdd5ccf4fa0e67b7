/**
 * Focus areas (kawasan): a polygon the user draws, uploads or picks, read against the
 * kelurahan it touches. Which kelurahan and how much of each (area shares), indicator counts
 * apportioned by those shares, points inside, and a buffer around it. A user's drawing can be
 * anything (crossed edges, a click-and-release speck), so nothing here throws: problems come
 * back as an error value the UI can put into words.
 */
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfBuffer from '@turf/buffer';
import { featureCollection, feature as turfFeature } from '@turf/helpers';
import turfIntersect from '@turf/intersect';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { repairAreaGeometry } from './polygon-repair';

export type AreaGeometry = Polygon | MultiPolygon;

/** A kelurahan polygon with its code (the boundary files' `kode` property). */
export interface KelurahanArea {
  type: 'Feature';
  geometry: AreaGeometry;
  properties: { kode?: unknown } | null;
}

/**
 * Why an area could not be used: `empty` (no polygon, or nothing left after buffering),
 * `invalid` (not a polygon, non-finite or out-of-range coordinates), `self-intersection` (edges
 * cross: redraw it), `too-small` (under 1 m², e.g. a double click), `failed` (the geometry
 * library gave up on it).
 */
export type AreaError = 'empty' | 'invalid' | 'self-intersection' | 'too-small' | 'failed';

/** Areas smaller than this (m²) are a mis-click, not a kawasan; intersections smaller than it are hairline slivers between neighbouring polygons. */
export const MIN_AREA_M2 = 1;

/** A usable area geometry (closed rings, no repeated points), or why there is none. */
export function checkArea(area: unknown): { geometry: AreaGeometry | null; error: AreaError | null } {
  const g = (area as { type?: unknown; geometry?: unknown } | null)?.type === 'Feature' ? (area as { geometry: unknown }).geometry : area;
  let repaired: ReturnType<typeof repairAreaGeometry>;
  try {
    repaired = repairAreaGeometry(g, 0, '');
  } catch {
    return { geometry: null, error: 'invalid' };
  }
  const problems = new Set(repaired.issues.map((i) => i.problem));
  if (problems.has('self-intersection')) return { geometry: null, error: 'self-intersection' };
  if (!repaired.geometry) return { geometry: null, error: problems.has('non-finite') || problems.has('out-of-range') ? 'invalid' : 'empty' };
  if (!(turfArea(repaired.geometry) >= MIN_AREA_M2)) return { geometry: null, error: 'too-small' };
  return { geometry: repaired.geometry, error: null };
}

/** How much of a kelurahan lies in the area, and how much of the area it makes up. */
export interface AreaShare {
  kode: string;
  /** Intersection area / kelurahan area (0..1). */
  shareOfKelurahan: number;
  /** Intersection area / focus area's area (0..1; over the kelurahan they sum to about 1 when the area lies within the city). */
  shareOfArea: number;
  intersectionKm2: number;
}

export interface AreaSharesResult {
  /** Kelurahan the area overlaps by at least 1 m², largest intersection first. */
  shares: AreaShare[];
  /** Area of the focus area (km², geodesic as @turf/area computes it). */
  areaKm2: number;
  error: AreaError | null;
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The kelurahan a focus area touches and the share of each (intersection by @turf/intersect,
 * areas by @turf/area). A kelurahan whose intersection fails (a broken boundary polygon) is left
 * out rather than stopping the whole result.
 */
export function areaShares(area: AreaGeometry | Feature<AreaGeometry>, kelurahan: KelurahanArea[]): AreaSharesResult {
  const checked = checkArea(area);
  if (!checked.geometry) return { shares: [], areaKm2: 0, error: checked.error };
  const focus = turfFeature(checked.geometry);
  const focusM2 = turfArea(focus);
  const focusBox = turfBbox(focus) as Box;
  const shares: AreaShare[] = [];
  for (const k of kelurahan) {
    const kode = k.properties?.kode;
    if (kode === undefined || kode === null || !k.geometry) continue;
    try {
      if (!overlaps(focusBox, turfBbox(k) as Box)) continue;
      const common = turfIntersect(featureCollection([focus, turfFeature(k.geometry)]));
      if (!common) continue;
      const commonM2 = turfArea(common);
      if (!(commonM2 >= MIN_AREA_M2)) continue;
      const kelurahanM2 = turfArea(k);
      shares.push({
        kode: String(kode),
        shareOfKelurahan: kelurahanM2 > 0 ? Math.min(commonM2 / kelurahanM2, 1) : 0,
        shareOfArea: Math.min(commonM2 / focusM2, 1),
        intersectionKm2: commonM2 / 1e6,
      });
    } catch {
      continue;
    }
  }
  shares.sort((a, b) => b.intersectionKm2 - a.intersectionKm2 || (a.kode < b.kode ? -1 : 1));
  return { shares, areaKm2: focusM2 / 1e6, error: null };
}

export interface Apportioned {
  /** Σ value × shareOfKelurahan over the kelurahan with a value (0 when none has one). */
  total: number;
  parts: { kode: string; value: number; shareOfKelurahan: number; apportioned: number }[];
  /** Kelurahan the area touches with no value (null or absent): not in the total, say so. */
  missing: string[];
}

/**
 * Apportions COUNTS (households, RTLH units, people) to the area by area share: a kelurahan with
 * 200 RTLH and 30 % of its area inside adds 60, which assumes the count is spread evenly over the
 * kelurahan. Do not pass rates: a rate for the area is recomputed by the caller from the
 * apportioned numerator and the apportioned denominator (e.g. apportioned RTLH × 100 /
 * apportioned households), never by apportioning the rate itself.
 */
export function apportion(shares: AreaShare[], values: Map<string, number | null>): Apportioned {
  const parts: Apportioned['parts'] = [];
  const missing: string[] = [];
  let total = 0;
  for (const share of shares) {
    const value = values.get(share.kode);
    if (value === null || value === undefined || !Number.isFinite(value)) {
      missing.push(share.kode);
      continue;
    }
    const apportioned = value * share.shareOfKelurahan;
    total += apportioned;
    parts.push({ kode: share.kode, value, shareOfKelurahan: share.shareOfKelurahan, apportioned });
  }
  return { total, parts, missing };
}

/** The points that lie inside the area (on its boundary counts as inside); none for an unusable area. */
export function pointsInside<P>(area: AreaGeometry | Feature<AreaGeometry>, points: Feature<Point, P>[]): Feature<Point, P>[] {
  const { geometry } = checkArea(area);
  if (!geometry) return [];
  const box = turfBbox(geometry) as Box;
  return points.filter((p) => {
    const [x, y] = p.geometry?.coordinates ?? [];
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < box[0] || x > box[2] || y < box[1] || y > box[3]) return false;
    return booleanPointInPolygon([x, y], geometry);
  });
}

/**
 * The area grown by `metres` (e.g. "sites within 500 m of the kawasan"), with @turf/buffer
 * (geodesic enough at city scale). A negative distance shrinks it and may leave nothing (`empty`).
 */
export function bufferArea(area: AreaGeometry | Feature<AreaGeometry>, metres: number): { geometry: AreaGeometry | null; error: AreaError | null } {
  const checked = checkArea(area);
  if (!checked.geometry) return checked;
  if (!Number.isFinite(metres)) return { geometry: null, error: 'invalid' };
  if (metres === 0) return checked;
  try {
    const grown = turfBuffer(turfFeature(checked.geometry), metres, { units: 'meters' });
    if (!grown?.geometry || !(turfArea(grown) >= MIN_AREA_M2)) return { geometry: null, error: 'empty' };
    return { geometry: grown.geometry, error: null };
  } catch {
    return { geometry: null, error: 'failed' };
  }
}
