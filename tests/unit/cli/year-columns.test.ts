/**
 * Columns named by a year in `peta-kantong analyze`: the groups the import dialog offers as one
 * indicator over years (t_2016 … t_2019, bare 2016 … 2019, "Tahun 2016" with decimal commas) are
 * read one year at a time, the year coming from --year or from the column named, and the
 * output's year is that year, not "no year".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repo, runCli, SURAKARTA, tempDir } from './run-cli';

const fixture = (name: string) => repo(`tests/fixtures/import/tables/${name}`);
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function classify(data: string, args: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCli(['analyze', '--boundaries', SURAKARTA, '--data', data, ...args, '--method', 'classify', '--out', out]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (run.code !== 0) return { ...run, values: new Map<string, number | null>(), year: null };
  const json = JSON.parse(await readFile(out, 'utf8')) as { year: number | null; rows: { kode: string; value: number | null }[] };
  return { ...run, values: new Map(json.rows.map((r) => [r.kode, r.value])), year: json.year };
}

describe('columns by year', () => {
  it('--value t_2016 alone analyses 2016 and says the columns are one indicator by year', async () => {
    const run = await classify(fixture('surakarta-wide-t-years.csv'), ['--value', 't_2016']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('columns t_2016 … t_2019 are one indicator by year');
    expect(run.year).toBe(2016);
    expect(run.values.get('33.72.01.1001')).toBe(100);
  });

  it('--year 2019 takes the 2019 column of the group named by any of its columns', async () => {
    const run = await classify(fixture('surakarta-wide-t-years.csv'), ['--value', 't_2016', '--year', '2019']);
    expect(run.code).toBe(0);
    expect(run.year).toBe(2019);
    expect(run.values.get('33.72.01.1001')).toBe(109);
    expect(run.values.get('33.72.01.1002')).toBe(128);
  });

  it('reads "Tahun 2018" columns with decimal commas, and bare year headers', async () => {
    const tahun = await classify(fixture('surakarta-wide-tahun.csv'), ['--value', 'Tahun 2016', '--year', '2018']);
    expect(tahun.code).toBe(0);
    expect(tahun.values.get('33.72.01.1001')).toBe(104.5);
    const bare = await classify(fixture('surakarta-wide-bare-years.csv'), ['--value', '2019']);
    expect(bare.code).toBe(0);
    expect(bare.year).toBe(2019);
    expect(bare.values.get('33.72.01.1001')).toBe(109);
  });

  it('a year the group lacks exits 2 naming the years it has', async () => {
    const run = await classify(fixture('surakarta-wide-t-years.csv'), ['--value', 't_2016', '--year', '2030']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no column for 2030 (years 2016, 2017, 2018, 2019)');
  });
});
