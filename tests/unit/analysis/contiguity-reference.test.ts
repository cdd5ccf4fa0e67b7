/**
 * Queen and rook contiguity against GeoDa and libpysal on their own public test data
 * (tests/fixtures/contiguity-reference): 3,085 US counties (natregimes), 78 St Louis counties,
 * 49 Columbus neighbourhoods. These polygons share exact vertices, so any tolerance must give the
 * reference lists; a tolerance that turned sharp corner contacts into edges (the former rook
 * rule, 8 extra pairs on natregimes at 10 m) fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAP_METRES, contiguity, touchingPairs } from '../../../src/analysis/contiguity';
import { polygonRings, type PolygonRings } from '../../../src/analysis/polygon-rings';
import { cardinalities } from '../../../src/analysis/weights';
import { readShp } from '../../../src/data/importers/shapefile-shp';
import { listsOf } from './demo-cities';

const dir = new URL('../../fixtures/contiguity-reference/', import.meta.url);
type Lists = number[][];
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<'natregimes' | 'stl' | 'columbus', { rook: Lists; queen: Lists }> & {
  meta: { geoda_natregimes_rook: { min: number; mean: number; max: number } };
};

const ringsOf = (file: string): PolygonRings => polygonRings(readShp(new Uint8Array(readFileSync(new URL(file, dir)))).geometries);
const data = {
  natregimes: ringsOf('natregimes.shp'),
  stl: ringsOf('stl_hom.shp'),
  columbus: ringsOf('columbus.shp'),
};
const names = ['natregimes', 'stl', 'columbus'] as const;

/** Pairs "i-j" in which a and b differ, for a readable failure. */
function difference(a: Lists, b: Lists): { extra: string[]; missing: string[] } {
  const pairs = (l: Lists) => new Set(l.flatMap((row, i) => row.filter((j) => j > i).map((j) => `${i}-${j}`)));
  const pa = pairs(a);
  const pb = pairs(b);
  return { extra: [...pa].filter((p) => !pb.has(p)), missing: [...pb].filter((p) => !pa.has(p)) };
}

describe('contiguity on GeoDa and libpysal test data', () => {
  it("natregimes rook at the default tolerance has GeoDa's summary: min 1, mean 5.571474878444084, max 13", () => {
    const counts = Array.from(cardinalities(contiguity(data.natregimes, { rule: 'rook' }).weights));
    const geoda = expected.meta.geoda_natregimes_rook;
    expect(counts).toHaveLength(3085);
    expect(Math.min(...counts)).toBe(geoda.min);
    expect(counts.reduce((s, c) => s + c, 0) / counts.length).toBe(geoda.mean);
    expect(Math.max(...counts)).toBe(geoda.max);
  }, 60_000);

  it.each(names.flatMap((name) => [0, 2, DEFAULT_SNAP_METRES, 50].map((snap) => [name, snap] as const)))(
    "%s rook at %d m equals libpysal's neighbour lists",
    (name, snap) => {
      const mine = listsOf(contiguity(data[name], { rule: 'rook', toleranceMetres: snap }).weights);
      expect(difference(mine, expected[name].rook)).toEqual({ extra: [], missing: [] });
    },
    60_000,
  );

  it.each(names.flatMap((name) => [0, DEFAULT_SNAP_METRES].map((snap) => [name, snap] as const)))(
    "%s queen at %d m equals libpysal's neighbour lists",
    (name, snap) => {
      const mine = listsOf(contiguity(data[name], { toleranceMetres: snap }).weights);
      expect(difference(mine, expected[name].queen)).toEqual({ extra: [], missing: [] });
    },
    60_000,
  );

  it('the corner contacts that looked like edges share 30 to 108 m at 10 m, and an edge of 0', () => {
    // The pairs the former rule (shared length at least 2 x 10 m + 10 m) took for rook
    // neighbours: counties meeting at one vertex at sharp angles.
    const corners = ['1215-1283', '1248-1272', '1251-3074', '1651-1661', '2161-2178', '2611-2700', '2781-2802', '2877-2880'];
    const p = touchingPairs(data.natregimes, DEFAULT_SNAP_METRES, true);
    const at = new Map(Array.from(p.i, (i, k) => [`${i}-${p.j[k]}`, k]));
    for (const key of corners) {
      const k = at.get(key)!;
      expect(p.sharedMetres[k], key).toBeGreaterThan(30);
      expect(Math.abs(p.edgeMetres![k]), key).toBeLessThan(1e-6);
    }
    expect(Math.max(...corners.map((key) => p.sharedMetres[at.get(key)!]))).toBeCloseTo(107.8, 1);
  }, 60_000);
});
