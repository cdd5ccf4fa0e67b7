/**
 * Inputs of bench measure 6b, built once into the gitignored cache with the project's own code
 * (the same steps as scripts/national-weights.ts): queen contiguity of every desa/kelurahan of
 * the national file (10 m snap), and one synthetic value per desa with real spatial
 * autocorrelation (a smooth trend in the polygon centroid's lon/lat plus seeded noise).
 *
 * Written:
 * - `national-queen.gal`: the neighbour lists under each desa's kode, for R's `read.gal`;
 * - `national-lisa.bin`: the same lists for the browser, little-endian
 *   `[n:int32][links:int32][values:float64 × n][offsets:int32 × (n+1)][indices:int32 × links]`
 *   (values first, so every array is aligned);
 * - `national-values.txt`: the values, one a line (17 significant digits), in GAL order, for R.
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Geometry } from 'geojson';
import { polygonCentroids } from '../../../src/analysis/centroids';
import { DEFAULT_SNAP_METRES, touchingPairs } from '../../../src/analysis/contiguity';
import { toGal } from '../../../src/analysis/gal';
import { PolygonRingsBuilder } from '../../../src/analysis/polygon-rings';
import { createRandom } from '../../../src/analysis/random';
import { islands, weightsFromPairs } from '../../../src/analysis/weights';
import { CACHE, NATIONAL_GZ } from './paths';

export interface NationalLisaInput {
  gal: string;
  bin: string;
  values: string;
  n: number;
  links: number;
  islands: number;
  /** Seconds spent building (0 when the cache was up to date). */
  builtSeconds: number;
}

export const NATIONAL_GAL = join(CACHE, 'national-queen.gal');
export const NATIONAL_LISA_BIN = join(CACHE, 'national-lisa.bin');
export const NATIONAL_VALUES = join(CACHE, 'national-values.txt');
const SUMMARY = join(CACHE, 'national-lisa.json');
const SEED = 83_402;

/** The synthetic variable: a smooth field over Indonesia plus noise, so clusters exist. */
function syntheticValues(centroids: Float64Array, n: number): Float64Array {
  const random = createRandom(SEED);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lon = centroids[2 * i];
    const lat = centroids[2 * i + 1];
    // A desa without a usable polygon has no centroid: give it noise only.
    const trend = Number.isFinite(lon) && Number.isFinite(lat) ? 8 * Math.sin(lon / 4) * Math.cos(lat / 3) + 0.05 * (lon - 118) : 0;
    values[i] = 20 + trend + 3 * random.normal();
  }
  return values;
}

/** Builds the inputs when missing or older than the national file; returns where they are. */
export async function nationalLisaInput(log: (message: string) => void = console.log): Promise<NationalLisaInput | null> {
  if (!existsSync(NATIONAL_GZ)) return null;
  const fresh = [NATIONAL_GAL, NATIONAL_LISA_BIN, NATIONAL_VALUES, SUMMARY].every((f) => existsSync(f) && statSync(f).mtimeMs > statSync(NATIONAL_GZ).mtimeMs);
  if (fresh) {
    const s = JSON.parse(readFileSync(SUMMARY, 'utf8')) as Omit<NationalLisaInput, 'gal' | 'bin' | 'values'>;
    return { ...s, gal: NATIONAL_GAL, bin: NATIONAL_LISA_BIN, values: NATIONAL_VALUES, builtSeconds: 0 };
  }
  log('building national queen weights (10 m snap) and synthetic values into tests/bench/.cache/ ...');
  const started = performance.now();
  const builder = new PolygonRingsBuilder();
  const kode: string[] = [];
  const raw = createReadStream(NATIONAL_GZ).pipe(createGunzip());
  for await (const feature of deserialize(Readable.toWeb(raw) as ReadableStream)) {
    builder.add(feature.geometry as Geometry | null);
    kode.push(String((feature.properties as Record<string, unknown> | undefined)?.kode ?? kode.length + 1));
  }
  const rings = builder.finish();
  const pairs = touchingPairs(rings, DEFAULT_SNAP_METRES);
  const { weights } = weightsFromPairs(rings.count, pairs.i, pairs.j, pairs.sharedMetres);
  const values = syntheticValues(polygonCentroids(rings), rings.count);
  const n = weights.n;
  const links = weights.indices.length;

  writeFileSync(NATIONAL_GAL, toGal(weights, kode, { idVariable: 'kode', layerName: 'desa_kelurahan' }));
  const buffer = new ArrayBuffer(8 + 4 * (n + 1) + 4 * links + 8 * n);
  const view = new DataView(buffer);
  view.setInt32(0, n, true);
  view.setInt32(4, links, true);
  new Float64Array(buffer, 8, n).set(values);
  new Int32Array(buffer, 8 + 8 * n, n + 1).set(weights.offsets);
  new Int32Array(buffer, 8 + 8 * n + 4 * (n + 1), links).set(weights.indices);
  writeFileSync(NATIONAL_LISA_BIN, new Uint8Array(buffer));
  writeFileSync(NATIONAL_VALUES, Array.from(values, (v) => v.toPrecision(17)).join('\n') + '\n');
  const summary = { n, links, islands: islands(weights).length };
  writeFileSync(SUMMARY, JSON.stringify(summary));
  const builtSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`national weights: ${n} desa, ${links} links, ${summary.islands} islands, built in ${builtSeconds} s`);
  return { ...summary, gal: NATIONAL_GAL, bin: NATIONAL_LISA_BIN, values: NATIONAL_VALUES, builtSeconds };
}
