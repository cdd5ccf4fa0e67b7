/**
 * How much boundary two polygons share, within a tolerance in metres: the core of contiguity.
 *
 * Upstream, each kelurahan was simplified on its own, so neighbours do not share vertices and
 * their boundaries leave gaps and overlaps a few metres wide. Comparing vertex with vertex (as
 * spdep's `poly2nb` snap does) then misses neighbours whose boundaries run side by side with
 * their vertices far apart. Here a point of one boundary counts as shared when it lies within
 * the tolerance of the other boundary (any point of any segment, not just vertices), and the
 * shared length is the length of such points, measured on each polygon's own boundary.
 *
 * Rook contiguity needs more: how much of that is a common edge rather than the neighbourhood
 * of a point where the two polygons touch (see {@link EDGE_PROBE}).
 */
import { degreeLengths } from './geodesy';
import type { PolygonRings } from './polygon-rings';
import { withinInterval } from './segment-capsule';

/**
 * Step of the wider tolerances at which shared lengths are also measured to estimate the common
 * edge of a pair: d, 1.5 d and 2 d for a tolerance d.
 *
 * Why measure more than once: near a point where two polygons touch, their boundaries leave the
 * point as straight lines, a cone that looks the same at every scale. The part of one boundary
 * within t of the other therefore grows in proportion to t: a boundary leaving at angle phi to
 * the other stays within t of it for t / sin(phi), so a right-angled corner shares 2t, but a
 * sharp one shares any length at all (10.8 t at one corner of GeoDa's natregimes counties, 108 m
 * at the default 10 m tolerance). No fixed allowance such as "twice the tolerance" can tell such
 * a point from an edge. A common edge of length e, by contrast, is shared whole at any tolerance
 * wider than the hairline gaps along it, and only its two ends (cones again) grow with t:
 * shared(t) = e + c t. Measuring at d and at k d gives c d = (shared(k d) - shared(d)) / (k - 1),
 * so e = shared(d) - (shared(k d) - shared(d)) / (k - 1): 0 for a point contact at any angle,
 * e for an edge. See {@link commonEdge} for the third measurement.
 *
 * Limits: exact while the boundaries near a touching point stay straight out to k d / sin(phi);
 * and it assumes the hairline gaps along an edge are narrower than d: a tolerance below the
 * data's gaps sees a wobbly edge as a chain of crossings, each a small cone, and finds less edge
 * (in the five demo cities, 24 rook pairs that a fixed allowance of 2 d + 10 m kept at d = 2 m
 * are lost, 2 at 5 m, none at the default 10 m).
 *
 * Why 1.5: a smaller k trusts less of the boundaries to be straight, but the difference is
 * divided by k - 1, so it also magnifies the wobble of independently simplified boundaries.
 * k = 2 made the natregimes corner above an edge at d = 50 m; k = 1.25 lost 8 demo-city rook
 * pairs at d = 5 m; k = 1.5 gives libpysal's rook lists exactly on natregimes, stl and columbus
 * at every tolerance tried (0, 2, 5, 10, 20, 50 m).
 */
export const EDGE_PROBE = 1.5;

/**
 * Estimated common edge, in metres, from the lengths of one boundary within d, k d and
 * (2k - 1) d of the other (k = {@link EDGE_PROBE}), for a tolerance d > 0.
 *
 * Why the third length: edges and cones make shared(t) / t fall or stay as t grows, so the
 * estimate from the first band (d to k d) is never below 0 for them. Well below 0 (by more than
 * d, for rounding and wobble), that band held something else: a sliver of another polygon or a
 * river gap running beside the edge between d and k d from it. In Indonesia's 83,402 desa, 29
 * pairs sharing 34 m to 5.4 km within 10 m are like that (Daik and Daik Sepincan, Lingga: 5.4 km
 * within 10 m, 19.4 km within 15 m, 19.4 km within 20 m). Then the next band, k d to (2k - 1) d,
 * gives the growth of the ends instead, if it is the smaller.
 */
export function commonEdge(near: number, wide: number, wider: number, toleranceMetres: number): number {
  const steps = EDGE_PROBE - 1;
  const edge = near - (wide - near) / steps;
  if (edge >= -toleranceMetres) return edge;
  return near - Math.min(wide - near, wider - wide) / steps;
}

