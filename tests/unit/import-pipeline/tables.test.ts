/**
 * Every table fixture of tests/fixtures/import/tables through the whole import chain (see
 * pipeline.ts): the join report is asserted whole, then the committed values are read back
 * from `ukuran` as the map reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import type { JoinDecisions, KeyMatch } from '../../../src/data/join';
import { commitIndicators, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, targetsOf, valuesOf, type StagedTable } from './pipeline';

const targets = targetsOf(surakartaAreas());
const ALL = targets.map((t) => t.kode);
const ACCEPT_ALL: JoinDecisions = { fuzzy: {}, manual: {}, duplicates: 'sum' };

/** Keys 0..n-1 matched by code to these kelurahan, in file order. */
const byCode = (kode: string[]): KeyMatch[] => kode.map((k, key) => ({ key, kode: k, how: 'code', distance: 0 }));
/** One row per key, the first data row on `firstRow`, no year. */
const oneRowEach = (n: number, firstRow: number) => Array.from({ length: n }, (_, i) => ({ tahun: null, rows: 1, firstRow: firstRow + i }));
const except = (joined: string[]) => ALL.filter((k) => !joined.includes(k));

let db: Database;
beforeAll(async () => {
  db = await openPipelineDatabase();
}, 120_000);

it('joins against the 54 kelurahan of Surakarta from the shipped boundaries', () => {
  expect(ALL).toHaveLength(54);
  expect([ALL[0], ALL[53]]).toEqual(['33.72.01.1001', '33.72.05.1015']);
});

