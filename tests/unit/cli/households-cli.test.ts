/**
 * `peta-kantong households` end to end: on the demo household file it writes what the app's own
 * import computes (the import dialog's state, ImportSession, run in Node), its output imports
 * back into the app as a kelurahan table with the same values, small counts are removed, several
 * files and Parquet give the same figures as one CSV, and bad input (empty, cut off, misshapen,
 * not a table, personal data) is refused with exit 2, a bilingual message and no output file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNativeDatabase } from '../../../src/cli/native-db';
import { toRows, type Row } from '../../../src/data/database';
import { readTable } from '../../../src/data/importers/read-table';
import { ImportSession } from '../../../src/state/import.svelte';
import { commitIndicators, openPipelineDatabase, stageTable, surakartaAreas, targetsOf, valuesOf } from '../import-pipeline/pipeline';
import { progressReporter } from '../../../src/cli/commands/households';
import { repo, runCli, tempDir } from './run-cli';
import { surakartaImportHost } from '../import-pipeline/import-host';
import { windows1252 } from '../../fixtures/windows-1252';

const DEMO = repo('data/demo/rumah_tangga_surakarta.csv');

/** A CSV the command wrote, as rows of numbers (empty cells null, kode as text). */
function readOutput(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], names[i] === 'kode' ? cell : cell === '' ? null : Number(cell)])));
}