/** Shared boundary of one pair of polygons. */
export interface SharedBoundary {
  /** Length in metres of i's boundary within the tolerance of j's boundary. */
  readonly lengthOnI: number;
  /** Length in metres of j's boundary within the tolerance of i's boundary. */
  readonly lengthOnJ: number;
  /**
   * Estimated length in metres of the common edge, without what a touching point adds (see
   * {@link EDGE_PROBE}); the smaller estimate of the two sides. Only when the meter was made
   * with `estimateEdge`, else NaN. At tolerance 0 it is the shorter of the two lengths.
   */
  readonly edgeMetres: number;
}

/** Growable scratch space reused across pairs, so the national run does not allocate per pair. */
class Scratch {
  seg = new Int32Array(256); // segment's first vertex index (global)
  xy = new Float64Array(1024); // local metres: x0, y0, x1, y1
  box = new Float64Array(1024); // local metres: minX, minY, maxX, maxY (A side expanded by r)
  order = new Int32Array(256);
  n = 0;
  reset(): void {
    this.n = 0;
  }
  push(seg: number, x0: number, y0: number, x1: number, y1: number, pad: number): void {
    if (this.n === this.seg.length) this.grow();
    const k = this.n++;
    this.seg[k] = seg;
    this.xy[4 * k] = x0;
    this.xy[4 * k + 1] = y0;
    this.xy[4 * k + 2] = x1;
    this.xy[4 * k + 3] = y1;
    this.box[4 * k] = Math.min(x0, x1) - pad;
    this.box[4 * k + 1] = Math.min(y0, y1) - pad;
    this.box[4 * k + 2] = Math.max(x0, x1) + pad;
    this.box[4 * k + 3] = Math.max(y0, y1) + pad;
  }
  private grow(): void {
    const m = this.seg.length * 2;
    const seg = new Int32Array(m);
    seg.set(this.seg);
    const xy = new Float64Array(4 * m);
    xy.set(this.xy);
    const box = new Float64Array(4 * m);
    box.set(this.box);
    this.seg = seg;
    this.xy = xy;
    this.box = box;
    this.order = new Int32Array(m);
  }
  /** Sort positions 0..n-1 by box minX into `order`. */
  sortByMinX(): Int32Array {
    const order = this.order.subarray(0, this.n);
    for (let k = 0; k < this.n; k++) order[k] = k;
    const box = this.box;
    order.sort((p, q) => box[4 * p] - box[4 * q]);
    return order;
  }
}

/** Parameter intervals [t0, t1] found on one side's segments; merged per segment into a length. */
class Intervals {
  at = new Int32Array(256);
  t0 = new Float64Array(256);
  t1 = new Float64Array(256);
  n = 0;
  push(at: number, t0: number, t1: number): void {
    if (this.n === this.at.length) {
      const m = this.n * 2;
      const at2 = new Int32Array(m);
      at2.set(this.at);
      const a = new Float64Array(m);
      a.set(this.t0);
      const b = new Float64Array(m);
      b.set(this.t1);
      this.at = at2;
      this.t0 = a;
      this.t1 = b;
    }
    this.at[this.n] = at;
    this.t0[this.n] = t0;
    this.t1[this.n] = t1;
    this.n++;
  }
  private order = new Int32Array(256);
  private starts = new Int32Array(256);

