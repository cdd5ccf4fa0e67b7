import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { DEFAULT_ROOK_MIN_EDGE_METRES, DEFAULT_SNAP_METRES, contiguity, touchingPairs } from '../../../src/analysis/contiguity';
import { degreeLengths } from '../../../src/analysis/geodesy';
import { commonEdge } from '../../../src/analysis/shared-boundary';
import { polygonRings, type PolygonRings } from '../../../src/analysis/polygon-rings';
import { cardinalities, islands } from '../../../src/analysis/weights';
import { listsOf, pairsOfLists, poly2nb, readCity } from './demo-cities';

// UTM's scale factor (0.9996-1.0004) against our local metres: distances may differ by 0.04 %.
const PROJECTION_SLACK = 0.01;

const cities = poly2nb.cities.map((c) => {
  const fc = readCity(c.file);
  const rings = polygonRings(fc.features.map((f) => f.geometry));
  return { ...c, fc, rings, names: fc.features.map((f) => f.properties.kelurahan) };
});

/** Distances in metres between every vertex of i and every vertex of j (ring closers left out, as poly2nb does). */
function vertexDistances(rings: PolygonRings, i: number, j: number): number[] {
  const vertices = (f: number): number[] => {
    const out: number[] = [];
    for (let r = rings.featureRings[f]; r < rings.featureRings[f + 1]; r++) {
      for (let v = rings.ringStarts[r]; v < rings.ringStarts[r + 1] - 1; v++) out.push(v);
    }
    return out;
  };
  const c = rings.coords;
  const out: number[] = [];
  for (const a of vertices(i)) {
    for (const b of vertices(j)) {
      const k = degreeLengths((c[2 * a + 1] + c[2 * b + 1]) / 2);
      out.push(Math.hypot((c[2 * a] - c[2 * b]) * k.lon, (c[2 * a + 1] - c[2 * b + 1]) * k.lat));
    }
  }
  return out;
}

function sharedOf(rings: PolygonRings): Map<string, number> {
  const p = touchingPairs(rings);
  const out = new Map<string, number>();
  for (let k = 0; k < p.count; k++) out.set(`${p.i[k]}-${p.j[k]}`, p.sharedMetres[k]);
  return out;
}

/** Estimated common edge of each touching pair at the default tolerance. */
function edgesOf(rings: PolygonRings): Map<string, number> {
  const p = touchingPairs(rings, DEFAULT_SNAP_METRES, true);
  const out = new Map<string, number>();
  for (let k = 0; k < p.count; k++) out.set(`${p.i[k]}-${p.j[k]}`, p.edgeMetres![k]);
  return out;
}

