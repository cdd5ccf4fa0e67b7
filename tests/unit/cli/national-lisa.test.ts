/**
 * National LISA from the CLI equals the app's for the same seed (issue 17, item 4): the same
 * weights (every desa's neighbour list) and the same I, pseudo p, neighbours and cluster per desa.
 *
 * The app's path, in Node through the code its workers run: the national FlatGeobuf read by the
 * app's reader (src/data/boundaries.ts), the synthetic values read by the app's SQL
 * (src/data/national-map.ts) on DuckDB, the weights task and runLocal of the analysis worker
 * (src/workers/analysis-tasks.ts) with AnalysisState's default settings, split over two workers as
 * on this 2-core machine (local-parallel.ts), and the legend's categories. The CLI's path:
 * `peta-kantong analyze` through its public entry on worker_threads.
 *
 * By default on one whole provinsi (PROVINSI: its desa written as a GeoJSON and its rows as a
 * CSV); with PKK_NATIONAL_LISA=all on all 83,402 desa, the CLI given the national files
 * themselves (several minutes: two national weights and two national 999-permutation runs).
 * Needs `npm run data:national` (public/national/); skipped without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { readFlatGeobuf, type AreaCollection } from '../../../src/data/boundaries';
import { fetchNationalKode, fetchNationalValues, loadNationalValues } from '../../../src/data/national-map';
import { localMethod } from '../../../src/analysis/methods';
import { fromGal } from '../../../src/analysis/gal';
import { buildWeights, runLocal, type LocalOutput, type WeightsOutput } from '../../../src/workers/analysis-tasks';
import { runLocalParallel, type LocalRunner } from '../../../src/workers/local-parallel';
import { localCategories } from '../../../src/state/cluster-categories';
import { AnalysisState, type AnalysisHost } from '../../../src/state/analysis.svelte';
import { repo, runCli, tempDir } from './run-cli';

const FGB = repo('public/national/desa-kelurahan-indonesia.fgb');
const CSV = repo('public/national/contoh-nilai.csv');
/** Kode of the provinsi tested by default (DI Yogyakarta), or all of Indonesia. */
const PROVINSI = process.env.PKK_NATIONAL_LISA === 'all' ? null : (process.env.PKK_NATIONAL_LISA ?? '34');
const INDICATOR = 'penduduk_miskin';
const YEAR = 2025;
const SEED = 4242;

/** The app's analysis settings, read from a fresh AnalysisState rather than copied. */
const app = new AnalysisState({} as AnalysisHost);

const inProcess: LocalRunner = async (input, onProgress) => runLocal(input, onProgress);

interface AppRun {
  areas: AreaCollection;
  kode: string[];
  weights: WeightsOutput;
  out: LocalOutput;
  clusters: string[];
}

/** What the app computes: weights and LISA on the desa of `areas`, values by the app's SQL. */
async function runApp(areas: AreaCollection): Promise<AppRun> {
  const db = await openNodeDatabase();
  await loadNationalValues(db, new Uint8Array(readFileSync(CSV)));
  const all = await fetchNationalKode(db);
  const { nilai } = await fetchNationalValues(db, all, INDICATOR, YEAR);
  const byKode = new Map(all.map((k, i) => [k, nilai[i]]));
  const kode = areas.features.map((f) => String(f.properties.kode));
  const weights = buildWeights({ geometries: areas.features.map((f) => f.geometry), rule: app.rule, toleranceMetres: app.toleranceMetres, islandsToNearest: app.islandsToNearest });
  const values = Float64Array.from(kode, (k) => byKode.get(k) ?? Number.NaN);
  const input = {
    method: 'lisa',
    values,
    ids: kode,
    offsets: weights.offsets,
    indices: weights.indices,
    permutations: app.permutations,
    seed: SEED,
    islandCentroids: app.islandsToNearest ? weights.centroids : undefined,
  };
  const out = await runLocalParallel(input, [inProcess, inProcess]);
  const lisa = localMethod('lisa');
  const map = localCategories(lisa, out, app.alpha, app.correction);
  const words = (code: number) => lisa.categories.find((c) => c.code === code)?.words ?? 'No data';
  return { areas, kode, weights, out, clusters: Array.from(map.codes, words) };
}

