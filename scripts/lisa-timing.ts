/**
 * Times local Moran's I with 999 conditional permutations (src/analysis/local-moran.ts) on a
 * synthetic national-size graph and on Surakarta, and R spdep's localmoran_perm on the same
 * weights and values when Rscript is available. A measurement to report, not a test.
 *
 *   npx tsx scripts/lisa-timing.ts [--gal NATIONAL.gal] [--permutations 999] [--no-r]
 *
 * The synthetic graph is a triangular lattice cut to 83,402 units (the number of desa/kelurahan
 * of Indonesia): six neighbours inside, fewer on the edges, like polygon contiguity. With --gal
 * a real neighbour file (e.g. national queen weights) is timed instead, with synthetic values.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Sampling } from '../src/analysis/conditional-permutation';
import { localMoran } from '../src/analysis/local-moran';
import { createRandom } from '../src/analysis/random';
import { rowStandardise, weightsFromNeighbours } from '../src/analysis/weights';

const NATIONAL_UNITS = 83_402;

const { values: args } = parseArgs({
  options: { gal: { type: 'string' }, permutations: { type: 'string', default: '999' }, 'no-r': { type: 'boolean', default: false } },
});
const permutations = Number(args.permutations);

/** Triangular lattice, row-major, cut after n nodes: neighbours (r, c±1), (r±1, c), (r-1, c+1), (r+1, c-1). */
function lattice(n: number): number[][] {
  const side = Math.ceil(Math.sqrt(n));
  const out: number[][] = [];
  for (let id = 0; id < n; id++) {
    const r = Math.floor(id / side);
    const c = id % side;
    const list: number[] = [];
    for (const [dr, dc] of [
      [0, -1],
      [0, 1],
      [-1, 0],
      [1, 0],
      [-1, 1],
      [1, -1],
    ]) {
      const rr = r + dr;
      const cc = c + dc;
      const j = rr * side + cc;
      if (rr >= 0 && cc >= 0 && cc < side && j < n) list.push(j);
    }
    out.push(list);
  }
  return out;
}

/** A smooth field plus noise, so that there are clusters to find. */
function syntheticValues(n: number): Float64Array {
  const random = createRandom(83_402);
  const side = Math.ceil(Math.sqrt(n));
  return Float64Array.from({ length: n }, (_, id) => {
    const r = Math.floor(id / side) / side;
    const c = (id % side) / side;
    return 20 + 8 * Math.sin(6 * r) * Math.cos(5 * c) + 4 * random.normal();
  });
}

function readGal(path: string): number[][] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0].trim().split(/\s+/);
  const n = Number(header.length === 1 ? header[0] : header[1]);
  const ids: string[] = [];
  const lists: string[][] = [];
  let cursor = 1;
  while (ids.length < n && cursor < lines.length) {
    const [id, count] = lines[cursor++].trim().split(/\s+/);
    ids.push(id);
    if (Number(count) > 0) lists.push(lines[cursor++].trim().split(/\s+/));
    else {
      lists.push([]);
      if (lines[cursor]?.trim() === '') cursor++; // an island's neighbour line may be empty or left out
    }
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  return lists.map((list) => list.map((id) => index.get(id)!));
}

function writeGal(path: string, neighbours: number[][]): void {
  const parts = [`0 ${neighbours.length} lisa-timing id`];
  neighbours.forEach((list, i) => {
    parts.push(`${i + 1} ${list.length}`);
    parts.push(list.map((j) => j + 1).join(' '));
  });
  writeFileSync(path, parts.join('\n') + '\n');
}

/** Wall-clock and CPU seconds of one run. CPU time is the fairer number on a shared machine. */
interface Timing {
  wall: number;
  cpu: number;
}

function timeJs(neighbours: number[][], values: Float64Array, repeats: number, sampling: Sampling): Timing {
  const weights = rowStandardise(weightsFromNeighbours(neighbours));
  localMoran(values, weights, { permutations: 9, seed: 0, sampling }); // warm-up: let V8 compile the loops
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < repeats; r++) localMoran(values, weights, { permutations, seed: r + 1, sampling });
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / repeats / 1000, cpu: (used.user + used.system) / 1e6 / repeats };
}

function timeR(neighbours: number[][], values: Float64Array, repeats: number): Timing | null {
  if (args['no-r']) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lisa-timing-'));
  try {
    writeGal(join(dir, 'w.gal'), neighbours);
    writeFileSync(join(dir, 'x.txt'), Array.from(values, (v) => v.toPrecision(17)).join('\n'));
    const script = new URL('./lisa-timing.R', import.meta.url).pathname;
    const run = spawnSync('Rscript', [script, join(dir, 'w.gal'), join(dir, 'x.txt'), String(permutations), String(repeats)], {
      encoding: 'utf8',
    });
    if (run.error || run.status !== 0) {
      console.log(`  R spdep: not run (${run.error?.message ?? run.stderr.trim().split('\n').slice(-3).join(' | ')})`);
      return null;
    }
    const match = /seconds\s+([\d.e+-]+)\s+cpu\s+([\d.e+-]+)/.exec(run.stdout);
    return match ? { wall: Number(match[1]), cpu: Number(match[2]) } : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rVersion(): string {
  const run = spawnSync('Rscript', ['-e', 'cat(as.character(packageVersion("spdep")))'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : '?';
}

function report(label: string, neighbours: number[][], values: Float64Array, repeats: { js: number; r: number }): void {
  const links = neighbours.reduce((s, l) => s + l.length, 0);
  console.log(`${label}: ${neighbours.length} units, mean ${(links / neighbours.length).toFixed(2)} neighbours, ${permutations} permutations`);
  const show = (t: Timing): string => `${t.wall.toFixed(3)} s wall, ${t.cpu.toFixed(3)} s CPU`;
  const js = timeJs(neighbours, values, repeats.js, 'without-replacement');
  console.log(`  JavaScript (Node ${process.versions.node}, one thread), GeoDa's draws without replacement: ${show(js)}`);
  const jsWith = timeJs(neighbours, values, repeats.js, 'with-replacement');
  console.log(`  JavaScript, draws with replacement as spdep 1.2-7: ${show(jsWith)}`);
  const r = timeR(neighbours, values, repeats.r);
  if (r !== null) {
    console.log(`  R spdep ${rVersion()} localmoran_perm (serial): ${show(r)}`);
    console.log(`  R / JS: ${(r.wall / js.wall).toFixed(1)} by wall clock, ${(r.cpu / js.cpu).toFixed(1)} by CPU time`);
    console.log(`  R / JS with replacement: ${(r.wall / jsWith.wall).toFixed(1)} by wall clock, ${(r.cpu / jsWith.cpu).toFixed(1)} by CPU time`);
  }
}

console.log(
  `${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other work slows the wall clock)`,
);
const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/spdep-autocorrelation/spdep-autocorrelation.json', import.meta.url), 'utf8')) as {
  cases: { name: string; neighbours: number[][]; values: number[] }[];
};
const solo = fixture.cases.find((c) => c.name === 'surakarta')!;
report('Surakarta (queen)', solo.neighbours, Float64Array.from(solo.values), { js: 20, r: 5 });

const national = args.gal ? readGal(args.gal) : lattice(NATIONAL_UNITS);
report(args.gal ? `National (${args.gal})` : 'National size, synthetic triangular lattice', national, syntheticValues(national.length), {
  js: 1,
  r: 1,
});
