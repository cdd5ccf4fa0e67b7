/**
 * The map and the command-line tool give the same result per kelurahan (issue 13, item 7).
 *
 * The app's path, step by step as the browser takes it: the boundaries the map loads
 * (public/boundaries/*.fgb, Hilbert-ordered by GDAL's spatial index), the default indicator's
 * values from DuckDB through src/data/indicators.ts on data/demo/indikator.csv, the weights and
 * local statistics of the analysis worker's tasks with AnalysisState's default settings, and the
 * legend's categories. The CLI's path: `peta-kantong analyze` through its public entry, with every
 * setting of the method left at its default, on the GeoJSON the README shows (kode order), given
 * either the rate as the catalog defines it (--value, --denominator, --per) or the app's values.
 *
 * The cause of "11 High-High on the map, 10 from the CLI": each kelurahan's permutations are
 * drawn from a stream numbered by its position, out of a pool in observation order, so the same
 * data in another file order gave other pseudo p-values. The worker now runs in kelurahan-code
 * order (src/analysis/observation-order.ts), and the CLI's runMethod does when given the codes.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import { loadIndicators, fetchValues } from '../../../src/data/indicators';
import { catalog, effectiveMeasure, findCity, findIndicator, type City } from '../../../src/data/catalog';
import { readFlatGeobuf, type AreaCollection } from '../../../src/data/boundaries';
import { buildWeights, runLocal, type LocalOutput } from '../../../src/workers/analysis-tasks';
import { localCategories, type CategoryMap } from '../../../src/state/cluster-categories';
import { localMethod } from '../../../src/analysis/methods';
import { AnalysisState, type AnalysisHost } from '../../../src/state/analysis.svelte';
import { DEFAULTS } from '../../../src/state/app.svelte';
import { weightsFromAreas } from '../../../src/cli/build-weights';
import { NO_DATA, runMethod, type MethodSettings } from '../../../src/cli/methods';
import { INDIKATOR, repo, runCli, tempDir } from './run-cli';

/** The app's analysis settings, read from a fresh AnalysisState rather than copied. */
const app = new AnalysisState({} as AnalysisHost);
const indicator = findIndicator(DEFAULTS.indikator)!;
const rate = indicator.rate!;
const measure = effectiveMeasure(indicator, DEFAULTS.ukuran);

/** A local method of the registry, by id. */
type LocalMethodId = string;

/** The legend's category (a map code), in the CLI's words: the registry's words for its label. */
function clusterWords(method: LocalMethodId, map: CategoryMap, code: number): string {
  const label = map.rows.find((r) => r.index === code)!.label;
  return localMethod(method).categories.find((c) => c.label === label && c.code === code)!.words;
}

/** One kelurahan's result, in the CLI's column names. */
type Row = Record<string, number | string | null>;

interface AppRun {
  byKode: Map<string, Row>;
  /** Legend counts by the CLI's cluster words. */
  legend: Map<string, number>;
  /** The values as the app fed them to the worker, and their codes, in the boundary file's order. */
  values: Float64Array;
  ids: string[];
}

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await loadIndicators(db, readFileSync(INDIKATOR, 'utf8'), catalog.indicators);
}, 120_000);

const appBoundaries = async (city: City): Promise<AreaCollection> => readFlatGeobuf(new Uint8Array(readFileSync(repo(`public/boundaries/kelurahan_${city.slug}.fgb`))));
const cliBoundaries = (city: City): string => repo(`data/boundaries/${city.boundaries}`);

/** How a run departs from the app's defaults: kelurahan whose value is taken away, the panel's KNN option. */
interface Variation {
  without?: ReadonlySet<string>;
  islandsToNearest?: boolean;
}

/**
 * A number as the CLI writes it: an undefined statistic (or none, for a kelurahan without a value)
 * is null, and JSON has no -0 (an island's I_i is -0 when its value is below the mean).
 */
const cell = (v: number): number | null => (Number.isFinite(v) ? (v === 0 ? 0 : v) : null);