describe('surakarta-semicolon-1252.csv: `;`, Windows-1252, decimal comma, title row, codes with an apostrophe', () => {
  const PASAR_KLIWON = ['33.72.03.1001', '33.72.03.1002', '33.72.03.1003', '33.72.03.1004', '33.72.03.1005', '33.72.03.1006', '33.72.03.1007', '33.72.03.1008'];
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'semikolon', fixtureFile('tables/surakarta-semicolon-1252.csv'), targets);
    ids = await commitIndicators(db, staged, ACCEPT_ALL, ['jumlah_kk', 'luas_ha', 'persen_miskin']);
  });

  it('guesses kode, kelurahan and kecamatan and groups eight keys, the header on row 3', () => {
    expect(staged.keys).toEqual({ kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: null });
    expect(staged.joinKeys.map((k) => [k.kode, k.nama, k.firstRow])).toEqual([
      ['3372031001', 'Kel. Joyosuran', 4],
      ["'33.72.03.1002", 'Kel. Semanggi', 5],
      ['3372031003', 'Kel. Pasarkliwon', 6],
      ["'33.72.03.1004", 'Kel. Gajahan', 7],
      ['3372031005', 'Kel. Baluwarti', 8],
      ["'33.72.03.1006", 'Kel. Kampungbaru', 9],
      ['3372031007', 'Kel. Kedunglumbu', 10],
      ["'33.72.03.1008", 'Kel. Sangkrah', 11],
    ]);
  });

  it('matches all eight by code (apostrophe or not) and reports the other 46 as missing', () => {
    expect(staged.report).toEqual({
      matched: byCode(PASAR_KLIWON),
      unmatched: [],
      duplicates: [],
      missing: except(PASAR_KLIWON),
      codeSystem: 'kemendagri',
      counts: { code: 8, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 46, rows: 8 },
      keyRows: oneRowEach(8, 4),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('stores Indonesian numbers as numbers: 1.234,5 is 1234.5, 1.234 is 1234, 12,5% is 12.5, - and n/a are no data', async () => {
    const luas = await valuesOf(db, ids.luas_ha);
    expect(luas.get('33.72.03.1002')).toBe(1234.5); // Semanggi
    expect(luas).toEqual(
      new Map<string, number | null>([
        ['33.72.03.1001', 12.5],
        ['33.72.03.1002', 1234.5],
        ['33.72.03.1003', 0.75],
        ['33.72.03.1004', 45],
        ['33.72.03.1005', 7.25],
        ['33.72.03.1006', null],
        ['33.72.03.1007', 19.5],
        ['33.72.03.1008', 30],
      ]),
    );
    const kk = await valuesOf(db, ids.jumlah_kk);
    expect(PASAR_KLIWON.map((k) => kk.get(k))).toEqual([1234, 2045, 987, 3210, 1502, 764, 2310, 1118]);
    const persen = await valuesOf(db, ids.persen_miskin);
    expect(PASAR_KLIWON.map((k) => persen.get(k))).toEqual([12.5, 8, 10.25, null, 15, 9.75, 11, 7.5]);
  });
});

describe('surakarta-tab-utf8-bom.tsv: tabs, UTF-8 with BOM, decimal point', () => {
  const LAWEYAN = ['33.72.01.1001', '33.72.01.1002', '33.72.01.1003', '33.72.01.1004', '33.72.01.1005', '33.72.01.1006'];
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'tab', fixtureFile('tables/surakarta-tab-utf8-bom.tsv'), targets);
    ids = await commitIndicators(db, staged, ACCEPT_ALL, ['penduduk', 'rasio_rtlh']);
  });

  it('keeps the BOM out of the first column name and matches six kelurahan by code', () => {
    expect(staged.keys).toEqual({ kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: null });
    expect(staged.report).toEqual({
      matched: byCode(LAWEYAN),
      unmatched: [],
      duplicates: [],
      missing: except(LAWEYAN),
      codeSystem: 'kemendagri',
      counts: { code: 6, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 48, rows: 6 },
      keyRows: oneRowEach(6, 2),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('reads 0.125 as one eighth (English decimals) and whole numbers as they are', async () => {
    const rasio = await valuesOf(db, ids.rasio_rtlh);
    expect(LAWEYAN.map((k) => rasio.get(k))).toEqual([0.25, 0.125, 0.3, 1.5, 0.05, 0.2]);
    const penduduk = await valuesOf(db, ids.penduduk);
    expect(LAWEYAN.map((k) => penduduk.get(k))).toEqual([12345, 9876, 15020, 7410, 11111, 8642]);
  });
});

describe('surakarta-title-row.xlsx: Excel with a title row, formulas, an error cell', () => {
  const LAWEYAN = ['33.72.01.1001', '33.72.01.1002', '33.72.01.1003', '33.72.01.1004', '33.72.01.1005'];
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'judul', fixtureFile('tables/surakarta-title-row.xlsx'), targets);
    ids = await commitIndicators(db, staged, ACCEPT_ALL, ['jumlah_rtlh', 'luas_ha', 'total_bantuan']);
  });

  it('reads the first sheet with its header on row 3, so the first key is file row 4', () => {
    expect([staged.table.sheet, staged.table.headerRow]).toEqual(['RTLH 2024', 3]);
    expect(staged.keys).toEqual({ kode: 'kode', nama: 'kelurahan', kecamatan: null, tahun: null });
    expect(staged.report).toEqual({
      matched: byCode(LAWEYAN),
      unmatched: [],
      duplicates: [],
      missing: except(LAWEYAN),
      codeSystem: 'kemendagri',
      counts: { code: 5, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 49, rows: 5 },
      keyRows: oneRowEach(5, 4),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('stores cached formula values, and the #DIV/0! cell as no data', async () => {
    const total = await valuesOf(db, ids.total_bantuan);
    expect(LAWEYAN.map((k) => total.get(k))).toEqual([18_000_000, 10_500_000, 45_000_000, null, 27_000_000]);
    const luas = await valuesOf(db, ids.luas_ha);
    expect(LAWEYAN.map((k) => luas.get(k))).toEqual([64.5, 0.1, 120.25, 33, 1.5]);
    const rtlh = await valuesOf(db, ids.jumlah_rtlh);
    expect(LAWEYAN.map((k) => rtlh.get(k))).toEqual([12, 7, 30, 0, 18]);
  });
});

describe('surakarta-gdal.xlsx: Excel written by GDAL', () => {
  const SERENGAN = ['33.72.02.1001', '33.72.02.1002', '33.72.02.1003', '33.72.02.1004', '33.72.02.1005'];
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'gdal', fixtureFile('tables/surakarta-gdal.xlsx'), targets);
    ids = await commitIndicators(db, staged, ACCEPT_ALL, ['jumlah_rtlh', 'rasio']);
  });

  it('matches five Serengan kelurahan by code', () => {
    expect(staged.report).toEqual({
      matched: byCode(SERENGAN),
      unmatched: [],
      duplicates: [],
      missing: except(SERENGAN),
      codeSystem: 'kemendagri',
      counts: { code: 5, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 49, rows: 5 },
      keyRows: oneRowEach(5, 2),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('stores 2.75 as two and three quarters (Excel numbers are never Indonesian-formatted)', async () => {
    const rasio = await valuesOf(db, ids.rasio);
    expect(SERENGAN.map((k) => rasio.get(k))).toEqual([0.5, 0.125, 0, 2.75, 0.3]);
    const rtlh = await valuesOf(db, ids.jumlah_rtlh);
    expect(SERENGAN.map((k) => rtlh.get(k))).toEqual([5, 11, 0, 23, 8]);
  });
});

describe('surakarta.parquet: INT32, INT64, DOUBLE', () => {
  const SERENGAN = ['33.72.02.1001', '33.72.02.1002', '33.72.02.1003', '33.72.02.1004'];
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'parket', fixtureFile('tables/surakarta.parquet'), targets);
    ids = await commitIndicators(db, staged, ACCEPT_ALL, ['jumlah_kk', 'penduduk', 'rasio_rtlh']);
  });

  it('matches four Serengan kelurahan by code', () => {
    expect(staged.report).toEqual({
      matched: byCode(SERENGAN),
      unmatched: [],
      duplicates: [],
      missing: except(SERENGAN),
      codeSystem: 'kemendagri',
      counts: { code: 4, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 50, rows: 4 },
      keyRows: oneRowEach(4, 2),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('stores INT64 (BigInt in JavaScript) and doubles exactly', async () => {
    const penduduk = await valuesOf(db, ids.penduduk);
    expect(SERENGAN.map((k) => penduduk.get(k))).toEqual([5123, 8040, 6677, 10012]);
    const kk = await valuesOf(db, ids.jumlah_kk);
    expect(SERENGAN.map((k) => kk.get(k))).toEqual([1520, 2310, 1875, 3044]);
    const rasio = await valuesOf(db, ids.rasio_rtlh);
    expect(SERENGAN.map((k) => rasio.get(k))).toEqual([0.125, 0.08, 0.2, 0.05]);
  });
});

it('leaves the demo values of the same kelurahan untouched by the imports', async () => {
  // Demo penduduk of Semanggi in 2024, from data/demo/indikator.csv, read after five imports.
  const demo = await valuesOf(db, 'penduduk');
  expect(demo.size).toBe(54);
  expect(demo.get('33.72.03.1002')).toBe(DEMO_SEMANGGI_PENDUDUK_2024);
});

/** data/demo/indikator.csv, row 33.72.03.1002 / 2024, column penduduk (checked with grep). */
const DEMO_SEMANGGI_PENDUDUK_2024 = 23208;
