/**
 * The DuckDB aggregation and matching (src/data/households.ts) against the pure references: the
 * Alkire-Foster module and a plain loop, on seeded random households with unknown values, rows
 * without a kelurahan, invalid desil and duplicate ids; and the matching on a hand-checked case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { alkireFosterByGroup } from '../../../src/analysis/alkire-foster';
import { createRandom } from '../../../src/analysis/random';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { toRows, type Database, type Row } from '../../../src/data/database';
import { aggregateHouseholds, matchBeneficiaries } from '../../../src/data/households';
import { ImportError } from '../../../src/data/importers/types';

const COLUMNS = ['rtlh', 'air', 'sanitasi', 'sekolah'];
const KODES = ['33.72.01.1001', '33.72.01.1002', '33.72.03.1002', '33.72.05.1015', '33.72.09.9999'];

interface Household {
  id_rt: string | null;
  kode: string | null;
  desil: number | null;
  flags: (boolean | null)[];
}

/** Seeded households: 3 % without kode, 4 % without desil, 1 % desil 11, 4 % unknown per flag, some duplicate ids. */
function randomHouseholds(n: number, seed: number): Household[] {
  const random = createRandom(seed);
  const rows: Household[] = [];
  for (let i = 0; i < n; i++) {
    const kode = random.next() < 0.03 ? null : KODES[Math.floor(random.next() * KODES.length)];
    const u = random.next();
    const desil = u < 0.04 ? null : u < 0.05 ? 11 : random.int(1, 10);
    const p = desil !== null && desil <= 4 ? 0.4 : 0.12;
    const flags = COLUMNS.map(() => (random.next() < 0.04 ? null : random.next() < p));
    const id = random.next() < 0.01 ? `H${random.int(0, i)}` : `H${i}`;
    rows.push({ id_rt: random.next() < 0.005 ? null : id, kode, desil, flags });
  }
  return rows;
}

