/**
 * A rate column's numerator and denominator found by evidence (src/data/rate-parts.ts): a pair
 * of count columns is taken only when it reproduces the printed rate to its rounding.
 */
import { describe, expect, it } from 'vitest';
import { findRateParts } from '../../../src/data/rate-parts';

const header = ['kode', 'Jumlah penduduk', 'Jumlah balita', 'Balita stunting', 'Balita stunting (%)'];
const rows = [
  ['1', '8.123', '412', '51', '12,38'],
  ['2', '11.450', '655', '62', '9,47'],
  ['3', '9.001', '501', '74', '14,77'],
  ['4', '7.500', '398', '28', '7,04'],
];
const col = (name: string) => ({ name, type: 'number', numberFormat: 'id' as const });
const counts = ['Jumlah penduduk', 'Jumlah balita', 'Balita stunting'].map(col);

describe('findRateParts', () => {
  it('finds the numerator and denominator that reproduce a percentage printed with a decimal comma', () => {
    expect(findRateParts({ ...col('Balita stunting (%)'), per: 100 }, counts, header, rows)).toEqual({
      numerator: 'Balita stunting',
      denominator: 'Jumlah balita',
      per: 100,
      rows: 4,
      agree: 4,
    });
  });

  it('finds a proportion (per 1) when the header said %, and per mille', () => {
    const proportion = rows.map((r) => [...r.slice(0, 4), (Number(r[3]) / Number(r[2])).toFixed(6)]);
    expect(findRateParts({ name: 'Balita stunting (%)', type: 'number', numberFormat: 'en', per: 100 }, counts, header, proportion)?.per).toBe(1);
    const mille = rows.map((r) => [...r.slice(0, 4), ((1000 * Number(r[3])) / Number(r[2])).toFixed(1)]);
    expect(findRateParts({ name: 'Balita stunting (%)', type: 'number', numberFormat: 'en', per: 100 }, counts, header, mille)?.per).toBe(1000);
  });

  it('takes nothing when no pair reproduces the rate, or too few rows tell', () => {
    const other = rows.map((r, i) => [...r.slice(0, 4), ['30,1', '2,5', '19,9', '44,0'][i]]);
    expect(findRateParts({ ...col('Balita stunting (%)'), per: 100 }, counts, header, other)).toBeNull();
    expect(findRateParts({ ...col('Balita stunting (%)'), per: 100 }, counts, header, rows.slice(0, 2))).toBeNull();
  });

  it('one row in ten may disagree (a typo in the file), no more', () => {
    const many = Array.from({ length: 20 }, (_, i) => {
      const n = 10 + i;
      const d = 200 + 7 * i;
      return ['x', '1', String(d), String(n), ((100 * n) / d).toFixed(2).replace('.', ',')];
    });
    many[3][4] = '99,99';
    expect(findRateParts({ ...col('Balita stunting (%)'), per: 100 }, counts, header, many)?.agree).toBe(19);
    many[5][4] = '98,00';
    many[7][4] = '97,00';
    expect(findRateParts({ ...col('Balita stunting (%)'), per: 100 }, counts, header, many)).toBeNull();
  });
});