  /** Total length: the union of intervals on each segment times that segment's length. */
  length(side: Scratch): number {
    // Group by segment with a counting sort (segments are numbered 0..side.n-1), then order
    // each segment's few intervals by start with an insertion sort.
    if (this.starts.length < side.n + 1) this.starts = new Int32Array(2 * side.n + 1);
    if (this.order.length < this.n) this.order = new Int32Array(2 * this.n);
    const starts = this.starts.fill(0, 0, side.n + 1);
    const order = this.order;
    for (let k = 0; k < this.n; k++) starts[this.at[k] + 1]++;
    for (let g = 0; g < side.n; g++) starts[g + 1] += starts[g];
    for (let k = 0; k < this.n; k++) order[starts[this.at[k]]++] = k;
    // starts[g] now holds the end of group g; its start is the previous group's end.
    const xy = side.xy;
    let total = 0;
    let begin = 0;
    for (let g = 0; g < side.n; g++) {
      const end = starts[g];
      if (end === begin) continue;
      for (let k = begin + 1; k < end; k++) {
        const v = order[k];
        let m = k - 1;
        while (m >= begin && this.t0[order[m]] > this.t0[v]) {
          order[m + 1] = order[m];
          m--;
        }
        order[m + 1] = v;
      }
      let lo = this.t0[order[begin]];
      let hi = this.t1[order[begin]];
      let covered = 0;
      for (let k = begin + 1; k < end; k++) {
        const a = this.t0[order[k]];
        const b = this.t1[order[k]];
        if (a > hi) {
          covered += hi - lo;
          lo = a;
          hi = b;
        } else if (b > hi) hi = b;
      }
      covered += hi - lo;
      total += covered * Math.hypot(xy[4 * g + 2] - xy[4 * g], xy[4 * g + 3] - xy[4 * g + 1]);
      begin = end;
    }
    return total;
  }
}

/**
 * Measures shared boundaries between pairs of features of one {@link PolygonRings}. Create one
 * per set of rings and call {@link SharedBoundaryMeter.measure} for each candidate pair.
 */
export class SharedBoundaryMeter {
  private readonly a = new Scratch();
  private readonly b = new Scratch();
  private readonly onA = new Intervals();
  private readonly onB = new Intervals();
  /** Intervals within `EDGE_PROBE` and `2 EDGE_PROBE - 1` times the tolerance (edge estimate only). */
  private readonly wideOnA = new Intervals();
  private readonly wideOnB = new Intervals();
  private readonly widerOnA = new Intervals();
  private readonly widerOnB = new Intervals();
  private readonly out = new Float64Array(2);
  /** Radius of the widest capsule compared: the tolerance, or the widest one for the edge estimate. */
  private readonly reach: number;
  private readonly wide: number;

  constructor(
    private readonly rings: PolygonRings,
    private readonly toleranceMetres: number,
    /** Also measure at the wider tolerances to estimate each pair's common edge (rook). */
    private readonly estimateEdge = false,
  ) {
    this.wide = EDGE_PROBE * toleranceMetres;
    this.reach = estimateEdge ? (2 * EDGE_PROBE - 1) * toleranceMetres : toleranceMetres;
  }

  /**
   * Shared boundary of features i and j within the tolerance, or null when no point of one
   * boundary comes within the tolerance of the other. `window` is the lon/lat box where both
   * boundaries can be that close (the overlap of their bounding boxes, each grown by the
   * tolerance, or by `2 EDGE_PROBE - 1` times the tolerance for a meter that estimates edges);
   * only segments touching it are compared.
   */
  measure(i: number, j: number, window: readonly [number, number, number, number]): SharedBoundary | null {
    const lat0 = (window[1] + window[3]) / 2;
    // Local equirectangular plane for this pair, in metres from the window's corner.
    const k = degreeLengths(lat0);
    this.collect(i, window, this.a, k.lon, k.lat, this.reach);
    this.collect(j, window, this.b, k.lon, k.lat, 0);
    if (this.a.n === 0 || this.b.n === 0) return null;
    this.onA.n = 0;
    this.onB.n = 0;
    this.wideOnA.n = 0;
    this.wideOnB.n = 0;
    this.widerOnA.n = 0;
    this.widerOnB.n = 0;
    this.sweep();
    if (this.onA.n === 0) return null;
    const lengthOnI = this.onA.length(this.a);
    const lengthOnJ = this.onB.length(this.b);
    let edgeMetres = Number.NaN;
    if (this.estimateEdge) {
      const r = this.toleranceMetres;
      edgeMetres =
        r === 0
          ? Math.min(lengthOnI, lengthOnJ)
          : Math.min(
              commonEdge(lengthOnI, this.wideOnA.length(this.a), this.widerOnA.length(this.a), r),
              commonEdge(lengthOnJ, this.wideOnB.length(this.b), this.widerOnB.length(this.b), r),
            );
    }
    return { lengthOnI, lengthOnJ, edgeMetres };
  }

