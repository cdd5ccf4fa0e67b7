/**
 * The import session's SQL (src/data/import-records.ts) against a real DuckDB: what is stored of
 * household records and beneficiary lists (salted id hashes, never names or identity numbers),
 * the program values, the raw rows of a point table, and the clean-up of a cancelled import.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import { loadMapping, loadRawTable, type ColumnChoice, type KeyColumns } from '../../../src/data/datasets';
import { beneficiaryRecordsCsv, createHouseholdRecords, dropImportTables, householdRecordsGz, programValues, rawTableRows, type HouseholdRecordsSpec } from '../../../src/data/import-records';
import { gunzip } from '../../../src/data/store';

const ID = 'drec1';
const SALT = 'garam-uji';
const RAW = [
  'kode_desa,nama_kk,nik,id,desil,rtlh,program,tahun',
  '3372011001,Budi Santoso,3372010101800001,A1,2,ya,PKH,2024',
  '3372011002,Siti Aminah,3372010101800002,A2,7,tidak, BPNT ,2.023',
  '9999999999,Tanpa Desa,3372010101800003,A3,,ya,PKH,',
].join('\n');
const KEYS: KeyColumns = { kode: 'kode_desa', nama: null, kecamatan: null, tahun: null };
const text = (name: string): ColumnChoice => ({ name, type: 'text', numberFormat: null });
const hash = (id: string) => createHash('sha256').update(SALT + id).digest('hex');

function parse(csv: Uint8Array): string[][] {
  return new TextDecoder().decode(csv).trim().split('\n').map((line) => line.split(','));
}

describe('import records', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    await loadRawTable(db, ID, new TextEncoder().encode(RAW));
    await loadMapping(db, ID, [
      { key: ['3372011001', null, null, null], kode: '33.72.01.1001' },
      { key: ['3372011002', null, null, null], kode: '33.72.01.1002' },
    ]);
  });

  it('reads every raw row as text', async () => {
    const rows = await rawTableRows(db, ID);
    expect(rows.map((r) => r.id)).toEqual(['A1', 'A2', 'A3']);
    expect(rows[1].tahun).toBe('2.023');
  });

  /** The household records made by createHouseholdRecords, as DuckDB stores them (gzipped CSV, unzipped here). */
  async function records(spec: Omit<HouseholdRecordsSpec, 'id' | 'keys' | 'salt'>): Promise<Uint8Array> {
    await createHouseholdRecords(db, { id: ID, keys: KEYS, salt: SALT, ...spec }, 'rt_uji');
    const gz = await householdRecordsGz(db, 'rt_uji');
    expect([...gz.subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzipped by DuckDB, not on the page
    return gunzip(gz);
  }

  it('keeps of household records only kelurahan, salted id hash, desil and deprivations', async () => {
    const csv = await records({ idColumn: 'id', desil: text('desil'), deprivations: [{ source: text('rtlh'), column: 'rtlh' }] });
    const [header, ...rows] = parse(csv);
    expect(header).toEqual(['kode', 'id_rt', 'desil', 'rtlh']);
    const byId = new Map(rows.map((r) => [r[1], r]));
    expect(byId.get(hash('A1'))).toEqual(['33.72.01.1001', hash('A1'), '2', 'true']);
    expect(byId.get(hash('A2'))).toEqual(['33.72.01.1002', hash('A2'), '7', 'false']);
    // A row without a kelurahan is kept (counted as unmatched later), with an empty code.
    expect(byId.get(hash('A3'))?.[0]).toBe('');
    const all = new TextDecoder().decode(csv);
    for (const secret of ['Budi', 'Siti', '3372010101800001', 'A1,']) expect(all).not.toContain(secret);
  });

  it('reads no desil as NULL when the file has no desil column', async () => {
    const csv = await records({ idColumn: 'id', desil: null, deprivations: [{ source: text('rtlh'), column: 'rtlh' }] });
    expect(parse(csv).slice(1).map((r) => r[2])).toEqual(['', '', '']);
  });

  it('keeps of a beneficiary list the salted id hash, the trimmed program and the year', async () => {
    const fromColumn = parse(await beneficiaryRecordsCsv(db, { id: ID, salt: SALT, idColumn: 'id', programColumn: 'program', yearColumn: 'tahun', year: 2020 }));
    expect(fromColumn).toEqual([
      ['id_rt', 'program', 'tahun'],
      [hash('A1'), 'PKH', '2024'],
      [hash('A2'), 'BPNT', '2023'],
      [hash('A3'), 'PKH', ''],
    ]);
    const fixed = parse(await beneficiaryRecordsCsv(db, { id: ID, salt: SALT, idColumn: 'id', programColumn: 'program', yearColumn: null, year: 2020 }));
    expect(fixed.slice(1).map((r) => r[2])).toEqual(['2020', '2020', '2020']);
  });

  it('lists the distinct program values, trimmed and sorted', async () => {
    expect(await programValues(db, ID, 'program')).toEqual(['BPNT', 'PKH']);
  });

  it('drops the raw and mapping tables', async () => {
    await dropImportTables(db, ID);
    await expect(rawTableRows(db, ID)).rejects.toThrow();
    await expect(db.query(`SELECT * FROM peta_${ID}`)).rejects.toThrow();
    // Dropping twice is harmless (a cancel after a failed load).
    await dropImportTables(db, ID);
  });
});
