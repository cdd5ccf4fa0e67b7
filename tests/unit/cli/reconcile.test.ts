/**
 * `peta-kantong reconcile` on the synthetic DTSEN-like and P3KE-like registers: the table holds
 * exactly what the generator planted, equals the shared pipeline's table (the app's), hides small
 * counts as "<5", and the worklist's row numbers point at the right rows of the two files. No
 * output holds a NIK, a name or a household id. Bad registers are refused in both languages and
 * nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { generateRegisterDemo, REGISTER_A_FILE, REGISTER_B_FILE } from '../../../src/cli/generate-registers';
import { readTable } from '../../../src/data/importers/read-table';
import { reconcileRegisters, reconcileTable } from '../../../src/data/reconcile';
import { loadRegister } from '../../../src/data/register-rows';
import { parseCsv, repo, runCli, tempDir, type CliRun } from './run-cli';

const A = repo(`data/demo/${REGISTER_A_FILE}`);
const B = repo(`data/demo/${REGISTER_B_FILE}`);
const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
const linesA = lines(A);
const linesB = lines(B);
/** Cell `column` of file row `row` (the header is row 1). */
const cell = (fileLines: string[], row: number, column: number) => fileLines[row - 1].split(',')[column];

/** One line of a ";" CSV whose quoted cells hold no quote. */
const splitSemicolons = (line: string) => [...line.matchAll(/("[^"]*"|[^;]*)(;|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, ''));

/** Every NIK, name and id of both registers that an output must not contain. */
function leaks(text: string): string[] {
  const secrets = new Set<string>();
  for (const line of [...linesA.slice(1), ...linesB.slice(1)]) {
    const [id, nik, name] = line.split(',');
    secrets.add(id).add(nik).add(name);
  }
  const found = [...text.matchAll(/\d{16}|RTD?\d{10}-\d{5,6}|P3KE-\d{10}-\d{5}/g)].map((m) => m[0]).filter((t) => secrets.has(t));
  for (const s of secrets) if (/^[A-Z][a-z]+ [A-Z]/.test(s) && text.includes(s)) found.push(s);
  return found;
}

describe('peta-kantong reconcile on the synthetic registers', () => {
  let dir: string;
  let exact: CliRun;
  let suppressed: CliRun;
  const planted = generateRegisterDemo().planted;
  beforeAll(async () => {
    dir = await tempDir();
    exact = await runCli(['reconcile', '--a', A, '--b', B, '--b-id', 'id_keluarga', '--min-count', '0', '--worklist', join(dir, 'worklist.csv'), '--out', join(dir, 'exact.csv')]);
    suppressed = await runCli(['reconcile', '--a', A, '--b', B, '--worklist', join(dir, 'worklist.xlsx'), '--out', join(dir, 'table.csv')]);
  }, 240_000);

  it('finds exactly the planted overlaps, moves, duplicates and desil disagreements', () => {
    expect(exact.stderr).toBe('');
    expect(exact.code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'exact.csv'), 'utf8'));
    expect(Object.keys(rows[0])).toEqual(['kode', 'both', 'only_a', 'only_b', 'moved_in', 'moved_out', 'duplicates_a', 'duplicates_b', 'desil_same', 'desil_differs_2plus']);
    expect(rows.map((r) => r.kode)).toEqual([...planted.keys()]);
    for (const r of rows) {
      const p = planted.get(r.kode)!;
      expect([r.both, r.only_a, r.only_b, r.moved_in, r.moved_out, r.duplicates_a, r.duplicates_b, r.desil_same, r.desil_differs_2plus].map(Number), r.kode).toEqual([
        p.both,
        p.onlyA,
        p.onlyB,
        p.movedIn,
        p.movedOut,
        p.duplicatesA,
        p.duplicatesB,
        p.desilSame,
        p.desilDiffers2plus,
      ]);
    }
  });

  it('writes the same table as the app pipeline, with counts 1 to 4 as "<5"', async () => {
    expect(suppressed.code).toBe(0);
    const db = await openNodeDatabase();
    const read = async (path: string, id: string) => loadRegister(db, await readTable(new File([readFileSync(path)], path.split('/').pop()!)), id);
    const app = await reconcileRegisters(db, await read(A, 'a'), await read(B, 'b'), { salt: 'another salt' });
    const expected = `${reconcileTable(app, 5)
      .map((r) => r.join(','))
      .join('\n')}\n`;
    const text = readFileSync(join(dir, 'table.csv'), 'utf8');
    expect(text).toBe(expected);
    expect(text).toContain('<5');
    const small = [...planted.entries()].find(([, p]) => p.movedOut > 0 && p.movedOut < 5)!;
    expect(parseCsv(text).find((r) => r.kode === small[0])!.moved_out).toBe('<5');
  }, 240_000);

  it('lists every discrepancy in the worklist with rows pointing at the right households', () => {
    const text = readFileSync(join(dir, 'worklist.csv'), 'utf8');
    expect(text.startsWith('\ufeffKode kelurahan;Jenis;')).toBe(true);
    const rows = text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map(splitSemicolons);
    const kinds = new Map<string, string[][]>();
    for (const r of rows) kinds.set(r[1], [...(kinds.get(r[1]) ?? []), r]);
    const total = (k: 'onlyA' | 'onlyB' | 'movedOut' | 'duplicatesA' | 'duplicatesB' | 'desilDiffers2plus') => [...planted.values()].reduce((n, p) => n + p[k], 0);
    expect(kinds.get('kelurahan berbeda (pindah atau salah kode)')!.length).toBe(total('movedOut'));
    expect(kinds.get(`hanya di ${REGISTER_A_FILE}`)!.length).toBe(total('onlyA'));
    expect(kinds.get(`hanya di ${REGISTER_B_FILE}`)!.length).toBe(total('onlyB'));
    expect(kinds.get(`NIK kepala ganda di ${REGISTER_B_FILE}`)!.length).toBe(total('duplicatesB'));
    expect(kinds.get('desil berbeda 2 atau lebih')!.length).toBe(total('desilDiffers2plus'));
    for (const [kode, , rowA, rowB, where, other] of kinds.get('kelurahan berbeda (pindah atau salah kode)')!) {
      // The same household id on both rows, in A's kelurahan there and the other one here.
      expect(cell(linesA, Number(rowA), 0)).toBe(cell(linesB, Number(rowB), 0));
      expect(cell(linesA, Number(rowA), 3)).toBe(kode);
      expect(cell(linesB, Number(rowB), 3)).toBe(other);
      expect(where).toContain(`baris ${Number(rowB).toLocaleString('id-ID')} di ${REGISTER_B_FILE}`);
    }
    for (const [, , , rowB, , first] of kinds.get(`NIK kepala ganda di ${REGISTER_B_FILE}`)!) {
      const firstRow = Number(/baris ([\d.]+)/.exec(first)![1].replace(/\./g, ''));
      expect(cell(linesB, Number(rowB), 1)).toBe(cell(linesB, firstRow, 1));
      expect(firstRow).not.toBe(Number(rowB));
    }
    for (const [, , rowA, rowB] of kinds.get('desil berbeda 2 atau lebih')!) {
      expect(Math.abs(Number(cell(linesA, Number(rowA), 5)) - Number(cell(linesB, Number(rowB), 5)))).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes no NIK, name or household id in the table, the summary or the worklists', () => {
    const sheet = strFromU8(unzipSync(readFileSync(join(dir, 'worklist.xlsx')))['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<v>');
    for (const text of [readFileSync(join(dir, 'exact.csv'), 'utf8'), readFileSync(join(dir, 'worklist.csv'), 'utf8'), sheet, exact.stdout, suppressed.stdout]) {
      expect(leaks(text)).toEqual([]);
    }
    // The scan can fail: the register itself is full of what it looks for.
    expect(leaks(linesB.slice(0, 3).join('\n')).length).toBeGreaterThan(0);
  });
});

describe('peta-kantong reconcile refuses what is not a register', () => {
  const header = 'id_rt,nik_kepala,nama_kepala,kode_kelurahan,desil';
  const good = [header, 'R1,3372010101900001,Budi Santoso,33.72.01.1001,1', 'R2,3372010101900002,Sri Rahayu,33.72.01.1002,2'].join('\n');
  const cases: [string, string, RegExp][] = [
    [
      'colliding ids',
      [header, 'R1,3372010101900001,Budi Santoso,33.72.01.1001,1', 'R1,3372010101900002,Sri Rahayu,33.72.01.1002,2'].join('\n'),
      /a household id is used by 1 other row\(s\) \(first: row 3, the same as row 2\).*\(.*id rumah tangga yang sama/,
    ],
    [
      'a code outside the region',
      [header, 'R1,3372010101900001,Budi Santoso,33.71.01.1001,1'].join('\n'),
      /1 row\(s\) with a kelurahan code outside 33\.72 \(first: row 2, code 33\.71\.01\.1001\).*di luar wilayah 33\.72/,
    ],
    ['no id column', ['nik_kepala,kode_kelurahan,desil', '3372010101900001,33.72.01.1001,1'].join('\n'), /no usable household id column.*tidak ada kolom id rumah tangga/],
    ['empty ids', [header, ',3372010101900001,Budi Santoso,33.72.01.1001,1'].join('\n'), /1 row\(s\) without a household id \(first: row 2\).*baris tanpa id/],
  ];
  it.each(cases)(
    '%s',
    async (_, text, message) => {
      const dir = await tempDir();
      await writeFile(join(dir, 'a.csv'), good);
      await writeFile(join(dir, 'b.csv'), text);
      const run = await runCli(['reconcile', '--a', join(dir, 'a.csv'), '--b', join(dir, 'b.csv'), '--out', join(dir, 'out.csv'), '--worklist', join(dir, 'w.csv')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(dir, 'out.csv'))).toBe(false);
      expect(existsSync(join(dir, 'w.csv'))).toBe(false);
    },
    60_000,
  );

  it('a beneficiary list', async () => {
    const dir = await tempDir();
    const run = await runCli(['reconcile', '--a', A, '--b', repo('data/demo/penerima_bantuan_surakarta.csv'), '--out', join(dir, 'out.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/penerima_bantuan_surakarta\.csv looks like a beneficiary list \(column "program"\).*tampaknya daftar penerima bantuan/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  }, 120_000);
});