/** What src/state/analysis.svelte.ts run() does, in Node, on `areas` in their order. */
async function runApp(city: City, method: LocalMethodId, areas: AreaCollection, variation: Variation = {}): Promise<AppRun> {
  const shown = await fetchValues(db, { kodeKota: city.kode, tahun: DEFAULTS.tahun, indikator: indicator.id, measure });
  for (const kode of variation.without ?? []) shown.set(kode, null);
  const islandsToNearest = variation.islandsToNearest ?? app.islandsToNearest;
  const features = areas.features;
  const weights = buildWeights({
    geometries: features.map((f) => f.geometry),
    rule: app.rule,
    toleranceMetres: app.toleranceMetres,
    islandsToNearest,
  });
  const ids = features.map((f) => f.properties.kode);
  const values = Float64Array.from(features, (f) => shown.get(f.properties.kode) ?? Number.NaN);
  const out: LocalOutput = runLocal({
    method,
    values,
    ids,
    offsets: weights.offsets,
    indices: weights.indices,
    permutations: app.permutations,
    seed: app.seed,
    islandCentroids: islandsToNearest ? weights.centroids : undefined,
  });
  const descriptor = localMethod(method);
  const map = localCategories(descriptor, out, app.alpha, app.correction);
  const byKode = new Map<string, Row>();
  ids.forEach((kode, i) => {
    const cluster = map.codes[i] < 0 ? NO_DATA : clusterWords(method, map, map.codes[i]);
    const neighbours = out.neighbourCount[i] < 0 ? null : out.neighbourCount[i];
    const columns = Object.fromEntries(descriptor.columns.map(([name, field]) => [name, cell(out[field][i])]));
    byKode.set(kode, { value: cell(values[i]), ...columns, cluster, neighbours });
  });
  const legend = new Map(map.rows.map((r) => [clusterWords(method, map, r.index), r.count]));
  return { byKode, legend, values, ids };
}

interface CliResult {
  json: { seed: number; permutations: number; sampling: string; alpha?: number; correction: string; basis?: string; rows: Row[] };
  stdout: string;
}

/** The rate as the CLI computes it from the demo table: `--value`, `--denominator`, `--per` from the catalog. */
const RATE_FROM_DEMO = (): string[] => [
  '--data',
  INDIKATOR,
  '--year',
  String(DEFAULTS.tahun),
  '--value',
  indicator.id,
  '--denominator',
  rate.denominator,
  '--per',
  String(rate.per),
];

/**
 * The app's own values as a one-column table (`kode,rate`, each number in its shortest exact
 * spelling), so that the CLI analyses the very doubles the map analyses.
 */
async function appValuesTable(mapRun: AppRun): Promise<string[]> {
  const file = join(await tempDir(), 'rate.csv');
  const rows = mapRun.ids.flatMap((kode, i) => (Number.isFinite(mapRun.values[i]) ? [`${kode},${mapRun.values[i]}`] : []));
  await writeFile(file, `kode,rate\n${rows.join('\n')}\n`);
  return ['--data', file, '--value', 'rate'];
}

