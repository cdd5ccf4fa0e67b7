/**
 * Queen and rook contiguity weights from polygons in lon/lat, with a snapping tolerance in
 * metres.
 *
 * Definitions (see shared-boundary.ts for the measurement):
 * - **queen**: some point of i's boundary lies within the tolerance of j's boundary, i.e. the
 *   distance between the two boundaries is at most the tolerance. Distances are point to
 *   segment, not vertex to vertex as in spdep's `poly2nb`, because the demo boundaries were
 *   simplified polygon by polygon and neighbours' vertices do not coincide.
 * - **rook**: queen, and a common edge of at least `minEdgeMetres` (default 10 m). The shared
 *   boundary within the tolerance overstates the edge by what the ends of the edge, or a point
 *   where the polygons merely touch, add; that addition grows with the tolerance without bound
 *   as the angle between the boundaries narrows, so the edge is estimated by measuring at
 *   wider tolerances and taking out the growth (shared-boundary.ts, `EDGE_PROBE`). A pair
 *   touching only at a point has an edge of 0 at any tolerance and any angle.
 *
 * Metres in lon/lat: each candidate pair is measured in its own local equirectangular plane
 * (WGS84 degree lengths at the middle latitude of the pair's window). The scale error grows
 * with the window's height times tan(latitude): under 0.01 % for kelurahan a few kilometres
 * across, about 0.2 % for the largest desa of Papua. The demo cities agree with GEOS in UTM
 * (0.04 % scale error of its own) to 0.05 %.
 *
 * Candidate pairs come from a packed R-tree over the polygons' bounding boxes grown by the
 * tolerance; within a pair only the segments inside the overlap of the two boxes are compared.
 */
import Flatbush from 'flatbush';
import { weightsFromPairs, type Weights } from './weights';
import { degreeLengths, MIN_METRES_PER_DEGREE_LAT } from './geodesy';
import { polygonRings, type MaybeGeometry, type PolygonRings } from './polygon-rings';
import { EDGE_PROBE, SharedBoundaryMeter } from './shared-boundary';

/**
 * Default snapping tolerance, metres. The widest hairline gap between true neighbours in the
 * five demo cities is 8.5 m (Sejahtera and Muara Sentosa, Tanjungbalai, 64 m of boundary side by
 * side); the nearest pair with a third kelurahan between them is 11.6 m apart (Gambir and
 * Kwitang, Jakarta Pusat). 10 m lies between the two. Nationally the choice matters little:
 * 361 of 83,402 desa/kelurahan are islands at 10 m, 363 at 2 m, 355 at 20 m, nearly all of
 * them villages on small islands.
 */
export const DEFAULT_SNAP_METRES = 10;

/**
 * Default shortest common edge for rook contiguity, metres. In the five demo cities at the
 * default tolerance, the estimated edge of a pair meeting at a corner is at most 4.4 m (Cempaka
 * Baru and Galur, Jakarta Pusat, whose simplified boundaries share 24.5 m within 10 m) and the
 * shortest true edges are 17.2 m or more (Kebon Kosong and Bungur), so 10 m separates them.
 * Point contacts of polygons with shared vertices (GeoDa's and libpysal's test data) estimate
 * to 0 up to rounding.
 */
export const DEFAULT_ROOK_MIN_EDGE_METRES = 10;

/** Options of {@link contiguity}. */
export interface ContiguityOptions {
  /** 'queen' (default) or 'rook'. */
  readonly rule?: 'queen' | 'rook';
  /** Snapping tolerance in metres (default {@link DEFAULT_SNAP_METRES}). */
  readonly toleranceMetres?: number;
  /** Rook only: shortest common edge in metres (default {@link DEFAULT_ROOK_MIN_EDGE_METRES}). */
  readonly minEdgeMetres?: number;
}

/** Contiguity weights with what was measured to make them. */
export interface ContiguityResult {
  /** Binary, symmetric weights. */
  readonly weights: Weights;
  /**
   * Shared boundary length in metres of each entry of `weights.indices` (same positions): the
   * shorter of the lengths measured on the two polygons.
   */
  readonly sharedMetres: Float64Array;
  /** Observations without usable polygon geometry (always islands). */
  readonly empty: readonly number[];
}

/** Every pair of polygons whose boundaries come within the tolerance, i < j. */
export interface TouchingPairs {
  readonly count: number;
  readonly i: Int32Array;
  readonly j: Int32Array;
  /** Shorter of the two shared lengths, metres. */
  readonly sharedMetres: Float64Array;
  /**
   * Estimated common edge of each pair, metres, without what a touching point adds (see
   * shared-boundary.ts); only when asked for with `estimateEdge`, else undefined.
   */
  readonly edgeMetres?: Float64Array;
}

/**
 * All pairs of features whose boundaries come within `toleranceMetres` of each other, with
 * their shared boundary length, and with `estimateEdge` their estimated common edge (what rook
 * needs, at about twice the work). The work behind {@link contiguity}; exported for reports and
 * for building queen and rook from one pass.
 */
