import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { toRows } from '../../../src/data/database';
import { formatSuppressed, suppressCount, suppressionSql, suppressShare } from '../../../src/data/suppression';

describe('small-count suppression', () => {
  it('hides 1..threshold-1, shows 0 and larger counts, keeps unknown as null', () => {
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressCount(1)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(4)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(5)).toEqual({ value: 5, suppressed: false });
    expect(suppressCount(null)).toEqual({ value: null, suppressed: false });
    expect(suppressCount(9, 10)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(1, 1)).toEqual({ value: 1, suppressed: false });
  });

  it('writes "<5" text and formats shown counts', () => {
    expect(formatSuppressed(3)).toBe('<5');
    expect(formatSuppressed(0)).toBe('0');
    expect(formatSuppressed(12345, 5, (n) => n.toLocaleString('id-ID'))).toBe('12.345');
    expect(formatSuppressed(7, 10)).toBe('<10');
    expect(formatSuppressed(null)).toBe('–');
  });

  it('rejects a threshold that is not an integer >= 1', () => {
    expect(() => suppressCount(3, 0)).toThrow(RangeError);
    expect(() => suppressCount(3, 2.5)).toThrow(RangeError);
    expect(() => suppressionSql('n', -1)).toThrow(RangeError);
  });

  it('hides a share whose numerator is suppressed', () => {
    expect(suppressShare(0.02, 3)).toBeNull();
    expect(suppressShare(0.5, 50)).toBe(0.5);
    expect(suppressShare(0, 0)).toBe(0);
  });

  it('gives the same text in SQL as in TypeScript', async () => {
    const db = await openNodeDatabase();
    const values = [null, 0, 1, 2, 4, 5, 6, 99, 123456];
    const rows = toRows(
      await db.query(
        `SELECT n, ${suppressionSql('n')} AS t5, ${suppressionSql('n', 10)} AS t10 FROM (VALUES ${values.map((v) => `(${v ?? 'NULL'}::INTEGER)`).join(',')}) v(n) ORDER BY n NULLS FIRST`,
      ),
    );
    expect(rows.map((r) => r.t5)).toEqual(values.map((v) => (v === null ? null : formatSuppressed(v))));
    expect(rows.map((r) => r.t10)).toEqual(values.map((v) => (v === null ? null : formatSuppressed(v, 10))));
  });
});
