/**
 * Validation and light repair of imported polygons, so a broken boundary file loads with a list
 * of what was wrong instead of crashing the map or the analysis. Repairs are the ones with only
 * one sensible answer (close an open ring, drop repeated points, drop rings too short to enclose
 * anything); a self-intersecting polygon has no such answer, so it is reported and kept
 * (MapLibre draws it, and point-in-polygon still works by the even-odd rule).
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A polygon of an imported boundary file (defined here, re-exported by src/data/importers/types). */
export type AreaGeometry = Polygon | MultiPolygon;

/** A problem found in one polygon, and what was done about it. */
export interface GeometryIssue {
  /** 0-based feature index in the file. */
  feature: number;
  /** The feature's code or name if it has one, for the message. */
  label: string;
  problem: 'unclosed-ring' | 'too-few-points' | 'non-finite' | 'self-intersection' | 'empty' | 'duplicate-points' | 'wrong-orientation' | 'out-of-range';
  action: 'repaired' | 'dropped' | 'kept';
}

/** A repaired geometry (null when the feature must be dropped) and what was found. */
export interface RepairResult {
  geometry: AreaGeometry | null;
  /** At most one entry per problem, in the order problems were found. */
  issues: GeometryIssue[];
}

type Problem = GeometryIssue['problem'];
type Ring = [number, number][];

/** Collects issues of one feature, one per problem kind. */
class IssueList {
  readonly issues: GeometryIssue[] = [];
  constructor(
    private readonly feature: number,
    private readonly label: string,
  ) {}
  add(problem: Problem, action: GeometryIssue['action']): void {
    const existing = this.issues.find((i) => i.problem === problem);
    if (existing) {
      // A ring dropped in a feature that is dropped as a whole: report the stronger action.
      if (action === 'dropped') existing.action = 'dropped';
      return;
    }
    this.issues.push({ feature: this.feature, label: this.label, problem, action });
  }
  dropAll(): RepairResult {
    for (const i of this.issues) if (i.action === 'repaired') i.action = 'dropped';
    return { geometry: null, issues: this.issues };
  }
}

/** Positions of a ring as finite [x, y] pairs, or null if any position is malformed or not finite. */
function finiteRing(ring: unknown): Ring | null {
  if (!Array.isArray(ring)) return null;
  const out: Ring = [];
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2) return null;
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    out.push([x, y]);
  }
  return out;
}

/**
 * Checks and repairs one Polygon or MultiPolygon (anything else, null included, counts as
 * empty). `feature` (0-based) and `label` are copied into the issues for the message.
 *
 * - non-finite or malformed coordinates: feature dropped (no position can be trusted to fix it)
 * - coordinates outside lon -180..180 / lat -90..90: feature dropped (it cannot be drawn)
 * - consecutive repeated points: removed (repaired)
 * - unclosed ring: closed (repaired)
 * - ring with fewer than 4 positions once repaired: ring dropped; a polygon whose outer ring
 *   goes is dropped with its holes; the feature is dropped when no polygon is left
 * - empty geometry: dropped
 * - self-intersection (two edges crossing, or a ring touching itself): reported, kept
 *
 * Output coordinates are 2D (a Z or M value is not needed by the map or the analysis).
 */
export function repairAreaGeometry(geometry: unknown, feature: number, label: string): RepairResult {
  const list = new IssueList(feature, label);
  const g = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const isPolygon = g?.type === 'Polygon';
  if (!g || (!isPolygon && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    list.add('empty', 'dropped');
    return { geometry: null, issues: list.issues };
  }
  const rawPolygons = (isPolygon ? [g.coordinates] : g.coordinates) as unknown[];
  const polygons: Ring[][] = [];
  for (const rawPolygon of rawPolygons) {
    if (!Array.isArray(rawPolygon)) {
      list.add('non-finite', 'dropped');
      return list.dropAll();
    }
    const rings: Ring[] = [];
    for (const rawRing of rawPolygon) {
      const ring = finiteRing(rawRing);
      if (!ring) {
        list.add('non-finite', 'dropped');
        return list.dropAll();
      }
      rings.push(ring);
    }
    polygons.push(rings);
  }
  if (polygons.every((rings) => rings.every((ring) => ring.length === 0))) {
    list.add('empty', 'dropped');
    return { geometry: null, issues: list.issues };
  }
  const outOfRange = polygons.some((rings) => rings.some((ring) => ring.some(([x, y]) => x < -180 || x > 180 || y < -90 || y > 90)));
  if (outOfRange) {
    list.add('out-of-range', 'dropped');
    return list.dropAll();
  }

  const kept: Ring[][] = [];
  for (const rings of polygons) {
    const repaired: Ring[] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring = withoutRepeats(rings[r], list);
      if (ring.length > 1 && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])) {
        ring.push([ring[0][0], ring[0][1]]);
        list.add('unclosed-ring', 'repaired');
      }
      if (ring.length < 4) {
        list.add('too-few-points', 'repaired');
        if (r === 0) break; // the outer ring is gone: so are its holes
        continue;
      }
      repaired.push(ring);
    }
    if (repaired.length > 0) kept.push(repaired);
  }
  if (kept.length === 0) return list.dropAll();
  if (kept.some((rings) => selfIntersects(rings))) list.add('self-intersection', 'kept');
  const out: AreaGeometry = isPolygon
    ? ({ type: 'Polygon', coordinates: kept[0] as Position[][] } satisfies Polygon)
    : ({ type: 'MultiPolygon', coordinates: kept as Position[][][] } satisfies MultiPolygon);
  return { geometry: out, issues: list.issues };
}

