/**
 * `npm run data:national`: the files behind the map of all of Indonesia, built from the national
 * FlatGeobuf in ../shared/data/national (too large to commit; written to the gitignored
 * `public/national/`, which `vite build` copies into the site):
 *
 *   desa-kelurahan-indonesia.fgb  the unzipped national file (kab/kota are read from it by range)
 *   tiles/{z}/{x}/{y}.pbf         Mapbox vector tiles, zoom 3-10, layer `desa` (kode, nama,
 *                                 kabkota), built by GDAL's MVT driver; drawn at any zoom
 *   tiles/metadata.json           GDAL's TileJSON-like description (bounds, zooms, layer)
 *   contoh-nilai.csv              synthetic indicator values for every desa (src/cli/national)
 *   bobot-queen.bin, desa.tsv     queen weights and names of every desa, for the national LISA
 *                                 and table (format in src/data/national-weights.ts)
 *
 * Why vector tiles: at zoom 3-5 the whole country is on screen, and the 162 MB file with 8.8
 * million vertices cannot be drawn as GeoJSON in a browser; tiles carry each zoom's geometry
 * simplified to what its pixels can show (94 % of desa survive at zoom 3, 99 % at zoom 4, all
 * from zoom 8). Zoom 3 is there because Indonesia fits a 1024 or 1366 px wide screen beside the
 * side panel only below zoom 4, where tiles from 4 would leave the map blank. The overview zooms
 * 3-5, where the whole country is on screen and every recolour rewrites the colour of each of
 * their vertices, are simplified twice as hard (one pixel) as the zooms 6-9 (half a pixel).
 *
 *   tsx scripts/build-national-map.ts [--out DIR] [--force]
 *
 * Needs GDAL (Debian: apt-get install gdal-bin). A build is skipped when DIR already holds one
 * made from the same national file by the same version of this script.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import bbox from '@turf/bbox';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { Readable } from 'node:stream';
import type { Geometry } from 'geojson';
import { generateNationalRows, renderNationalCsv, type DesaPoint } from '../src/cli/national/synthetic';
import { DEFAULT_SNAP_METRES, touchingPairs } from '../src/analysis/contiguity';
import { idOrder, weightsInOrder } from '../src/analysis/observation-order';
import { PolygonRingsBuilder } from '../src/analysis/polygon-rings';
import { weightsFromPairs } from '../src/analysis/weights';
import { encodeNationalWeights, renderDesaNames, type DesaNames } from '../src/data/national-weights';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The gzipped national file shipped beside the project (read-only). */
export const NATIONAL_GZ = resolve(ROOT, '../shared/data/national/desa-kelurahan-indonesia.fgb.gz');
/** Unzipped size stated in ../shared/data/national/SOURCES.md; any other size is a broken unzip. */
export const NATIONAL_FGB_BYTES = 161_701_720;
export const NATIONAL_FGB_NAME = 'desa-kelurahan-indonesia.fgb';
/** Bump when the tiles' or the values' recipe changes, so old builds are redone. */
const TILES_VERSION = 'tiles-3';
const VALUES_VERSION = 'values-2';
const WEIGHTS_VERSION = 'weights-1';
export const TILE_ZOOMS = { min: 3, max: 10 } as const;
/** The last zoom of the overview tiles, simplified harder. */
const OVERVIEW_MAX_ZOOM = 5;

/**
 * `dir/desa-kelurahan-indonesia.fgb`, gunzipped from ../shared unless already there with the
 * right size; streamed into a uniquely named partial file renamed at the end, so two processes
 * preparing it at once never leave a half-written file. Null when ../shared has no national file.
 */
