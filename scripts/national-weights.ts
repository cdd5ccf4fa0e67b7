/**
 * Queen (and rook) contiguity for every desa/kelurahan of Indonesia: a measurement, not a test.
 *
 *   npx tsx scripts/national-weights.ts [FILE.fgb | FILE.fgb.gz] [--snap METRES] [--gal OUT.gal]
 *
 * FILE defaults to ../shared/data/national/desa-kelurahan-indonesia.fgb.gz, read as a stream
 * (gunzipped on the fly), one feature at a time into flat typed arrays, so the GeoJSON objects
 * never pile up. Prints the time of each step, the neighbour counts, islands, and memory.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Geometry } from 'geojson';
import { DEFAULT_SNAP_METRES, rookPairs, touchingPairs } from '../src/analysis/contiguity';
import { toGal } from '../src/analysis/gal';
import { PolygonRingsBuilder } from '../src/analysis/polygon-rings';
import { islands, weightsFromPairs } from '../src/analysis/weights';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { snap: { type: 'string' }, gal: { type: 'string' } },
});
const file = positionals[0] ?? new URL('../../shared/data/national/desa-kelurahan-indonesia.fgb.gz', import.meta.url).pathname;
const snap = values.snap === undefined ? DEFAULT_SNAP_METRES : Number(values.snap);

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const memory = (): string => {
  const m = process.memoryUsage();
  return `heap ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}, rss ${mb(m.rss)}`;
};
// Wall time and this process's CPU time: the machine is shared, and CPU time says what the
// work cost when other jobs slow the wall clock.
let last = performance.now();
let lastCpu = process.cpuUsage();
const lap = (): string => {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  const s = ((now - last) / 1000).toFixed(1);
  last = now;
  lastCpu = process.cpuUsage();
  return `${s} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`;
};

const raw = createReadStream(file);
const bytes = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
const builder = new PolygonRingsBuilder();
const kode: string[] = [];
const types = new Map<string, number>();
for await (const feature of deserialize(Readable.toWeb(bytes) as ReadableStream)) {
  const geometry = feature.geometry as Geometry | null;
  types.set(geometry?.type ?? 'null', (types.get(geometry?.type ?? 'null') ?? 0) + 1);
  builder.add(geometry);
  kode.push(String((feature.properties as Record<string, unknown> | undefined)?.kode ?? kode.length + 1));
}
const rings = builder.finish();
const vertices = rings.coords.length / 2;
console.log(`read ${rings.count} features, ${rings.ringStarts.length - 1} rings, ${vertices} vertices in ${lap()}`);
console.log(`  geometry types: ${[...types].map(([t, c]) => `${t} ${c}`).join(', ')}; without rings: ${rings.empty.length}`);
console.log(`  memory: ${memory()}`);

// With the common-edge estimate, so rook is decided by the app's own rule (no corner contacts).
const pairs = touchingPairs(rings, snap, true);
console.log(`touching pairs within ${snap} m: ${pairs.count} in ${lap()}`);
const queen = weightsFromPairs(rings.count, pairs.i, pairs.j, pairs.sharedMetres);
const rook = weightsFromPairs(rings.count, pairs.i, pairs.j, pairs.sharedMetres, rookPairs(pairs));
console.log(`weights built in ${lap()}`);
for (const [name, w] of [
  ['queen', queen.weights],
  ['rook', rook.weights],
] as const) {
  const links = w.indices.length;
  console.log(`  ${name}: ${links} links, mean ${(links / w.n).toFixed(2)} neighbours, ${islands(w).length} islands`);
}
console.log(`  memory: ${memory()}; peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`);
if (values.gal) {
  await writeFile(values.gal, toGal(queen.weights, kode, { idVariable: 'kode', layerName: 'desa_kelurahan' }));
  console.log(`wrote ${values.gal}`);
}
