import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../../src/cli/node-db';
import { toRows, type Database } from '../../../../src/data/database';
import type { TableColumnProfile } from '../../../../src/data/importers/columns';
import { numberSql } from '../../../../src/data/importers/numbers';
import { readTable } from '../../../../src/data/importers/read-table';
import type { ImportedTable } from '../../../../src/data/importers/types';

const dir = join(__dirname, '../../../fixtures/import/tables');
const open = (name: string) => new File([readFileSync(join(dir, name))], name);
const csvText = (t: ImportedTable) => new TextDecoder().decode(t.csv);
/** [name, type, numberFormat] of every column. */
const shape = (t: ImportedTable) => t.columns.map((c) => [c.name, c.type, c.numberFormat]);

describe('surakarta-semicolon-1252.csv', () => {
  let t: ImportedTable;
  beforeAll(async () => {
    t = await readTable(open('surakarta-semicolon-1252.csv'));
  });

  it('detects Windows-1252, semicolons and the header on row 3 below a title and a blank row', () => {
    expect([t.format, t.encoding, t.delimiter, t.headerRow, t.rowCount]).toEqual(['csv', 'windows-1252', ';', 3, 8]);
  });

  it('keeps the title above the header, where the year of the data is named', () => {
    expect(t.titles).toEqual(['Data RTLH Kota Surakarta Tahun 2024']);
  });

  it('types every column: codes as text, Indonesian numbers, percent, yes/no', () => {
    expect(shape(t)).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['kecamatan', 'text', null],
      ['jumlah_kk', 'number', 'id'],
      ['luas_ha', 'number', 'id'],
      ['persen_miskin', 'number', 'id'],
      ['rtlh', 'boolean', null],
      ['Keterangan', 'text', null],
    ]);
    const persen = t.columns[5] as TableColumnProfile;
    expect([persen.percent, persen.filled, persen.invalid]).toEqual([true, 7, 0]);
    expect(t.columns[4].filled).toBe(7); // '-' is empty
  });

  it('writes the normalised CSV in UTF-8 with cells as written', () => {
    const lines = csvText(t).split('\n');
    expect(lines[0]).toBe('kode,kelurahan,kecamatan,jumlah_kk,luas_ha,persen_miskin,rtlh,Keterangan');
    expect(lines[1]).toBe('3372031001,Kel. Joyosuran,Pasar Kliwon,1.234,"12,5","12,5%",ya,Rumah tua – perlu bedah');
    expect(lines[2]).toBe('\'33.72.03.1002,Kel. Semanggi,Pasar Kliwon,2.045,"1.234,5",8%,tidak,Dekat sungai');
    expect(t.preview[3]).toEqual(["'33.72.03.1004", 'Kel. Gajahan', 'Pasar Kliwon', '3.210', '45', 'n/a', 'ya', 'Kampung Café']);
    expect(t.preview[2][7]).toBe('Suhu 34°');
  });
});

describe('surakarta-tab-utf8-bom.tsv', () => {
  it('reads tabs, UTF-8 with BOM, quoted tabs and line breaks', async () => {
    const t = await readTable(open('surakarta-tab-utf8-bom.tsv'));
    expect([t.encoding, t.delimiter, t.headerRow, t.rowCount]).toEqual(['utf-8', '\t', 1, 6]);
    expect(shape(t)).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['kecamatan', 'text', null],
      ['penduduk', 'number', null],
      ['rasio_rtlh', 'number', 'en'],
      ['catatan', 'text', null],
    ]);
    expect(t.columns[0].name).toBe('kode'); // the BOM is not part of the first name
    expect(t.titles).toEqual([]);
    expect(t.preview[1][5]).toBe('Batik\tLaweyan');
    expect(t.preview[2][5]).toBe('baris satu\nbaris dua');
    expect(t.preview[5]).toEqual(['33.72.01.1006', 'Sriwedari', 'Laweyan', '8642', '0.2', 'Jalan "Slamet Riyadi"']);
  });
});

