/**
 * The browser's household import through DuckDB's reader on the file (issue 17, item 1) against
 * the JavaScript reader it replaces, on the demo household registers and on real-looking
 * variants of them (BOM, CRLF, semicolons, quoted cells): the same raw table cell for cell and
 * the same column types. The import dialog on this path (stored records, aggregates, refusals,
 * cancel): tests/unit/state/import-household-file.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Database } from '../../../src/data/database';
import { householdHead, loadHouseholdFile } from '../../../src/data/household-file';
import { readTable } from '../../../src/data/importers/read-table';
import { loadTable } from '../../../src/data/table-pipeline';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';
import { WINDOWS_1252_HIGH, windows1252 } from '../../fixtures/windows-1252';

const DEMO = ['rumah_tangga_surakarta.csv', 'register_dtsen_sintetis_surakarta.csv', 'register_p3ke_sintetis_surakarta.csv'];
const demoBytes = (name: string) => readFileSync(`${ROOT}data/demo/${name}`);

/** A real-looking export of the first `lines` lines of a demo file: Excel's BOM and CRLF, semicolons, names quoted (one with a semicolon and a doubled quote). */
function excelStyle(name: string, lines: number): File {
  const rows = demoBytes(name).toString('utf8').trim().split('\n').slice(0, lines);
  const out = rows.map((row, i) => {
    const cells = row.split(',');
    if (i === 3) cells[2] = `${cells[2]}; "Pak" RT`;
    return cells.map((c) => (/[;"]/.test(c) || (i > 0 && c.includes(' ')) ? `"${c.replaceAll('"', '""')}"` : c)).join(';');
  });
  return new File(['\uFEFF' + out.join('\r\n') + '\r\n'], `excel-${name}`, { type: 'text/csv' });
}

/** Every row of a table in insertion order, as CSV: equal text means equal cells in equal order. */
async function tableText(db: Database, table: string): Promise<string> {
  return new TextDecoder().decode(await db.copyToCsv(`SELECT * FROM ${table} ORDER BY rowid`));
}

describe('a household file read by DuckDB equals the JavaScript reader', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPipelineDatabase();
  }, 120_000);

  const cases = [...DEMO.map((name) => [name, () => new File([demoBytes(name)], name)] as const), ...DEMO.map((name) => [`excel-${name}`, () => excelStyle(name, 3000)] as const)];
  it.each(cases)('%s: same columns, row count and raw cells', async (_, make) => {
    const file = make();
    const js = await readTable(file);
    await loadTable(db, 'js', js);
    const head = await householdHead(file);
    expect(head).not.toBeNull();
    const sql = await loadHouseholdFile(db, file, 'sq', await readTable(head!));
    expect(sql.inDatabase).toBe(true);
    expect(sql.rowCount).toBe(js.rowCount);
    expect(sql.columns.map((c) => [c.name, c.type, c.numberFormat])).toEqual(js.columns.map((c) => [c.name, c.type, c.numberFormat]));
    expect(await tableText(db, 'mentah_sq')).toBe(await tableText(db, 'mentah_js'));
  }, 120_000);

  /** The demo register in Windows-1252 bytes (CRLF, as Excel saves it), the names of every 997th row (past the head too) given `names`. */
  function windowsRegister(names: string[]): File {
    const lines = demoBytes(DEMO[0]).toString('utf8').trim().split('\n');
    const text = lines.map((line, i) => (i > 0 && i % 997 === 0 ? line.replace(/^([^,]*,[^,]*,)[^,]*/, `$1${names[i % names.length]}`) : line)).join('\r\n') + '\r\n';
    return new File([windows1252(text)], 'rt_windows.csv');
  }

  it.each([
    ['Latin-1 letters', ['Andréas', 'Jürgen Santoso', 'Sri Ayu Lestarí']],
    // Every letter Windows-1252 puts at 0x80-0x9F, which DuckDB's own Latin-1 refuses: the curly quotes, the euro sign, the dashes.
    ['every letter of 0x80-0x9F', [...WINDOWS_1252_HIGH.map(([, letter]) => `Sri${letter}ah Rp`), '“Bambang” – Purnomo', 'Rp€ Šukri’s — Œ']],
  ])("a Windows-1252 register (an office PC's Excel CSV) with %s is read by DuckDB, every letter as the JavaScript reader gives it", async (_, names) => {
    const file = windowsRegister(names);
    const js = await readTable(file);
    expect(js.encoding).toBe('windows-1252');
    await loadTable(db, 'jw', js);
    const head = await householdHead(file);
    expect(head).not.toBeNull();
    const fractions: number[] = [];
    const sql = await loadHouseholdFile(db, file, 'sw', await readTable(head!), { onProgress: (f) => fractions.push(f) });
    expect(sql.inDatabase).toBe(true);
    expect(sql.rowCount).toBe(js.rowCount);
    const text = await tableText(db, 'mentah_sw');
    expect(text).toBe(await tableText(db, 'mentah_jw'));
    for (const name of names) expect(text).toContain(name);
    // The UTF-8 copy's share of the bar comes first, then DuckDB's reading; it never runs backwards.
    expect(fractions.some((f) => f > 0 && f <= 0.1)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    await db.exec('DROP TABLE mentah_jw; DROP TABLE mentah_sw');
  }, 120_000);

  /** The demo register twice over (10 MB, CRLF), names of every 997th row of the second half (past the 4 MB head) given `name`. */
  function lateLetters(name: string): string {
    const [header, ...body] = demoBytes(DEMO[0]).toString('utf8').trim().split('\n');
    const late = body.map((line, i) => (i % 997 === 0 ? line.replace(/^([^,]*,[^,]*,)[^,]*/, `$1${name}`) : line));
    return [header, ...body, ...late].join('\r\n') + '\r\n';
  }

  it('a Windows-1252 register whose head is plain ASCII (its first letters past it) is read by DuckDB as the JavaScript reader reads it', async () => {
    const file = new File([windows1252(lateLetters('Sri’ah “Ayu” – Rp€ José'))], 'rt_ascii_awal.csv');
    const js = await readTable(file);
    expect(js.encoding).toBe('windows-1252');
    await loadTable(db, 'ja', js);
    const head = await readTable((await householdHead(file))!);
    expect(head.encoding).toBe('utf-8');
    const sql = await loadHouseholdFile(db, file, 'sa', head);
    expect(sql.rowCount).toBe(js.rowCount);
    const text = await tableText(db, 'mentah_sa');
    expect(text).toBe(await tableText(db, 'mentah_ja'));
    expect(text).toContain('Sri’ah “Ayu” – Rp€ José');
    await db.exec('DROP TABLE mentah_ja; DROP TABLE mentah_sa');
  }, 120_000);

  it('a UTF-8 register with Windows-1252 letters past the head is refused as the JavaScript reader refuses it, before DuckDB reads it', async () => {
    const text = lateLetters('Sri’ah – Rp€');
    const utf8Head = text.replace('Joko Nugroho', 'José Nugroho');
    const file = new File([new TextEncoder().encode(utf8Head.slice(0, 1000)), windows1252(utf8Head.slice(1000))], 'rt_campur.csv');
    const javascript = (await readTable(file).catch((error: unknown) => error)) as { key: string; params: object };
    expect(javascript.key).toBe('importTable.mixedEncoding');
    const head = await readTable((await householdHead(file))!);
    await expect(loadHouseholdFile(db, file, 'sm', head)).rejects.toMatchObject({ key: 'importTable.mixedEncoding', params: javascript.params });
    expect(toRows(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'mentah_sm'"))[0].n).toBe(0);
  }, 120_000);

  it('a cancel while the UTF-8 copy is made leaves nothing in DuckDB', async () => {
    const file = windowsRegister(['Rp€ Šukri']);
    const head = await readTable((await householdHead(file))!);
    const abort = new AbortController();
    const copy = (blob: Blob) => {
      abort.abort();
      return Promise.resolve(blob);
    };
    await expect(loadHouseholdFile(db, file, 'sc', head, { signal: abort.signal, toUtf8: copy })).rejects.toMatchObject({ name: 'TaskCancelled' });
    expect(toRows(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'mentah_sc'"))[0].n).toBe(0);
  }, 120_000);

  it('is taken only for CSV registers: not for other tables, Parquet or mixed encodings', async () => {
    expect(await householdHead(new File(['kode,nama,jumlah\n3372011001,Pajang,5\n'], 'indikator.csv'))).toBeNull();
    expect(await householdHead(new File([demoBytes(DEMO[0])], 'rt.parquet'))).toBeNull();
    expect(await householdHead(new File([new Uint8Array([...Buffer.from('id_rt,desil,nama\nJosé,2,Jos'), 0xe9, 0x0a])], 'rt.csv'))).toBeNull();
  });
});