/** The ring without consecutive repeated positions (reported as 'duplicate-points'). */
function withoutRepeats(ring: Ring, list: IssueList): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) {
      list.add('duplicate-points', 'repaired');
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Sign of the turn a -> b -> c: > 0 left, < 0 right, 0 collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether c, collinear with segment ab, lies on it. */
function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/**
 * Whether any two edges of a polygon's rings meet where they should not: edges of one ring that
 * are not neighbours along it and cross or touch, or edges of different rings that properly
 * cross (a hole may touch its outer ring at a point). Candidate pairs come from a packed R-tree
 * over the edges' boxes, so a 10,000-vertex kelurahan is checked in milliseconds, not the
 * 50 million pair tests of the naive loop.
 */
export function selfIntersects(rings: readonly (readonly (readonly number[])[])[]): boolean {
  let edges = 0;
  for (const ring of rings) edges += Math.max(0, ring.length - 1);
  if (edges < 3) return false;
  const ax = new Float64Array(edges);
  const ay = new Float64Array(edges);
  const bx = new Float64Array(edges);
  const by = new Float64Array(edges);
  const ringOf = new Int32Array(edges);
  const indexInRing = new Int32Array(edges);
  const ringLength = rings.map((ring) => Math.max(0, ring.length - 1));
  const index = new Flatbush(edges);
  let e = 0;
  rings.forEach((ring, r) => {
    for (let k = 0; k + 1 < ring.length; k++, e++) {
      ax[e] = ring[k][0];
      ay[e] = ring[k][1];
      bx[e] = ring[k + 1][0];
      by[e] = ring[k + 1][1];
      ringOf[e] = r;
      indexInRing[e] = k;
      index.add(Math.min(ax[e], bx[e]), Math.min(ay[e], by[e]), Math.max(ax[e], bx[e]), Math.max(ay[e], by[e]));
    }
  });
  index.finish();
  for (let i = 0; i < edges; i++) {
    const hits = index.search(Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]), Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
    for (const j of hits) {
      if (j <= i) continue;
      const sameRing = ringOf[i] === ringOf[j];
      if (sameRing) {
        const n = ringLength[ringOf[i]];
        const gap = Math.abs(indexInRing[i] - indexInRing[j]);
        if (gap === 1 || gap === n - 1) continue; // neighbours share a vertex by construction
      }
      const d1 = orient(ax[j], ay[j], bx[j], by[j], ax[i], ay[i]);
      const d2 = orient(ax[j], ay[j], bx[j], by[j], bx[i], by[i]);
      const d3 = orient(ax[i], ay[i], bx[i], by[i], ax[j], ay[j]);
      const d4 = orient(ax[i], ay[i], bx[i], by[i], bx[j], by[j]);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
      if (!sameRing) {
        // Different rings: only a shared stretch of boundary (collinear overlap) counts, not a touch.
        if (d1 === 0 && d2 === 0 && collinearOverlap(ax[i], ay[i], bx[i], by[i], ax[j], ay[j], bx[j], by[j])) return true;
        continue;
      }
      if (
        (d1 === 0 && onSegment(ax[j], ay[j], bx[j], by[j], ax[i], ay[i])) ||
        (d2 === 0 && onSegment(ax[j], ay[j], bx[j], by[j], bx[i], by[i])) ||
        (d3 === 0 && onSegment(ax[i], ay[i], bx[i], by[i], ax[j], ay[j])) ||
        (d4 === 0 && onSegment(ax[i], ay[i], bx[i], by[i], bx[j], by[j]))
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Whether two collinear segments share more than a point. */
function collinearOverlap(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  // Project on the longer axis of ab.
  const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
  const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
  const [c0, c1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
  return Math.min(a1, c1) - Math.max(a0, c0) > 0;
}
