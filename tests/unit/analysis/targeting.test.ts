import { describe, expect, it } from 'vitest';
import { allocateBudget, rankRtlh, reasonsFor, type RtlhRow } from '../../../src/analysis/targeting';
import { targetingEn, targetingId } from '../../../src/i18n/modules/targeting';

/*
 * Six hand-made kelurahan. Hand arithmetic for every expectation is in the comments.
 *   kode kec units hh   km²  repaired tieBreak cluster
 *   k1   A   50    200  0.5  10       0.2      HH
 *   k2   A   30    100  1.0   0       0.9      -
 *   k3   B   40    400  0.25 40       0.5      LL
 *   k4   B   30    150  2.0   0       0.1      HL
 *   k5   B   null  100  1.0   0       -        -     (no data: never ranked)
 *   k6   A   20    null 0.1   5       -        -     (no households: no per100)
 */
const rows: RtlhRow[] = [
  { kode: 'k1', nama: 'Satu', kecamatan: 'A', units: 50, households: 200, areaKm2: 0.5, repaired: 10, tieBreak: 0.2, cluster: 'HH' },
  { kode: 'k2', nama: 'Dua', kecamatan: 'A', units: 30, households: 100, areaKm2: 1, repaired: 0, tieBreak: 0.9, cluster: null },
  { kode: 'k3', nama: 'Tiga', kecamatan: 'B', units: 40, households: 400, areaKm2: 0.25, repaired: 40, tieBreak: 0.5, cluster: 'LL' },
  { kode: 'k4', nama: 'Empat', kecamatan: 'B', units: 30, households: 150, areaKm2: 2, repaired: 0, tieBreak: 0.1, cluster: 'HL' },
  { kode: 'k5', nama: 'Lima', kecamatan: 'B', units: null, households: 100, areaKm2: 1, repaired: 0 },
  { kode: 'k6', nama: 'Enam', kecamatan: 'A', units: 20, households: null, areaKm2: 0.1, repaired: 5 },
];
const order = (ranked: { kode: string; rank: number }[]) => ranked.map((r) => `${r.kode}:${r.rank}`);

