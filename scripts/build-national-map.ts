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
 *
 * Why vector tiles: at zoom 3-5 the whole country is on screen, and the 162 MB file with 8.8
 * million vertices cannot be drawn as GeoJSON in a browser; tiles carry each zoom's geometry
 * simplified to what its pixels can show (94 % of desa survive at zoom 3, 99 % at zoom 4, all
 * from zoom 8). Zoom 3 is there because Indonesia fits a 1024 or 1366 px wide screen beside the
 * side panel only below zoom 4, where tiles from 4 would leave the map blank.
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
import { generateNationalRows, renderNationalCsv, type DesaPoint } from '../src/cli/national/synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The gzipped national file shipped beside the project (read-only). */
export const NATIONAL_GZ = resolve(ROOT, '../shared/data/national/desa-kelurahan-indonesia.fgb.gz');
/** Unzipped size stated in ../shared/data/national/SOURCES.md; any other size is a broken unzip. */
export const NATIONAL_FGB_BYTES = 161_701_720;
export const NATIONAL_FGB_NAME = 'desa-kelurahan-indonesia.fgb';
/** Bump when the tiles' or the values' recipe changes, so old builds are redone. */
const TILES_VERSION = 'tiles-2';
const VALUES_VERSION = 'values-2';
export const TILE_ZOOMS = { min: 3, max: 10 } as const;

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

function buildTiles(fgb: string, out: string): void {
  const partial = `${out}.partial`;
  rmSync(partial, { recursive: true, force: true });
  // Simplification in tile units (4096 per tile, 8 per pixel of a 512 px tile): half a pixel below
  // the top zoom, an eighth of a pixel at it (overzoomed beyond). MAX_SIZE leaves room for the
  // zoom-3 tile over Java, Bali and Nusa Tenggara (3.6 MB): above it GDAL would drop features.
  execFileSync(
    'ogr2ogr',
    [
      '-f',
      'MVT',
      partial,
      fgb,
      '-select',
      'kode,nama,kabkota',
      '-nln',
      'desa',
      '-dsco',
      'FORMAT=DIRECTORY',
      '-dsco',
      `MINZOOM=${TILE_ZOOMS.min}`,
      '-dsco',
      `MAXZOOM=${TILE_ZOOMS.max}`,
      '-dsco',
      'COMPRESS=NO',
      '-dsco',
      'SIMPLIFICATION=4',
      '-dsco',
      'SIMPLIFICATION_MAX_ZOOM=1',
      '-dsco',
      'MAX_SIZE=8000000',
      '-dsco',
      'MAX_FEATURES=500000',
    ],
    { stdio: 'inherit' },
  );
  rmSync(out, { recursive: true, force: true });
  renameSync(partial, out);
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
  const stamp: Stamp = { size, tiles: TILES_VERSION, values: VALUES_VERSION };
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