export async function ensureNationalFgb(dir: string): Promise<string | null> {
  const target = join(dir, NATIONAL_FGB_NAME);
  if (existsSync(target) && statSync(target).size === NATIONAL_FGB_BYTES) return target;
  if (!existsSync(NATIONAL_GZ)) return null;
  mkdirSync(dir, { recursive: true });
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(createReadStream(NATIONAL_GZ), createGunzip(), createWriteStream(partial));
    const size = statSync(partial).size;
    if (size !== NATIONAL_FGB_BYTES) throw new Error(`unzipped national file has ${size} bytes, expected ${NATIONAL_FGB_BYTES}`);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** Every desa's code and a point for it, in file order. */
async function readPoints(fgb: string): Promise<DesaPoint[]> {
  const points: DesaPoint[] = [];
  // From bytes, flatgeobuf 4.5 yields the features one by one (an async generator).
  for await (const feature of deserialize(new Uint8Array(readFileSync(fgb))) as AsyncIterable<GeoJSON.Feature>) {
    // The middle of its bounding box: where its synthetic value is read from the field.
    const [west, south, east, north] = bbox(feature);
    const [lon, lat] = [(west + east) / 2, (south + north) / 2];
    points.push({ kode: String(feature.properties?.kode), lon, lat });
  }
  return points;
}

/** One GDAL run writing zooms `min`-`max` into `out`; `simplification` in tile units (4096 per tile). */
function gdalTiles(fgb: string, out: string, min: number, max: number, simplification: number): void {
  // MAX_SIZE leaves room for the zoom-3 tile over Java, Bali and Nusa Tenggara (3.6 MB): above it
  // GDAL would drop features. The top zoom keeps an eighth of a pixel (drawn overzoomed beyond).
  const lastZoom = max === TILE_ZOOMS.max ? ['-dsco', 'SIMPLIFICATION_MAX_ZOOM=1'] : [];
  execFileSync(
    'ogr2ogr',
    [
      ...['-f', 'MVT', out, fgb, '-select', 'kode,nama,kabkota', '-nln', 'desa'],
      ...['-dsco', 'FORMAT=DIRECTORY', '-dsco', `MINZOOM=${min}`, '-dsco', `MAXZOOM=${max}`, '-dsco', 'COMPRESS=NO'],
      ...['-dsco', `SIMPLIFICATION=${simplification}`, ...lastZoom, '-dsco', 'MAX_SIZE=8000000', '-dsco', 'MAX_FEATURES=500000'],
    ],
    { stdio: 'inherit' },
  );
}

function buildTiles(fgb: string, out: string): void {
  const partial = `${out}.partial`;
  const detail = `${out}.partial-detail`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(detail, { recursive: true, force: true });
  // Simplification in tile units, 8 per pixel of a 512 px tile: one pixel for the overview zooms
  // (a desa there is a pixel or less, and the fill has no outline), half a pixel from zoom 6.
  gdalTiles(fgb, partial, TILE_ZOOMS.min, OVERVIEW_MAX_ZOOM, 8);
  gdalTiles(fgb, detail, OVERVIEW_MAX_ZOOM + 1, TILE_ZOOMS.max, 4);
  for (let z = OVERVIEW_MAX_ZOOM + 1; z <= TILE_ZOOMS.max; z++) renameSync(join(detail, String(z)), join(partial, String(z)));
  rmSync(detail, { recursive: true, force: true });
  // The first run's description says zooms 3-5; the folder now holds 3-10.
  const metadataFile = join(partial, 'metadata.json');
  const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as { maxzoom: number; json: string };
  metadata.maxzoom = TILE_ZOOMS.max;
  const layers = JSON.parse(metadata.json) as { vector_layers: { maxzoom: number }[] };
  for (const layer of layers.vector_layers) layer.maxzoom = TILE_ZOOMS.max;
  metadata.json = JSON.stringify(layers);
  writeFileSync(metadataFile, JSON.stringify(metadata, null, 2));
  rmSync(out, { recursive: true, force: true });
  renameSync(partial, out);
}

/**
 * Queen weights (the city panel's default snap) and names of every desa, both in kode order:
 * what the national LISA and table need, which the browser cannot compute from 162 MB.
 */
async function buildWeightsAndNames(fgb: string, weightsFile: string, namesFile: string): Promise<void> {
  const builder = new PolygonRingsBuilder();
  const rows: (DesaNames & { kode: string })[] = [];
  for await (const feature of deserialize(Readable.toWeb(createReadStream(fgb)) as ReadableStream)) {
    builder.add(feature.geometry as Geometry | null);
    const p = (feature.properties ?? {}) as Record<string, unknown>;
    const text = (key: string) => (p[key] === null || p[key] === undefined ? '' : String(p[key]));
    rows.push({ kode: text('kode'), nama: text('nama'), kecamatan: text('kecamatan'), kabkota: text('kabkota'), provinsi: text('provinsi') });
  }
  const rings = builder.finish();
  const pairs = touchingPairs(rings, DEFAULT_SNAP_METRES);
  const { weights } = weightsFromPairs(rings.count, pairs.i, pairs.j, pairs.sharedMetres);
  const order = idOrder(rows.map((r) => r.kode));
  const sorted = weightsInOrder(weights, order);
  const kode = Array.from(order, (i) => rows[i].kode);
  writeFileSync(`${weightsFile}.partial`, encodeNationalWeights({ kode, offsets: sorted.offsets, indices: sorted.indices }));
  renameSync(`${weightsFile}.partial`, weightsFile);
  writeFileSync(`${namesFile}.partial`, renderDesaNames(Array.from(order, (i) => rows[i])));
  renameSync(`${namesFile}.partial`, namesFile);
  console.log(`data:national: weights of ${kode.length} desa (${sorted.indices.length} links) and their names written`);
}

function hasGdal(): boolean {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What a build in a folder was made from; a part is redone when its line differs. */
interface Stamp {
  size: number;
  tiles: string;
  values: string;
  weights: string;
}

function readStamp(file: string): Partial<Stamp> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
  } catch {
    return {};
  }
}