describe('rankRtlh', () => {
  it('ranks by units with shared ranks on ties and drops rows without data', () => {
    // units: k1 50, k3 40, k2 30 = k4 30 (tie, kode order, both rank 3), k6 20 (rank 5); k5 null dropped.
    const ranked = rankRtlh(rows, { by: 'units', notYetCovered: false });
    expect(order(ranked)).toEqual(['k1:1', 'k3:2', 'k2:3', 'k4:3', 'k6:5']);
    // city remaining = 50 + 40 + 30 + 30 + 20 = 170
    expect(ranked[0].cityRemaining).toBe(170);
    expect(ranked.every((r) => r.n === 5 && r.cityN === 5)).toBe(true);
  });

  it('breaks ties by composite index (higher first) or by LISA cluster (HH, HL, LH, LL, none)', () => {
    // composite: k2 0.9 > k4 0.1, so k2 rank 3, k4 rank 4
    expect(order(rankRtlh(rows, { by: 'units', notYetCovered: false, tieBreak: 'composite' }))).toEqual(['k1:1', 'k3:2', 'k2:3', 'k4:4', 'k6:5']);
    // cluster: k4 is HL, k2 has none, so k4 first
    expect(order(rankRtlh(rows, { by: 'units', notYetCovered: false, tieBreak: 'cluster' }))).toEqual(['k1:1', 'k3:2', 'k4:3', 'k2:4', 'k6:5']);
  });

  it('subtracts past repairs when "not yet covered" is on (floor 0)', () => {
    // remaining: k1 50-10 = 40, k2 30, k3 40-40 = 0, k4 30, k6 20-5 = 15
    const ranked = rankRtlh(rows, { by: 'units', notYetCovered: true });
    expect(order(ranked)).toEqual(['k1:1', 'k2:2', 'k4:2', 'k6:4', 'k3:5']);
    expect(ranked.map((r) => r.remaining)).toEqual([40, 30, 30, 15, 0]);
    // city remaining = 40 + 30 + 30 + 15 + 0 = 115
    expect(ranked[0].cityRemaining).toBe(115);
    // repaired larger than units never goes negative
    const over = rankRtlh([{ ...rows[0], repaired: 80 }], { by: 'units', notYetCovered: true });
    expect(over[0].remaining).toBe(0);
  });

  it('ranks per 100 households and per km², leaving out rows without the denominator', () => {
    // per100: k1 50*100/200 = 25, k2 30*100/100 = 30, k3 40*100/400 = 10, k4 30*100/150 = 20; k6 has no households
    const per100 = rankRtlh(rows, { by: 'per100', notYetCovered: false });
    expect(order(per100)).toEqual(['k2:1', 'k1:2', 'k4:3', 'k3:4']);
    expect(per100.map((r) => r.score)).toEqual([30, 25, 20, 10]);
    expect(per100[0].cityN).toBe(4);
    // k6 has no score but its 20 units still count in the city's RTLH: 170
    expect(per100[0].cityRemaining).toBe(170);
    // perKm2 with repairs subtracted: k6 15/0.1 = 150, k1 40/0.5 = 80, k2 30/1 = 30, k4 30/2 = 15, k3 0/0.25 = 0
    const perKm2 = rankRtlh(rows, { by: 'perKm2', notYetCovered: true });
    expect(order(perKm2)).toEqual(['k6:1', 'k1:2', 'k2:3', 'k4:4', 'k3:5']);
    expect(perKm2[0].score).toBeCloseTo(150, 10);
  });

  it('filters by kecamatan and minimum units, keeping the city rank for reasons', () => {
    // kecamatan B by units: k3 40, k4 30 -> ranks 1, 2 in the filter; city ranks 2 and 3 (tie with k2)
    const b = rankRtlh(rows, { by: 'units', notYetCovered: false, kecamatan: ['B'] });
    expect(order(b)).toEqual(['k3:1', 'k4:2']);
    expect(b.map((r) => [r.cityRank, r.cityN, r.n])).toEqual([
      [2, 5, 2],
      [3, 5, 2],
    ]);
    // minimum 30 remaining units after repairs: k1 40, k2 30, k4 30 (k6 15 and k3 0 out)
    const min = rankRtlh(rows, { by: 'units', notYetCovered: true, minUnits: 30 });
    expect(order(min)).toEqual(['k1:1', 'k2:2', 'k4:2']);
    // an empty kecamatan list means every kecamatan
    expect(rankRtlh(rows, { by: 'units', notYetCovered: false, kecamatan: [] })).toHaveLength(5);
  });
});

