/**
 * Which part of one segment lies within a distance of another segment.
 *
 * The points within distance r of segment CD form a capsule (a rectangle along CD plus a disc at
 * each end). A capsule is convex, so its intersection with segment AB is one interval of AB's
 * parameter t, found by clipping AB against the rectangle and the two discs separately and
 * taking the hull of the pieces. Contiguity uses it both ways: "within tolerance" (the interval
 * is not empty) and "how much boundary is shared" (the interval's length).
 */

/**
 * Interval [t0, t1] of t in [0, 1] such that A + t (B - A) is within `r` of segment CD, written
 * to `out[0]`, `out[1]`. Returns false, leaving `out` untouched, when no point of AB is that
 * close. Coordinates must be in a metric plane (metres), not degrees.
 */
export function withinInterval(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, r: number, out: Float64Array): boolean {
  const ux = bx - ax;
  const uy = by - ay;
  let lo = Infinity;
  let hi = -Infinity;
  // The two end discs.
  for (let k = 0; k < 2; k++) {
    const px = ax - (k === 0 ? cx : dx);
    const py = ay - (k === 0 ? cy : dy);
    const a = ux * ux + uy * uy;
    const b = ux * px + uy * py;
    const c = px * px + py * py - r * r;
    if (a === 0) {
      if (c <= 0) {
        lo = 0;
        hi = Math.max(hi, 1);
      }
      continue;
    }
    const disc = b * b - a * c;
    if (disc < 0) continue;
    const root = Math.sqrt(disc);
    const t0 = Math.max(0, (-b - root) / a);
    const t1 = Math.min(1, (-b + root) / a);
    if (t0 <= t1) {
      lo = Math.min(lo, t0);
      hi = Math.max(hi, t1);
    }
  }
  // The rectangle along CD, by Liang-Barsky clipping in CD's own frame (u along, v across).
  const ex = dx - cx;
  const ey = dy - cy;
  const len = Math.hypot(ex, ey);
  if (len > 0) {
    const nx = ex / len;
    const ny = ey / len;
    const u0 = (ax - cx) * nx + (ay - cy) * ny;
    const du = ux * nx + uy * ny;
    const v0 = (ax - cx) * -ny + (ay - cy) * nx;
    const dv = ux * -ny + uy * nx;
    // Liang-Barsky: each constraint p * t <= q narrows [t0, t1]. Written out rather than as a
    // helper closure, which costs an allocation per call in this innermost loop.
    let t0 = 0;
    let t1 = 1;
    let inside = true;
    for (let c = 0; c < 4 && inside; c++) {
      const p = c === 0 ? -du : c === 1 ? du : c === 2 ? -dv : dv;
      const q = c === 0 ? u0 : c === 1 ? len - u0 : c === 2 ? v0 + r : r - v0;
      if (p === 0) inside = q >= 0;
      else if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
      if (t0 > t1) inside = false;
    }
    if (inside) {
      lo = Math.min(lo, t0);
      hi = Math.max(hi, t1);
    }
  }
  if (lo > hi) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}