async function loadHouseholds(db: Database, name: string, rows: Household[]): Promise<void> {
  const cell = (v: string | number | boolean | null) => (v === null ? '' : String(v));
  const text = ['id_rt,kode,desil,' + COLUMNS.join(','), ...rows.map((r) => [r.id_rt, r.kode, r.desil, ...r.flags].map(cell).join(','))].join('\n');
  await db.registerFileText(`${name}.csv`, text);
  const types = COLUMNS.map((c) => `'${c}': 'BOOLEAN'`).join(', ');
  await db.exec(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM read_csv('${name}.csv', header = true,
    columns = {'id_rt': 'VARCHAR', 'kode': 'VARCHAR', 'desil': 'INTEGER', ${types}})`);
}

/** The aggregate table as rows keyed by kode. */
async function byKode(db: Database, table: string): Promise<Map<string, Row>> {
  return new Map(toRows(await db.query(`SELECT * FROM ${table}`)).map((r) => [String(r.kode), r]));
}

let db: Database;
const households = randomHouseholds(4000, 20250707);

// Starting DuckDB and loading 4,000 households took over the 10 s default on a busy 2-core machine.
beforeAll(async () => {
  db = await openNodeDatabase();
  await loadHouseholds(db, 'rt', households);
}, 120_000);

describe('aggregateHouseholds', () => {
  const configs = [
    { weights: [3, 1, 1, 2], k: 0.3 },
    { weights: [1, 1, 1, 1], k: 0.5 }, // many scores exactly at k
    { weights: [1, 1, 1, 1], k: 1 },
  ];
  for (const { weights, k } of configs) {
    it(`agrees with the TypeScript reference (weights ${weights}, k = ${k})`, async () => {
      const summary = await aggregateHouseholds(db, { view: 'rt', deprivations: COLUMNS.map((column, j) => ({ column, weight: weights[j] })), k, target: 'agg' });
      const table = await byKode(db, 'agg');
      const ref = alkireFosterByGroup(
        households.map((h) => h.flags),
        households.map((h) => h.kode),
        { weights, k },
      );
      expect([...table.keys()].sort()).toEqual([...ref.keys()].sort());
      expect(summary.kelurahan).toBe(KODES.length);
      for (const [kode, r] of ref) {
        const row = table.get(kode)!;
        const own = households.filter((h) => h.kode === kode);
        expect(row.households).toBe(r.households);
        expect(row.households_known).toBe(r.complete);
        expect(row.af_poor).toBe(r.poor);
        expect(row.af_h as number).toBeCloseTo(r.h!, 12);
        expect(row.af_a as number).toBeCloseTo(r.a!, 12);
        expect(row.af_m0 as number).toBeCloseTo(r.m0!, 12);
        // The identity holds in SQL too.
        expect(row.af_m0 as number).toBeCloseTo((row.af_h as number) * (row.af_a as number), 12);
        let sum = 0;
        COLUMNS.forEach((c, j) => {
          expect(row[`af_ch_${c}`] as number).toBeCloseTo(r.censoredHeadcount[j]!, 12);
          expect(row[`af_contrib_${c}`] as number).toBeCloseTo(r.contributions[j]!, 12);
          sum += row[`af_contrib_${c}`] as number;
          expect(row[`deprived_${c}`]).toBe(own.filter((h) => h.flags[j] === true).length);
          expect(row[`unknown_${c}`]).toBe(own.filter((h) => h.flags[j] === null).length);
        });
        expect(sum).toBeCloseTo(1, 12);
        for (let d = 1; d <= 10; d++) expect(row[`desil_${d}`]).toBe(own.filter((h) => h.desil === d).length);
        const unknownDesil = own.filter((h) => h.desil === null || h.desil > 10).length;
        expect(row.desil_unknown).toBe(unknownDesil);
        const d14 = own.filter((h) => h.desil !== null && h.desil <= 4).length;
        expect(row.share_desil_1_4 as number).toBeCloseTo(d14 / (own.length - unknownDesil), 12);
      }
    });
  }

  it('reports what it left out', async () => {
    const s = await aggregateHouseholds(db, { view: 'rt', deprivations: COLUMNS.map((column) => ({ column, weight: 1 })), k: 0.5, target: 'agg' });
    const joined = households.filter((h) => h.kode !== null);
    const ids = new Map<string, number>();
    for (const h of households) if (h.id_rt !== null) ids.set(h.id_rt, (ids.get(h.id_rt) ?? 0) + 1);
    const dups = [...ids.values()].filter((n) => n > 1);
    expect(s).toMatchObject({
      rows: 4000,
      notJoined: households.length - joined.length,
      desilUnknown: joined.filter((h) => h.desil === null || h.desil > 10).length,
      incomplete: joined.filter((h) => h.flags.includes(null)).length,
      missingIds: households.filter((h) => h.id_rt === null).length,
      duplicateIds: dups.length,
      duplicateRows: dups.reduce((a, n) => a + n - 1, 0),
      weights: { rtlh: 0.25, air: 0.25, sanitasi: 0.25, sekolah: 0.25 },
    });
    expect(s.notJoined).toBeGreaterThan(0);
    expect(s.duplicateIds).toBeGreaterThan(0);
    expect(s.unknownByColumn.rtlh).toBe(joined.filter((h) => h.flags[0] === null).length);
  });

  it('gives A = 0 and null contributions where nobody is poor', async () => {
    await db.exec(`CREATE OR REPLACE TABLE calm AS SELECT * FROM (VALUES ('K1', 'a', 5, false, true), ('K1', 'b', 6, false, false), ('K2', 'c', 1, NULL, true))
      v(kode, id_rt, desil, x, y)`);
    await aggregateHouseholds(db, {
      view: 'calm',
      deprivations: [
        { column: 'x', weight: 1 },
        { column: 'y', weight: 1 },
      ],
      k: 1,
      target: 'calm_agg',
    });
    const t = await byKode(db, 'calm_agg');
    expect(t.get('K1')).toMatchObject({ households: 2, households_known: 2, af_poor: 0, af_h: 0, af_a: 0, af_m0: 0, af_contrib_x: null, af_contrib_y: null, share_y: 0.5 });
    // K2's only household is incomplete: no AF figures at all.
    expect(t.get('K2')).toMatchObject({ households: 1, households_known: 0, af_h: null, af_a: null, af_m0: null, unknown_x: 1 });
  });

  it('throws ImportError with a message key for what the user can get wrong', async () => {
    const base = { view: 'rt', k: 0.5, target: 'bad' };
    const key = async (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof ImportError ? e.key : String(e)),
      );
    expect(await key(aggregateHouseholds(db, { ...base, deprivations: [{ column: 'tidak_ada', weight: 1 }] }))).toBe('households.columnMissing');
    expect(await key(aggregateHouseholds(db, { ...base, deprivations: [{ column: 'kode', weight: 1 }] }))).toBe('households.columnType.boolean');
    expect(await key(aggregateHouseholds(db, { ...base, deprivations: [{ column: 'rtlh', weight: 0 }] }))).toBe('households.weightInvalid');
    expect(await key(aggregateHouseholds(db, { ...base, deprivations: [] }))).toBe('households.noDeprivation');
    expect(
      await key(
        aggregateHouseholds(db, {
          ...base,
          deprivations: [
            { column: 'rtlh', weight: 1 },
            { column: 'rtlh', weight: 2 },
          ],
        }),
      ),
    ).toBe('households.deprivationTwice');
    expect(await key(aggregateHouseholds(db, { ...base, k: 0, deprivations: [{ column: 'rtlh', weight: 1 }] }))).toBe('households.kInvalid');
    expect(await key(matchBeneficiaries(db, { households: 'rt', beneficiaries: 'rt', eligibleMaxDesil: 11, target: 'bad' }))).toBe('households.eligibleInvalid');
  });
});

describe('matchBeneficiaries', () => {
  /*
   * Hand-checked case (eligible = desil 1-4):
   *   households: A1 K1 d1, A2 K1 d3, A3 K1 d6, A4 K1 d?, B1 K2 d2 (listed twice), B2 K2 d9, X1 (no kode) d2
   *   beneficiaries: A1 pkh (twice), A3 pkh, A4 pkh, Z9 pkh (not in records), (no id) pkh,
   *                  B1 bpnt, B2 bpnt, X1 bpnt                                    all 2025
   * pkh:  K1 eligible {A1,A2}: served A1, not served A2; A3 served not eligible; A4 served, desil unknown.
   *       K2 eligible {B1}: not served.  kode NULL: eligible {X1} not served; Z9 unknown household.
   * bpnt: K1 eligible 2, none served. K2: B1 served, B2 served not eligible. kode NULL: X1 served.
   */
  beforeAll(async () => {
    await db.exec(`CREATE OR REPLACE TABLE hh AS SELECT * FROM (VALUES
      ('A1', 'K1', 1), ('A2', 'K1', 3), ('A3', 'K1', 6), ('A4', 'K1', NULL), ('B1', 'K2', 2), ('B1', 'K2', 2), ('B2', 'K2', 9), ('X1', NULL, 2)
    ) v(id_rt, kode, desil)`);
    await db.exec(`CREATE OR REPLACE TABLE ben AS SELECT * FROM (VALUES
      ('A1', 'pkh', 2025), ('A1', 'pkh', 2025), ('A3', 'pkh', 2025), ('A4', 'pkh', 2025), ('Z9', 'pkh', 2025), (NULL, 'pkh', 2025),
      ('B1', 'bpnt', 2025), ('B2', 'bpnt', 2025), ('X1', 'bpnt', 2025)
    ) v(id_rt, program, tahun)`);
  });

  it('counts served, exclusion and inclusion per kode, program and year', async () => {
    const summary = await matchBeneficiaries(db, { households: 'hh', beneficiaries: 'ben', target: 'cocok' });
    const rows = toRows(
      await db.query(`SELECT kode, program, tahun, eligible, eligible_served, eligible_not_served, served_not_eligible,
      served_unknown_desil, served_unknown_household FROM cocok`),
    );
    const compact = rows.map((r) => [
      r.kode,
      r.program,
      r.eligible,
      r.eligible_served,
      r.eligible_not_served,
      r.served_not_eligible,
      r.served_unknown_desil,
      r.served_unknown_household,
    ]);
    expect(compact).toEqual([
      ['K1', 'bpnt', 2, 0, 2, 0, 0, 0],
      ['K1', 'pkh', 2, 1, 1, 1, 1, 0],
      ['K2', 'bpnt', 1, 1, 0, 1, 0, 0],
      ['K2', 'pkh', 1, 0, 1, 0, 0, 0],
      [null, 'bpnt', 1, 1, 0, 0, 0, 0],
      [null, 'pkh', 1, 0, 1, 0, 0, 1],
    ]);
    expect(summary).toEqual({
      beneficiaryRows: 9,
      duplicateBeneficiaryRows: 1,
      beneficiaryRowsWithoutId: 1,
      unknownHouseholdIds: 1,
      duplicateHouseholdIds: 1,
      programYears: 2,
    });
    const k1pkh = toRows(await db.query(`SELECT exclusion_rate, inclusion_rate FROM cocok WHERE kode = 'K1' AND program = 'pkh'`))[0];
    // Exclusion: 1 of 2 eligible; inclusion: 1 (A3) of 2 served with a known desil (A1, A3).
    expect(k1pkh).toEqual({ exclusion_rate: 0.5, inclusion_rate: 0.5 });
  });

  it('moves the eligibility line with eligibleMaxDesil', async () => {
    await matchBeneficiaries(db, { households: 'hh', beneficiaries: 'ben', eligibleMaxDesil: 6, target: 'cocok6' });
    const [r] = toRows(await db.query(`SELECT eligible, eligible_served, served_not_eligible FROM cocok6 WHERE kode = 'K1' AND program = 'pkh'`));
    expect(r).toEqual({ eligible: 3, eligible_served: 2, served_not_eligible: 0 });
  });

  it('agrees with a plain loop on random records', async () => {
    const random = createRandom(7);
    const ids = households.map((h) => h.id_rt).filter((id): id is string => id !== null);
    const list: [string | null, string, number][] = [];
    for (let i = 0; i < 3000; i++) {
      const id = random.next() < 0.05 ? `Z${random.int(1, 200)}` : ids[random.int(0, ids.length - 1)];
      list.push([random.next() < 0.01 ? null : id, random.next() < 0.5 ? 'pkh' : 'bpnt', random.int(2024, 2025)]);
    }
    await db.exec(
      `CREATE OR REPLACE TABLE ben_r AS SELECT * FROM (VALUES ${list.map(([id, p, t]) => `(${id === null ? 'NULL' : `'${id}'`}, '${p}', ${t})`).join(',')}) v(id_rt, program, tahun)`,
    );
    const summary = await matchBeneficiaries(db, { households: 'rt', beneficiaries: 'ben_r', target: 'cocok_r' });
    // Reference: first household row per id by (kode NULLS LAST, desil NULLS LAST), desil outside 1..10 unknown.
    const first = new Map<string, Household>();
    const order = (h: Household) => [h.kode ?? '\uffff', h.desil !== null && h.desil <= 10 ? h.desil : 99] as const;
    for (const h of households) {
      if (h.id_rt === null) continue;
      const prev = first.get(h.id_rt);
      if (!prev) first.set(h.id_rt, h);
      else {
        const [a, b] = [order(h), order(prev)];
        if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) first.set(h.id_rt, h);
      }
    }
    const desilOf = (h: Household) => (h.desil !== null && h.desil <= 10 ? h.desil : null);
    const served = new Set(list.filter(([id]) => id !== null).map(([id, p, t]) => `${id}|${p}|${t}`));
    const table = toRows(await db.query('SELECT * FROM cocok_r'));
    for (const row of table) {
      const members = [...first.values()].filter((h) => h.kode === row.kode);
      const isServed = (h: Household) => served.has(`${h.id_rt}|${row.program}|${row.tahun}`);
      const eligible = members.filter((h) => desilOf(h) !== null && desilOf(h)! <= 4);
      expect(row.eligible).toBe(eligible.length);
      expect(row.eligible_served).toBe(eligible.filter(isServed).length);
      expect(row.eligible_not_served).toBe(eligible.filter((h) => !isServed(h)).length);
      expect(row.served_not_eligible).toBe(members.filter((h) => desilOf(h) !== null && desilOf(h)! > 4 && isServed(h)).length);
      expect(row.served_unknown_desil).toBe(members.filter((h) => desilOf(h) === null && isServed(h)).length);
      const unknown = [...served].filter((key) => {
        const [id, p, t] = key.split('|');
        return p === row.program && Number(t) === row.tahun && !first.has(id);
      }).length;
      expect(row.served_unknown_household).toBe(row.kode === null ? unknown : 0);
    }
    // Every kode (5 + NULL) for every program-year (2 x 2).
    expect(table.length).toBe(6 * 4);
    expect(summary.unknownHouseholdIds).toBe(new Set(list.filter(([id]) => id !== null && !first.has(id)).map(([id]) => id)).size);
  });
});
