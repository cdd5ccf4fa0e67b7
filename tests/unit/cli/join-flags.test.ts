/**
 * The join flags of `peta-kantong analyze`: Indonesian numbers, a year column in capitals, the
 * data's key column by `--join-on` (codes in any spelling or names) with `--kecamatan`, the
 * boundaries' key by `--boundary-key`, fuzzy suggestions listed and accepted or rejected, and a
 * join report CSV's hand decisions applied by `--mapping` exactly as the app applies them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import type { JoinDecisions } from '../../../src/data/join';
import { joinReportCsv } from '../../../src/data/join-report-csv';
import { commitIndicators, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, targetsOf, valuesOf, type StagedTable } from '../import-pipeline/pipeline';
import { parseCsv, repo, runCli, SURAKARTA, tempDir } from './run-cli';

const MESSY = repo('tests/fixtures/import/join/surakarta-messy.csv');
const targets = targetsOf(surakartaAreas());

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** Runs `analyze --method classify` and returns the run and the output's value per kode. */
async function analyze(data: string, args: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const run = await runCli(['analyze', '--boundaries', SURAKARTA, '--data', data, ...args, '--method', 'classify', '--scheme', 'equal', '--classes', '3', '--out', out]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  const values = run.code === 0 ? new Map(parseCsv(await readFile(out, 'utf8')).map((r) => [r.kode, r.value === '' ? null : Number(r.value)])) : new Map<string, number | null>();
  return { ...run, values };
}

describe('numbers and years as the app reads them', () => {
  it('reads "0,71" as 0.71 and "1.234,5" as 1234.5 in a semicolon file', async () => {
    const data = join(dir, 'koma.csv');
    const kode = targets.slice(0, 4).map((t) => t.kode);
    await writeFile(data, ['kode;nilai', `${kode[0]};0,71`, `${kode[1]};1.234,5`, `${kode[2]};2,5`, `${kode[3]};-`].join('\n'));
    const run = await analyze(data, ['--value', 'nilai']);
    expect(run.code, run.stderr).toBe(0);
    expect([0, 1, 2, 3].map((i) => run.values.get(kode[i]))).toEqual([0.71, 1234.5, 2.5, null]);
    // "-" is an empty cell by the app's rule, not a number that failed.
    expect(run.stderr).toContain(`${kode[3]} ${surakartaAreas().features[3].properties.kelurahan} (empty nilai)`);
  }, 60_000);

  it('finds the year column TAHUN in capitals and keeps the rows of --year', async () => {
    const data = join(dir, 'tahun.csv');
    const rows = targets.slice(0, 6).flatMap((t, i) => [`${t.kode.replaceAll('.', '')},2023,${i}`, `${t.kode.replaceAll('.', '')},2024,${10 + i}`]);
    await writeFile(data, ['KODE_DESA,TAHUN,NILAI', ...rows].join('\n'));
    const run = await analyze(data, ['--value', 'NILAI', '--year', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('code = KODE_DESA, kelurahan name = (none), kecamatan = (none), year = TAHUN');
    expect(targets.slice(0, 6).map((t) => run.values.get(t.kode))).toEqual([10, 11, 12, 13, 14, 15]);
    expect(run.stdout).toContain('(tahun 2024)');
    const both = await analyze(data, ['--value', 'NILAI']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('the data holds 2 years (2023, 2024); choose one with --year');
  }, 60_000);
});

describe('--join-on, --kecamatan and --boundary-key', () => {
  it('--join-on a name column with --kecamatan: a name found only in another kecamatan is listed and not joined', async () => {
    const data = join(dir, 'nama.csv');
    await writeFile(data, ['desa,kec,nilai', 'Pajang,Laweyan,1', 'Kemlayan,Serengan,2', 'Sangkrah,Pasar Kliwon,3', 'Kauman,Jebres,4', 'Purwosari,Laweyan,5'].join('\n'));
    const run = await analyze(data, ['--join-on', 'desa', '--kecamatan', 'kec', '--value', 'nilai']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('key columns chosen');
    expect(run.values.get('33.72.01.1001')).toBe(1);
    expect(run.values.get('33.72.03.1008')).toBe(3);
    // Kauman lies in Pasar Kliwon: the row naming Jebres must not land there.
    expect(run.values.get(targets.find((t) => t.nama === 'Kauman')!.kode)).toBeNull();
    expect(run.stderr).toContain('1 row(s) not joined, name found only in another kecamatan (a conflict, not joined): row 5 (Kauman, Jebres).');
  }, 60_000);

  it("--join-on a code column in another spelling; --boundary-key names the boundaries' property", async () => {
    const data = join(dir, 'kode.csv');
    const rows = targets.slice(0, 5).map((t, i) => `${t.kode.replaceAll('.', ' ')},${i + 1}`);
    await writeFile(data, ['kd_kel,jumlah', ...rows].join('\n'));
    const run = await analyze(data, ['--join-on', 'kd_kel', '--boundary-key', 'kode', '--value', 'jumlah']);
    expect(run.code, run.stderr).toBe(0);
    expect(targets.slice(0, 5).map((t) => run.values.get(t.kode))).toEqual([1, 2, 3, 4, 5]);
  }, 60_000);

  it('the same column name on both sides still joins on it (boundary key = --join-on)', async () => {
    const data = join(dir, 'kelurahan.csv');
    await writeFile(data, ['kelurahan,jumlah', 'Pajang,7', 'Laweyan,8', 'Bumi,9', 'Panularan,10'].join('\n'));
    const run = await analyze(data, ['--join-on', 'kelurahan', '--value', 'jumlah']);
    expect(run.code, run.stderr).toBe(0);
    // The output's kode is the boundary key, here the names.
    expect(['Pajang', 'Laweyan', 'Bumi', 'Panularan'].map((n) => run.values.get(n))).toEqual([7, 8, 9, 10]);
  }, 60_000);
});

describe('--fuzzy and --mapping on surakarta-messy.csv', () => {
  let db: Database;
  let staged: StagedTable;
  beforeAll(async () => {
    db = await openPipelineDatabase();
    staged = await stageTable(db, 'flags', fixtureFile('join/surakarta-messy.csv'), targets);
  }, 120_000);
  const args = ['--value', 'jumlah_kk', '--year', '2024', '--duplicates', 'sum'];

  it('lists each fuzzy suggestion with its distance; rejected by default, joined with --fuzzy accept', async () => {
    const rejected = await analyze(MESSY, args);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stderr).toContain('fuzzy: row 10 "Semangi" (kecamatan Pasar Kliwon) is spelled like Semanggi 33.72.03.1002, distance 1: rejected (--fuzzy accept joins it)');
    expect(rejected.stderr).toContain('fuzzy: row 20 "Jajengan" (kecamatan Serengan) is spelled like Jayengan 33.72.02.1006, distance 1: rejected');
    expect(rejected.values.get('33.72.03.1002')).toBeNull();
    const accepted = await analyze(MESSY, [...args, '--fuzzy', 'accept']);
    expect(accepted.stderr).toContain('distance 1: accepted');
    expect(accepted.values.get('33.72.03.1002')).toBe(402);
    // Two rows of Joglo summed.
    expect(accepted.values.get('33.72.05.1015')).toBe(962);
  }, 60_000);

  /** The app's values after `manual`, fuzzy suggestions accepted and duplicates summed. */
  async function appValues(id: string, manual: JoinDecisions['manual']) {
    const fuzzy = Object.fromEntries(staged.report.matched.filter((m) => m.how === 'fuzzy').map((m) => [m.key, 'accept' as const]));
    const ids = await commitIndicators(db, { ...staged, id }, { fuzzy, manual, duplicates: 'sum' }, ['jumlah_kk']);
    return valuesOf(db, ids.jumlah_kk, 2024);
  }

  it('applies a report edited in a spreadsheet: a kode filled in for an unmatched row, a kode emptied to leave a row out', async () => {
    const report = join(dir, 'laporan.csv');
    expect((await runCli(['join', '--boundaries', SURAKARTA, '--data', MESSY, '--out', report])).code).toBe(0);
    const lines = (await readFile(report, 'utf8')).split('\r\n').map((line) => {
      const cells = line.split(';');
      if (cells[0] === '14') cells[6] = '3372041001'; // Sukamaju, unmatched: chosen by hand (any spelling)
      if (cells[0] === '2') cells[6] = ''; // Pajang, matched by code: left out
      return cells.join(';');
    });
    const edited = join(dir, 'laporan-diedit.csv');
    await writeFile(edited, lines.join('\r\n'));
    const run = await analyze(MESSY, [...args, '--fuzzy', 'accept', '--mapping', edited]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 row(s) decided by hand applied');
    expect(run.values.get('33.72.04.1001')).toBe(64);
    expect(run.values.get('33.72.01.1001')).toBeNull();
    const app = await appValues('flags_diedit', { 12: '3372041001', 0: null });
    for (const [kode, value] of run.values) expect([kode, value]).toEqual([kode, app.get(kode) ?? null]);
  }, 60_000);

  it("applies the app's own download with its hand decisions (English report)", async () => {
    const manual = { 12: '33.72.04.1001', 15: '33.72.04.1002', 0: null };
    const report = join(dir, 'app-report.csv');
    await writeFile(report, joinReportCsv(staged.report, staged.joinKeys, targets, 'en', manual));
    const run = await analyze(MESSY, [...args, '--fuzzy', 'accept', '--mapping', report]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('3 row(s) decided by hand applied');
    const app = await appValues('flags_app', manual);
    expect(app.get('33.72.04.1002')).toBe(8);
    for (const [kode, value] of run.values) expect([kode, value]).toEqual([kode, app.get(kode) ?? null]);
  }, 60_000);
});
