/**
 * The app's reconciliation state in Node (the importer itself instead of its worker): two
 * registers give the pipeline's result; a refused file (a beneficiary list, a code outside the
 * region) shows its message and leaves the register it was meant to replace and the result as
 * they were; a register replaced for good has its old table dropped; a result is hidden while
 * another region is on the map.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { toRows } from '../../../src/data/database';
import { readTable } from '../../../src/data/importers/read-table';
import { ReconcileState } from '../../../src/state/reconcile.svelte';

const header = 'id_rt,nik_kepala,kode_kelurahan,desil';
const file = (name: string, lines: string[]) => new File([[header, ...lines].join('\n')], name, { type: 'text/csv' });
const A = file('a.csv', ['R1,3372010101900001,33.72.01.1001,1', 'R2,3372010101900002,33.72.01.1002,2', 'R3,3372010101900003,33.72.01.1002,3']);
const B = file('b.csv', ['R1,3372010101900001,33.72.01.1001,1', 'R2,3372010101900002,33.72.01.1001,5']);

describe('ReconcileState', () => {
  it('reconciles two registers and keeps them when a refused file is offered', async () => {
    const db = await openNodeDatabase();
    const state = new ReconcileState({ workspace: { database: async () => db }, city: { kode: '33.72' }, readTable: (f) => readTable(f) });
    await state.load('a', A, 'dtsen');
    expect(state.result).toBeNull();
    await state.load('b', B, 'p3ke');
    expect(state.result!.region).toMatchObject({ both: 2, onlyA: 1, onlyB: 0, movedOut: 1, desilDiffers2plus: 1 });
    const before = state.result;
    const tablesBefore = toRows(await db.query(`SELECT table_name FROM information_schema.tables ORDER BY 1`)).map((r) => r.table_name);

    await state.load('b', new File([readFileSync('data/demo/penerima_bantuan_surakarta.csv')], 'penerima.csv'), 'p3ke');
    expect(state.error).toMatchObject({ key: 'reconcile.beneficiaryList', params: { column: 'program' } });
    await state.load('b', file('luar.csv', ['R1,3372010101900001,33.71.01.1001,1']), 'p3ke');
    expect(state.error).toMatchObject({ key: 'reconcile.outsideRegion', params: { region: '33.72', kode: '33.71.01.1001', row: 2 } });
    expect(state.result).toBe(before);
    expect(state.b!.spec.file).toBe('b.csv');
    expect(toRows(await db.query(`SELECT table_name FROM information_schema.tables ORDER BY 1`)).map((r) => r.table_name)).toEqual(tablesBefore);

    await state.load('a', file('a2.csv', ['R1,3372010101900001,33.72.01.1001,1']), 'kota');
    expect(state.error).toBeNull();
    expect(state.result!.region).toMatchObject({ both: 1, onlyA: 0, onlyB: 1 });
    expect(toRows(await db.query(`SELECT count(*) AS n FROM information_schema.tables`))[0].n).toBe(tablesBefore.length);
  }, 60_000);

  it('hides its result once another region is on the map, and shows it again on the way back', async () => {
    const db = await openNodeDatabase();
    const city = { kode: '33.72' };
    const state = new ReconcileState({ workspace: { database: async () => db }, city, readTable: (f) => readTable(f) });
    await state.load('a', A, 'dtsen');
    await state.load('b', B, 'p3ke');
    const result = state.result;
    expect(result!.regionCode).toBe('33.72');
    city.kode = '35.74';
    expect(state.result).toBeNull();
    city.kode = '33.72';
    expect(state.result).toBe(result);
  }, 60_000);
});
