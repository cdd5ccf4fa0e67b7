/**
 * The native DuckDB seam (src/cli/native-db.ts) answers as the DuckDB-WASM seam does, so the
 * app's src/data code runs on it unchanged: the same result shapes (BIGINT and HUGEINT as BigInt,
 * turned into numbers by toRows), registered files, COPY to CSV. Then the aggregation itself: the
 * same household files, read by the shared household SQL and aggregated by households.ts on both
 * engines, give every kelurahan's every figure exactly equal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRows, type Database } from '../../../src/data/database';
import { aggregateHouseholds, type DeprivationSpec } from '../../../src/data/households';
import { createHouseholdsView, probeHouseholdFile, type HouseholdSource } from '../../../src/data/household-read-sql';
import { useBothEngines } from '../both-engines';

const ROOT = new URL('../../../', import.meta.url).pathname;
const DEMO_PATH = `${ROOT}data/demo/rumah_tangga_surakarta.csv`;
const DEMO = readFileSync(DEMO_PATH, 'utf8');
const DEPRIVATIONS = ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak', 'anak_tidak_sekolah', 'tanpa_penghasilan', 'kepala_perempuan'];

/** A household file with what the demo lacks: unknown and out-of-range desil, unknown deprivations, missing and bad codes, repeated ids. */
function messyVariant(text: string): string {
  const lines = text.trim().split('\n');
  return `${lines
    .map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(',');
      if (i % 9 === 0) cells[5] = i % 2 ? '' : '12';
      if (i % 17 === 0) cells[6 + (i % 6)] = '';
      if (i % 23 === 0) cells[7] = 'mungkin';
      if (i % 101 === 0) cells[3] = i % 2 ? '' : '33.72.0';
      if (i % 131 === 0) cells[0] = 'RT-SAMA';
      return cells.join(',');
    })
    .join('\n')}\n`;
}

const CASES: { name: string; text: string; deprivations: DeprivationSpec[]; k: number }[] = [
  { name: 'demo, equal weights, k = 1/3', text: DEMO, deprivations: DEPRIVATIONS.slice(0, 5).map((column) => ({ column, weight: 1 })), k: 1 / 3 },
  { name: 'demo, six unequal weights, k = 0.4', text: DEMO, deprivations: DEPRIVATIONS.map((column, i) => ({ column, weight: 1 + (i % 3) })), k: 0.4 },
  { name: 'messy variant, k = 1/5', text: messyVariant(DEMO), deprivations: DEPRIVATIONS.map((column) => ({ column, weight: 1 })), k: 1 / 5 },
];

/** Reads `name` with the shared SQL and aggregates it; returns the summary and every row of the table. */
async function aggregate(db: Database, file: string, deprivations: DeprivationSpec[], k: number) {
  const source: HouseholdSource = { files: [file], format: 'csv', delimiter: ',' };
  const probe = await probeHouseholdFile(db, source);
  await createHouseholdsView(
    db,
    'rt',
    source,
    { kode: 'kode_kelurahan', id: 'id_rt', desil: { column: 'desil', numberFormat: null }, deprivations: deprivations.map((d) => ({ source: d.column, column: d.column })) },
    probe,
  );
  const summary = await aggregateHouseholds(db, { view: 'rt', deprivations, k, target: 'agregat' });
  return { summary, rows: toRows(await db.query('SELECT * FROM agregat ORDER BY kode')) };
}

