import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../../src/cli/node-db';
import type { Database } from '../../../../src/data/database';
import { toRows } from '../../../../src/data/database';
import { booleanSql, detectNumberFormat, emptySql, isEmptyCell, numberSql, parseBoolean, parseNumber, scanNumber } from '../../../../src/data/importers/numbers';

describe('parseNumber', () => {
  it('reads Indonesian Excel numbers (thousands dot, decimal comma)', () => {
    expect(parseNumber('1.234,5', 'id')).toBe(1234.5);
    expect(parseNumber('1.234.567', 'id')).toBe(1234567);
    expect(parseNumber('0,5', 'id')).toBe(0.5);
    expect(parseNumber(',5', 'id')).toBe(0.5);
    expect(parseNumber('1.234', 'id')).toBe(1234);
    expect(parseNumber('-1.234,75', 'id')).toBe(-1234.75);
  });

  it('reads English numbers', () => {
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('1,234,567', 'en')).toBe(1234567);
    expect(parseNumber('1.234', 'en')).toBe(1.234);
    expect(parseNumber('0.30000000000000004', 'en')).toBe(0.30000000000000004);
  });

  it('drops a percent sign without dividing, spaces, no-break spaces and a leading apostrophe', () => {
    expect(parseNumber('12,5%', 'id')).toBe(12.5);
    expect(parseNumber('1 234,5', 'id')).toBe(1234.5);
    expect(parseNumber('1\u00a0234', 'id')).toBe(1234);
    expect(parseNumber("'0123", 'id')).toBe(123);
    expect(parseNumber('(1.500)', 'id')).toBe(-1500);
    expect(parseNumber('+7', null)).toBe(7);
  });

  it('gives null for empty tokens and undefined for what is not a number', () => {
    for (const empty of ['', '  ', '-', 'n/a', 'N/A', 'NA', '#N/A', 'null', '…', "'"]) expect(parseNumber(empty, 'id'), empty).toBeNull();
    for (const bad of ['1.23', '1.2345', '12,5,3', 'abc', '5,', '1,234.5', '%', '(5', '1e5', '12-3', '33.72.03.1002']) {
      expect(parseNumber(bad, 'id'), bad).toBeUndefined();
    }
    expect(parseNumber('1.234,5', 'en')).toBeUndefined();
    expect(parseNumber('1,234,5', 'en')).toBeUndefined();
  });

  it('reads null (no evidence) as Indonesian', () => {
    expect(parseNumber('1.234', null)).toBe(1234);
    expect(parseNumber('1234', null)).toBe(1234);
  });
});

describe('scanNumber and detectNumberFormat', () => {
  it('says which convention a cell points to', () => {
    expect(scanNumber('1.234,5').evidence).toBe('id');
    expect(scanNumber('1.234.567').evidence).toBe('id');
    expect(scanNumber('0,5').evidence).toBe('id');
    expect(scanNumber('1,234.5').evidence).toBe('en');
    expect(scanNumber('12.5').evidence).toBe('en');
    expect(scanNumber('1.234').evidence).toBe('either');
    expect(scanNumber('1234').evidence).toBe('none');
    expect(scanNumber('12,5%').percent).toBe(true);
  });

  it('decides by majority, falls back on ambiguity, and says null without separators', () => {
    expect(detectNumberFormat({ id: 3, en: 1, either: 0 })).toBe('id');
    expect(detectNumberFormat({ id: 1, en: 3, either: 9 })).toBe('en');
    expect(detectNumberFormat({ id: 0, en: 0, either: 4 })).toBe('id');
    expect(detectNumberFormat({ id: 0, en: 0, either: 4 }, 'en')).toBe('en');
    expect(detectNumberFormat({ id: 0, en: 0, either: 0 })).toBeNull();
  });
});

describe('parseBoolean and isEmptyCell', () => {
  it('reads Indonesian and English yes/no words', () => {
    for (const yes of ['ya', 'Ya', 'Y', 'ada', 'Benar', 'TRUE', '1', ' ya ']) expect(parseBoolean(yes), yes).toBe(true);
    for (const no of ['tidak', 'T', 'Tidak Ada', 'salah', 'false', '0']) expect(parseBoolean(no), no).toBe(false);
    expect(parseBoolean('-')).toBeNull();
    expect(parseBoolean('mungkin')).toBeUndefined();
  });

  it('treats spaces-only, dashes and n/a as empty but not 0', () => {
    expect(isEmptyCell(' n / a ')).toBe(true);
    expect(isEmptyCell('0')).toBe(false);
    expect(isEmptyCell('nama')).toBe(false);
  });
});

/** Cells chosen to hit every branch of the grammar, including the ones that must fail. */
const CORPUS = [
  '1.234,5',
  '1.234.567',
  '1,234.5',
  '1,234,567',
  '12,5%',
  '12.5%',
  '-',
  'n/a',
  'NA',
  '#N/A',
  'null',
  '…',
  '',
  ' ',
  '0,5',
  ',5',
  '.5',
  '5,',
  '5.',
  '1.234',
  '1,234',
  '1.23',
  '12.345.6',
  '1 234,5',
  '1\u00a0234',
  '\u202f12',
  "'0123",
  "'33.72.03.1002",
  '33.72.03.1002',
  '3372031002',
  '(1.500)',
  '(1,500)',
  '(12%)',
  '(12)%',
  '+7',
  '-0,25',
  '--5',
  '+-5',
  '%',
  '()',
  'abc',
  '12abc',
  '1e5',
  '0x10',
  '1.234,5,6',
  '1,234.5.6',
  '0,234',
  '00012',
  '1.2345',
  '12,3456',
  '999.999.999,99',
  'Ya',
  'TIDAK',
  'tidak ada',
  ' ada ',
  'y',
  't',
  'TRUE',
  'false',
  '1',
  '0',
  'benar',
  'Salah',
  'yes',
  'no',
  'mungkin',
  '∞',
];

describe('SQL agrees with TypeScript', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openNodeDatabase();
    const values = CORPUS.map((c) => `(${CORPUS.indexOf(c)}, '${c.replace(/'/g, "''")}')`).join(', ');
    await db.exec(`CREATE TABLE cells AS SELECT * FROM (VALUES ${values}) AS t(i, v)`);
  }, 120_000);
  afterAll(() => undefined);

  for (const format of ['id', 'en', null] as const) {
    it(`numberSql(${format}) matches parseNumber on every cell`, async () => {
      const rows = toRows(await db.query(`SELECT i, ${numberSql('v', format)} AS n, ${emptySql('v')} AS e FROM cells ORDER BY i`));
      expect(rows).toHaveLength(CORPUS.length);
      for (const row of rows) {
        const cell = CORPUS[row.i as number];
        const ts = parseNumber(cell, format);
        expect(row.n, JSON.stringify(cell)).toBe(ts === undefined ? null : ts);
        expect(row.e, JSON.stringify(cell)).toBe(ts === null);
      }
    });
  }

  it('booleanSql matches parseBoolean on every cell', async () => {
    const rows = toRows(await db.query(`SELECT i, ${booleanSql('"v"')} AS b FROM cells ORDER BY i`));
    for (const row of rows) {
      const ts = parseBoolean(CORPUS[row.i as number]);
      expect(row.b, JSON.stringify(CORPUS[row.i as number])).toBe(ts === undefined ? null : ts);
    }
  });
});
