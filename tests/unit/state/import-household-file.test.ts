/**
 * The import dialog's state (ImportSession, in Node from a small host) on the DuckDB path for
 * household registers (issue 17, item 1; src/data/household-file.ts): it stores the same reduced
 * records and gives the same kelurahan aggregates as the JavaScript reader; a file above the
 * measured ceiling is refused before it is read, with the CLI command; a cut-off file, a row of
 * the wrong width and a cancel leave nothing of the file and everything loaded before.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toRows, type Database } from '../../../src/data/database';
import { checkHouseholdSize, HOUSEHOLD_CEILING_BYTES, householdCommand } from '../../../src/data/household-file';
import { readTable } from '../../../src/data/importers/read-table';
import { ImportError } from '../../../src/data/importers/types';
import { gunzip } from '../../../src/data/store';
import { ImportSession, type ImportReaders } from '../../../src/state/import.svelte';
import { openPipelineDatabase, ROOT } from '../import-pipeline/pipeline';
import { surakartaImportHost } from '../import-pipeline/import-host';
import { placelessRegister } from '../../fixtures/placeless-register';

const DEMO = ['rumah_tangga_surakarta.csv', 'register_dtsen_sintetis_surakarta.csv'];
const demoBytes = (name: string) => readFileSync(`${ROOT}data/demo/${name}`);

/** Every row of a table in insertion order, as CSV: equal text means equal cells in equal order. */
async function tableText(db: Database, table: string): Promise<string> {
  return new TextDecoder().decode(await db.copyToCsv(`SELECT * FROM ${table} ORDER BY rowid`));
}

