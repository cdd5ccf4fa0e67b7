/**
 * Measure 7: what a first visit downloads, from the server logs of measure 1's cold visits, in
 * gzip -9 bytes computed here for every fetched file (whatever the server actually sent), by
 * type; against the minimal MapLibre page's first visit. And the order of the downloads on the
 * office connection (measure 1's throttled cold visits, browser-side timings): the map code and
 * the first city's boundaries should be in before DuckDB's WASM.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { BenchContext } from '../lib/context';
import { gzipFile } from '../lib/gzip';
import { compare, type Check, type Row } from '../lib/report';
import type { RequestRecord } from '../lib/server';
import type { BrowserRequest } from './first-paint';

type Kind = 'JS' | 'CSS' | 'WASM' | 'other';
const KIND_BY_EXT: Record<string, Kind> = { '.js': 'JS', '.mjs': 'JS', '.css': 'CSS', '.wasm': 'WASM' };
const DUCKDB_WASM = /duckdb-(eh|mvp)[^/]*\.wasm$/;
const MAP_CODE = [/\/assets\/index-[^/]*\.js$/, /\/assets\/maplibre-gl-worker[^/]*\.mjs$/];
const BOUNDARY = /\/boundaries\/kelurahan_surakarta\.fgb$/;

interface Weighed {
  path: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

/** Gzip -9 and raw sizes of every file a visit fetched with 200. */
async function weigh(ctx: BenchContext, log: RequestRecord[]): Promise<Weighed[]> {
  const paths = [...new Set(log.filter((r) => r.status === 200).map((r) => r.path))];
  return Promise.all(
    paths.map(async (path) => {
      const file = ctx.server.fileFor(path);
      if (!file) throw new Error(`no file behind ${path}`);
      return { path, kind: KIND_BY_EXT[extname(file)] ?? 'other', raw: statSync(file).size, gzip: (await gzipFile(file)).byteLength };
    }),
  );
}

const total = (files: Weighed[], kinds: Kind[]) => files.filter((f) => kinds.includes(f.kind)).reduce((s, f) => s + f.gzip, 0);

/** Runs the analysis of measure 7 over measure 1's records. */
export async function measureWeight(
  ctx: BenchContext,
  appCold: RequestRecord[][],
  baselineCold: RequestRecord[][],
  throttled: BrowserRequest[][],
): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  const app = await Promise.all(appCold.map((log) => weigh(ctx, log)));
  const base = await Promise.all(baselineCold.map((log) => weigh(ctx, log)));
  const row = (id: string, measure: string, kinds: Kind[], note?: string) =>
    compare(
      { id, measure, unit: 'bytes', note },
      app.map((f) => total(f, kinds)),
      base.map((f) => total(f, kinds)),
    );
  const rows = [
    row('7a', 'First visit, gzip -9: JS', ['JS']),
    row('7b', 'First visit, gzip -9: CSS', ['CSS']),
    row('7c', 'First visit, gzip -9: WASM', ['WASM']),
    row('7d', 'First visit, gzip -9: JS + CSS + WASM', ['JS', 'CSS', 'WASM'], 'baseline: the minimal MapLibre page'),
    row('7e', 'First visit, gzip -9: everything (fonts, boundaries, CSV, HTML too)', ['JS', 'CSS', 'WASM', 'other']),
  ];

  const first = app[0];
  const wasm = first.filter((f) => f.kind === 'WASM');
  const duckdb = wasm.filter((f) => DUCKDB_WASM.test(f.path));
  const paths = app.map((files) => new Set(files.map((f) => f.path)));
  const varyingAll = [...new Set(paths.flatMap((p) => [...p]))].filter((p) => !paths.every((set) => set.has(p)));
  // The service worker registers after the first choropleth: whether sw.js falls inside a visit's
  // record is timing, not something the map needs; it is named but not held against the check.
  const varying = varyingAll.filter((p) => !/(^|\/)sw\.js$/.test(p));
  const swNote = varyingAll.length > varying.length ? ' (sw.js, registered after the first choropleth, fell inside some records)' : '';
  const sameEveryRun = varying.length === 0;
  const checks: Check[] = [
    {
      id: '7',
      text:
        `only one DuckDB WASM bundle fetched: ${duckdb.map((f) => f.path.split('/').pop()).join(', ') || 'none'}` +
        (wasm.length > duckdb.length ? ` (other WASM: ${wasm.length - duckdb.length})` : ''),
      ok: duckdb.length === 1,
    },
    {
      id: '7',
      text: sameEveryRun
        ? `the same files on every cold visit (${app.length} runs)${swNote}`
        : `files fetched in only some of the ${app.length} cold visits: ${varying.map((p) => p.split('/').pop()).join(', ')}`,
      ok: sameEveryRun,
    },
    ...orderChecks(throttled),
  ];
  const list = [...first].sort((a, b) => b.gzip - a.gzip).map((f) => `${f.path.endsWith('/') ? 'index.html' : f.path.split('/').pop()} ${(f.gzip / 1e3).toFixed(1)} kB`);
  return { rows, checks, notes: [`7: files of a first visit, largest first (gzip -9): ${list.join('; ')}.`] };
}

/** Did the map code and the boundary file finish before the WASM did (and before it started)? */
function orderChecks(runs: BrowserRequest[][]): Check[] {
  let finishedBefore = 0;
  let doneBeforeWasmStart = 0;
  const leads: number[] = [];
  for (const requests of runs) {
    const wasm = requests.find((r) => DUCKDB_WASM.test(r.path));
    const needed = requests.filter((r) => BOUNDARY.test(r.path) || MAP_CODE.some((re) => re.test(r.path)));
    if (!wasm || needed.length < MAP_CODE.length + 1) continue;
    const lastNeeded = Math.max(...needed.map((r) => r.end));
    if (lastNeeded < wasm.end) finishedBefore++;
    if (lastNeeded <= wasm.start) doneBeforeWasmStart++;
    leads.push(wasm.end - lastNeeded);
  }
  leads.sort((a, b) => a - b);
  const lead = leads.length ? Math.round(leads[Math.floor(leads.length / 2)]) : NaN;
  return [
    {
      id: '7',
      text:
        `map code (index JS, MapLibre worker) and kelurahan_surakarta.fgb finished downloading before the DuckDB WASM did, ` +
        `at 10 Mbit/s: ${finishedBefore}/${runs.length} cold runs (median ${lead} ms earlier)`,
      ok: finishedBefore === runs.length,
    },
    {
      id: '7',
      text: `... and before the WASM request even started: ${doneBeforeWasmStart}/${runs.length} runs (the app starts DuckDB once the first map is drawn)`,
      ok: null,
    },
  ];
}