describe('peta-kantong households', () => {
  let dir: string;
  let app: Row[];
  let full: Row[];
  beforeAll(async () => {
    dir = await tempDir();
    // The app: the import dialog's state reads, joins and commits the demo file; its aggregate table is the reference.
    const db = await openPipelineDatabase();
    const host = surakartaImportHost(db);
    const session = new ImportSession(host, {
      table: (file, options, hooks) => readTable(file, options, hooks?.onProgress, hooks?.signal),
      geo: () => Promise.reject(new Error('no geo')),
    });
    await session.begin(new File([readFileSync(DEMO)], 'rumah_tangga_surakarta.csv'));
    expect(session.kind).toBe('households');
    await session.join();
    await session.commit();
    expect(session.error).toBeNull();
    app = toRows(await db.query(`SELECT * FROM agregat_${host.stored[0].id} ORDER BY kode`));
    const run = await runCli(['households', '--data', DEMO, '--out', join(dir, 'penuh.csv'), '--min-count', '0']);
    expect(run.stderr).not.toMatch(/unexpected/);
    expect(run.code).toBe(0);
    full = readOutput(join(dir, 'penuh.csv'));
  }, 240_000);

  it('writes the app’s aggregation of the demo file: every kelurahan, every column', () => {
    expect(app).toHaveLength(54);
    expect(full.map((r) => Object.keys(r))).toEqual(app.map((r) => Object.keys(r)));
    expect(full).toEqual(app);
  });

  it('reports what it read on stdout and its steps on stderr, personal columns named and not read', async () => {
    const run = await runCli(['households', '--data', DEMO, '--out', join(dir, 'lagi.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/54 kelurahan, 47\.442 baris\/rows/);
    expect(run.stderr).toMatch(/personal data, not read: nik_kepala, nama_kepala/);
    expect(run.stderr).toMatch(/deprivations: rtlh:1, tanpa_air_layak:1, tanpa_sanitasi_layak:1, anak_tidak_sekolah:1, tanpa_penghasilan:1; k = 0\.333/);
  });

  it('leaves counts of 1-4 households empty, with the shares and AF figures drawn from them', async () => {
    // Every 25th household: small kelurahan counts, as in a thin extract.
    const lines = readFileSync(DEMO, 'utf8').trimEnd().split('\n');
    const thin = join(dir, 'tipis.csv');
    writeFileSync(thin, `${lines.filter((_, i) => i % 25 === 0).join('\n')}\n`);
    expect((await runCli(['households', '--data', thin, '--out', join(dir, 'tipis-penuh.csv'), '--min-count', '0'])).code).toBe(0);
    const run = await runCli(['households', '--data', thin, '--out', join(dir, 'aman.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/counts of 1-4 households left empty/);
    const all = readOutput(join(dir, 'tipis-penuh.csv'));
    const safe = readOutput(join(dir, 'aman.csv'));
    let small = 0;
    for (const [i, row] of all.entries()) {
      for (const [column, value] of Object.entries(row)) {
        const count = typeof value === 'number' && Number.isInteger(value) && !/^(share|af_h|af_a|af_m0|af_ch|af_contrib)/.test(column);
        if (count && value > 0 && value < 5) {
          small++;
          expect(safe[i][column], `${row.kode} ${column}`).toBeNull();
          if (column.startsWith('desil_') && column !== 'desil_unknown') expect(safe[i][`share_${column}`]).toBeNull();
          if (column.startsWith('deprived_')) expect(safe[i][column.replace('deprived_', 'share_')]).toBeNull();
          if (column === 'af_poor') for (const af of ['af_h', 'af_a', 'af_m0']) expect(safe[i][af]).toBeNull();
        } else if (count) expect(safe[i][column], `${row.kode} ${column}`).toBe(value);
      }
    }
    expect(small).toBeGreaterThan(20);
  });

  it('imports back into the app as a kelurahan table with the same values', async () => {
    const db = await openPipelineDatabase();
    const staged = await stageTable(db, 'hasil', new File([readFileSync(join(dir, 'penuh.csv'))], 'agregat.csv'), targetsOf(surakartaAreas()));
    expect(staged.keys.kode).toBe('kode');
    expect(staged.report.unmatched).toEqual([]);
    expect(staged.report.counts.code).toBe(54);
    expect(staged.report.missing).toEqual([]);
    const ids = await commitIndicators(db, staged, { fuzzy: {}, manual: {}, duplicates: 'reject' }, ['households', 'desil_1', 'deprived_rtlh', 'af_poor', 'af_m0']);
    for (const column of ['households', 'desil_1', 'deprived_rtlh', 'af_poor', 'af_m0']) {
      const values = await valuesOf(db, ids[column]);
      expect(values.size, column).toBe(54);
      for (const row of full) expect(values.get(String(row.kode)), `${row.kode} ${column}`).toBe(row[column]);
    }
  }, 120_000);

  it('gives the same figures from several files by glob, from a semicolon export and from Parquet', async () => {
    const lines = readFileSync(DEMO, 'utf8').trimEnd().split('\n');
    const parts = join(dir, 'bagian');
    mkdirSync(parts);
    for (let p = 0; p < 3; p++) {
      const body = lines.slice(1).filter((_, i) => i % 3 === p);
      writeFileSync(join(parts, `rt_${p}.csv`), `${[lines[0], ...body].join('\n')}\n`);
    }
    const glob = await runCli(['households', '--data', join(parts, 'rt_*.csv'), '--out', join(dir, 'glob.csv'), '--min-count', '0']);
    expect(glob.stderr).toMatch(/3 berkas\/files/);
    expect(glob.code).toBe(0);
    const semicolon = join(dir, 'excel.csv');
    writeFileSync(
      semicolon,
      '\uFEFF' +
        lines
          .map((l) =>
            l
              .replaceAll(',', ';')
              .replace(/;ya(?=;|$)/g, ';Ya')
              .replace(/;tidak(?=;|$)/g, ';Tidak'),
          )
          .join('\r\n') +
        '\r\n',
    );
    const excel = await runCli(['households', '--data', semicolon, '--out', join(dir, 'excel-out.csv'), '--min-count', '0']);
    expect(excel.code).toBe(0);
    const db = await openNativeDatabase();
    const parquet = join(dir, 'rt.parquet');
    await db.exec(`COPY (SELECT * REPLACE (desil::INTEGER AS desil) FROM read_csv('${DEMO}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.close();
    const pq = await runCli(['households', '--data', parquet, '--out', join(dir, 'pq.csv'), '--min-count', '0']);
    expect(pq.code).toBe(0);
    // Every count and share equal. A (af_a) sums the poor households' scores as doubles, in the
    // order the rows arrive: three files read in parallel may change its last bits, no more.
    for (const out of ['glob.csv', 'excel-out.csv', 'pq.csv']) {
      const rows = readOutput(join(dir, out));
      expect(
        rows.map(({ af_a: _, ...rest }) => rest),
        out,
      ).toEqual(full.map(({ af_a: _, ...rest }) => rest));
      rows.forEach((r, i) => expect(r.af_a as number, `${out} ${r.kode}`).toBeCloseTo(full[i].af_a as number, 12));
    }
  }, 120_000);
});

describe('peta-kantong households on a Windows-1252 export', () => {
  it('reads curly quotes, a euro sign and dashes (which DuckDB’s Latin-1 refuses) and gives the figures of the UTF-8 file', async () => {
    const dir = await tempDir();
    const lines = readFileSync(DEMO, 'utf8').trimEnd().split('\n');
    const text = lines.map((line, i) => (i > 0 && i % 9 === 0 ? line.replace(/^([^,]*,[^,]*,)([^,]*)/, '$1“$2” – Rp€ Šukri’s') : line)).join('\r\n');
    const input = join(dir, 'rt_excel_1252.csv');
    writeFileSync(input, windows1252(`${text}\r\n`));
    const [utf8, windows] = [join(dir, 'utf8.csv'), join(dir, 'windows.csv')];
    expect((await runCli(['households', '--data', DEMO, '--out', utf8])).code).toBe(0);
    const run = await runCli(['households', '--data', input, '--out', windows]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/rt_excel_1252\.csv: Windows-1252, disalin sebagai UTF-8 untuk DuckDB \/ copied as UTF-8 for DuckDB/);
    expect(readOutput(windows)).toEqual(readOutput(utf8));
  }, 120_000);
});

describe('peta-kantong households refuses bad input', () => {
  let dir: string;
  let demo: string;
  beforeAll(async () => {
    dir = await tempDir();
    demo = readFileSync(DEMO, 'utf8');
  });

  /** Runs the command on `content` and expects exit 2, the message in both languages, and no output. */
  async function refused(name: string, content: string | Uint8Array, english: RegExp, indonesian: RegExp, extra: string[] = []) {
    const input = join(dir, name);
    writeFileSync(input, content);
    const out = join(dir, `${name}.out.csv`);
    const run = await runCli(['households', '--data', input, '--out', out, ...extra]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(english);
    expect(run.stderr).toMatch(indonesian);
    expect(run.stderr).not.toMatch(/unexpected|at .*\.ts:/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    return run;
  }

  it('a file cut off in its last row, before reading it', async () => {
    const cut = demo.slice(0, demo.lastIndexOf('\n', demo.length - 2) + 25);
    await refused('terpotong.csv', cut, /is cut off/, /terpotong/);
  });

  it('a row of the wrong width in the middle, found while reading', async () => {
    const lines = demo.trimEnd().split('\n');
    lines[20000] = lines[20000].split(',').slice(0, 6).join(',');
    await refused('bergeser.csv', `${lines.join('\n')}\n`, /cannot be read to the end/, /tidak dapat dibaca sampai habis/);
  });

  it('an empty file and a file with only its header', async () => {
    await refused('kosong.csv', '', /is empty/, /kosong/);
    await refused('judul.csv', `${demo.split('\n')[0]}\n`, /only a header/, /hanya berisi judul kolom/);
  });

  it('no kode column, no desil column', async () => {
    const header = demo.split('\n', 1)[0].split(',');
    const drop = (column: string) => {
      const at = header.indexOf(column);
      return demo
        .trimEnd()
        .split('\n')
        .map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== at)
            .join(','),
        )
        .join('\n');
    };
    await refused('tanpa-kode.csv', drop('kode_kelurahan'), /No kode wilayah column/, /Tidak ditemukan kolom kode wilayah/);
    await refused('tanpa-desil.csv', drop('desil'), /No desil column/, /Tidak ditemukan kolom desil/);
  });

  it('a file that is no table: an image, an Excel workbook, a cut-off Parquet', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await refused('gambar.csv', png, /not a table|binary|cannot be read/i, /bukan|tidak dapat/i);
    const workbook = readFileSync(repo('tests/fixtures/import/tables/surakarta-title-row.xlsx'));
    await refused('buku.xlsx', workbook, /Excel workbook/, /buku kerja Excel/);
    const parquet = readFileSync(repo('tests/fixtures/import/tables/surakarta.parquet'));
    await refused('potong.parquet', parquet.subarray(0, parquet.length - 100), /is cut off/, /terpotong/);
  });

  it('personal data as a deprivation or desil, and a column that is not yes/no', async () => {
    await refused('pribadi.csv', demo, /looks like personal data \(name\)/, /data pribadi/, ['--deprivations', 'rtlh,nama_kepala']);
    await refused('pribadi2.csv', demo, /looks like personal data \(nik\)/, /data pribadi/, ['--desil', 'nik_kepala']);
    await refused('bukan-ya.csv', demo, /is not a yes\/no column/, /bukan kolom ya\/tidak/, ['--deprivations', 'kelurahan']);
    await refused('tak-ada.csv', demo, /Column "jamban" is not in/, /Kolom "jamban" tidak ada/, ['--deprivations', 'jamban']);
  });

  it('a glob that matches nothing, and a missing file', async () => {
    const glob = await runCli(['households', '--data', join(dir, 'tidak_ada_*.csv'), '--out', join(dir, 'x.csv')]);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toMatch(/No file matches .*Tidak ada berkas yang cocok/);
    const missing = await runCli(['households', '--data', join(dir, 'hilang.csv'), '--out', join(dir, 'x.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/file not found \(berkas tidak ditemukan\)/);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('households progress on stderr', () => {
  it('prints each new percent and says when the step’s next statement starts', () => {
    const lines: string[] = [];
    const report = progressReporter((line) => lines.push(line));
    for (const p of [-1, 0, 12.7, 12.9, 55, 99.4, -1, 3, 3, 60, 99, 2]) report(p);
    expect(lines).toEqual(['12%', '55%', '99%', '3% (kueri/query 2)', '60% (kueri/query 2)', '99% (kueri/query 2)', '2% (kueri/query 3)']);
  });
});
