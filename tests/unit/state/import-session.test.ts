/**
 * The import dialog's own state, ImportSession, runs in Node from a small host and Node's file
 * reader (issue 14, item 2): no AppState, no worker, no copy of its steps. A table is read,
 * its keys guessed, joined to Surakarta's kelurahan and committed through the same workspace
 * calls the app makes, and the map's values are then read back from DuckDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import { readTable } from '../../../src/data/importers/read-table';
import { ImportSession, type ImportReaders } from '../../../src/state/import.svelte';
import { fixtureFile, openPipelineDatabase, valuesOf, YEAR } from '../import-pipeline/pipeline';
import { surakartaImportHost } from '../import-pipeline/import-host';
import { writeXlsx, type XlsxCell } from '../../../src/data/xlsx-writer';

/** Files read in this process instead of the import worker. */
const nodeReaders: ImportReaders = {
  table: (file, options, hooks) => readTable(file, options, hooks?.onProgress),
  geo: () => Promise.reject(new Error('no geo file in this test')),
};

/** A session on its own DuckDB, with Surakarta's host and Node's readers. */
async function openSession() {
  const db = await openPipelineDatabase();
  const host = surakartaImportHost(db);
  return { db, host, session: new ImportSession(host, nodeReaders) };
}

const PASAR_KLIWON = ['33.72.03.1001', '33.72.03.1002', '33.72.03.1003', '33.72.03.1004', '33.72.03.1005', '33.72.03.1006', '33.72.03.1007', '33.72.03.1008'];

describe('ImportSession without the app', () => {
  let db: Database;
  let host: ReturnType<typeof surakartaImportHost>;
  let session: ImportSession;
  beforeAll(async () => ({ db, host, session } = await openSession()), 120_000);

  it('reads a table and guesses its keys and indicators', async () => {
    await session.begin(fixtureFile('tables/surakarta-semicolon-1252.csv'));
    expect(session.error).toBeNull();
    expect(session.step).toBe('table');
    expect(session.kind).toBe('indicators');
    expect(session.keys).toEqual({ kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: null });
    expect(session.year).toBe(YEAR);
    expect(session.indicators.map((i) => i.column)).toContain('jumlah_kk');
  });

  it('joins the eight kelurahan of Pasar Kliwon by code', async () => {
    await session.join();
    expect(session.error).toBeNull();
    expect(session.step).toBe('report');
    expect(session.report?.matched.map((m) => m.kode)).toEqual(PASAR_KLIWON);
    expect(session.report?.missing).toHaveLength(46);
  });

  it('commits through the workspace and shows the new indicator, whose values the map reads', async () => {
    await session.commit();
    expect(session.error).toBeNull();
    expect(session.step).toBe('idle');
    expect(host.stored).toHaveLength(1);
    const kk = host.regionIndicators.find((i) => i.dataset === host.stored[0].id && i.id.endsWith('_jumlah_kk'));
    expect(kk).toBeDefined();
    expect(host.shown).toHaveLength(1);
    expect(host.shown[0].startsWith(`${host.stored[0].id}_`)).toBe(true);
    const values = await valuesOf(db, kk!.id);
    expect(PASAR_KLIWON.map((k) => values.get(k))).toEqual([1234, 2045, 987, 3210, 1502, 764, 2310, 1118]);
  });
});

/** A workbook as a dinas keeps it: the year only in the sheet name and the title row, no year column. */
function rtlhWorkbook(file: string, sheet: string, title: string): File {
  const rows: XlsxCell[][] = [[title], [], ['kode', 'kelurahan', 'jumlah_rtlh'], ...PASAR_KLIWON.map((kode, i): XlsxCell[] => [kode, `Kelurahan ${i + 1}`, 10 + i])];
  return new File([writeXlsx([{ name: sheet, rows }])], file);
}

describe('the year of the data read from the sheet name and the title row', () => {
  const OTHER = YEAR - 2; // not the app's year, so a value stored under the app's year shows
  let db: Database;
  let host: ReturnType<typeof surakartaImportHost>;
  let session: ImportSession;
  beforeAll(async () => ({ db, host, session } = await openSession()), 120_000);

  it('proposes the year the sheet and title name, and the values are stored under it', async () => {
    await session.begin(rtlhWorkbook('rtlh.xlsx', `RTLH ${OTHER}`, `Data RTLH Kota Surakarta Tahun ${OTHER}`));
    expect(session.error).toBeNull();
    expect(session.keys.tahun).toBeNull();
    expect(session.year).toBe(OTHER);
    expect(session.dataYear.clues[0]).toEqual({ place: 'sheet', text: `RTLH ${OTHER}`, years: [OTHER] });
    await session.join();
    await session.commit();
    expect(session.error).toBeNull();
    const id = host.regionIndicators.find((i) => i.dataset === host.stored[0].id && i.id.endsWith('_jumlah_rtlh'))!.id;
    const values = await valuesOf(db, id, OTHER);
    expect(PASAR_KLIWON.map((k) => values.get(k))).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    const appYear = await valuesOf(db, id, YEAR);
    expect(PASAR_KLIWON.map((k) => appYear.get(k) ?? null)).toEqual(PASAR_KLIWON.map(() => null));
  });

  it('keeps the app year when the sheet and the title disagree, and says so', async () => {
    await session.begin(rtlhWorkbook('rtlh.xlsx', `${OTHER - 1}`, `Data RTLH Kota Surakarta Tahun ${OTHER}`));
    expect(session.year).toBe(YEAR);
    expect(session.dataYear.year).toBeNull();
    expect(session.dataYear.clues.map((c) => [c.place, c.years])).toEqual([
      ['sheet', [OTHER - 1]],
      ['title', [OTHER]],
    ]);
    await session.cancel();
  });
});