describe('the native Database seam', () => {
  const engines = useBothEngines('pkk-native-seam');

  it('returns results in the WASM seam’s shape', async () => {
    const { wasm, native } = engines;
    const sql = `SELECT 42::BIGINT AS b, 7::INTEGER AS i, sum(x) AS s, 0.5::DOUBLE AS d, 'teks' AS t, true AS ok, NULL::VARCHAR AS n FROM range(3) r(x)`;
    const [a, b] = [await wasm.query(sql), await native.query(sql)];
    expect(b.schema.fields.map((f) => f.name)).toEqual(a.schema.fields.map((f) => f.name));
    expect(b.numRows).toBe(1);
    expect(typeof b.getChild('b')?.get(0)).toBe('bigint');
    expect(typeof a.getChild('b')?.get(0)).toBe('bigint');
    expect(b.getChild('nope')).toBeNull();
    // HUGEINT (an integer sum) is the one difference: Arrow's decimal words in WASM, which the app
    // never reads (it casts sums to INTEGER), a BigInt here.
    const { s: wasmSum, ...wasmRest } = toRows(a)[0];
    const { s: nativeSum, ...nativeRest } = toRows(b)[0];
    expect(nativeRest).toEqual(wasmRest);
    expect(wasmSum).toBeInstanceOf(Uint32Array);
    expect(nativeSum).toBe(3);
    expect(toRows(b)).toEqual([{ b: 42, i: 7, s: 3, d: 0.5, t: 'teks', ok: true, n: null }]);
  });

  it('binds parameters, reads registered files and writes CSV through COPY', async () => {
    const { wasm, native } = engines;
    for (const db of [wasm, native]) {
      await db.registerFileText('kecil.csv', 'kode,n\n33.72.01.1001,5\n33.72.01.1002,7\n');
      await db.exec(`CREATE OR REPLACE TABLE kecil AS SELECT * FROM read_csv('kecil.csv', header = true)`);
      await db.dropFile('kecil.csv');
      expect(toRows(await db.query('SELECT n FROM kecil WHERE kode = ?', ['33.72.01.1002']))).toEqual([{ n: 7 }]);
      expect(new TextDecoder().decode(await db.copyToCsv('SELECT * FROM kecil ORDER BY kode'))).toBe('kode,n\n33.72.01.1001,5\n33.72.01.1002,7\n');
    }
    await expect(native.query(`SELECT * FROM read_csv('kecil.csv')`)).rejects.toThrow();
  });

  it('loads no extension on demand: parquet and json are built in, others fail at once', async () => {
    const { native } = engines;
    const loaded = toRows(await native.query(`SELECT extension_name AS e FROM duckdb_extensions() WHERE loaded ORDER BY 1`)).map((r) => r.e);
    expect(loaded).toEqual(expect.arrayContaining(['json', 'parquet']));
    await expect(native.query(`SELECT ST_Point(1, 2)`)).rejects.toThrow();
  });
});

describe('household aggregates on DuckDB-WASM and native DuckDB', () => {
  const engines = useBothEngines('pkk-engines');

  it.each(CASES)(
    '$name: every kelurahan, every column exactly equal',
    async ({ text, deprivations, k }) => {
      const { wasm, native, dir } = engines;
      await wasm.registerFileText('rt.csv', text);
      writeFileSync(join(dir, 'rt.csv'), text);
      const a = await aggregate(wasm, 'rt.csv', deprivations, k);
      const b = await aggregate(native, join(dir, 'rt.csv'), deprivations, k);
      expect(a.rows.length).toBeGreaterThanOrEqual(54);
      expect(Object.keys(a.rows[0])).toContain('af_m0');
      expect(b.rows).toEqual(a.rows);
      expect(b.summary).toEqual(a.summary);
      // Each figure is compared bit for bit, not within a tolerance.
      for (let i = 0; i < a.rows.length; i++)
        for (const [column, value] of Object.entries(a.rows[i])) expect(Object.is(b.rows[i][column], value), `${a.rows[i].kode} ${column}`).toBe(true);
    },
    120_000,
  );

  it('the messy variant exercises what the demo does not', async () => {
    const { wasm } = engines;
    await wasm.registerFileText('rt.csv', messyVariant(DEMO));
    const { summary } = await aggregate(wasm, 'rt.csv', CASES[2].deprivations, CASES[2].k);
    expect(summary.notJoined).toBeGreaterThan(0);
    expect(summary.desilUnknown).toBeGreaterThan(0);
    expect(summary.incomplete).toBeGreaterThan(0);
    expect(summary.duplicateIds).toBe(1);
  }, 120_000);
});
