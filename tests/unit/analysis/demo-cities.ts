/**
 * The five demo cities' kelurahan polygons (data/boundaries) and the R spdep weights fixtures
 * (tests/fixtures/spdep-weights), read once for the weights tests.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Weights } from '../../../src/analysis/weights';

export type Kelurahan = FeatureCollection<Polygon | MultiPolygon, { kode: string; kelurahan: string }>;

/** A city's polygons by file name in data/boundaries. */
export function readCity(file: string): Kelurahan {
  return JSON.parse(readFileSync(new URL(`../../../data/boundaries/${file}`, import.meta.url), 'utf8')) as Kelurahan;
}

/** A fixture file of tests/fixtures/spdep-weights. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/spdep-weights/${name}`, import.meta.url), 'utf8');
}

/** A pair of polygons within 25 m by GEOS, with shared lengths at 10 m (see make-fixtures.R). */
export interface ClosePair {
  i: number;
  j: number;
  distance: number;
  shared_i: number;
  shared_j: number;
}

/** One city of poly2nb.json: 0-based neighbour lists of spdep's poly2nb(snap = 10) in UTM. */
export interface Poly2nbCity {
  city: string;
  file: string;
  epsg: number;
  ids: string[];
  queen: number[][];
  rook: number[][];
  close_pairs: ClosePair[];
}

export const poly2nb = JSON.parse(readFixture('poly2nb.json')) as {
  meta: { spdep: string; snap_metres: number };
  cities: Poly2nbCity[];
};

/** One city of knn.json: centroids and 0-based knn2nb lists for k = 1, 4, 6. */
export interface KnnCity {
  city: string;
  file: string;
  centroids: [number, number][];
  knn: Record<string, number[][]>;
  dist4_km: number[][];
}

export const knnFixture = JSON.parse(readFixture('knn.json')) as {
  cities: KnnCity[];
  grid: { points: [number, number][]; knn: Record<string, number[][]> };
};

/** Unordered pairs "i-j" (i < j) of neighbour lists. */
export function pairsOfLists(lists: readonly (readonly number[])[]): Set<string> {
  const out = new Set<string>();
  lists.forEach((row, i) => row.forEach((j) => out.add(i < j ? `${i}-${j}` : `${j}-${i}`)));
  return out;
}

/** Neighbour lists of CSR weights. */
export function listsOf(w: Weights): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < w.n; i++) out.push(Array.from(w.indices.subarray(w.offsets[i], w.offsets[i + 1])));
  return out;
}