/** `peta-kantong analyze` with every setting of the method left at its default. */
async function runTool(boundaries: string, data: string[], method: LocalMethodId, extra: string[] = []): Promise<CliResult> {
  const out = join(await tempDir(), `${method}.json`);
  const run = await runCli(['analyze', '--boundaries', boundaries, ...data, '--join-on', 'kode', '--method', method, ...extra, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return { json: JSON.parse(await readFile(out, 'utf8')), stdout: run.stdout };
}

/** Per kelurahan, every column of the CLI's row (but kode and nama) equals the map's. */
function expectSameRows(tool: CliResult, mapRun: AppRun): void {
  expect(tool.json.rows).toHaveLength(mapRun.ids.length);
  for (const { kode, nama: _, ...row } of tool.json.rows) expect(row, String(kode)).toEqual(mapRun.byKode.get(String(kode)));
}

/** The counts the CLI prints on stdout ("High-High 10, Low-Low 10, ..."). */
function printedCounts(stdout: string, labels: Iterable<string>): Map<string, number> {
  return new Map([...labels].map((label) => [label, Number(new RegExp(`${label} (\\d+)`).exec(stdout)?.[1])]));
}

const CITIES = [findCity('surakarta')!, findCity('probolinggo')!];
// Local Geary (issue 14) is here as the proof that a registry method agrees with no code of its own.
const METHODS: LocalMethodId[] = ['lisa', 'gistar', 'gi', 'geary'];

describe.each(CITIES)('$nama: the map and the CLI', (city) => {
  describe.each(METHODS)('%s', (method) => {
    it('use the same settings by default', async () => {
      const { json } = await runTool(cliBoundaries(city), RATE_FROM_DEMO(), method);
      expect(json.seed).toBe(app.seed);
      expect(json.permutations).toBe(app.permutations);
      expect(json.sampling).toBe('without-replacement');
      expect(json.correction).toBe(app.correction);
      if (localMethod(method).options.includes('alpha')) expect(json.alpha).toBe(app.alpha);
      // The map bins hot spots by the analytic z (the hot spot descriptors' default basis).
      else expect(json.basis).toBe('z');
    });

    it('give the same value, statistics, p-value and cluster per kelurahan, and the legend counts what the CLI prints', async () => {
      const mapRun = await runApp(city, method, await appBoundaries(city));
      // The README's GeoJSON, listed in another order than the map's FlatGeobuf.
      const tool = await runTool(cliBoundaries(city), await appValuesTable(mapRun), method);
      expectSameRows(tool, mapRun);
      expect(printedCounts(tool.stdout, mapRun.legend.keys())).toEqual(mapRun.legend);
    });

    it("the map's result per kelurahan does not depend on the order of the boundary file", async () => {
      const fgb = await appBoundaries(city);
      const geojson = JSON.parse(readFileSync(cliBoundaries(city), 'utf8')) as AreaCollection;
      expect(fgb.features.map((f) => f.properties.kode)).not.toEqual(geojson.features.map((f) => f.properties.kode));
      const [a, b] = await Promise.all([runApp(city, method, fgb), runApp(city, method, geojson)]);
      expect(b.byKode).toEqual(a.byKode);
    });

    it("the CLI's methods, given the codes, equal the worker bit for bit on the app's own file and values", async () => {
      const areas = await appBoundaries(city);
      const mapRun = await runApp(city, method, areas);
      const settings: MethodSettings = {
        permutations: app.permutations,
        seed: app.seed,
        alpha: app.alpha,
        correction: app.correction,
        basis: 'z',
        scheme: 'quantile',
        classes: 5,
      };
      const weights = weightsFromAreas(areas, { type: app.rule, snapMetres: app.toleranceMetres });
      const result = await runMethod(method, mapRun.values, weights, settings, mapRun.ids);
      result.rows.forEach((row, i) => expect({ value: mapRun.values[i], ...row }, mapRun.ids[i]).toEqual(mapRun.byKode.get(mapRun.ids[i])));
    });

    /*
     * The CLI computes a rate as the app's SQL does (indicators.ts, rebuildMeasures:
     * `nilai * per / penyebut`). It once computed `(value / denominator) * per`, which rounds
     * twice: 13 of Surakarta's 54 rates of 2025 differed in the last bit, enough to flip exact
     * ties of the permutation test (Probolinggo Gi*: 35.74.01.1003 had p = 0.001 on the map,
     * 0.005 from the CLI).
     */
    it('the CLI computing the rate itself (--denominator, --per) gives the same values as the map', async () => {
      const mapRun = await runApp(city, method, await appBoundaries(city));
      expectSameRows(await runTool(cliBoundaries(city), RATE_FROM_DEMO(), method), mapRun);
    });

    /*
     * The CLI runs in kelurahan-code order as the worker does, so the map's own Hilbert-ordered
     * FlatGeobuf gives the same pseudo p-values as the kode-ordered GeoJSON (the cause of the
     * map's 11 High-High against the CLI's 10 in Surakarta).
     */
    it("the CLI on a boundary file in another order (the map's FlatGeobuf) equals the map", async () => {
      const areas = await appBoundaries(city);
      const mapRun = await runApp(city, method, areas);
      expectSameRows(await runTool(repo(`public/boundaries/kelurahan_${city.slug}.fgb`), await appValuesTable(mapRun), method), mapRun);
    });
  });
});

/*
 * A kelurahan whose neighbours all lack a value is an island among the kelurahan analysed. With
 * the panel's KNN option the worker used to link islands of the whole map before leaving out the
 * kelurahan without a value, so such a kelurahan stayed Isolated on the map while the CLI's
 * --islands knn linked it; both now link among the kelurahan with a value.
 */
describe('Kota Surakarta with the neighbours of one kelurahan left without a value', () => {
  const city = findCity('surakarta')!;
  async function setting(): Promise<{ areas: AreaCollection; without: Set<string>; lone: string }> {
    const areas = JSON.parse(readFileSync(cliBoundaries(city), 'utf8')) as AreaCollection;
    const weights = buildWeights({ geometries: areas.features.map((f) => f.geometry), rule: app.rule, toleranceMetres: app.toleranceMetres });
    // The kelurahan with the fewest neighbours (the first of them), and those neighbours.
    let lone = 0;
    for (let i = 1; i < weights.n; i++) {
      if (weights.offsets[i + 1] - weights.offsets[i] < weights.offsets[lone + 1] - weights.offsets[lone]) lone = i;
    }
    const without = new Set(Array.from(weights.indices.subarray(weights.offsets[lone], weights.offsets[lone + 1]), (j) => areas.features[j].properties.kode));
    return { areas, without, lone: areas.features[lone].properties.kode };
  }

  describe.each(METHODS)('%s', (method) => {
    it.each([
      ['keep', false, 'Isolated'],
      ['knn', true, undefined],
    ] as const)('--islands %s equals the map', async (islands, islandsToNearest, loneCluster) => {
      const { areas, without, lone } = await setting();
      const mapRun = await runApp(city, method, areas, { without, islandsToNearest });
      const tool = await runTool(cliBoundaries(city), await appValuesTable(mapRun), method, ['--islands', islands]);
      expectSameRows(tool, mapRun);
      expect(mapRun.byKode.get(lone)!.neighbours).toBe(islandsToNearest ? 1 : 0);
      if (loneCluster) expect(mapRun.byKode.get(lone)!.cluster).toBe(loneCluster);
      expect([...without].every((kode) => mapRun.byKode.get(kode)!.cluster === NO_DATA)).toBe(true);
    });
  });
});