let appRun: AppRun;
let boundaries: string;
let data: string;

describe.skipIf(!existsSync(FGB) || !existsSync(CSV))(`national LISA: CLI and app, ${PROVINSI ? `provinsi ${PROVINSI}` : 'all 83,402 desa'}`, () => {
  beforeAll(async () => {
    const national = await readFlatGeobuf(new Uint8Array(readFileSync(FGB)));
    if (PROVINSI === null) {
      [boundaries, data] = [FGB, CSV];
      appRun = await runApp(national);
      return;
    }
    const dir = await tempDir();
    const areas: AreaCollection = { type: 'FeatureCollection', features: national.features.filter((f) => f.properties.kode_provinsi === PROVINSI) };
    boundaries = join(dir, `provinsi-${PROVINSI}.geojson`);
    data = join(dir, `provinsi-${PROVINSI}.csv`);
    await writeFile(boundaries, JSON.stringify(areas));
    const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n');
    await writeFile(data, [header, ...lines.filter((line) => line.startsWith(`${PROVINSI}.`))].join('\n') + '\n');
    appRun = await runApp(areas);
  }, 1_200_000);

  it('the CLI builds the same weights: every desa has the same neighbours', { timeout: 600_000 }, async () => {
    const gal = join(await tempDir(), 'queen.gal');
    const run = await runCli(['weights', '--boundaries', boundaries, '--type', app.rule, '--snap', String(app.toleranceMetres), '--out', gal]);
    expect(run.code, run.stderr).toBe(0);
    const { weights, kode } = appRun;
    // The CLI's GAL read back onto the app's desa order.
    const cli = fromGal(await readFile(gal, 'utf8'), kode).weights;
    const neighbours = (w: { offsets: Int32Array; indices: Int32Array }, i: number) => Array.from(w.indices.subarray(w.offsets[i], w.offsets[i + 1])).sort((a, b) => a - b);
    const differ = kode.filter((_, i) => neighbours(cli, i).join() !== neighbours(weights, i).join());
    expect(differ.slice(0, 10)).toEqual([]);
    expect(cli.indices.length).toBe(weights.indices.length);
  });

  it('the CLI on two threads gives the same I, pseudo p, neighbours and cluster for every desa', { timeout: 1_200_000 }, async () => {
    const out = join(await tempDir(), 'lisa.json');
    const args = ['analyze', '--boundaries', boundaries, '--data', data, '--join-on', 'kode', '--value', INDICATOR, '--year', String(YEAR)];
    const run = await runCli([...args, '--method', 'lisa', '--permutations', String(app.permutations), '--seed', String(SEED), '--threads', '2', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8')) as {
      seed: number;
      rows: { kode: string; I: number | null; p: number | null; neighbours: number | null; cluster: string }[];
    };
    expect(json.seed).toBe(SEED);
    const { out: lisa, kode, clusters } = appRun;
    const cell = (v: number) => (Number.isFinite(v) ? (v === 0 ? 0 : v) : null);
    const expected = new Map(
      kode.map((k, i) => [
        k,
        { I: cell(lisa.statistic[i]), p: cell(lisa.pseudoP[i]), neighbours: lisa.neighbourCount[i] < 0 ? null : lisa.neighbourCount[i], cluster: clusters[i] },
      ]),
    );
    expect(json.rows).toHaveLength(kode.length);
    const differ = json.rows.filter((r) => JSON.stringify({ I: r.I, p: r.p, neighbours: r.neighbours, cluster: r.cluster }) !== JSON.stringify(expected.get(r.kode)));
    expect(differ.slice(0, 5)).toEqual([]);
    // Every desa with a value was tested, and some are significant: the comparison has content.
    expect(json.rows.filter((r) => r.p !== null).length).toBeGreaterThan(0.9 * kode.length);
    expect(json.rows.some((r) => r.cluster === 'High-High')).toBe(true);
  });
});
