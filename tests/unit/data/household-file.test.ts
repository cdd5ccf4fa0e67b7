/**
 * The browser's household import through DuckDB's reader on the file (issue 17, item 1) against
 * the JavaScript reader it replaces, on the demo household registers and on real-looking
 * variants of them (BOM, CRLF, semicolons, quoted cells): the same raw table cell for cell and
 * the same column types. The import dialog on this path (stored records, aggregates, refusals,
 * cancel): tests/unit/state/import-household-file.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import { householdHead, loadHouseholdFile } from '../../../src/data/household-file';
import { readTable } from '../../../src/data/importers/read-table';
import { loadTable } from '../../../src/data/table-pipeline';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';

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

  it('is taken only for UTF-8 CSV registers: not for other tables, Parquet or Windows-1252', async () => {
    expect(await householdHead(new File(['kode,nama,jumlah\n3372011001,Pajang,5\n'], 'indikator.csv'))).toBeNull();
    expect(await householdHead(new File([demoBytes(DEMO[0])], 'rt.parquet'))).toBeNull();
    expect(await householdHead(new File([new Uint8Array([...Buffer.from('id_rt,desil,nama\n1,2,Jos'), 0xe9, 0x0a])], 'rt.csv'))).toBeNull();
  });
});
