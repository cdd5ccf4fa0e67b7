/**
 * The benchmark's household rows (tests/bench/lib/households.ts: id_rumah_tangga, kode, desil,
 * rumah_layak, air_layak, sanitasi_layak as 1 = has it, jumlah_anggota) fit aggregateHouseholds
 * through a typed view, and give the same counts as the benchmark's own JavaScript loop. So the
 * 1M-row measure and the app's aggregation count the same things.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/analysis/random';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { toRows } from '../../../src/data/database';
import { aggregateHouseholds } from '../../../src/data/households';
import { aggregateRows, parseHouseholds } from '../../bench/pages/households-js';

/** Bench-format rows (same columns and value ranges as the bench generator, fewer rows). */
function benchCsv(n: number): string {
  const random = createRandom(20250701);
  const kode = ['33.72.01.1001', '33.72.03.1002', '33.72.05.1015'];
  const flag = (p: number) => (random.next() < p ? 0 : 1);
  const lines = ['id_rumah_tangga,kode,desil,rumah_layak,air_layak,sanitasi_layak,jumlah_anggota'];
  for (let id = 1; id <= n; id++) {
    const desil = random.int(1, 10);
    const poor = desil <= 4;
    lines.push(`${id},${kode[random.int(0, 2)]},${desil},${flag(poor ? 0.25 : 0.05)},${flag(poor ? 0.2 : 0.05)},${flag(poor ? 0.25 : 0.08)},${random.int(1, 7)}`);
  }
  return lines.join('\n') + '\n';
}

describe('benchmark rows through aggregateHouseholds', () => {
  it('give the benchmark loop’s counts per kelurahan', async () => {
    const text = benchCsv(3000);
    const db = await openNodeDatabase();
    await db.registerFileText('rumah_tangga.csv', text);
    await db.exec(`CREATE TABLE rumah_tangga AS SELECT * FROM read_csv('rumah_tangga.csv', header = true,
      columns = {'id_rumah_tangga': 'INTEGER', 'kode': 'VARCHAR', 'desil': 'TINYINT', 'rumah_layak': 'TINYINT',
                 'air_layak': 'TINYINT', 'sanitasi_layak': 'TINYINT', 'jumlah_anggota': 'TINYINT'})`);
    await db.exec(`CREATE VIEW rt AS SELECT kode, id_rumah_tangga::VARCHAR AS id_rt, desil::INTEGER AS desil,
      rumah_layak = 0 AS rtlh, air_layak = 0 AS tanpa_air_layak, sanitasi_layak = 0 AS tanpa_sanitasi_layak FROM rumah_tangga`);
    await aggregateHouseholds(db, {
      view: 'rt',
      deprivations: ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak'].map((column) => ({ column, weight: 1 })),
      k: 1 / 3,
      target: 'agg',
    });
    const ours = new Map(toRows(await db.query('SELECT * FROM agg')).map((r) => [r.kode, r]));
    const theirs = aggregateRows(parseHouseholds(text));
    expect(theirs).toHaveLength(3);
    for (const t of theirs) {
      const o = ours.get(t.kode)!;
      expect(o.households).toBe(t.rumah_tangga);
      expect((o.desil_1 as number) + (o.desil_2 as number) + (o.desil_3 as number) + (o.desil_4 as number)).toBe(t.rt_desil_1_4);
      expect(o.desil_1).toBe(t.rt_desil_1);
      expect(o.deprived_rtlh).toBe(t.rtlh);
      expect(o.deprived_tanpa_air_layak).toBe(t.rt_tanpa_air_layak);
      expect(o.deprived_tanpa_sanitasi_layak).toBe(t.rt_tanpa_sanitasi_layak);
    }
  });
});
