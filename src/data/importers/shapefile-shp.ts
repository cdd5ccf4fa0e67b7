/**
 * Geometry of a Shapefile (.shp), per the ESRI Shapefile Technical Description (1998): a
 * 100-byte header, then records of a big-endian record header and a little-endian shape.
 * Polygons (types 5, 15, 25) and points (1, 11, 21, and multipoints 8, 18, 28) are read; Z and
 * M values are skipped. Polygon parts are plain rings: outer rings run clockwise, holes
 * anticlockwise, and which hole belongs to which outer ring is left to the reader, so rings are
 * assembled here by orientation and containment.
 */
import type { MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';

/** What the .shp holds. */
export interface ShpContent {
  kind: 'areas' | 'points';
  /** One entry per record, in file order; null for a null shape. */
  geometries: (Polygon | MultiPolygon | Point | MultiPoint | null)[];
}

/** Thrown for a damaged .shp; `feature` is the 1-based record where reading stopped. */
export class ShpError extends Error {
  constructor(
    readonly reason: 'broken' | 'unsupported',
    readonly feature: number,
    readonly shapeType = 0,
  ) {
    super(`shp ${reason} at record ${feature}`);
  }
}

const POLYGON_TYPES = new Set([5, 15, 25]);
const POINT_TYPES = new Set([1, 11, 21]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);

/** Names of shape types for the "unsupported" message. */
export const SHAPE_TYPE_NAMES: Record<number, string> = {
  3: 'PolyLine', 13: 'PolyLineZ', 23: 'PolyLineM', 31: 'MultiPatch',
};

/** Twice the signed area (shoelace); positive for anticlockwise rings. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return s;
}

/** Even-odd point-in-ring. */
function ringContains(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    const [xk, yk] = ring[k];
    const [xj, yj] = ring[j];
    if (yk > y !== yj > y && x < xk + ((y - yk) * (xj - xk)) / (yj - yk)) inside = !inside;
  }
  return inside;
}

/**
 * Polygons from a record's rings. Clockwise rings are outer rings; each anticlockwise ring
 * becomes a hole of the smallest outer ring containing its first vertex, or an outer ring of its
 * own when none does (as GDAL does for such files). A record without any clockwise ring (a
 * writer that ignored the convention) is nested by containment alone: rings inside an even
 * number of others are outer. Output follows RFC 7946: outer rings anticlockwise, holes clockwise.
 */
export function assembleRings(rings: Position[][]): Polygon | MultiPolygon | null {
  if (rings.length === 0) return null;
  const area = rings.map(signedArea2);
  let isOuter = area.map((a) => a <= 0);
  if (!isOuter.some(Boolean)) {
    isOuter = rings.map((ring, i) => {
      const [x, y] = ring[0];
      const depth = rings.filter((other, j) => j !== i && Math.abs(area[j]) > Math.abs(area[i]) && ringContains(other, x, y)).length;
      return depth % 2 === 0;
    });
  }
  const outers = rings.map((_, i) => i).filter((i) => isOuter[i]);
  const polygons = new Map<number, Position[][]>(outers.map((i) => [i, [rings[i]]]));
  for (let i = 0; i < rings.length; i++) {
    if (isOuter[i]) continue;
    const [x, y] = rings[i][0];
    let owner = -1;
    for (const o of outers) {
      if (ringContains(rings[o], x, y) && (owner < 0 || Math.abs(area[o]) < Math.abs(area[owner]))) owner = o;
    }
    if (owner >= 0) polygons.get(owner)!.push(rings[i]);
    else polygons.set(i, [rings[i]]);
  }
  const wound = [...polygons.values()].map((polygon) =>
    polygon.map((ring, r) => {
      const anticlockwise = signedArea2(ring) > 0;
      return anticlockwise === (r === 0) ? ring : [...ring].reverse();
    }),
  );
  return wound.length === 1 ? { type: 'Polygon', coordinates: wound[0] } : { type: 'MultiPolygon', coordinates: wound };
}

/** Reads a whole .shp. Throws ShpError when it is damaged or holds neither polygons nor points. */
export function readShp(bytes: Uint8Array): ShpContent {
  if (bytes.length < 100) throw new ShpError('broken', 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) throw new ShpError('broken', 1);
  const fileType = view.getInt32(32, true);
  const kind = POLYGON_TYPES.has(fileType) ? 'areas' : POINT_TYPES.has(fileType) || MULTIPOINT_TYPES.has(fileType) ? 'points' : null;
  if (!kind) throw new ShpError('unsupported', 1, fileType);
  const end = Math.min(bytes.length, view.getInt32(24, false) * 2);
  const geometries: ShpContent['geometries'] = [];
  let offset = 100;
  while (offset + 8 <= end) {
    const feature = geometries.length + 1;
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    const stop = start + contentBytes;
    if (contentBytes < 4 || stop > bytes.length) throw new ShpError('broken', feature);
    const type = view.getInt32(start, true);
    if (type === 0) geometries.push(null);
    else if (POLYGON_TYPES.has(type)) geometries.push(readPolygon(view, start, stop, feature));
    else if (POINT_TYPES.has(type)) {
      if (start + 20 > stop) throw new ShpError('broken', feature);
      geometries.push({ type: 'Point', coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)] });
    } else if (MULTIPOINT_TYPES.has(type)) {
      const n = start + 40 <= stop ? view.getInt32(start + 36, true) : -1;
      if (n < 0 || start + 40 + 16 * n > stop) throw new ShpError('broken', feature);
      const coordinates: Position[] = [];
      for (let k = 0; k < n; k++) coordinates.push([view.getFloat64(start + 40 + 16 * k, true), view.getFloat64(start + 48 + 16 * k, true)]);
      geometries.push({ type: 'MultiPoint', coordinates });
    } else throw new ShpError('broken', feature);
    offset = stop;
  }
  if (offset !== end) throw new ShpError('broken', geometries.length + 1);
  return { kind, geometries };
}

function readPolygon(view: DataView, start: number, stop: number, feature: number): Polygon | MultiPolygon | null {
  if (start + 44 > stop) throw new ShpError('broken', feature);
  const numParts = view.getInt32(start + 36, true);
  const numPoints = view.getInt32(start + 40, true);
  const pointsAt = start + 44 + 4 * numParts;
  if (numParts < 0 || numPoints < 0 || pointsAt + 16 * numPoints > stop) throw new ShpError('broken', feature);
  const parts: number[] = [];
  for (let k = 0; k < numParts; k++) parts.push(view.getInt32(start + 44 + 4 * k, true));
  parts.push(numPoints);
  const rings: Position[][] = [];
  for (let k = 0; k < numParts; k++) {
    const from = parts[k];
    const to = parts[k + 1];
    if (from < 0 || to > numPoints || from > to) throw new ShpError('broken', feature);
    const ring: Position[] = [];
    for (let p = from; p < to; p++) ring.push([view.getFloat64(pointsAt + 16 * p, true), view.getFloat64(pointsAt + 16 * p + 8, true)]);
    if (ring.length > 0) rings.push(ring);
  }
  return assembleRings(rings);
}
