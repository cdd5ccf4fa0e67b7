import { describe, expect, it } from 'vitest';
import { alkireFoster, alkireFosterByGroup, normaliseWeights, UNKNOWN } from '../../../src/analysis/alkire-foster';
import { AnalysisError } from '../../../src/analysis/errors';

/*
 * Worked example, checked by hand. Three indicators with raw weights 2, 1, 1, normalised to
 * w = (1/2, 1/4, 1/4); cut-off k = 1/2.
 *
 *   household  d1 d2 d3   score c_i               poor (c_i >= 1/2)?
 *   h1          1  0  0   1/2                     yes (exactly k: boundary counts as poor)
 *   h2          0  1  1   1/4 + 1/4 = 1/2         yes (exactly k)
 *   h3          0  1  0   1/4                     no
 *   h4          1  1  1   1                       yes
 *   h5          0  0  0   0                       no
 *   h6          1  ?  0   unknown                 left out: incomplete (tidak lengkap)
 *
 * n = 5 complete households, q = 3 poor.
 *   H  = 3/5 = 0.6
 *   A  = (1/2 + 1/2 + 1) / 3 = 2/3
 *   M0 = H * A = 0.6 * 2/3 = 0.4
 * Uncensored headcounts: d1 {h1,h4} = 2/5, d2 {h2,h3,h4} = 3/5, d3 {h2,h4} = 2/5.
 * Censored (poor only; h3's deprivation in d2 is censored): CH = (2/5, 2/5, 2/5).
 *   sum_j w_j CH_j = 1/2*0.4 + 1/4*0.4 + 1/4*0.4 = 0.2 + 0.1 + 0.1 = 0.4 = M0
 * Contributions w_j CH_j / M0 = 0.2/0.4, 0.1/0.4, 0.1/0.4 = 0.5, 0.25, 0.25 (sum 1).
 */
const example: (boolean | null)[][] = [
  [true, false, false],
  [false, true, true],
  [false, true, false],
  [true, true, true],
  [false, false, false],
  [true, null, false],
];