export function touchingPairs(rings: PolygonRings, toleranceMetres: number = DEFAULT_SNAP_METRES, estimateEdge = false): TouchingPairs {
  if (!(toleranceMetres >= 0) || !Number.isFinite(toleranceMetres)) {
    throw new RangeError(`Snapping tolerance must be a finite number of metres >= 0, got ${toleranceMetres}`);
  }
  // The edge estimate also measures within 2 EDGE_PROBE - 1 times the tolerance: the windows
  // must hold every segment that close.
  const grown = grownBoxes(rings, estimateEdge ? (2 * EDGE_PROBE - 1) * toleranceMetres : toleranceMetres);
  const present: number[] = [];
  for (let f = 0; f < rings.count; f++) if (!Number.isNaN(grown[4 * f])) present.push(f);
  const pairs = { i: [] as number[], j: [] as number[], shared: [] as number[], edge: [] as number[] };
  if (present.length < 2) return toPairs(pairs, estimateEdge);
  const index = new Flatbush(present.length);
  for (const f of present) index.add(grown[4 * f], grown[4 * f + 1], grown[4 * f + 2], grown[4 * f + 3]);
  index.finish();
  const meter = new SharedBoundaryMeter(rings, toleranceMetres, estimateEdge);
  const window: [number, number, number, number] = [0, 0, 0, 0];
  for (const i of present) {
    const hits = index.search(grown[4 * i], grown[4 * i + 1], grown[4 * i + 2], grown[4 * i + 3]);
    const js = hits
      .map((h) => present[h])
      .filter((j) => j > i)
      .sort((p, q) => p - q);
    for (const j of js) {
      window[0] = Math.max(grown[4 * i], grown[4 * j]);
      window[1] = Math.max(grown[4 * i + 1], grown[4 * j + 1]);
      window[2] = Math.min(grown[4 * i + 2], grown[4 * j + 2]);
      window[3] = Math.min(grown[4 * i + 3], grown[4 * j + 3]);
      const shared = meter.measure(i, j, window);
      if (!shared) continue;
      pairs.i.push(i);
      pairs.j.push(j);
      pairs.shared.push(Math.min(shared.lengthOnI, shared.lengthOnJ));
      pairs.edge.push(shared.edgeMetres);
    }
  }
  return toPairs(pairs, estimateEdge);
}

/**
 * Bounding boxes grown by the tolerance, in degrees. Conservative: latitude uses the shortest
 * degree (at the equator), longitude the shortest degree within the box (at its pole-most edge),
 * each with 1 % to spare, so no pair within the tolerance is left out.
 */
function grownBoxes(rings: PolygonRings, toleranceMetres: number): Float64Array {
  const out = new Float64Array(rings.bboxes.length);
  const dy = (toleranceMetres / MIN_METRES_PER_DEGREE_LAT) * 1.01;
  for (let f = 0; f < rings.count; f++) {
    const b = rings.bboxes.subarray(4 * f, 4 * f + 4);
    const poleward = Math.min(89, Math.max(Math.abs(b[1]), Math.abs(b[3])) + dy);
    const dx = (toleranceMetres / degreeLengths(poleward).lon) * 1.01;
    out[4 * f] = b[0] - dx;
    out[4 * f + 1] = b[1] - dy;
    out[4 * f + 2] = b[2] + dx;
    out[4 * f + 3] = b[3] + dy;
  }
  return out;
}

function toPairs(p: { i: number[]; j: number[]; shared: number[]; edge: number[] }, withEdges: boolean): TouchingPairs {
  return {
    count: p.i.length,
    i: Int32Array.from(p.i),
    j: Int32Array.from(p.j),
    sharedMetres: Float64Array.from(p.shared),
    ...(withEdges ? { edgeMetres: Float64Array.from(p.edge) } : {}),
  };
}

/**
 * Which pairs of {@link touchingPairs} (made with `estimateEdge`) are rook neighbours: those
 * with a common edge of at least `minEdgeMetres`.
 */
export function rookPairs(pairs: TouchingPairs, minEdgeMetres = DEFAULT_ROOK_MIN_EDGE_METRES): (k: number) => boolean {
  const edge = pairs.edgeMetres;
  if (!edge) throw new Error('rookPairs needs touchingPairs(rings, tolerance, true)');
  return (k) => edge[k] >= minEdgeMetres;
}

/**
 * Queen or rook contiguity weights for polygons (GeoJSON Polygon or MultiPolygon in lon/lat,
 * one per observation, in order) or for rings already flattened. Observations without polygon
 * geometry, and polygons touching nothing within the tolerance, are islands (no neighbours).
 * Invalid polygons (self-intersecting rings, islands stored as holes) are measured as they are:
 * only their boundary lines matter here. For the same reason a polygon lying wholly inside
 * another without a hole cut for it (an overlap in the data) is not that polygon's neighbour.
 */
export function contiguity(polygons: PolygonRings | Iterable<MaybeGeometry>, options: ContiguityOptions = {}): ContiguityResult {
  const rings = isRings(polygons) ? polygons : polygonRings(polygons);
  const rule = options.rule ?? 'queen';
  const tolerance = options.toleranceMetres ?? DEFAULT_SNAP_METRES;
  const pairs = touchingPairs(rings, tolerance, rule === 'rook');
  const keep = rule === 'rook' ? rookPairs(pairs, options.minEdgeMetres) : undefined;
  const { weights, values } = weightsFromPairs(rings.count, pairs.i, pairs.j, pairs.sharedMetres, keep);
  return { weights, sharedMetres: values, empty: rings.empty };
}

function isRings(p: PolygonRings | Iterable<MaybeGeometry>): p is PolygonRings {
  return (p as PolygonRings).coords instanceof Float64Array;
}
