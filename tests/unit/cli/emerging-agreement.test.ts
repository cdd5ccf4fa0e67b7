/**
 * Emerging hot spots (issue 18, item 1): the map and `peta-kantong analyze --method emerging`
 * give the same category, trend and Gi* z per year for every kelurahan of the demo, the app
 * reading each year from DuckDB as AnalysisState does, the CLI every year of the table's year
 * column. And the generator's Semanggi pocket is found, with the category it gets.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import { fetchValues, fetchYears, loadIndicators } from '../../../src/data/indicators';
import { catalog, effectiveMeasure, findCity, findIndicator } from '../../../src/data/catalog';
import { readFlatGeobuf } from '../../../src/data/boundaries';
import { buildWeights, runLocal } from '../../../src/workers/analysis-tasks';
import { localCategories } from '../../../src/state/cluster-categories';
import { localMethod } from '../../../src/analysis/methods';
import { AnalysisState, type AnalysisHost } from '../../../src/state/analysis.svelte';
import { DEFAULTS } from '../../../src/state/app.svelte';
import { NO_DATA } from '../../../src/cli/methods';
import { SEMANGGI_KODE } from '../../../src/cli/demo/calibration';
import { INDIKATOR, repo, runCli, tempDir } from './run-cli';

const app = new AnalysisState({} as AnalysisHost);
const city = findCity('surakarta')!;
const indicator = findIndicator(DEFAULTS.indikator)!;
const measure = effectiveMeasure(indicator, DEFAULTS.ukuran);
const method = localMethod('emerging');

type Row = Record<string, number | string | null>;

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await loadIndicators(db, readFileSync(INDIKATOR, 'utf8'), catalog.indicators);
}, 60_000);

/** What AnalysisState.run does for a yearly method, in Node: every year's values, the worker's task, the legend's categories. */
async function runApp(): Promise<{ years: number[]; byKode: Map<string, Row> }> {
  const areas = await readFlatGeobuf(new Uint8Array(readFileSync(repo(`public/boundaries/kelurahan_${city.slug}.fgb`))));
  const features = areas.features;
  const years = await fetchYears(db, city.kode, indicator.id);
  const maps = await Promise.all(years.map((tahun) => fetchValues(db, { kodeKota: city.kode, tahun, indikator: indicator.id, measure })));
  const yearly = maps.map((m) => Float64Array.from(features, (f) => m.get(f.properties.kode) ?? Number.NaN));
  const weights = buildWeights({ geometries: features.map((f) => f.geometry), rule: app.rule, toleranceMetres: app.toleranceMetres });
  const ids = features.map((f) => f.properties.kode);
  const out = runLocal({
    method: method.id,
    values: yearly[yearly.length - 1],
    yearly,
    years,
    ids,
    offsets: weights.offsets,
    indices: weights.indices,
    permutations: app.permutations,
    seed: app.seed,
  });
  const map = localCategories(method, out, app.alpha, app.correction);
  const words = new Map(method.categories.map((c) => [c.code, c.words]));
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const byKode = new Map<string, Row>();
  ids.forEach((kode, i) => {
    byKode.set(kode, {
      tau: num(out.statistic[i]),
      p: num(out.pNormal[i]),
      trend_z: num(out.zScore[i]),
      ...Object.fromEntries(years.map((year, t) => [`z_${year}`, num(out.series![t][i])])),
      category: map.codes[i] < 0 ? NO_DATA : words.get(map.codes[i])!,
    });
  });
  return { years, byKode };
}

async function runTool(): Promise<{ json: { years: number[]; rows: Row[] }; stdout: string }> {
  const out = join(await tempDir(), 'emerging.json');
  const run = await runCli([
    'analyze',
    '--boundaries',
    repo(`data/boundaries/${city.boundaries}`),
    '--data',
    INDIKATOR,
    '--join-on',
    'kode',
    '--value',
    indicator.id,
    '--denominator',
    indicator.rate!.denominator,
    '--per',
    String(indicator.rate!.per),
    '--method',
    'emerging',
    '--out',
    out,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return { json: JSON.parse(await readFile(out, 'utf8')), stdout: run.stdout };
}

describe('emerging hot spots of the demo Surakarta', () => {
  let appRun: Awaited<ReturnType<typeof runApp>>;
  let tool: Awaited<ReturnType<typeof runTool>>;
  beforeAll(async () => {
    [appRun, tool] = await Promise.all([runApp(), runTool()]);
  }, 180_000);

  it('read all five years, in the app and in the CLI', () => {
    expect(appRun.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(tool.json.years).toEqual(appRun.years);
  });

  it('give the same category, Mann-Kendall trend and Gi* z per year for every kelurahan', () => {
    expect(tool.json.rows).toHaveLength(appRun.byKode.size);
    for (const row of tool.json.rows) {
      const { kode, nama: _, value: __, neighbours: ___, ...rest } = row;
      expect(rest, String(kode)).toEqual(appRun.byKode.get(String(kode)));
    }
  });

  it('find Semanggi (the generator pocket) a persistent hot spot: significant every year, no trend', () => {
    const semanggi = appRun.byKode.get(SEMANGGI_KODE)!;
    expect(semanggi.category).toBe('Persistent Hot Spot');
    for (const year of appRun.years) expect(semanggi[`z_${year}`] as number).toBeGreaterThan(1.645);
    expect(semanggi.p as number).toBeGreaterThan(0.05);
  });
});

describe('peta-kantong analyze --method emerging', () => {
  it('refuses --year: it reads every year the data holds', async () => {
    const run = await runCli([
      'analyze',
      '--boundaries',
      repo(`data/boundaries/${city.boundaries}`),
      '--data',
      INDIKATOR,
      '--value',
      indicator.id,
      '--method',
      'emerging',
      '--year',
      '2025',
      '--out',
      'x.csv',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--year.*every year/);
  });
});