async function tables(db: Database, like: string): Promise<string[]> {
  return toRows(await db.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE '${like}' ORDER BY 1`)).map((r) => String(r.t));
}

/** Node's reader in place of the import worker, counting the files it is handed. */
function countingReaders(): ImportReaders & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    table: (file, options, hooks) => {
      read.push(`${file.name}:${file.size}`);
      return readTable(file, options, hooks?.onProgress, hooks?.signal);
    },
    geo: () => Promise.reject(new Error('no geo file in this test')),
  };
}

describe('the import dialog on the DuckDB path', () => {
  let db: Database;
  let host: ReturnType<typeof surakartaImportHost>;
  beforeAll(async () => {
    db = await openPipelineDatabase();
    host = surakartaImportHost(db);
  }, 120_000);

  it('stores the same records and aggregates as the JavaScript reader', async () => {
    const bytes = demoBytes(DEMO[0]);
    const viaSql = new ImportSession(host, countingReaders());
    await viaSql.begin(new File([bytes], DEMO[0]));
    expect(viaSql.table?.inDatabase).toBe(true);
    expect(viaSql.kind).toBe('households');
    await viaSql.join();
    await viaSql.commit();
    expect(viaSql.error).toBeNull();
    // The same bytes under a name the DuckDB path does not take go through the JavaScript reader.
    const viaJs = new ImportSession(host, countingReaders());
    await viaJs.begin(new File([bytes], 'rumah_tangga_surakarta.dat'));
    expect(viaJs.table?.inDatabase).toBeUndefined();
    await viaJs.join();
    await viaJs.commit();
    expect(viaJs.error).toBeNull();
    const [a, b] = host.stored;
    expect(new TextDecoder().decode(await gunzip(a.payload!))).toBe(new TextDecoder().decode(await gunzip(b.payload!)));
    expect(a.meta).toMatchObject({ source: { rowCount: 47442 } });
    expect(await tableText(db, `agregat_${a.id}`)).toBe(await tableText(db, `agregat_${b.id}`));
    expect(await tables(db, 'mentah_%')).toEqual([]);
  }, 240_000);

  it('refuses a file above the ceiling before reading it, with the command, and keeps what was loaded', async () => {
    const before = host.stored.length;
    const readers = countingReaders();
    const session = new ImportSession(host, readers);
    const file = new File([demoBytes(DEMO[0])], 'dtsen jateng.csv');
    Object.defineProperty(file, 'size', { value: HOUSEHOLD_CEILING_BYTES + 1 });
    await session.begin(file);
    expect(session.step).toBe('failed');
    expect(session.error?.key).toBe('householdFile.tooLarge');
    expect(session.error?.params.command).toBe("peta-kantong households --data 'dtsen jateng.csv' --out agregat.csv");
    expect(readers.read).toEqual([]);
    expect(host.stored).toHaveLength(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
    expect(householdCommand('dtsen_33.csv')).toBe('peta-kantong households --data dtsen_33.csv --out agregat.csv');
    expect(() => checkHouseholdSize(new File(['x'.repeat(2000)], 'a.csv'), 1000)).toThrow(ImportError);
  });

  it('refuses a cut-off file from its end before reading it, and stores nothing', async () => {
    const bytes = demoBytes(DEMO[0]);
    const cut = bytes.lastIndexOf(0x0a, bytes.length - 2) + 20; // the last row cut after 19 bytes
    const session = new ImportSession(host, countingReaders());
    const before = host.stored.length;
    await session.begin(new File([bytes.subarray(0, cut)], 'terpotong.csv'));
    expect(session.step).toBe('failed');
    expect(session.error).toEqual({ key: 'householdRead.truncated', params: { file: 'terpotong.csv' } });
    expect(host.stored).toHaveLength(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
  });

  it('refuses a register with no kelurahan column from its head, before DuckDB reads the file', async () => {
    const text = placelessRegister(ROOT);
    const registered = vi.spyOn(db, 'registerFileBuffer');
    const readers = countingReaders();
    const session = new ImportSession(host, readers);
    const before = host.stored.length;
    try {
      await session.begin(new File([text], 'tanpa_wilayah.csv'));
    } finally {
      registered.mockRestore();
    }
    expect(session.step).toBe('failed');
    expect(session.error).toEqual({
      key: 'householdFile.noKeyColumn',
      params: {
        file: 'tanpa_wilayah.csv',
        columns: 'id_rt, nik_kepala, nama_kepala, desil, rtlh, tanpa_air_layak, tanpa_sanitasi_layak, anak_tidak_sekolah, tanpa_penghasilan, kepala_perempuan',
      },
    });
    // Only the head was read (by the JavaScript reader); DuckDB was never handed the file.
    expect(readers.read).toHaveLength(1);
    expect(Number(readers.read[0].split(':')[1])).toBeLessThan(text.length);
    expect(registered).not.toHaveBeenCalled();
    expect(host.stored).toHaveLength(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
  });

  it('says which row has the wrong number of cells beyond the head, and stores nothing', async () => {
    const lines = demoBytes(DEMO[0]).toString('utf8').split('\n');
    lines[45000] += ',sel lebih';
    const session = new ImportSession(host, countingReaders());
    const before = host.stored.length;
    await session.begin(new File([lines.join('\n')], 'lebar.csv'));
    expect(session.step).toBe('failed');
    expect(session.error).toEqual({ key: 'householdFile.wrongWidth', params: { file: 'lebar.csv', row: '45001', expected: '12', found: '13' } });
    expect(host.stored).toHaveLength(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
  });

  it('says a copy cut off inside a quoted cell ends in an open quote, and stores nothing', async () => {
    const bytes = demoBytes(DEMO[0]);
    const lastRow = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    const cut = Buffer.concat([bytes.subarray(0, lastRow), Buffer.from('RT3372051015-000506,3372052203511960,"Hartono, Budi')]);
    const session = new ImportSession(host, countingReaders());
    const before = host.stored.length;
    await session.begin(new File([cut], 'kutip.csv'));
    expect(session.step).toBe('failed');
    expect(session.error?.key).toBe('householdFile.openQuote');
    expect(session.error?.params.file).toBe('kutip.csv');
    expect(host.stored).toHaveLength(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
  });

  it('cancelled while saving, after DuckDB made the household table, stores nothing and leaves no table', async () => {
    const before = host.stored.map((d) => d.id);
    let session: ImportSession | null = null;
    // The cancel lands while DuckDB writes the records to store (the dialog's × during "saving").
    const cancelling: Database = {
      ...db,
      copyToCsv: async (select, options) => {
        await session?.cancel();
        return db.copyToCsv(select, options);
      },
    };
    session = new ImportSession({ ...host, workspace: { ...host.workspace, database: async () => cancelling } }, countingReaders());
    await session.begin(new File([demoBytes(DEMO[0])], DEMO[0]));
    await session.join();
    await session.commit();
    expect(session.error).toBeNull();
    expect(session.step).toBe('idle');
    expect(host.stored.map((d) => d.id)).toEqual(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
    const kept = new Set(before.flatMap((id) => [`rt_${id}`, `agregat_${id}`]));
    expect((await tables(db, 'rt_%')).filter((t) => !kept.has(t))).toEqual([]);
  });

  it('cancelled while reading, keeps nothing of the file and everything loaded before', async () => {
    const before = host.stored.map((d) => d.id);
    const session = new ImportSession(host, countingReaders());
    const reading = session.begin(new File([demoBytes(DEMO[1])], DEMO[1]));
    // Cancelled once the head is read and DuckDB's read begins (the bar turns indeterminate).
    await vi.waitFor(() => expect(session.progress).toBeNull());
    await session.cancel();
    await reading;
    expect(session.step).toBe('idle');
    expect(host.stored.map((d) => d.id)).toEqual(before);
    expect(await tables(db, 'mentah_%')).toEqual([]);
  });
});