  /** Segments of feature f whose bounding box meets the window, converted to local metres. */
  private collect(f: number, w: readonly number[], into: Scratch, kx: number, ky: number, pad: number): void {
    into.reset();
    const { coords, ringStarts, featureRings } = this.rings;
    const ox = w[0];
    const oy = w[1];
    for (let ring = featureRings[f]; ring < featureRings[f + 1]; ring++) {
      for (let v = ringStarts[ring]; v < ringStarts[ring + 1] - 1; v++) {
        const x0 = coords[2 * v];
        const y0 = coords[2 * v + 1];
        const x1 = coords[2 * v + 2];
        const y1 = coords[2 * v + 3];
        if (Math.max(x0, x1) < w[0] || Math.min(x0, x1) > w[2]) continue;
        if (Math.max(y0, y1) < w[1] || Math.min(y0, y1) > w[3]) continue;
        into.push(v, (x0 - ox) * kx, (y0 - oy) * ky, (x1 - ox) * kx, (y1 - oy) * ky, pad);
      }
    }
  }

  /**
   * Sweep over x: both lists sorted by the left edge of their boxes (A's grown by the
   * tolerance), each new box compared only with the other list's boxes still open at that x.
   */
  private sweep(): void {
    const { a, b } = this;
    const orderA = a.sortByMinX();
    const orderB = b.sortByMinX();
    const activeA: number[] = [];
    const activeB: number[] = [];
    let ia = 0;
    let ib = 0;
    while (ia < a.n || ib < b.n) {
      const takeA = ib >= b.n || (ia < a.n && a.box[4 * orderA[ia]] <= b.box[4 * orderB[ib]]);
      if (takeA) {
        const p = orderA[ia++];
        this.prune(activeB, b, a.box[4 * p]);
        for (const q of activeB) this.test(p, q);
        activeA.push(p);
      } else {
        const q = orderB[ib++];
        this.prune(activeA, a, b.box[4 * q]);
        for (const p of activeA) this.test(p, q);
        activeB.push(q);
      }
    }
  }

  /** Drop boxes that end before x: no later box (starting at or after x) can meet them. */
  private prune(active: number[], side: Scratch, x: number): void {
    let w = 0;
    for (let k = 0; k < active.length; k++) if (side.box[4 * active[k] + 2] >= x) active[w++] = active[k];
    active.length = w;
  }

  /** Compare segment p of A with segment q of B; record what of each lies near the other. */
  private test(p: number, q: number): void {
    const { a, b, out } = this;
    if (a.box[4 * p + 1] > b.box[4 * q + 3] || a.box[4 * p + 3] < b.box[4 * q + 1]) return;
    const pa = a.xy;
    const pb = b.xy;
    const r = this.toleranceMetres;
    const ax0 = pa[4 * p],
      ay0 = pa[4 * p + 1],
      ax1 = pa[4 * p + 2],
      ay1 = pa[4 * p + 3];
    const bx0 = pb[4 * q],
      by0 = pb[4 * q + 1],
      bx1 = pb[4 * q + 2],
      by1 = pb[4 * q + 3];
    if (this.reach !== r) {
      // Each capsule contains the narrower ones: nothing within it, nothing within those.
      if (!withinInterval(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1, this.reach, out)) return;
      this.widerOnA.push(p, out[0], out[1]);
      if (withinInterval(bx0, by0, bx1, by1, ax0, ay0, ax1, ay1, this.reach, out)) this.widerOnB.push(q, out[0], out[1]);
      const wide = this.wide;
      if (!withinInterval(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1, wide, out)) return;
      this.wideOnA.push(p, out[0], out[1]);
      if (withinInterval(bx0, by0, bx1, by1, ax0, ay0, ax1, ay1, wide, out)) this.wideOnB.push(q, out[0], out[1]);
    }
    if (!withinInterval(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1, r, out)) return;
    this.onA.push(p, out[0], out[1]);
    // Distance is symmetric, so B's interval is not empty either (up to rounding at exactly r).
    if (withinInterval(bx0, by0, bx1, by1, ax0, ay0, ax1, ay1, r, out)) this.onB.push(q, out[0], out[1]);
  }
}
