/**
 * GeoJSON boundaries or points. Accepts what tools actually write, not only RFC 7946: a single
 * Feature, a bare geometry or GeometryCollection (wrapped, with a note), the 2008 `crs` member
 * (GDAL and QGIS still write it for UTM data), and NaN/Infinity tokens that Python's json module
 * writes for missing values (read as null, so the polygon repair reports them).
 */
import { crsFromGeoJsonMember } from './crs';
import { buildGeoImport, type GeoImport, type GeoNote, type RawFeature } from './geo-features';
import { jsonErrorOffset } from './json-error-position';
import { ImportError } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** 1-based line and column of a 0-based character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON, turning a syntax error into an ImportError that says where. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // Python's json.dump writes NaN and Infinity, which JSON does not allow; read them as null.
    const relaxed = text.replace(/([[,:]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g, '$1null');
    if (relaxed !== text) {
      try {
        return JSON.parse(relaxed);
      } catch {
        // Report the original error below.
      }
    }
    const offset = jsonErrorOffset(text);
    const where = lineAndColumn(text, offset < 0 ? text.length : offset);
    if (offset >= text.length || offset < 0) {
      throw new ImportError('importGeo.jsonTruncated', { file, line: where.line }, { cause: first });
    }
    const found = JSON.stringify(text.slice(offset, offset + 12));
    throw new ImportError('importGeo.jsonSyntax', { file, line: where.line, column: where.column, found }, { cause: first });
  }
}

/** What a JSON value is, for the "not GeoJSON" message. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null || typeof value !== 'object') return typeof value;
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string') return `type "${type}"`;
  return `{ ${Object.keys(value).slice(0, 5).join(', ')} }`;
}

/** The features of a parsed GeoJSON value, with a note when it was not a FeatureCollection. */
function featuresOf(value: unknown, file: string, notes: GeoNote[]): RawFeature[] {
  const v = value as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; geometries?: unknown } | null;
  const asFeature = (f: unknown): RawFeature => {
    const feature = f as { geometry?: unknown; properties?: unknown } | null;
    const properties = feature?.properties;
    return {
      geometry: feature?.geometry ?? null,
      properties: properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {},
    };
  };
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if (v.type === 'FeatureCollection' && Array.isArray(v.features)) return v.features.map(asFeature);
    if (v.type === 'Feature') {
      notes.push({ key: 'importGeo.note.wrapped', params: { file, type: 'Feature' } });
      return [asFeature(v)];
    }
    if (v.type === 'GeometryCollection' && Array.isArray(v.geometries)) {
      notes.push({ key: 'importGeo.note.wrapped', params: { file, type: 'GeometryCollection' } });
      return v.geometries.map((geometry) => ({ geometry, properties: {} }));
    }
    if (typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) {
      notes.push({ key: 'importGeo.note.wrapped', params: { file, type: v.type } });
      return [{ geometry: v, properties: {} }];
    }
  }
  if (Array.isArray(value) && value.length > 0 && value.every((f) => (f as { type?: unknown })?.type === 'Feature')) {
    notes.push({ key: 'importGeo.note.wrapped', params: { file, type: 'array' } });
    return value.map(asFeature);
  }
  throw new ImportError('importGeo.notGeoJson', { file, found: describe(value) });
}

/**
 * Reads a GeoJSON file (UTF-8, with or without BOM) into areas (any Polygon/MultiPolygon
 * present) or points. Coordinates in a projected `crs` are reprojected; lat/lon order is detected;
 * polygons are repaired or reported. Throws ImportError for what cannot be read.
 */
export async function readGeoJson(bytes: Uint8Array, file: string): Promise<GeoImport> {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const value = parseJson(text, file);
  const notes: GeoNote[] = [];
  const features = featuresOf(value, file, notes);
  const member = value && typeof value === 'object' && !Array.isArray(value) ? (value as { crs?: unknown }).crs : undefined;
  const crs = crsFromGeoJsonMember(member, file);
  return buildGeoImport(features, { file, format: 'geojson', crs, crsDeclared: member !== undefined && member !== null, notes });
}
