import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { parseYear, yearSql } from '../../../src/data/datasets';
import { toRows } from '../../../src/data/database';

// Years as they arrive from spreadsheets: Indonesian Excel formats a year cell as 2.024.
const CASES: [string, number | null][] = [
  ['2024', 2024], [' 2024 ', 2024], ['2.024', 2024], ['2,024', 2024], ['2024.0', 2024], ['2024,00', 2024],
  ['24', null], ['20245', null], ['2.0245', null], ['1850', null], ['2150', null], ['', null], ['-', null],
  ['2024-01-01', null], ['tahun 2024', null], ['2 024', null],
];

describe('years written in files', () => {
  it.each(CASES)('parseYear(%j) = %j', (text, year) => {
    expect(parseYear(text)).toBe(year);
  });

  it('reads every case the same way in SQL', async () => {
    const db = await openNodeDatabase();
    const values = CASES.map(([t], i) => `(${i}, '${t}')`).join(', ');
    const rows = toRows(await db.query(`SELECT i, ${yearSql('t')} AS y FROM (VALUES ${values}) v(i, t) ORDER BY i`));
    expect(rows.map((r) => r.y)).toEqual(CASES.map(([, y]) => y));
  });
});