describe('allocateBudget', () => {
  // ranking used below (units, repairs subtracted): k1 40, k2 30, k4 30, k6 15, k3 0; city remaining 115
  const ranked = rankRtlh(rows, { by: 'units', notYetCovered: true });

  it('allocates a number of units greedily, the last kelurahan partly', () => {
    // 50 units: k1 gets 40 (all), k2 gets 50-40 = 10 of 30
    const a = allocateBudget(ranked, { units: 50 });
    expect(a.lines.map((l) => [l.kode, l.units, l.remainingAfter, l.partial])).toEqual([
      ['k1', 40, 0, false],
      ['k2', 10, 20, true],
    ]);
    expect(a.lines.every((l) => l.households === l.units && l.cost === null)).toBe(true);
    expect(a.totals.units).toBe(50);
    expect(a.totals.households).toBe(50);
    expect(a.totals.shareOfCity).toBeCloseTo(50 / 115, 12); // 0.4348
    expect(a.totals.uncoveredCity).toBe(65); // 115 - 50
    expect(a.totals.uncoveredRanked).toBe(65);
    expect(a.totals.unitsLeft).toBe(0);
    expect(a.totals.moneyLeft).toBeNull();
    expect(a.issue).toBeNull();
  });

  it('turns money into units with floor(money / cost per unit) and reports money left', () => {
    // Rp 1.000.000.000 / Rp 15.000.000 = 66.67 -> 66 units: k1 40 (Rp 600 jt), k2 26 (Rp 390 jt)
    const a = allocateBudget(ranked, { money: 1_000_000_000, costPerUnit: 15_000_000 });
    expect(a.budgetUnits).toBe(66);
    expect(a.lines.map((l) => [l.kode, l.units, l.cost])).toEqual([
      ['k1', 40, 600_000_000],
      ['k2', 26, 390_000_000],
    ]);
    expect(a.totals.cost).toBe(990_000_000);
    expect(a.totals.moneyLeft).toBe(10_000_000); // 1.000 jt - 990 jt
    // units and money together: the smaller binds (20 units < 66)
    expect(allocateBudget(ranked, { units: 20, money: 1_000_000_000, costPerUnit: 15_000_000 }).totals.units).toBe(20);
  });

  it('serves included kelurahan first and skips excluded ones', () => {
    // include k6 (rank 4), exclude k1; 50 units: k6 15, then k2 30, then k4 50-45 = 5
    const a = allocateBudget(ranked, { units: 50 }, { include: new Set(['k6', 'k5']), exclude: new Set(['k1']) });
    expect(a.lines.map((l) => [l.kode, l.units, l.included])).toEqual([
      ['k6', 15, true],
      ['k2', 30, false],
      ['k4', 5, false],
    ]);
    // k5 has no RTLH data, so it is not in the ranking and got nothing
    expect(a.includedNotRanked).toEqual(['k5']);
    // exclusion wins over inclusion
    const both = allocateBudget(ranked, { units: 50 }, { include: new Set(['k1']), exclude: new Set(['k1']) });
    expect(both.lines.map((l) => l.kode)).toEqual(['k2', 'k4']);
  });

  it('covers every kelurahan when the budget exceeds all RTLH, and keeps the rest', () => {
    // 1000 units for 115 remaining: all covered, k3 (0 left) gets no line, 885 units left
    const a = allocateBudget(ranked, { units: 1000 });
    expect(a.lines.map((l) => [l.kode, l.units])).toEqual([
      ['k1', 40],
      ['k2', 30],
      ['k4', 30],
      ['k6', 15],
    ]);
    expect(a.totals.units).toBe(115);
    expect(a.totals.shareOfCity).toBe(1);
    expect(a.totals.uncoveredCity).toBe(0);
    expect(a.totals.unitsLeft).toBe(885);
  });

  it('measures the share against the whole city even when the ranking is filtered', () => {
    // kecamatan B, units without repairs: k3 40, k4 30; city remaining 170; 50 units -> k3 40, k4 10
    const b = rankRtlh(rows, { by: 'units', notYetCovered: false, kecamatan: ['B'] });
    const a = allocateBudget(b, { units: 50 });
    expect(a.totals.shareOfCity).toBeCloseTo(50 / 170, 12);
    expect(a.totals.uncoveredCity).toBe(120); // 170 - 50
    expect(a.totals.uncoveredRanked).toBe(20); // 70 - 50
  });

  // Issue 15, item 6: a click into a spent budget used to push another kelurahan out silently.
  it('keeps every pinned kelurahan in full when they alone exceed the budget, and states the shortfall', () => {
    // 30 units; pinned k1 (40) and k4 (30) = 70: both stay whole, 70 - 30 = 40 short, nothing left for the ranking
    const a = allocateBudget(ranked, { units: 30 }, { include: new Set(['k4', 'k1']), exclude: new Set() });
    expect(a.lines.map((l) => [l.kode, l.units, l.partial, l.included])).toEqual([
      ['k1', 40, false, true],
      ['k4', 30, false, true],
    ]);
    expect(a.shortfall).toEqual({ units: 40, money: null });
    expect(a.totals.units).toBe(70); // the total shows the overrun
    expect(a.totals.unitsLeft).toBe(0);
  });

  it('serves pinned kelurahan in full within the budget and lets the ranking fill the rest, with no shortfall', () => {
    // 60 units; pinned k4 30 and k3 (0 left, still listed), then ranking: k1 gets 60 - 30 = 30 of 40
    const a = allocateBudget(ranked, { units: 60 }, { include: new Set(['k4', 'k3']), exclude: new Set() });
    expect(a.lines.map((l) => [l.kode, l.units, l.included])).toEqual([
      ['k4', 30, true],
      ['k3', 0, true],
      ['k1', 30, false],
    ]);
    expect(a.shortfall).toBeNull();
    expect(a.totals.units).toBe(60);
  });

  it('never allocates a kelurahan pinned out, even one also pinned in, and counts the shortfall without it', () => {
    // 10 units; pinned k1 and k2 but k1 taken out: k2 keeps its 30, 20 short; k1 absent
    const a = allocateBudget(ranked, { units: 10 }, { include: new Set(['k1', 'k2']), exclude: new Set(['k1']) });
    expect(a.lines.map((l) => [l.kode, l.units])).toEqual([['k2', 30]]);
    expect(a.shortfall).toEqual({ units: 20, money: null });
    // a large budget does not bring it back either
    expect(allocateBudget(ranked, { units: 1000 }, { include: new Set(), exclude: new Set(['k1']) }).lines.map((l) => l.kode)).toEqual(['k2', 'k4', 'k6']);
  });

  it('states a money shortfall in rupiah against the money budget, the remainder below one unit included', () => {
    // Rp 1.010.000.000 / Rp 15.000.000 = 67.3 -> 67 units; pinned k1 40 + k2 30 + k4 30 = 100 units = Rp 1.500.000.000
    // short 100 - 67 = 33 units, Rp 1.500.000.000 - 1.010.000.000 = Rp 490.000.000 (33 x 15 jt = 495 jt would ignore the Rp 5 jt remainder)
    const a = allocateBudget(ranked, { money: 1_010_000_000, costPerUnit: 15_000_000 }, { include: new Set(['k1', 'k2', 'k4']), exclude: new Set() });
    expect(a.budgetUnits).toBe(67);
    expect(a.shortfall).toEqual({ units: 33, money: 490_000_000 });
    expect(a.totals.cost).toBe(1_500_000_000);
    expect(a.totals.moneyLeft).toBe(0);
    // a units budget with a cost per unit says rupiah as units x cost: 30 units, pinned 40 -> 10 x 15 jt
    expect(allocateBudget(ranked, { units: 30, costPerUnit: 15_000_000 }, { include: new Set(['k1']), exclude: new Set() }).shortfall).toEqual({ units: 10, money: 150_000_000 });
  });

  it('gives a kelurahan kept when another was added at least the units it had, and tops it up down the ranking', () => {
    // kept k1 at 10 (of 40), clicked k6 15: 25 promised; 30 units leave 5 for the ranking, which tops up k1 first
    const a = allocateBudget(ranked, { units: 30 }, { include: new Set(['k6']), exclude: new Set(), keep: new Map([['k1', 10]]) });
    expect(a.lines.map((l) => [l.kode, l.units, l.included])).toEqual([
      ['k1', 15, true],
      ['k6', 15, true],
    ]);
    expect(a.shortfall).toBeNull();
    // 20 units: promised 25, all kept, 5 short
    const short = allocateBudget(ranked, { units: 20 }, { include: new Set(['k6']), exclude: new Set(), keep: new Map([['k1', 10]]) });
    expect(short.lines.map((l) => [l.kode, l.units])).toEqual([
      ['k1', 10],
      ['k6', 15],
    ]);
    expect(short.shortfall).toEqual({ units: 5, money: null });
  });

  it('keeps pinned kelurahan listed when the budget cannot be read, naming the problem rather than a shortfall', () => {
    const a = allocateBudget(ranked, { money: 5e8 }, { include: new Set(['k2']), exclude: new Set() });
    expect([a.issue, a.shortfall, a.lines.map((l) => [l.kode, l.units])]).toEqual(['targeting.budget.costMissing', null, [['k2', 30]]]);
  });

  it('names an unusable budget instead of allocating', () => {
    expect(allocateBudget(ranked, {}).issue).toBe('targeting.budget.missing');
    const noCost = allocateBudget(ranked, { money: 5e8 });
    expect([noCost.issue, noCost.budgetUnits, noCost.lines.length]).toEqual(['targeting.budget.costMissing', 0, 0]);
    expect(allocateBudget(ranked, { money: 5e8, costPerUnit: 0 }).issue).toBe('targeting.budget.costMissing');
    expect(allocateBudget(ranked, { units: -3 }).issue).toBe('targeting.budget.negative');
    expect(allocateBudget(ranked, { units: Number.NaN }).issue).toBe('targeting.budget.negative');
  });
});

