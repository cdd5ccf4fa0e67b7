/**
 * k nearest neighbours on lon/lat points by ellipsoid distance, as spdep's
 * `knn2nb(knearneigh(coords, k, longlat = TRUE))`.
 *
 * - Distances: Andoyer-Lambert on WGS84 ({@link ellipsoidDistance}), spdep's `gcdist`.
 * - Ties: candidates are ranked by (distance, index), so of two points at exactly the same
 *   distance the one earlier in the input wins, as in spdep's insertion sort; the k-th place is
 *   never shared (exactly k neighbours each).
 * - The result is not symmetric: j can be among i's nearest without i being among j's.
 * - Points with a non-finite coordinate (a feature without geometry) get no neighbours and are
 *   nobody's neighbour; they are listed in `unlocated`.
 * - No wrap-around at the antimeridian (Indonesia lies within 95-141 degrees east).
 */
import Flatbush from 'flatbush';
import { degreeLengths, ellipsoidDistance, MIN_METRES_PER_DEGREE_LAT } from './geodesy';
import type { Weights } from './weights';

/** Lon/lat points, either interleaved (x0, y0, x1, y1, ...) or as pairs. */
export type LonLatPoints = ArrayLike<number> | readonly (readonly [number, number])[];

/** Interleaved copy of the points. */
export function interleaved(points: LonLatPoints): Float64Array {
  if (points.length > 0 && Array.isArray(points[0])) {
    const pairs = points as readonly (readonly [number, number])[];
    const out = new Float64Array(2 * pairs.length);
    pairs.forEach((p, k) => {
      out[2 * k] = p[0];
      out[2 * k + 1] = p[1];
    });
    return out;
  }
  return Float64Array.from(points as ArrayLike<number>);
}

/** One query answer: neighbour indices nearest first, with their distances in metres. */
export interface Nearest {
  readonly indices: number[];
  readonly distances: number[];
}

/**
 * A static index over lon/lat points answering "the k points nearest to point i". Candidates
 * come from a packed R-tree in degrees; the answer is then made exact by measuring every point
 * in a box that surely holds all points as close as the k-th candidate.
 */
export class NearestNeighbourIndex {
  readonly xy: Float64Array;
  /** Points with a non-finite coordinate. */
  readonly unlocated: number[] = [];
  private readonly located: number[] = [];
  private readonly index: Flatbush | null;

  constructor(points: LonLatPoints) {
    this.xy = interleaved(points);
    const n = this.xy.length / 2;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(this.xy[2 * i]) && Number.isFinite(this.xy[2 * i + 1])) this.located.push(i);
      else this.unlocated.push(i);
    }
    if (this.located.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.located.length);
    for (const i of this.located) this.index.add(this.xy[2 * i], this.xy[2 * i + 1]);
    this.index.finish();
  }

  /** Number of points with a location. */
  get size(): number {
    return this.located.length;
  }

  /** The k located points nearest to point i (i excluded), nearest first. */
  nearest(i: number, k: number): Nearest {
    const x = this.xy[2 * i];
    const y = this.xy[2 * i + 1];
    if (!this.index || !Number.isFinite(x) || !Number.isFinite(y)) return { indices: [], distances: [] };
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
    if (k >= this.located.length) {
      throw new RangeError(`k = ${k} needs more than ${k} points with a location; there are ${this.located.length}`);
    }
    // A few extra planar candidates so the k-th true distance is usually already close.
    const first = this.index.neighbors(x, y, k + 5).map((h) => this.located[h]);
    const kth = this.rank(i, first)[k - 1].d;
    const dy = (kth / MIN_METRES_PER_DEGREE_LAT) * 1.01 + 1e-12;
    const dx = (kth / degreeLengths(Math.min(89, Math.abs(y) + dy)).lon) * 1.01 + 1e-12;
    const box = this.index.search(x - dx, y - dy, x + dx, y + dy).map((h) => this.located[h]);
    const best = this.rank(i, box).slice(0, k);
    return { indices: best.map((c) => c.j), distances: best.map((c) => c.d) };
  }

  /** Candidates other than i ranked by (distance, index). */
  private rank(i: number, candidates: number[]): { j: number; d: number }[] {
    const x = this.xy[2 * i];
    const y = this.xy[2 * i + 1];
    return candidates
      .filter((j) => j !== i)
      .map((j) => ({ j, d: ellipsoidDistance(x, y, this.xy[2 * j], this.xy[2 * j + 1]) }))
      .sort((a, b) => a.d - b.d || a.j - b.j);
  }
}

/** k-nearest-neighbour weights with the distance of each entry. */
export interface KnnResult {
  /** Binary weights, k neighbours per located point, not symmetric. */
  readonly weights: Weights;
  /** Distance in metres of each entry of `weights.indices` (same positions). */
  readonly distancesMetres: Float64Array;
  /** Points without a finite location (no neighbours). */
  readonly unlocated: readonly number[];
}

/**
 * k-nearest-neighbour weights on lon/lat points (for polygons, pass their
 * `polygonCentroids`). Throws a RangeError when k is not a whole number between 1 and the
 * number of located points minus one.
 */
export function knnWeights(points: LonLatPoints, k: number): KnnResult {
  const index = new NearestNeighbourIndex(points);
  const n = index.xy.length / 2;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
  const offsets = new Int32Array(n + 1);
  const rows: Nearest[] = [];
  for (let i = 0; i < n; i++) {
    const row = index.nearest(i, k);
    rows.push(row);
    offsets[i + 1] = offsets[i] + row.indices.length;
  }
  const indices = new Int32Array(offsets[n]);
  const distances = new Float64Array(offsets[n]);
  rows.forEach((row, i) => {
    // Rows of Weights are sorted by neighbour index; distances follow their neighbours.
    const order = row.indices.map((_, q) => q).sort((p, q) => row.indices[p] - row.indices[q]);
    order.forEach((q, pos) => {
      indices[offsets[i] + pos] = row.indices[q];
      distances[offsets[i] + pos] = row.distances[q];
    });
  });
  const weights: Weights = { n, offsets, indices, values: new Float64Array(indices.length).fill(1), rowStandardised: false };
  return { weights, distancesMetres: distances, unlocated: index.unlocated };
}
