/**
 * What the three boundary formats (GeoJSON, FlatGeobuf, Shapefile) share once their bytes are
 * decoded into features: deciding whether the file holds areas or points, bringing coordinates
 * to WGS84 lon/lat (reprojecting with proj4, catching metres without a CRS, undoing lat/lon order),
 * repairing polygons, and shaping the result the state and the join expect.
 */
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { MessageKey } from '../../i18n';
import { repairAreaGeometry } from '../../analysis/polygon-repair';
import type { GeoCrs } from './crs';
import { ImportError, type GeometryIssue, type ImportedArea, type ImportedBoundaries, type ImportedPoints } from './types';

/**
 * Something the user should know about an import that succeeded: the file was wrapped, its
 * axes swapped, its CRS assumed or converted, a layer chosen. Shown beside the geometry issues.
 */
export interface GeoNote {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** The result of reading a boundary or point file. */
export type GeoImport =
  | { kind: 'areas'; boundaries: ImportedBoundaries; notes: GeoNote[] }
  | { kind: 'points'; points: ImportedPoints; notes: GeoNote[] };

/** A feature as decoded from a file, before any checking. */
export interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown> | null | undefined;
}

/** Indonesia's extent in degrees, generously rounded (Sabang to Merauke, Miangas to Rote). */
export const INDONESIA = { west: 94, east: 142, south: -12, north: 7 } as const;

/** Whether a lon/lat lies within {@link INDONESIA}. */
export function inIndonesia(lon: number, lat: number): boolean {
  return lon >= INDONESIA.west && lon <= INDONESIA.east && lat >= INDONESIA.south && lat <= INDONESIA.north;
}

/** Options of {@link buildGeoImport}. */
export interface BuildOptions {
  file: string;
  format: ImportedBoundaries['format'];
  crs: GeoCrs;
  /** False when the file did not say its CRS and lon/lat was assumed. */
  crsDeclared: boolean;
  /** The file named in a CRS error (a Shapefile's .prj); `file` when not given. */
  crsFile?: string;
  /** The error to throw for metre-like coordinates without a CRS (format-specific wording). */
  projectedError?: (example: string) => ImportError;
  notes?: GeoNote[];
}

const AREA_TYPES = new Set(['Polygon', 'MultiPolygon']);

/**
 * Deepest nesting a geometry may have: a MultiPolygon's coordinates are 4 arrays deep, and a
 * GeometryCollection adds a level or two. Anything deeper is hostile or broken, and walking it
 * recursively would overflow the stack (a 100,000-deep array parses fine with JSON.parse).
 */
const MAX_GEOMETRY_DEPTH = 8;

/** Whether arrays (and `coordinates`/`geometries` members) nest deeper than `limit`; stops at the limit. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) return value.some((v) => nestedDeeperThan(v, limit - 1));
  const g = value as { coordinates?: unknown; geometries?: unknown };
  return nestedDeeperThan(g.coordinates, limit - 1) || nestedDeeperThan(g.geometries, limit - 1);
}

/** The geometry, or an empty one of the same type when it nests too deep to walk safely. */
function boundedGeometry(geometry: unknown): unknown {
  if (!nestedDeeperThan(geometry, MAX_GEOMETRY_DEPTH)) return geometry;
  const type = (geometry as { type?: unknown } | null)?.type;
  return { type: typeof type === 'string' ? type : 'Polygon', coordinates: [] };
}
const POINT_TYPES = new Set(['Point', 'MultiPoint']);

/** Calls `fn` with every position of a GeoJSON-like geometry, however malformed. */
function forEachPosition(geometry: unknown, fn: (p: unknown[]) => void): void {
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown } | null;
  if (!g || typeof g !== 'object') return;
  if (Array.isArray(g.geometries)) for (const child of g.geometries) forEachPosition(child, fn);
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] !== 'object' && typeof value[1] !== 'object') fn(value);
    else for (const v of value) walk(v);
  };
  walk(g.coordinates);
}

/** The geometry with each finite position replaced by `fn(x, y)`; other values left as they are. */
function mapPositions<T>(geometry: T, fn: (x: number, y: number) => [number, number]): T {
  const g = geometry as { coordinates?: unknown } | null;
  if (!g || typeof g !== 'object' || !Array.isArray(g.coordinates)) return geometry;
  const walk = (value: unknown): unknown => {
    if (!Array.isArray(value)) return value;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      return Number.isFinite(value[0]) && Number.isFinite(value[1]) ? fn(value[0], value[1]) : value;
    }
    return value.map(walk);
  };
  return { ...g, coordinates: walk(g.coordinates) } as T;
}

/** Values allowed in ImportedArea properties: text, finite numbers, null. */
export function cleanProperties(properties: Record<string, unknown> | null | undefined): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value === null || value === undefined) out[key] = null;
    else if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'boolean') out[key] = value ? 'true' : 'false';
    else if (typeof value === 'bigint') out[key] = Number(value);
    else out[key] = stringifyBounded(value);
  }
  return out;
}

/** JSON text of a nested property value; null when it cannot be written (nested too deep). */
function stringifyBounded(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

const LABEL_FIELDS = ['kode', 'kode_kel', 'kode_desa', 'kd_kel', 'kdepum', 'kelurahan', 'desa', 'wadmkd', 'namobj', 'nama', 'name', 'id'];

/** A feature's code or name for messages, else "#n" (1-based). */
export function featureLabel(properties: Record<string, string | number | null>, index: number): string {
  const byLower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const field of LABEL_FIELDS) {
    const value = byLower.get(field);
    if (value !== null && value !== undefined && String(value).trim() !== '') return String(value).trim();
  }
  return `#${index + 1}`;
}