describe('Alkire-Foster', () => {
  it('matches the hand-worked example', () => {
    const r = alkireFoster(example, { weights: [2, 1, 1], k: 0.5 });
    expect(r.households).toBe(6);
    expect(r.complete).toBe(5);
    expect(r.incomplete).toBe(1);
    expect(r.poor).toBe(3);
    expect(r.h).toBeCloseTo(0.6, 15);
    expect(r.a).toBeCloseTo(2 / 3, 15);
    expect(r.m0).toBeCloseTo(0.4, 15);
    expect(r.headcount).toEqual([0.4, 0.6, 0.4]);
    expect(r.censoredHeadcount).toEqual([0.4, 0.4, 0.4]);
    r.contributions.forEach((c, j) => expect(c).toBeCloseTo([0.5, 0.25, 0.25][j], 15));
  });

  it('keeps the identity M0 = H x A = sum_j w_j CH_j, contributions summing to 1', () => {
    const r = alkireFoster(example, { weights: [2, 1, 1], k: 0.5 });
    const w = normaliseWeights([2, 1, 1]);
    expect(r.m0!).toBeCloseTo(r.h! * r.a!, 14);
    expect(r.m0!).toBeCloseTo(
      w.reduce((s, wj, j) => s + wj * r.censoredHeadcount[j]!, 0),
      14,
    );
    expect(r.contributions.reduce<number>((s, c) => s + c!, 0)).toBeCloseTo(1, 14);
  });

  it('counts a score exactly at k as poor, and just below k as not poor', () => {
    // Just above 1/2, h1 and h2 (score exactly 1/2) drop out: q = 1 (h4), H = 1/5, A = 1, M0 = 0.2.
    const r = alkireFoster(example, { weights: [2, 1, 1], k: 0.5000001 });
    expect(r.poor).toBe(1);
    expect(r.h).toBeCloseTo(0.2, 15);
    expect(r.a).toBe(1);
    // Six equal weights: 1/6 + 1/6 in floating point must still reach k = 1/3.
    const six = [[true, true, false, false, false, false]];
    expect(alkireFoster(six, { weights: [1, 1, 1, 1, 1, 1], k: 1 / 3 }).poor).toBe(1);
    expect(alkireFoster(six, { weights: [1, 1, 1, 1, 1, 1], k: 0.34 }).poor).toBe(0);
  });

  it('gives H = 0, A = 0 and null contributions when nobody is poor', () => {
    const r = alkireFoster(
      [
        [false, true, false],
        [false, false, true],
      ],
      { weights: [2, 1, 1], k: 0.5 },
    );
    expect(r).toMatchObject({ poor: 0, h: 0, a: 0, m0: 0, censoredHeadcount: [0, 0, 0], contributions: [null, null, null] });
    expect(r.headcount).toEqual([0, 0.5, 0.5]);
  });

  it('gives nulls for a group with no complete household', () => {
    const r = alkireFoster([[true, null, false]], { weights: [1, 1, 1], k: 1 / 3 });
    expect(r).toMatchObject({ households: 1, complete: 0, incomplete: 1, h: null, a: null, m0: null, contributions: [null, null, null] });
  });

  it('reads a Uint8Array matrix with UNKNOWN the same as boolean rows, per group', () => {
    const data = new Uint8Array(example.flatMap((row) => row.map((v) => (v === null ? UNKNOWN : v ? 1 : 0))));
    const groups = ['A', 'A', 'B', 'A', 'B', 'A'];
    const fromBytes = alkireFosterByGroup({ data, households: 6, indicators: 3 }, groups, { weights: [2, 1, 1], k: 0.5 });
    const fromRows = alkireFosterByGroup(example, groups, { weights: [2, 1, 1], k: 0.5 });
    expect(fromBytes).toEqual(fromRows);
    // Group A = h1, h2, h4 (+ h6 incomplete): all poor, H = 1, A = (1/2 + 1/2 + 1) / 3 = 2/3.
    expect(fromRows.get('A')).toMatchObject({ households: 4, complete: 3, poor: 3, h: 1 });
    expect(fromRows.get('A')!.a).toBeCloseTo(2 / 3, 15);
    // Group B = h3, h5: nobody poor.
    expect(fromRows.get('B')).toMatchObject({ households: 2, poor: 0, h: 0, a: 0, m0: 0 });
  });

  it('skips households whose group is null', () => {
    const r = alkireFosterByGroup(example, ['A', null, null, null, null, null], { weights: [2, 1, 1], k: 0.5 });
    expect([...r.keys()]).toEqual(['A']);
    expect(r.get('A')).toMatchObject({ households: 1, poor: 1, h: 1, a: 0.5 });
  });

  it('rejects invalid weights, k and shapes', () => {
    expect(() => normaliseWeights([1, 0, 1])).toThrow(AnalysisError);
    expect(() => normaliseWeights([1, -1])).toThrow(AnalysisError);
    expect(() => normaliseWeights([])).toThrow(AnalysisError);
    expect(() => normaliseWeights([1, Number.NaN])).toThrow(AnalysisError);
    expect(normaliseWeights([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(() => alkireFoster(example, { weights: [1, 1], k: 0.5 })).toThrow(AnalysisError);
    expect(() => alkireFoster(example, { weights: [1, 1, 1], k: 0 })).toThrow(RangeError);
    expect(() => alkireFoster(example, { weights: [1, 1, 1], k: 1.01 })).toThrow(RangeError);
    expect(() => alkireFoster({ data: new Uint8Array(5), households: 2, indicators: 3 }, { weights: [1, 1, 1], k: 0.5 })).toThrow(AnalysisError);
    expect(() => alkireFoster({ data: new Uint8Array([2]), households: 1, indicators: 1 }, { weights: [1], k: 0.5 })).toThrow(RangeError);
  });

  it('with k = 1 only households deprived in everything are poor (intersection approach)', () => {
    const r = alkireFoster(example, { weights: [2, 1, 1], k: 1 });
    expect(r.poor).toBe(1);
    expect(r.m0).toBeCloseTo(0.2, 15);
  });
});

describe('Alkire-Foster without households', () => {
  it('returns an empty group with null ratios and still checks the options', () => {
    expect(alkireFoster([], { weights: [1, 1], k: 0.5 })).toMatchObject({ households: 0, complete: 0, h: null, a: null, m0: null, contributions: [null, null] });
    expect(() => alkireFoster([], { weights: [], k: 0.5 })).toThrow(AnalysisError);
    expect(() => alkireFoster([], { weights: [1], k: 2 })).toThrow(RangeError);
  });
});
