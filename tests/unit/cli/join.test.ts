/**
 * The command-line tool joins tables exactly as the app's import does: the same fixtures run
 * through the app's pipeline (tests/unit/import-pipeline/pipeline.ts, the modules the dialog
 * calls) and through `peta-kantong join` / `analyze` give the same join report, byte for byte,
 * and the same value on every kelurahan.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import type { JoinDecisions } from '../../../src/data/join';
import { joinReportCsv } from '../../../src/data/join-report-csv';
import { commitIndicators, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, targetsOf, valuesOf, type StagedTable } from '../import-pipeline/pipeline';
import { repo, runCli, SURAKARTA, tempDir } from './run-cli';

const targets = targetsOf(surakartaAreas());
const fixture = (path: string) => repo(`tests/fixtures/import/${path}`);

interface Case {
  file: string;
  sheet?: string;
  /** A number column to compare per kelurahan (none: the file has only keys). */
  value?: string;
  year?: number;
}

const CASES: Case[] = [
  { file: 'join/surakarta-messy.csv', value: 'jumlah_kk', year: 2024 },
  { file: 'join/surakarta-bps.csv' },
  { file: 'tables/surakarta-semicolon-1252.csv', value: 'luas_ha' },
  { file: 'tables/surakarta-tab-utf8-bom.tsv', value: 'rasio_rtlh' },
  { file: 'tables/surakarta-title-row.xlsx', sheet: 'RTLH 2024', value: 'luas_ha' },
  { file: 'tables/surakarta-gdal.xlsx', value: 'rasio' },
  { file: 'tables/surakarta.parquet', value: 'rasio_rtlh' },
  { file: 'pipeline/surakarta-unmatched.xlsx', sheet: 'Penerima 2024', value: 'Jumlah KPM' },
];

/** Every fuzzy suggestion accepted and duplicates summed: what `--fuzzy accept --duplicates sum` says. */
function acceptAll(staged: StagedTable): JoinDecisions {
  const fuzzy = Object.fromEntries(staged.report.matched.filter((m) => m.how === 'fuzzy').map((m) => [m.key, 'accept' as const]));
  return { fuzzy, manual: {}, duplicates: 'sum' };
}

/** `analyze --method classify` output rows (kode, value) of a run that must succeed. */
async function cliValues(dir: string, c: Case, extra: string[] = []): Promise<Map<string, number | null>> {
  const out = join(dir, `values-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCli([
    'analyze',
    '--boundaries',
    SURAKARTA,
    '--data',
    fixture(c.file),
    '--value',
    c.value!,
    ...(c.sheet ? ['--sheet', c.sheet] : []),
    ...(c.year ? ['--year', String(c.year)] : []),
    '--fuzzy',
    'accept',
    '--duplicates',
    'sum',
    ...extra,
    '--method',
    'classify',
    '--scheme',
    'equal',
    '--classes',
    '3',
    '--out',
    out,
  ]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code, run.stderr).toBe(0);
  const rows = JSON.parse(await readFile(out, 'utf8')).rows as { kode: string; value: number | null }[];
  return new Map(rows.map((r) => [r.kode, r.value]));
}

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await openPipelineDatabase();
  dir = await tempDir();
}, 120_000);

describe.each(CASES)('$file: the CLI and the app pipeline join alike', (c) => {
  let staged: StagedTable;
  beforeAll(async () => {
    const id = `cli_${c.file.replace(/\W+/g, '_').toLowerCase()}`;
    staged = await stageTable(db, id, fixtureFile(c.file), targets, { read: c.sheet ? { sheet: c.sheet } : {} });
  }, 120_000);

  it('`peta-kantong join` writes the join report CSV the app downloads, byte for byte', async () => {
    const out = join(dir, `${staged.id}.csv`);
    const run = await runCli(['join', '--boundaries', SURAKARTA, '--data', fixture(c.file), ...(c.sheet ? ['--sheet', c.sheet] : []), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(joinReportCsv(staged.report, staged.joinKeys, targets, 'id'));
    expect(run.stdout).toContain(`${staged.report.counts.code} matched by code, ${staged.report.counts.name} by name`);
  }, 60_000);

  it.runIf(c.value)(
    '`analyze` reads the same value on every kelurahan as the map shows after the import',
    async () => {
      const ids = await commitIndicators(db, staged, acceptAll(staged), [c.value!]);
      const app = await valuesOf(db, ids[c.value!], c.year);
      const cli = await cliValues(dir, c);
      expect(cli.size).toBe(54);
      const joined = [...cli].filter(([, v]) => v !== null);
      expect(joined.length).toBeGreaterThan(2);
      for (const [kode, value] of cli) expect([kode, value]).toEqual([kode, app.get(kode) ?? null]);
    },
    60_000,
  );
});

describe('spatial files as data and as boundaries', () => {
  it.each(['geo/surakarta.fgb', 'geo/surakarta-utm49s.zip'])(
    'the properties of %s are a table the join reads',
    async (file) => {
      const out = join(dir, `${file.replace(/\W+/g, '_')}.csv`);
      const run = await runCli(['join', '--boundaries', SURAKARTA, '--data', fixture(file), '--lang', 'en', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('54 row(s) of');
      expect(run.stdout).toContain('54 matched by code, 0 by name, 0 similar name(s) to check, 0 unmatched; 0 duplicate group(s); 0 of 54 kelurahan without a row');
    },
    60_000,
  );

  it("a zipped UTM Shapefile as boundaries gives the GeoJSON's Moran's I", async () => {
    const args = ['--data', repo('data/demo/indikator.csv'), '--value', 'penduduk_miskin', '--denominator', 'penduduk', '--year', '2025', '--method', 'moran'];
    const a = await runCli(['analyze', '--boundaries', SURAKARTA, ...args, '--out', join(dir, 'm-geojson.json')]);
    const b = await runCli(['analyze', '--boundaries', fixture('geo/surakarta-utm49s.zip'), ...args, '--out', join(dir, 'm-shp.json')]);
    expect([a.code, b.code], b.stderr).toEqual([0, 0]);
    const [ma, mb] = await Promise.all(['m-geojson', 'm-shp'].map(async (n) => JSON.parse(await readFile(join(dir, `${n}.json`), 'utf8')).moran));
    expect(mb.I).toBeCloseTo(ma.I, 12);
    expect(mb.n).toBe(54);
  }, 60_000);
});
