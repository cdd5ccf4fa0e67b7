/**
 * The large synthetic register generator (src/cli/generate-register-scale.ts) at small sizes:
 * byte-identical files for the same seed (CSV and Parquet, two DuckDB threads), other bytes for
 * another seed, the demo register's column names and spellings, SINTETIS in the name, every row
 * and the Parquet metadata, real codes only, and the planned count of rows in every kelurahan.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDesaCodes } from '../../../src/cli/desa-codes';
import { checkSyntheticName, generateRegisterScale, parseRowCount } from '../../../src/cli/generate-register-scale';
import { openNativeDatabase } from '../../../src/cli/native-db';
import { planDesa, planRunLength, SCALE_FLAGS, SCALE_HEADER } from '../../../src/cli/register-scale';
import { toRows } from '../../../src/data/database';

const INDIKATOR = join(__dirname, '../../../data/demo/indikator.csv');
const ROWS = 30_000;
const dir = mkdtempSync(join(tmpdir(), 'pkk-scale-'));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await openNativeDatabase({ threads: 1 });
  try {
    return toRows(await db.query(sql));
  } finally {
    db.close();
  }
}

describe('generate-register-scale', () => {
  let codes: string[];
  beforeAll(async () => {
    // All 185 kelurahan of the five demo cities, real Kemendagri codes.
    codes = await readDesaCodes(INDIKATOR);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads real codes, filtered by a wilayah prefix', async () => {
    expect(codes).toHaveLength(185);
    const surakarta = await readDesaCodes(INDIKATOR, '33.72');
    expect(surakarta).toHaveLength(54);
    expect(surakarta.every((k) => k.startsWith('33.72.'))).toBe(true);
    await expect(readDesaCodes(INDIKATOR, '99')).rejects.toThrow(/no desa/);
  });

  it('apportions exactly the rows asked, a desa keeping its character in any subset', () => {
    const plan = planDesa(codes, 1_000_003, 7);
    expect(plan.reduce((s, d) => s + d.n, 0)).toBe(1_000_003);
    expect(plan.every((d, i) => d.start === (i === 0 ? 0 : plan[i - 1].start + plan[i - 1].n))).toBe(true);
    const alone = planDesa([codes[3]], 10, 7)[0];
    expect(alone.thresholds).toEqual(plan[3].thresholds);
    expect(alone.n).toBe(10);
    expect(planDesa(codes, 1_000_003, 8)[3].thresholds).not.toEqual(plan[3].thresholds);
  });

  it('takes row counts as 1000000, 1_000_000 or 5M, and refuses names without SINTETIS', () => {
    expect(parseRowCount('1_000_000')).toBe(1_000_000);
    expect(parseRowCount('5M')).toBe(5_000_000);
    expect(parseRowCount('20k')).toBe(20_000);
    expect(() => parseRowCount('0')).toThrow(/--rows/);
    expect(() => parseRowCount('lots')).toThrow(/--rows/);
    expect(() => checkSyntheticName('/tmp/rumah_tangga.csv')).toThrow(/SINTETIS/);
    expect(() => checkSyntheticName('/tmp/rumah_tangga_SINTETIS.csv')).not.toThrow();
  });

  it('writes the same bytes twice for the same seed, other bytes for another seed (CSV and Parquet)', async () => {
    const run = (name: string, format: 'csv' | 'parquet', seed: number) => generateRegisterScale({ rows: ROWS, out: join(dir, name), format, codes, seed, threads: 2 });
    await run('a_SINTETIS.csv', 'csv', 1);
    await run('b_SINTETIS.csv', 'csv', 1);
    await run('c_SINTETIS.csv', 'csv', 2);
    expect(sha256(join(dir, 'a_SINTETIS.csv'))).toBe(sha256(join(dir, 'b_SINTETIS.csv')));
    expect(sha256(join(dir, 'a_SINTETIS.csv'))).not.toBe(sha256(join(dir, 'c_SINTETIS.csv')));
    const summary = await run('a_SINTETIS.parquet', 'parquet', 1);
    await run('b_SINTETIS.parquet', 'parquet', 1);
    expect(sha256(join(dir, 'a_SINTETIS.parquet'))).toBe(sha256(join(dir, 'b_SINTETIS.parquet')));
    expect(summary).toMatchObject({ rows: ROWS, desa: 185 });
    expect(existsSync(join(dir, 'a_SINTETIS.parquet.part'))).toBe(false);
  }, 120_000);

  it('writes the same bytes when DuckDB makes the rows on two threads (a plan of several row groups)', async () => {
    // 250,000 rows make 250,000 plan rows (runs of one): three row groups of 122,880, scanned in parallel.
    const big = 250_000;
    expect(planRunLength(big)).toBe(1);
    for (const format of ['csv', 'parquet'] as const) {
      const [a, b] = [join(dir, `p1_SINTETIS.${format}`), join(dir, `p2_SINTETIS.${format}`)];
      await generateRegisterScale({ rows: big, out: a, format, codes, seed: 3, threads: 2 });
      await generateRegisterScale({ rows: big, out: b, format, codes, seed: 3, threads: 2 });
      expect(sha256(a)).toBe(sha256(b));
    }
    const [first] = await query(`SELECT id_rt FROM read_csv('${join(dir, 'p1_SINTETIS.csv')}', all_varchar = true) LIMIT 1 OFFSET 200000`);
    expect(first.id_rt).toBe('RT0000200001');
  }, 180_000);

  it('has the demo register’s columns and spellings, SINTETIS on every row and real codes only', () => {
    const lines = readFileSync(join(dir, 'a_SINTETIS.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(SCALE_HEADER.join(','));
    expect(lines).toHaveLength(ROWS + 1);
    const rows = lines.slice(1).map((l) => l.split(','));
    const known = new Set(codes);
    expect(new Set(rows.map((r) => r[0])).size).toBe(ROWS);
    expect(rows.every((r) => /^RT\d{10}$/.test(r[0]) && known.has(r[1]))).toBe(true);
    expect(rows.every((r) => /^([1-9]|10)?$/.test(r[2]))).toBe(true);
    for (let c = 3; c < 3 + SCALE_FLAGS.length; c++) expect(rows.every((r) => ['ya', 'tidak', ''].includes(r[c]))).toBe(true);
    expect(rows.every((r) => /^[1-7]$/.test(r[9]) && r[10] === 'SINTETIS')).toBe(true);
    // Some cells unknown (about 1 in 1000), but not many; the poorest desil is not empty.
    const unknownDesil = rows.filter((r) => r[2] === '').length;
    expect(unknownDesil).toBeGreaterThan(0);
    expect(unknownDesil).toBeLessThan(ROWS / 200);
    expect(rows.filter((r) => r[2] === '1').length).toBeGreaterThan(ROWS / 40);
  });

  it('puts the planned number of households in every kelurahan; Parquet holds the same rows and says SINTETIS', async () => {
    const csv = join(dir, 'a_SINTETIS.csv');
    const parquet = join(dir, 'a_SINTETIS.parquet');
    const plan = planDesa(codes, ROWS, 1);
    const counts = await query(`SELECT kode_kelurahan AS kode, count(*)::INTEGER AS n FROM read_csv('${csv}', all_varchar = true) GROUP BY 1 ORDER BY 1`);
    expect(counts).toEqual(plan.filter((d) => d.n > 0).map((d) => ({ kode: d.kode, n: d.n })));
    const [diff] = await query(`SELECT count(*)::INTEGER AS n FROM (
      (SELECT * FROM read_csv('${csv}', all_varchar = true) EXCEPT ALL SELECT COLUMNS(*)::VARCHAR FROM read_parquet('${parquet}'))
      UNION ALL
      (SELECT COLUMNS(*)::VARCHAR FROM read_parquet('${parquet}') EXCEPT ALL SELECT * FROM read_csv('${csv}', all_varchar = true)))`);
    expect(diff.n).toBe(0);
    const meta = await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${parquet}')`);
    expect(meta.find((m) => m.k === 'keterangan')?.v).toMatch(/^SINTETIS/);
    const types = await query(`SELECT name, type FROM parquet_schema('${parquet}') WHERE name IN ('desil', 'rtlh')`);
    expect(types.map((t) => [t.name, t.type])).toEqual([
      ['desil', 'INT32'],
      ['rtlh', 'BYTE_ARRAY'],
    ]);
  }, 60_000);

  it('writes nothing under a name without SINTETIS', async () => {
    await expect(generateRegisterScale({ rows: 10, out: join(dir, 'rumah_tangga.csv'), format: 'csv', codes })).rejects.toThrow(/SINTETIS/);
    expect(existsSync(join(dir, 'rumah_tangga.csv'))).toBe(false);
  });
});