/**
 * Brings raw features to checked lon/lat areas or points. Throws ImportError when nothing usable
 * is left or the coordinates cannot be placed; everything else becomes an issue or a note.
 * Asynchronous because a projected CRS loads proj4 (./projection.ts) on first use.
 */
export async function buildGeoImport(raw: readonly RawFeature[], options: BuildOptions): Promise<GeoImport> {
  const { file, format } = options;
  const notes = [...(options.notes ?? [])];
  if (raw.length === 0) throw new ImportError('importGeo.noFeatures', { file });
  const typeOf = (f: RawFeature) => (f.geometry as { type?: unknown } | null)?.type;
  const areaCount = raw.filter((f) => AREA_TYPES.has(typeOf(f) as string)).length;
  const pointCount = raw.filter((f) => POINT_TYPES.has(typeOf(f) as string)).length;
  if (areaCount === 0 && pointCount === 0) throw new ImportError('importGeo.noUsableGeometry', { file });
  const kind = areaCount > 0 ? 'areas' : 'points';

  let features = raw.map((f) => ({ geometry: boundedGeometry(f.geometry), properties: f.properties }));
  const crs = options.crs;
  const projection = crs.kind === 'lonlat' ? null : (await import('./projection')).lonLatProjection(crs, options.crsFile ?? file);
  if (projection?.toLonLat) {
    const toLonLat = projection.toLonLat;
    features = features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, toLonLat) }));
    notes.push({ key: 'importGeo.note.reprojected', params: { file, crs: projection.label } });
  } else {
    features = placeLonLat(features, options, notes);
  }

  if (kind === 'points') {
    const points = pointsOf(features, file);
    if (points.points.features.length === 0) throw new ImportError('importGeo.noUsableGeometry', { file });
    return { kind, points, notes };
  }

  const areas: ImportedArea[] = [];
  const issues: GeometryIssue[] = [];
  let others = 0;
  features.forEach((f, index) => {
    const type = typeOf(f);
    if (type !== null && type !== undefined && !AREA_TYPES.has(type as string)) {
      others++;
      return;
    }
    const properties = cleanProperties(f.properties);
    const result = repairAreaGeometry(f.geometry, index, featureLabel(properties, index));
    issues.push(...result.issues);
    if (result.geometry) areas.push({ type: 'Feature', geometry: result.geometry, properties });
  });
  if (others > 0) notes.push({ key: 'importGeo.note.otherGeometries', params: { file, count: others } });
  if (areas.length === 0) throw new ImportError('importGeo.noUsableGeometry', { file });
  return {
    kind,
    boundaries: {
      file,
      format,
      crs: projection?.label ?? 'EPSG:4326',
      reprojected: Boolean(projection?.toLonLat),
      areas: { type: 'FeatureCollection', features: areas },
      issues,
    },
    notes,
  };
}

/**
 * Checks coordinates said (or assumed) to be lon/lat: metre-like values without a declared CRS
 * are refused; a file whose every position falls in Indonesia only with x and y exchanged is
 * swapped back, with a note.
 */
function placeLonLat<T extends RawFeature>(features: T[], options: BuildOptions, notes: GeoNote[]): T[] {
  let total = 0;
  let fits = 0;
  let fitsSwapped = 0;
  let metreLike = 0;
  let example = '';
  for (const f of features) {
    forEachPosition(f.geometry, (p) => {
      const x = p[0];
      const y = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return;
      total++;
      if (inIndonesia(x, y)) fits++;
      if (inIndonesia(y, x)) fitsSwapped++;
      if (Math.abs(x) > 360 || Math.abs(y) > 360) {
        metreLike++;
        if (!example) example = `${x}, ${y}`;
      }
    });
  }
  if (total === 0) return features;
  if (!options.crsDeclared && metreLike > total / 2) {
    throw options.projectedError?.(example) ?? new ImportError('importGeo.projectedWithoutCrs', { file: options.file, example });
  }
  if (fits === 0 && fitsSwapped === total) {
    notes.push({ key: 'importGeo.note.swapped', params: { file: options.file } });
    return features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, (x, y) => [y, x]) }));
  }
  return features;
}

/** Point features (a MultiPoint gives one point per member) with unusable ones listed as skipped. */
function pointsOf(features: RawFeature[], file: string): ImportedPoints {
  const points: Feature<Point, Record<string, string | number | null>>[] = [];
  const skipped: ImportedPoints['skipped'] = [];
  features.forEach((f, index) => {
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    const positions: unknown[] = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : [];
    const row = index + 1;
    if (positions.length === 0) {
      skipped.push({ row, reason: 'missing' });
      return;
    }
    const properties = cleanProperties(f.properties);
    for (const p of positions) {
      const x = Array.isArray(p) ? p[0] : undefined;
      const y = Array.isArray(p) ? p[1] : undefined;
      if (x === undefined || y === undefined || x === null || y === null) skipped.push({ row, reason: 'missing' });
      else if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) skipped.push({ row, reason: 'non-finite' });
      else if (Math.abs(x) > 180 || Math.abs(y) > 90) skipped.push({ row, reason: 'out-of-range' });
      else points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] as Position }, properties });
    }
  });
  const collection: FeatureCollection<Point, Record<string, string | number | null>> = { type: 'FeatureCollection', features: points };
  return { file, points: collection, lonColumn: null, latColumn: null, skipped };
}
