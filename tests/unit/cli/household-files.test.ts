/**
 * The household files of `peta-kantong households` (src/cli/household-files.ts) in Windows-1252,
 * as an office PC's Excel saves them: native DuckDB reads each such file from a UTF-8 copy in the
 * run's scratch folder, every cell as the app's JavaScript reader reads it (the browser's DuckDB
 * path is held to the same reader in tests/unit/data/household-file.test.ts); a UTF-8 file beside
 * it is read as it is.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdFiles } from '../../../src/cli/household-files';
import { openNativeDatabase, type NativeDatabase } from '../../../src/cli/native-db';
import { DelimitedParser } from '../../../src/data/importers/delimited';
import { readTable } from '../../../src/data/importers/read-table';
import { householdSourceSql } from '../../../src/data/household-read-sql';
import { WINDOWS_1252_HIGH, windows1252 } from '../../fixtures/windows-1252';
import { repo, tempDir } from './run-cli';

const DEMO = readFileSync(repo('data/demo/rumah_tangga_surakarta.csv'), 'utf8');

/** The demo's first `rows` households, every 7th head's name given a Windows-1252 letter of 0x80-0x9F, in CRLF. */
function lettered(rows: number): string {
  const lines = DEMO.trimEnd()
    .split('\n')
    .slice(0, rows + 1);
  const letters = WINDOWS_1252_HIGH.map(([, letter]) => letter);
  return lines.map((line, i) => (i > 0 && i % 7 === 0 ? line.replace(/^([^,]*,[^,]*,)([^,]*)/, `$1$2 ${letters[(i / 7) % letters.length]}’s – Rp€`) : line)).join('\r\n') + '\r\n';
}

/** The cells of a file as the app's JavaScript reader gives them, header first. */
async function javascriptCells(bytes: Uint8Array, name: string): Promise<string[][]> {
  const table = await readTable(new File([bytes.slice()], name));
  const rows: string[][] = [];
  const parser = new DelimitedParser(',', (cells) => rows.push(cells));
  parser.push(new TextDecoder().decode(table.csv));
  parser.end();
  return rows;
}

/** The cells native DuckDB reads from `files`' source, header first (empty cells as ''). */
async function nativeCells(db: NativeDatabase, source: Awaited<ReturnType<typeof householdFiles>>['source']): Promise<string[][]> {
  const result = await db.query(`SELECT * FROM ${householdSourceSql(source)}`);
  const header = result.schema.fields.map((f) => f.name);
  const rows: string[][] = [header];
  for (let i = 0; i < result.numRows; i++) rows.push(header.map((h) => String(result.getChild(h)?.get(i) ?? '')));
  return rows;
}

describe('household files in Windows-1252 on the command line', () => {
  let db: NativeDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await openNativeDatabase({ threads: 1 });
    dir = await tempDir();
  }, 60_000);
  afterAll(() => db?.close());

  it('reads every letter of 0x80-0x9F as the JavaScript reader does, from a UTF-8 copy in the scratch folder', async () => {
    const text = lettered(2000);
    const bytes = windows1252(text);
    const path = join(dir, 'rt_excel.csv');
    writeFileSync(path, bytes);
    const copied: string[] = [];
    const files = await householdFiles(db, [path], { scratch: db.scratch, onCopy: (name) => copied.push(name) });
    expect(copied).toEqual(['rt_excel.csv']);
    expect(files.paths).toEqual([path]);
    expect(files.source.files[0].startsWith(db.scratch)).toBe(true);
    const expected = await javascriptCells(bytes, 'rt_excel.csv');
    expect(expected.length).toBe(2001);
    const cells = await nativeCells(db, files.source);
    expect(cells).toEqual(expected);
    const names = cells.map((row) => row[2]).join('\n');
    for (const [, letter] of WINDOWS_1252_HIGH) expect(names).toContain(`${letter}’s – Rp€`);
  }, 120_000);

  it('reads a UTF-8 file beside it as it is, each file in its own encoding', async () => {
    const text = lettered(300);
    const [windows, utf8] = [join(dir, 'a_1252.csv'), join(dir, 'b_utf8.csv')];
    writeFileSync(windows, windows1252(text));
    writeFileSync(utf8, text);
    const files = await householdFiles(db, [windows, utf8], { scratch: db.scratch });
    expect(files.source.files[1]).toBe(utf8);
    const cells = await nativeCells(db, files.source);
    const expected = await javascriptCells(new TextEncoder().encode(text), 'x.csv');
    // Files may be read in parallel: rows compared in order of household id.
    const sorted = (rows: string[][]) => rows.slice(1).sort((x, y) => x[0].localeCompare(y[0]));
    expect(sorted(cells)).toEqual(sorted([expected[0], ...expected.slice(1), ...expected.slice(1)]));
    const copies = readdirSync(db.scratch).filter((f) => f.startsWith('utf8-'));
    expect(copies).toContain('utf8-0-a_1252.csv');
    expect(copies.filter((f) => f.includes('b_utf8'))).toEqual([]);
  }, 120_000);

  it('checks a UTF-8 head to the end: a Windows-1252 file with its first letters past the head is copied, two encodings refused with the row', async () => {
    // Letters only after the first 200 KB, far past the 64 KB head.
    const text = lettered(3000);
    const cut = text.slice(0, 200_000).lastIndexOf('\n') + 1;
    const ascii = text.slice(0, cut).replaceAll(/[^ -~\r\n]/g, 'e') + text.slice(cut);
    const path = join(dir, 'rt_awal_ascii.csv');
    writeFileSync(path, windows1252(ascii));
    const copied: string[] = [];
    const files = await householdFiles(db, [path], { scratch: db.scratch, onCopy: (name) => copied.push(name) });
    expect(copied).toEqual(['rt_awal_ascii.csv']);
    expect(await nativeCells(db, files.source)).toEqual(await javascriptCells(windows1252(ascii), 'rt_awal_ascii.csv'));

    const mixed = join(dir, 'rt_campur.csv');
    const utf8Start = ascii.replace('Joko Nugroho', 'José Nugroho');
    writeFileSync(mixed, Buffer.concat([new TextEncoder().encode(utf8Start.slice(0, 1000)), windows1252(utf8Start.slice(1000))]));
    const javascript = (await readTable(new File([readFileSync(mixed)], 'rt_campur.csv')).catch((error: unknown) => error)) as { key: string; params: object };
    expect(javascript.key).toBe('importTable.mixedEncoding');
    await expect(householdFiles(db, [mixed], { scratch: db.scratch })).rejects.toMatchObject({ key: 'importTable.mixedEncoding', params: javascript.params });
  }, 120_000);
});
