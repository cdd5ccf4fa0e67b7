/**
 * Data the tool cannot join: it says why on stderr, one line per kind of problem with example
 * rows (English, with the app's Indonesian where an importer refused the file), exits 2, prints
 * no stack trace and writes nothing, so no half-joined result is left behind.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repo, runCli, SURAKARTA, tempDir } from './run-cli';

const MESSY = repo('tests/fixtures/import/join/surakarta-messy.csv');
const XLSX = repo('tests/fixtures/import/tables/surakarta-title-row.xlsx');

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'semarang.csv'), 'kode,nilai\n33.74.01.1001,5\n33.74.01.1002,6\n3374011003,7\n');
  await writeFile(join(dir, 'tanpa-kunci.csv'), 'warna,nilai\nmerah,1\nbiru,2\n');
  await writeFile(join(dir, 'laporan.pdf'), '%PDF-1.7\n...');
  await writeFile(join(dir, 'bukan-laporan.csv'), 'a;b\n1;2\n');
  await writeFile(
    join(dir, 'kode-lain.csv'),
    '\ufeffBaris;Kode (di tabel);Kelurahan (di tabel);Kecamatan (di tabel);Tahun;Hasil;Kode kelurahan;Nama kelurahan;Jarak ejaan;Keterangan\r\n' +
      '14;;Sukamaju;;2024;tidak cocok;33.74.01.1001;;;\r\n',
  );
});

/** Runs analyze on `data` and checks what every refusal shares: exit 2, no stack, no output. */
async function refused(data: string, args: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const run = await runCli(['analyze', '--boundaries', SURAKARTA, '--data', data, ...args, '--method', 'classify', '--out', out]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(existsSync(out)).toBe(false);
  return run.stderr.trimEnd().split('\n');
}

describe('peta-kantong analyze refuses data it cannot join', () => {
  it('no row joins: one line per reason with example rows, then why nothing is analysed', async () => {
    const lines = await refused(join(dir, 'semarang.csv'), ['--value', 'nilai']);
    const problems = lines.filter((l) => !/key columns|^peta-kantong: {2}/.test(l));
    expect(problems).toEqual([
      'peta-kantong: 3 row(s) not joined, code of another kabupaten/kota: row 2 (33.74.01.1001); row 3 (33.74.01.1002); row 4 (3374011003). ' +
        'Row 2: Code 33.74.01.1001 belongs to another kabupaten/kota (33.74), not the chosen region. This row is left out unless you choose its kelurahan by hand.',
      expect.stringContaining('no row joins a kelurahan of the boundaries (code = kode, kelurahan name = (none), kecamatan = (none), year = (none)); nothing is analysed'),
    ]);
  }, 60_000);

  it('rows repeating a kelurahan without --duplicates: the groups with their rows, and the way out', async () => {
    const lines = await refused(MESSY, ['--value', 'jumlah_kk', '--year', '2024']);
    expect(lines).toContain(
      'peta-kantong: 2 kelurahan have more than one row: Joglo 33.72.05.1015 2024 in rows 18, 19; Sangkrah 33.72.03.1008 2024 in row 22 and 1 more row(s) written the same',
    );
    expect(lines.at(-1)).toContain('the data needs one row per kelurahan and year; aggregate it first, or choose --duplicates sum, mean or reject');
    // The other problems of the file are said once each, grouped by reason.
    expect(lines.filter((l) => l.includes('not joined, code of another kabupaten/kota'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('not joined, no kelurahan of that name in this region: row 14 (Sukamaju)'))).toHaveLength(1);
  }, 60_000);

  it('a table without a code or name column', async () => {
    const lines = await refused(join(dir, 'tanpa-kunci.csv'), ['--value', 'nilai']);
    expect(lines.at(-1)).toContain('No column with region codes or kelurahan names was found');
  }, 60_000);

  it.each([
    [
      'an Excel sheet that does not exist',
      XLSX,
      ['--sheet', 'Tidak Ada'],
      'There is no sheet "Tidak Ada" in surakarta-title-row.xlsx. Available sheets: RTLH 2024, Catatan. (Lembar "Tidak Ada" tidak ada',
    ],
    ['--sheet on a CSV', MESSY, ['--sheet', 'RTLH 2024'], '--sheet applies to Excel files only'],
    ['a PDF as data', 'laporan.pdf', [], 'The file type of laporan.pdf is not supported for tables. Use one of: CSV/TSV, Excel (.xlsx), Parquet.'],
    ['--join-on a column the data lacks', MESSY, ['--join-on', 'kode_desa'], 'no column "kode_desa" (--join-on); columns: kode, kelurahan, kecamatan, tahun, jumlah_kk'],
    [
      '--mapping with a kode of another city',
      MESSY,
      ['--year', '2024', '--duplicates', 'sum', '--mapping', 'kode-lain.csv'],
      'Code 33.74.01.1001 chosen for row 14 is not a kelurahan of this region.',
    ],
    ['--mapping that is not a join report', MESSY, ['--year', '2024', '--mapping', 'bukan-laporan.csv'], 'not a join report: the header lacks "Row", "Code (in table)"'],
  ])(
    '%s',
    async (_, data, args, message) => {
      const resolved = (path: string) => (path.startsWith('/') ? path : join(dir, path));
      const withPaths = args.map((a, i) => (args[i - 1] === '--mapping' ? resolved(a) : a));
      const lines = await refused(resolved(data), ['--value', 'jumlah_kk', ...withPaths]);
      expect(lines.at(-1)).toContain(message);
    },
    60_000,
  );
});

describe('peta-kantong analyze warns about what it reads as empty', () => {
  it('cells that are not numbers are named with their rows; the kelurahan is left out with its reason', async () => {
    const data = join(dir, 'teks.csv');
    await writeFile(data, 'kode,nilai\n33.72.01.1001,12\n33.72.01.1002,dua\n33.72.01.1003,7\n33.72.01.1004,9\n');
    const out = join(dir, 'teks-out.csv');
    const run = await runCli([
      'analyze',
      '--boundaries',
      SURAKARTA,
      '--data',
      data,
      '--value',
      'nilai',
      '--method',
      'classify',
      '--scheme',
      'equal',
      '--classes',
      '3',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 cell(s) of nilai are not numbers and count as empty: row 3 "dua"');
    expect(run.stderr).toContain('33.72.01.1002 Laweyan (nilai is not a number ("dua"))');
  }, 60_000);
});