describe('surakarta-title-row.xlsx (written like Excel)', () => {
  let t: ImportedTable;
  beforeAll(async () => {
    t = await readTable(open('surakarta-title-row.xlsx'));
  });

  it('lists both sheets, reads the first, finds the header on row 3', () => {
    expect([t.format, t.sheet, t.sheets, t.headerRow, t.rowCount, t.encoding, t.delimiter]).toEqual(['xlsx', 'RTLH 2024', ['RTLH 2024', 'Catatan'], 3, 5, null, null]);
    expect(t.titles).toEqual(['Data RTLH Kota Surakarta Tahun 2024']);
  });

  it('keeps the rows above a header chosen by hand as titles', async () => {
    const lower = await readTable(open('surakarta-title-row.xlsx'), { headerRow: 4 });
    expect(lower.titles).toEqual(['Data RTLH Kota Surakarta Tahun 2024', 'kode kelurahan jumlah_rtlh luas_ha total_bantuan tanggal_survei prioritas ada_jamban']);
  });

  it('types every column', () => {
    expect(shape(t)).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['jumlah_rtlh', 'number', null],
      ['luas_ha', 'number', 'en'],
      ['total_bantuan', 'number', null],
      ['tanggal_survei', 'text', null],
      ['prioritas', 'text', null],
      ['ada_jamban', 'boolean', null],
    ]);
  });

  it('reads formulas as cached values, errors as empty, dates as ISO, rich text joined, inline strings, gaps', () => {
    expect(t.preview[0]).toEqual(['33.72.01.1001', 'Pajang', '12', '64.5', '18000000', '2024-01-10', 'Prioritas tinggi', 'TRUE']);
    expect(t.preview[2][6]).toBe('Sedang & mendesak');
    expect(t.preview[3][4]).toBe(''); // #DIV/0!
    expect(t.preview[4]).toEqual(['33.72.01.1005', 'Penumping', '18', '1.5', '27000000', '2024-02-28', '', 'TRUE']);
  });

  it('reads the second sheet by name', async () => {
    const c = await readTable(open('surakarta-title-row.xlsx'), { sheet: 'Catatan' });
    expect([c.sheet, c.headerRow, c.rowCount, shape(c)]).toEqual([
      'Catatan',
      1,
      1,
      [
        ['sumber', 'text', null],
        ['tahun', 'number', null],
      ],
    ]);
    expect(csvText(c)).toBe('sumber,tahun\nDinas Perumahan Kota Surakarta,2024\n');
  });
});

describe('surakarta-gdal.xlsx (written by GDAL)', () => {
  it('reads the sheet GDAL wrote', async () => {
    const t = await readTable(open('surakarta-gdal.xlsx'));
    expect([t.sheet, t.sheets, t.headerRow, t.rowCount]).toEqual(['rtlh', ['rtlh'], 1, 5]);
    expect(shape(t)).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['jumlah_rtlh', 'number', null],
      ['rasio', 'number', 'en'],
    ]);
    expect(t.preview[3]).toEqual(['33.72.02.1004', 'Tipes', '23', '2.75']);
  });
});

describe('surakarta.parquet', () => {
  it('reads integers, BigInt, doubles, booleans, strings and nulls as text', async () => {
    const t = await readTable(open('surakarta.parquet'));
    expect([t.format, t.headerRow, t.rowCount, t.sheet]).toEqual(['parquet', 1, 4, null]);
    expect(shape(t)).toEqual([
      ['kode', 'text', null],
      ['kelurahan', 'text', null],
      ['jumlah_kk', 'number', null],
      ['penduduk', 'number', null],
      ['rasio_rtlh', 'number', 'en'],
      ['kumuh', 'boolean', null],
      ['catatan', 'text', null],
    ]);
    expect(t.preview[3]).toEqual(['33.72.02.1004', 'Tipes', '3044', '10012', '0.05', 'false', 'Dekat pasar']);
    expect(t.columns[6].filled).toBe(2);
  });
});

describe('the normalised CSV in DuckDB', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
  }, 120_000);
  afterAll(() => undefined);

  it('loads as VARCHAR and the SQL of each column gives the numbers the profile promised', async () => {
    const t = await readTable(open('surakarta-semicolon-1252.csv'));
    await db.registerFileBuffer('t.csv', t.csv);
    await db.exec(`CREATE TABLE t AS SELECT * FROM read_csv('t.csv', all_varchar = true, header = true, delim = ',', quote = '"')`);
    const cols = t.columns.filter((c) => c.type === 'number');
    const select = cols.map((c) => `${numberSql(`"${c.name}"`, c.numberFormat)} AS "${c.name}"`).join(', ');
    const rows = toRows(await db.query(`SELECT kode, ${select} FROM t`));
    expect(rows).toHaveLength(8);
    expect(rows[1]).toEqual({ kode: "'33.72.03.1002", jumlah_kk: 2045, luas_ha: 1234.5, persen_miskin: 8 });
    expect(rows[5]).toEqual({ kode: "'33.72.03.1006", jumlah_kk: 764, luas_ha: null, persen_miskin: 9.75 });
  });
});
