import { describe, expect, it } from 'vitest';
import { rollup } from '../../../src/analysis/rollup';

describe('rollup', () => {
  it('recomputes rates from summed counts and denominators, never averaging rates', () => {
    // Kecamatan A: 10/100 (10 %) and 90/900 (10 %) -> 100/1000 = 10 %.
    // Kecamatan B: 5/10 (50 %) and 10/1000 (1 %) -> 15/1010 = 1.485 %, where the mean of rates would say 25.5 %.
    const r = rollup(
      [
        { group: 'A', count: 10, denominator: 100 },
        { group: 'B', count: 5, denominator: 10 },
        { group: 'A', count: 90, denominator: 900 },
        { group: 'B', count: 10, denominator: 1000 },
      ],
      100,
    );
    expect(r.groups.map((g) => [g.group, g.count, g.denominator, g.kelurahan, g.withData])).toEqual([
      ['A', 100, 1000, 2, 2],
      ['B', 15, 1010, 2, 2],
    ]);
    expect(r.groups[0].rate).toBeCloseTo(10, 12);
    expect(r.groups[1].rate).toBeCloseTo(1500 / 1010, 12); // 1.4851
    // city: 115 / 2010 * 100 = 5.7214
    expect(r.total.count).toBe(115);
    expect(r.total.rate).toBeCloseTo(11500 / 2010, 12);
  });

  it('leaves out the denominator of rows without a count, and rows without a denominator from the rate', () => {
    // A: 20/200, (null)/300 -> count 20, denominator 200, rate 10 per 100; withData 1 of 2.
    // B: 7/(null), 3/100 -> count 10, denominator 100, rate 3/100 = 3 per 100 (7 has no denominator).
    // C: only nulls -> count 0, rate null.
    const r = rollup(
      [
        { group: 'A', count: 20, denominator: 200 },
        { group: 'A', count: null, denominator: 300 },
        { group: 'B', count: 7, denominator: null },
        { group: 'B', count: 3, denominator: 100 },
        { group: 'C', count: null, denominator: null },
      ],
      100,
    );
    expect(r.groups).toEqual([
      { group: 'A', count: 20, denominator: 200, rate: 10, kelurahan: 2, withData: 1 },
      { group: 'B', count: 10, denominator: 100, rate: 3, kelurahan: 2, withData: 2 },
      { group: 'C', count: 0, denominator: 0, rate: null, kelurahan: 1, withData: 0 },
    ]);
    // total: counts 20 + 7 + 3 = 30; rate over rows with both: (20 + 3) / (200 + 100) * 1000 = 76.667 per 1000
    const perMille = rollup(
      [
        { group: 'A', count: 20, denominator: 200 },
        { group: 'B', count: 7, denominator: null },
        { group: 'B', count: 3, denominator: 100 },
      ],
      1000,
    );
    expect(perMille.total.count).toBe(30);
    expect(perMille.total.rate).toBeCloseTo(23000 / 300, 12);
    expect(rollup([], 100).total).toEqual({ group: '', count: 0, denominator: 0, rate: null, kelurahan: 0, withData: 0 });
  });
});