/** Builds (or keeps) the national map files in `dir`. Returns false when ../shared has no national file. */
export async function buildNationalMap(dir: string, force = false): Promise<boolean> {
  const fgb = await ensureNationalFgb(dir);
  if (!fgb) return false;
  const stampFile = join(dir, 'build.json');
  const size = statSync(fgb).size;
  const old = force ? {} : readStamp(stampFile);
  const tiles = join(dir, 'tiles');
  const values = join(dir, 'contoh-nilai.csv');
  const tilesDone = old.size === size && old.tiles === TILES_VERSION && existsSync(join(tiles, 'metadata.json'));
  const valuesDone = old.size === size && old.values === VALUES_VERSION && existsSync(values);
  const weights = join(dir, 'bobot-queen.bin');
  const names = join(dir, 'desa.tsv');
  const weightsDone = old.size === size && old.weights === WEIGHTS_VERSION && existsSync(weights) && existsSync(names);
  if (!tilesDone) {
    if (!hasGdal()) throw new Error("GDAL's ogr2ogr is missing (Debian: apt-get install gdal-bin); it builds the national vector tiles");
    const started = Date.now();
    console.log('data:national: building vector tiles with GDAL (5-8 minutes on 2 cores) ...');
    buildTiles(fgb, tiles);
    console.log(`data:national: tiles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (!valuesDone) {
    const rows = generateNationalRows(await readPoints(fgb));
    writeFileSync(`${values}.partial`, renderNationalCsv(rows));
    renameSync(`${values}.partial`, values);
    console.log(`data:national: ${rows.length} synthetic rows written`);
  }
  if (!weightsDone) await buildWeightsAndNames(fgb, weights, names);
  const stamp: Stamp = { size, tiles: TILES_VERSION, values: VALUES_VERSION, weights: WEIGHTS_VERSION };
  writeFileSync(stampFile, JSON.stringify(stamp));
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(ROOT, 'public', 'national'));
  buildNationalMap(out, args.includes('--force')).then(
    (built) => {
      if (!built) console.log(`data:national: no national file at ${NATIONAL_GZ}; the map of Indonesia is not built`);
      else console.log(`data:national: ready in ${out}`);
    },
    (error: unknown) => {
      console.error(`data:national: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