describe('reasonsFor', () => {
  it('gives the rate with its city rank, the count, what remains, the cluster and the repairs', () => {
    // per100 after repairs: k2 30*100/100 = 30 (1); k1 40*100/200 = 20 and k4 30*100/150 = 20 (2, 2); k3 0 (4)
    const ranked = rankRtlh(rows, { by: 'per100', notYetCovered: true });
    const k1 = ranked.find((r) => r.kode === 'k1')!;
    expect(reasonsFor(k1, { by: 'per100', notYetCovered: true, repairYears: { from: 2023, to: 2025 } })).toEqual([
      { key: 'targeting.reason.per100', params: { value: 20, rank: 2, n: 4 } },
      { key: 'targeting.reason.count', params: { units: 40 } },
      { key: 'targeting.reason.remaining', params: { remaining: 40, units: 50 } },
      { key: 'targeting.reason.cluster.HH', params: { cluster: 'HH' } },
      { key: 'targeting.reason.repaired', params: { units: 10, from: 2023, to: 2025 } },
    ]);
  });

  it('rounds rates to one decimal and names the composite index and a user inclusion', () => {
    // 103 * 100 / 250 = 41.2; 7 * 100 / 30 = 23.333 -> 23.3
    const one = rankRtlh(
      [
        { kode: 'a', nama: 'A', kecamatan: 'X', units: 103, households: 250, areaKm2: 1, repaired: 0, tieBreak: 0.12345 },
        { kode: 'b', nama: 'B', kecamatan: 'X', units: 7, households: 30, areaKm2: 1, repaired: 0 },
      ],
      { by: 'per100', notYetCovered: false, tieBreak: 'composite' },
    );
    expect(reasonsFor(one[0], { by: 'per100', tieBreak: 'composite', included: true })).toEqual([
      { key: 'targeting.reason.per100', params: { value: 41.2, rank: 1, n: 2 } },
      { key: 'targeting.reason.count', params: { units: 103 } },
      { key: 'targeting.reason.composite', params: { value: 0.123 } },
      { key: 'targeting.reason.included', params: {} },
    ]);
    expect(reasonsFor(one[1], { by: 'per100' })[0].params).toEqual({ value: 23.3, rank: 2, n: 2 });
    // by units: the remaining count is the score, no separate count reason
    const units = rankRtlh(rows, { by: 'units', notYetCovered: false });
    expect(reasonsFor(units[0], { by: 'units' })).toEqual([
      { key: 'targeting.reason.units', params: { value: 50, rank: 1, n: 5 } },
      { key: 'targeting.reason.cluster.HH', params: { cluster: 'HH' } },
    ]);
  });

  it('has Indonesian and English text with the same placeholders for every key', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(targetingEn).sort()).toEqual(Object.keys(targetingId).sort());
    for (const key of Object.keys(targetingId) as (keyof typeof targetingId)[]) {
      expect(placeholders(targetingEn[key]), key).toEqual(placeholders(targetingId[key]));
    }
    // every reason a row can produce has text, with every param it uses
    const ranked = rankRtlh(rows, { by: 'perKm2', notYetCovered: true, tieBreak: 'composite' });
    for (const row of ranked) {
      const context = { by: 'perKm2', notYetCovered: true, tieBreak: 'composite', repairYears: { from: 2021, to: 2024 } } as const;
      for (const reason of [...reasonsFor(row, { ...context, included: true }), ...reasonsFor(row, { ...context, kept: true })]) {
        expect(placeholders(targetingId[reason.key])).toEqual(
          Object.keys(reason.params)
            .filter((p) => p !== 'cluster')
            .sort(),
        );
      }
    }
  });
});
