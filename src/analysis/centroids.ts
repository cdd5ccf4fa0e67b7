/**
 * Centroids of polygons, planar in lon/lat degrees, as GEOS computes them (and so as R's
 * `sf::st_centroid` does with `sf_use_s2(FALSE)`, the points spdep examples feed to
 * `knearneigh`). For a kelurahan a few kilometres wide the difference from a geodesic centroid
 * is centimetres, and using the same points as R keeps k-nearest-neighbour results comparable.
 */
import type { PolygonRings } from './polygon-rings';

/**
 * Area-weighted centroid of each feature: shells add their area and holes subtract theirs,
 * whatever the ring orientation (as GEOS does; invalid polygons are taken as written). A
 * feature of zero area falls back to the length-weighted centre of its boundary, then to the
 * mean of its vertices. Features without rings get NaN. Returns lon, lat interleaved.
 */
export function polygonCentroids(rings: PolygonRings): Float64Array {
  const out = new Float64Array(2 * rings.count).fill(Number.NaN);
  const { coords, ringStarts, ringIsHole, featureRings } = rings;
  for (let f = 0; f < rings.count; f++) {
    const r0 = featureRings[f];
    const r1 = featureRings[f + 1];
    if (r0 === r1) continue;
    // Work relative to the first vertex: sums of products of small numbers keep their digits.
    const ox = coords[2 * ringStarts[r0]];
    const oy = coords[2 * ringStarts[r0] + 1];
    let area = 0;
    let cx = 0;
    let cy = 0;
    let length = 0;
    let lx = 0;
    let ly = 0;
    let px = 0;
    let py = 0;
    let points = 0;
    for (let r = r0; r < r1; r++) {
      let ringArea = 0;
      let rx = 0;
      let ry = 0;
      for (let v = ringStarts[r]; v < ringStarts[r + 1] - 1; v++) {
        const x0 = coords[2 * v] - ox;
        const y0 = coords[2 * v + 1] - oy;
        const x1 = coords[2 * v + 2] - ox;
        const y1 = coords[2 * v + 3] - oy;
        const cross = x0 * y1 - x1 * y0;
        ringArea += cross;
        rx += (x0 + x1) * cross;
        ry += (y0 + y1) * cross;
        const seg = Math.hypot(x1 - x0, y1 - y0);
        length += seg;
        lx += ((x0 + x1) / 2) * seg;
        ly += ((y0 + y1) / 2) * seg;
        px += x0;
        py += y0;
        points++;
      }
      // Shells count positive and holes negative, whichever way the ring runs.
      const sign = (ringArea >= 0 ? 1 : -1) * (ringIsHole[r] ? -1 : 1);
      area += sign * ringArea;
      cx += sign * rx;
      cy += sign * ry;
    }
    if (area !== 0) {
      out[2 * f] = ox + cx / (3 * area);
      out[2 * f + 1] = oy + cy / (3 * area);
    } else if (length > 0) {
      out[2 * f] = ox + lx / length;
      out[2 * f + 1] = oy + ly / length;
    } else {
      out[2 * f] = ox + px / points;
      out[2 * f + 1] = oy + py / points;
    }
  }
  return out;
}
