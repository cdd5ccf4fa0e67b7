/**
 * Cheap repairs of the invalid polygons found in the national boundary file (76 of 83,402, see
 * ../shared/data/national/SOURCES.md), so one bad desa never stops a region from loading:
 * non-finite points dropped, repeated points removed, open rings closed, rings with fewer than
 * four positions dropped, and holes lying outside their shell (islands stored as holes, e.g.
 * 21.04.09.2002 Pulau Lalang) turned into polygons of their own. Self-intersections are left as
 * they are: MapLibre draws them, and fixing them needs a full overlay (make-valid) library.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export interface RepairResult {
  /** Null when nothing drawable is left (the feature should be skipped). */
  geometry: Polygon | MultiPolygon | null;
  repaired: boolean;
}

/** A ring cleaned of bad and repeated points and closed; null if fewer than 4 positions remain. */
function cleanRing(ring: Position[]): { ring: Position[] | null; changed: boolean } {
  const out: Position[] = [];
  for (const p of ring) {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  const changed = out.length !== ring.length;
  return { ring: out.length >= 4 ? out : null, changed: changed || out.length < 4 };
}

/** Even-odd ray test of a point against one ring. */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether most of a hole's vertices lie inside the shell (a vertex on the edge may go either way). */
function holeInside(hole: Position[], shell: Position[]): boolean {
  const step = Math.max(1, Math.floor((hole.length - 1) / 7));
  let inside = 0;
  let tested = 0;
  for (let i = 0; i < hole.length - 1; i += step) {
    tested++;
    if (inRing(hole[i][0], hole[i][1], shell)) inside++;
  }
  return inside * 2 >= tested;
}

/**
 * Repairs a Polygon or MultiPolygon as described above; any other geometry (or none) gives null.
 * `repaired` is true when anything was changed or dropped.
 */
export function repairPolygon(geometry: Geometry | null): RepairResult {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return { geometry: null, repaired: geometry !== null };
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const polygons: Position[][][] = [];
  let repaired = false;
  for (const part of parts) {
    const shell = part[0] ? cleanRing(part[0]) : { ring: null, changed: true };
    repaired ||= shell.changed;
    if (!shell.ring) {
      repaired ||= part.length > 0;
      continue;
    }
    const polygon: Position[][] = [shell.ring];
    for (const raw of part.slice(1)) {
      const hole = cleanRing(raw);
      repaired ||= hole.changed;
      if (!hole.ring) continue;
      if (holeInside(hole.ring, shell.ring)) polygon.push(hole.ring);
      else {
        polygons.push([hole.ring]);
        repaired = true;
      }
    }
    polygons.push(polygon);
  }
  if (polygons.length === 0) return { geometry: null, repaired: true };
  if (polygons.length === 1 && geometry.type === 'Polygon') return { geometry: { type: 'Polygon', coordinates: polygons[0] }, repaired };
  return { geometry: { type: 'MultiPolygon', coordinates: polygons }, repaired };
}
