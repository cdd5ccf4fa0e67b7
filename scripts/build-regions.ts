/**
 * Builds public/regions/regions.json, the index the region picker searches: every provinsi,
 * kabupaten/kota and kecamatan of the national desa/kelurahan FlatGeobuf with its name, bbox and
 * counts of kelurahan and desa. The bbox is what the app then reads from the national file by
 * HTTP range requests (src/data/national.ts), so it is rounded outward: never a feature lost.
 *
 *   npx tsx scripts/build-regions.ts [FILE.fgb | FILE.fgb.gz] [--out public/regions/regions.json]
 *
 * FILE defaults to ../shared/data/national/desa-kelurahan-indonesia.fgb.gz, streamed and
 * gunzipped on the fly, one feature at a time. The output format is described by `RegionFile`
 * in src/data/regions.ts (rows as arrays: the file is fetched when the picker opens).
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Geometry, Position } from 'geojson';
import { REGION_FILE_VERSION, type RegionFile, type RegionRow } from '../src/data/regions';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const file = positionals[0] ?? new URL('../../shared/data/national/desa-kelurahan-indonesia.fgb.gz', import.meta.url).pathname;
const out = values.out ?? new URL('../public/regions/regions.json', import.meta.url).pathname;

interface Acc {
  kode: string;
  nama: string;
  bbox: [number, number, number, number];
  kelurahan: number;
  desa: number;
}

const levels = { provinsi: new Map<string, Acc>(), kabkota: new Map<string, Acc>(), kecamatan: new Map<string, Acc>() };

/** Extends `bbox` by every position of a polygon geometry (any nesting depth). */
function extend(bbox: [number, number, number, number], coords: unknown): void {
  if (typeof (coords as Position)[0] === 'number') {
    const [x, y] = coords as Position;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
    return;
  }
  for (const child of coords as unknown[]) extend(bbox, child);
}

function add(map: Map<string, Acc>, kode: string, nama: string, featureBox: number[], jenis: string): void {
  let acc = map.get(kode);
  if (!acc) {
    acc = { kode, nama, bbox: [Infinity, Infinity, -Infinity, -Infinity], kelurahan: 0, desa: 0 };
    map.set(kode, acc);
  } else if (acc.nama !== nama) {
    throw new Error(`${kode} is named both "${acc.nama}" and "${nama}"`);
  }
  acc.bbox[0] = Math.min(acc.bbox[0], featureBox[0]);
  acc.bbox[1] = Math.min(acc.bbox[1], featureBox[1]);
  acc.bbox[2] = Math.max(acc.bbox[2], featureBox[2]);
  acc.bbox[3] = Math.max(acc.bbox[3], featureBox[3]);
  if (jenis === 'kelurahan') acc.kelurahan++;
  else acc.desa++;
}

// 1e-9 below/above before rounding, so a value already on the 5-decimal grid (with binary error)
// still rounds outward rather than a hair inward.
const down = (v: number) => Math.floor(v * 1e5 - 1e-6) / 1e5;
const up = (v: number) => Math.ceil(v * 1e5 + 1e-6) / 1e5;

const raw = createReadStream(file);
const stream = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
let features = 0;
let empty = 0;
for await (const feature of deserialize(Readable.toWeb(stream) as ReadableStream)) {
  features++;
  const p = feature.properties as Record<string, string>;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const geometry = feature.geometry as Geometry | null;
  if (geometry && 'coordinates' in geometry) extend(box, geometry.coordinates);
  if (!(box[0] <= box[2])) {
    empty++;
    continue;
  }
  if (p.jenis !== 'kelurahan' && p.jenis !== 'desa') throw new Error(`${p.kode}: unknown jenis "${p.jenis}"`);
  add(levels.provinsi, p.kode_provinsi, p.provinsi, box, p.jenis);
  add(levels.kabkota, p.kode_kabkota, p.kabkota, box, p.jenis);
  add(levels.kecamatan, p.kode_kecamatan, p.kecamatan, box, p.jenis);
}

const rows = (map: Map<string, Acc>): RegionRow[] =>
  [...map.values()].sort((a, b) => (a.kode < b.kode ? -1 : 1)).map((a) => [a.kode, a.nama, down(a.bbox[0]), down(a.bbox[1]), up(a.bbox[2]), up(a.bbox[3]), a.kelurahan, a.desa]);

const result: RegionFile = {
  version: REGION_FILE_VERSION,
  source: 'github.com/cahyadsn/wilayah_boundaries@3c5a7960f4d2 (MIT, (c) 2024 Cahya DSN); Kepmendagri 300.2.2-2138/2025',
  features,
  columns: ['kode', 'nama', 'west', 'south', 'east', 'north', 'kelurahan', 'desa'],
  provinsi: rows(levels.provinsi),
  kabkota: rows(levels.kabkota),
  kecamatan: rows(levels.kecamatan),
};
// One row per line: small to fetch, still readable in a diff.
const text = `{\n${Object.entries(result)
  .map(([key, value]) =>
    Array.isArray(value) && Array.isArray(value[0]) ? `"${key}": [\n${value.map((row) => JSON.stringify(row)).join(',\n')}\n]` : `"${key}": ${JSON.stringify(value)}`,
  )
  .join(',\n')}\n}\n`;
await writeFile(out, text);
console.log(
  `${features} features (${empty} without geometry): ${levels.provinsi.size} provinsi, ${levels.kabkota.size} kabupaten/kota, ` +
    `${levels.kecamatan.size} kecamatan; wrote ${out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`,
);