describe('contiguity of the five demo cities', () => {
  it.each(cities.map((c) => [c.city, c] as const))('%s: no islands, queen includes rook, weights symmetric', (_, c) => {
    const queen = contiguity(c.rings).weights;
    const rook = contiguity(c.rings, { rule: 'rook' }).weights;
    expect(islands(queen)).toEqual([]);
    expect(islands(rook)).toEqual([]);
    const q = pairsOfLists(listsOf(queen));
    const r = pairsOfLists(listsOf(rook));
    expect([...r].filter((p) => !q.has(p))).toEqual([]);
    const lists = listsOf(queen);
    lists.forEach((row, i) => row.forEach((j) => expect(lists[j]).toContain(i)));
    // Between 1 (Perjuangan, Tanjungbalai, on the river bank) and 10 neighbours.
    const counts = Array.from(cardinalities(queen));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(10);
  });

  it.each(cities.map((c) => [c.city, c] as const))('%s: queen pairs are exactly the pairs GEOS puts within the tolerance, at 2, 5, 10 and 20 m', (_, c) => {
    for (const tolerance of [2, 5, 10, 20]) {
      const p = touchingPairs(c.rings, tolerance);
      const mine = new Set(Array.from(p.i, (i, k) => `${i}-${p.j[k]}`));
      const geos = c.close_pairs.filter((q) => Math.abs(q.distance - tolerance) > PROJECTION_SLACK);
      for (const q of geos) expect(mine.has(`${q.i}-${q.j}`), `${q.i}-${q.j} at ${tolerance} m`).toBe(q.distance <= tolerance);
      const near = new Set(c.close_pairs.map((q) => `${q.i}-${q.j}`));
      expect([...mine].filter((key) => !near.has(key))).toEqual([]);
    }
  });

  it.each(cities.map((c) => [c.city, c] as const))('%s: shared boundary lengths agree with GEOS buffers to 0.1 percent', (_, c) => {
    const shared = sharedOf(c.rings);
    for (const q of c.close_pairs.filter((q) => q.distance <= 10)) {
      const reference = Math.min(q.shared_i, q.shared_j);
      expect(Math.abs(shared.get(`${q.i}-${q.j}`)! - reference)).toBeLessThanOrEqual(0.001 * reference + 0.05);
    }
  });

  it.each(cities.map((c) => [c.city, c] as const))('%s: every difference from poly2nb(snap = 10) is explained by vertex-to-vertex snapping', (_, c) => {
    const tol = poly2nb.meta.snap_metres;
    const within = (key: string, d: number): number => {
      const [i, j] = key.split('-').map(Number);
      return vertexDistances(c.rings, i, j).filter((x) => x <= d).length;
    };
    const queen = pairsOfLists(listsOf(contiguity(c.rings, { toleranceMetres: tol }).weights));
    const rQueen = pairsOfLists(c.queen);
    // Ours finds boundaries within 10 m of each other even when no two vertices are.
    for (const key of [...queen].filter((k) => !rQueen.has(k))) expect(within(key, tol - PROJECTION_SLACK), key).toBe(0);
    // A vertex within 10 m of a vertex is within 10 m of the boundary: poly2nb finds nothing more.
    expect([...rQueen].filter((k) => !queen.has(k))).toEqual([]);

    const rook = pairsOfLists(listsOf(contiguity(c.rings, { rule: 'rook', toleranceMetres: tol }).weights));
    const rRook = pairsOfLists(c.rook);
    const edges = edgesOf(c.rings);
    for (const key of [...rook].filter((k) => !rRook.has(k))) {
      // A common edge of 10 m or more, but fewer than two vertex pairs within 10 m.
      expect(edges.get(key)).toBeGreaterThanOrEqual(DEFAULT_ROOK_MIN_EDGE_METRES);
      expect(within(key, tol - PROJECTION_SLACK), key).toBeLessThan(2);
    }
    for (const key of [...rRook].filter((k) => !rook.has(k))) {
      // Two or more vertex pairs cluster at a corner, but the boundaries share no edge.
      expect(edges.get(key)).toBeLessThan(DEFAULT_ROOK_MIN_EDGE_METRES);
      expect(within(key, tol + PROJECTION_SLACK), key).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(cities.map((c) => [c.city, c] as const))('%s: at the default tolerance rook keeps every pair the former corner allowance kept, and no other', (_, c) => {
    // The former rule (shared length at least 2 x 10 m + 10 m) failed only at sharp corners,
    // which these hand-drawn, then simplified kelurahan do not have: the hairline gaps the
    // tolerance exists for must still be bridged.
    const p = touchingPairs(c.rings, DEFAULT_SNAP_METRES, true);
    const former = new Set<string>();
    for (let k = 0; k < p.count; k++) if (p.sharedMetres[k] >= 2 * DEFAULT_SNAP_METRES + 10) former.add(`${p.i[k]}-${p.j[k]}`);
    const rook = pairsOfLists(listsOf(contiguity(c.rings, { rule: 'rook' }).weights));
    expect([...rook].sort()).toEqual([...former].sort());
    expect(rook.size).toBe({ 'jakarta-pusat': 96, pekalongan: 61, probolinggo: 65, surakarta: 127, tanjungbalai: 68 }[c.city]);
  });

  it('links neighbours poly2nb misses and rejects pairs with a kelurahan between them', () => {
    const pair = (city: string, a: string, b: string) => {
      const c = cities.find((x) => x.city === city)!;
      const i = c.names.indexOf(a);
      const j = c.names.indexOf(b);
      const q = listsOf(contiguity(c.rings).weights)[i].includes(j);
      const r = listsOf(contiguity(c.rings, { rule: 'rook' }).weights)[i].includes(j);
      const spdep = c.queen[i].includes(j);
      return { queen: q, rook: r, spdep };
    };
    // 1.35 km of common boundary, nearest vertices 28 m apart.
    expect(pair('surakarta', 'Kadipiro', 'Banjarsari')).toEqual({ queen: true, rook: true, spdep: false });
    // The widest gap between true neighbours, 8.5 m, along 64 m of boundary.
    expect(pair('tanjungbalai', 'Sejahtera', 'Muara Sentosa')).toEqual({ queen: true, rook: true, spdep: false });
    // A corner: queen, not rook.
    expect(pair('surakarta', 'Danukusuman', 'Kratonan')).toEqual({ queen: true, rook: false, spdep: true });
    // 11.6 m apart with a sliver of Kebon Kelapa between them.
    expect(pair('jakarta-pusat', 'Gambir', 'Kwitang')).toEqual({ queen: false, rook: false, spdep: false });
  });
});

describe('contiguity rules on constructed polygons', () => {
  const k = degreeLengths(-7);
  /** Rectangle from (x0, y0) to (x1, y1) in metres east and north of 110 E, 7 S, as GeoJSON. */
  const rect = (x0: number, y0: number, x1: number, y1: number, vertices: [number, number][] = []): Polygon => ({
    type: 'Polygon',
    coordinates: [[[x0, y0], [x1, y0], ...vertices, [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => [110 + x / k.lon, -7 + y / k.lat])],
  });
  const neighbours = (geoms: (Geometry | null)[], options = {}) => listsOf(contiguity(geoms, options).weights);

  it('gives queen and rook neighbours of a 3 x 3 grid of blocks', () => {
    const grid: Polygon[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) grid.push(rect(c * 100, r * 100, c * 100 + 100, r * 100 + 100));
    expect(neighbours(grid)[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(neighbours(grid)[0]).toEqual([1, 3, 4]);
    expect(neighbours(grid, { rule: 'rook' })[4]).toEqual([1, 3, 5, 7]);
    expect(neighbours(grid, { rule: 'rook' })[0]).toEqual([1, 3]);
    // Exactly shared edges need no tolerance.
    expect(neighbours(grid, { toleranceMetres: 0, rule: 'rook' })[4]).toEqual([1, 3, 5, 7]);
  });

  it('measures a corner contact as twice the tolerance', () => {
    const result = contiguity([rect(0, 0, 100, 100), rect(100, 100, 200, 200)]);
    expect(result.sharedMetres[0]).toBeCloseTo(2 * DEFAULT_SNAP_METRES, 1);
  });

  /** Polygon through points in metres east and north of 110 E, 7 S. */
  const polygon = (points: [number, number][]): Polygon => ({
    type: 'Polygon',
    coordinates: [[...points, points[0]].map(([x, y]) => [110 + x / k.lon, -7 + y / k.lat])],
  });
  /** Point at `metres` from (x, y) in direction `degrees` (0 = east, anticlockwise). */
  const ray = (x: number, y: number, degrees: number, metres: number): [number, number] => [
    x + metres * Math.cos((degrees * Math.PI) / 180),
    y + metres * Math.sin((degrees * Math.PI) / 180),
  ];

  it.each([1, 3, 10, 30, 90])('two wedges touching at one point with a %d degree gap between them are queen, never rook', (gap) => {
    // A spans directions 0..60 degrees from the origin, B the directions beyond the gap.
    const a = polygon([[0, 0], ray(0, 0, 0, 20_000), ray(0, 0, 60, 20_000)]);
    const b = polygon([[0, 0], ray(0, 0, 60 + gap, 20_000), ray(0, 0, 150 + gap, 20_000)]);
    for (const toleranceMetres of [0, 1, DEFAULT_SNAP_METRES, 50, 200]) {
      const queen = contiguity([a, b], { toleranceMetres });
      const rook = contiguity([a, b], { rule: 'rook', toleranceMetres });
      expect(listsOf(queen.weights), `${toleranceMetres} m`).toEqual([[1], [0]]);
      expect(listsOf(rook.weights), `${toleranceMetres} m`).toEqual([[], []]);
      // What a fixed corner allowance would have seen: the tolerance over sin(gap) and more.
      if (toleranceMetres > 0) expect(queen.sharedMetres[0]).toBeGreaterThanOrEqual(toleranceMetres / Math.sin((gap * Math.PI) / 180) - 1e-6);
    }
  });

  it('keeps neighbours whose boundaries part to run side by side 12 m apart, as along a river', () => {
    // 200 m of common edge, then A steps 12 m north and both run east for another 1 km.
    const a = polygon([
      [0, 0],
      [200, 0],
      [200, 12],
      [1200, 12],
      [1200, 500],
      [0, 500],
    ]);
    const b = polygon([
      [0, 0],
      [0, -500],
      [1200, -500],
      [1200, 0],
      [200, 0],
    ]);
    const p = touchingPairs(polygonRings([a, b]), DEFAULT_SNAP_METRES, true);
    // Within 15 m the 1 km run counts too: read alone, that growth would hide the edge.
    expect(touchingPairs(polygonRings([a, b]), 15).sharedMetres[0]).toBeGreaterThan(1200);
    expect(p.edgeMetres![0]).toBeGreaterThan(180);
    expect(p.edgeMetres![0]).toBeLessThan(211);
    expect(listsOf(contiguity([a, b], { rule: 'rook' }).weights)).toEqual([[1], [0]]);
  });

  it('estimates the common edge from three shared lengths', () => {
    // A touching point: lengths in proportion to the tolerance.
    expect(commonEdge(10, 15, 20, 10)).toBe(0);
    expect(commonEdge(108, 162, 216, 10)).toBe(0);
    // An edge of 100 m with right-angled ends.
    expect(commonEdge(120, 130, 140, 10)).toBe(100);
    // The same edge with a 1 km run 12 m away: the first band's growth is not the ends'.
    expect(commonEdge(120, 1130, 1140, 10)).toBe(100);
    // Slightly faster than proportional growth (wobble) is still read from the first band.
    expect(commonEdge(10, 19, 20, 10)).toBe(-8);
  });

  it('keeps a short common edge whose ends part at a sharp angle, and measures it', () => {
    // A above, B below a common edge from (0, 0) to (e, 0); beyond each end the two boundaries
    // part at 4 degrees (2 up, 2 down), so each end adds the tolerance / sin(4 degrees) = 143 m.
    const pair = (e: number) => [
      polygon([ray(0, 0, 178, 5000), [0, 0], [e, 0], ray(e, 0, 2, 5000), [e / 2, 3000]]),
      polygon([ray(0, 0, 182, 5000), [e / 2, -3000], ray(e, 0, -2, 5000), [e, 0], [0, 0]]),
    ];
    const edge = (e: number) => touchingPairs(polygonRings(pair(e)), DEFAULT_SNAP_METRES, true).edgeMetres![0];
    expect(edge(15)).toBeCloseTo(15, 6);
    expect(edge(40)).toBeCloseTo(40, 6);
    expect(listsOf(contiguity(pair(15), { rule: 'rook' }).weights)).toEqual([[1], [0]]);
    expect(listsOf(contiguity(pair(5), { rule: 'rook' }).weights)).toEqual([[], []]);
    expect(listsOf(contiguity(pair(5)).weights)).toEqual([[1], [0]]);
  });

  it('links polygons across a gap narrower than the tolerance though no vertex is within it', () => {
    // A's right edge has vertices at y = 0 and 100; B starts 5 m further east with vertices at y = 50, 150.
    const a = rect(0, 0, 100, 100);
    const b = rect(105, 50, 205, 150);
    expect(neighbours([a, b])).toEqual([[1], [0]]);
    expect(neighbours([a, b], { toleranceMetres: 4.9 })).toEqual([[], []]);
    // On A: its right edge from y = 50 - sqrt(10^2 - 5^2) to 100, plus 5 m of its top edge.
    const expected = 50 + Math.sqrt(75) + 5;
    expect(contiguity([a, b]).sharedMetres[0]).toBeCloseTo(expected, 1);
  });

  it('does not link across a kelurahan wider than the tolerance', () => {
    const strip = (width: number) => neighbours([rect(0, 0, 100, 100), rect(100, 0, 100 + width, 100), rect(100 + width, 0, 200 + width, 100)]);
    expect(strip(15)[0]).toEqual([1]);
    // A sliver narrower than the tolerance is stepped over: the price of snapping.
    expect(strip(8)[0]).toEqual([1, 2]);
  });

  it('handles multipolygons, enclaves in holes, missing and invalid geometry without crashing', () => {
    const outer: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 300, 300).coordinates[0], rect(100, 100, 200, 200).coordinates[0].slice().reverse()] };
    const enclave = rect(100, 100, 200, 200);
    const parts: Geometry = { type: 'MultiPolygon', coordinates: [rect(300, 0, 400, 100).coordinates, rect(600, 0, 700, 100).coordinates] };
    const right = rect(700, 0, 800, 100);
    // A bow tie (self-intersecting ring) next to the right block.
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [800, 0],
          [900, 100],
          [900, 0],
          [800, 100],
          [800, 0],
        ].map(([x, y]) => [110 + x / k.lon, -7 + y / k.lat]),
      ],
    };
    const point: Geometry = { type: 'Point', coordinates: [110, -7] };
    const result = contiguity([outer, enclave, parts, right, null, point, bowTie]);
    const lists = listsOf(result.weights);
    expect(lists[0]).toEqual([1, 2]);
    expect(lists[1]).toEqual([0]);
    expect(lists[2]).toEqual([0, 3]);
    expect(lists[3]).toEqual([2, 6]);
    expect(lists[4]).toEqual([]);
    expect(lists[5]).toEqual([]);
    expect(result.empty).toEqual([4, 5]);
  });

  it('rejects a tolerance that is not a non-negative number of metres', () => {
    expect(() => contiguity([rect(0, 0, 1, 1)], { toleranceMetres: -1 })).toThrow(RangeError);
    expect(() => contiguity([rect(0, 0, 1, 1)], { toleranceMetres: Number.NaN })).toThrow(RangeError);
  });
});
