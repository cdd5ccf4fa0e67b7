import { describe, expect, it } from 'vitest';
import { BIVARIATE_COLORS, BIVARIATE_LABELS, bivariateClasses, coverage } from '../../../src/analysis/coverage';
import { coverageEn, coverageId } from '../../../src/i18n/modules/coverage';

describe('coverage', () => {
  it('divides beneficiaries by eligible, keeps over-coverage flagged and the gap floored at 0', () => {
    const rows = coverage([
      { kode: 'a', beneficiaries: 30, eligible: 120 }, // 30/120 = 0.25, gap 90
      { kode: 'b', beneficiaries: 105, eligible: 100 }, // 1.05 kept, flagged, gap max(-5, 0) = 0
      { kode: 'c', beneficiaries: 0, eligible: 0 }, // no eligible: coverage null, gap 0
      { kode: 'd', beneficiaries: null, eligible: 50 }, // unknown beneficiaries: both null
      { kode: 'e', beneficiaries: 12, eligible: null },
      { kode: 'f', beneficiaries: 0, eligible: 40 }, // 0, gap 40
    ]);
    expect(rows.map((r) => [r.kode, r.coverage, r.gap, r.overCovered])).toEqual([
      ['a', 0.25, 90, false],
      ['b', 1.05, 0, true],
      ['c', null, 0, false],
      ['d', null, null, false],
      ['e', null, null, false],
      ['f', 0, 40, false],
    ]);
  });
});

describe('bivariateClasses', () => {
  it('crosses tertiles of need and coverage computed over complete pairs (classInt quantile, checked in R)', () => {
    const need = [5, null, 12, 7, 3, 20, 9, 1, 15, 8];
    const cov = [0.5, 0.3, null, 0.9, 1.2, 0.1, 0.0, 0.4, 0.2, 0.6];
    // Pairs: units 0, 3..9. Need sorted 1 3 5 7 8 9 15 20 (n = 8): h = 7/3 -> 5 + (1/3)(7-5) = 5.667;
    // h = 14/3 -> 8 + (2/3)(9-8) = 8.667. Coverage sorted 0 .1 .2 .4 .5 .6 .9 1.2: .2 + (1/3)(.2) = .2667;
    // .5 + (2/3)(.1) = .5667. R: classIntervals(x, 3, "quantile")$brks gives the same to 15 digits,
    // and findInterval(rightmost.closed, all.inside) gives need 1 2 1 3 3 1 3 2 and coverage 2 3 3 1 1 2 1 3.
    const result = bivariateClasses(need, cov);
    expect(result.needBreaks.map((b) => +b.toFixed(12))).toEqual([1, 5.666666666667, 8.666666666667, 20]);
    expect(result.coverageBreaks.map((b) => +b.toFixed(12))).toEqual([0, 0.266666666667, 0.566666666667, 1.2]);
    const pairs = result.classes.map((c) => (c ? `${c.needClass}${c.coverageClass}` : null));
    expect(pairs).toEqual(['01', null, null, '12', '02', '20', '20', '01', '20', '12']);
  });

  it('keeps zeros repeated at a break in the low class (where R findInterval says middle)', () => {
    // coverage 0 0 0 0 .4 .5 .9 (n = 7): h = 2 -> 0, h = 4 -> .4; breaks 0 0 .4 .9.
    // R findInterval gives 2 2 2 2 3 3 3; we put the zeros (a repeated break) in class 0.
    const result = bivariateClasses([1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0.4, 0.5, 0.9]);
    expect(result.coverageBreaks).toEqual([0, 0, 0.4, 0.9]);
    expect(result.classes.map((c) => c!.coverageClass)).toEqual([0, 0, 0, 0, 2, 2, 2]);
  });

  it('uses one class per value when an axis has no more than 3 distinct values', () => {
    // need has two values (10, 20): classInt "unique" breaks 5, 15, 25 -> classes 0 and 1
    const result = bivariateClasses([10, 20, 10, 20], [0.1, 0.2, 0.3, 0.4]);
    expect(result.needBreaks).toEqual([5, 15, 25]);
    expect(result.classes.map((c) => c!.needClass)).toEqual([0, 1, 0, 1]);
    expect(() => bivariateClasses([1], [1, 2])).toThrow();
  });
});

// Colour-vision-deficiency check: Machado, Oliveira & Fernandes (2009) simulation matrices at
// severity 1.0, applied in linear sRGB, then CIELAB (D65) distances between the nine cells.
const SIMULATIONS: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
function lab(hex: string, m: number[][]): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

describe('BIVARIATE_COLORS and BIVARIATE_LABELS', () => {
  const cells = BIVARIATE_COLORS.flatMap((row, n) => row.map((color, c) => ({ color, n, c })));

  it('keeps the nine cells apart for normal vision and the three dichromacies', () => {
    for (const [name, m] of Object.entries(SIMULATIONS)) {
      const labs = cells.map((cell) => lab(cell.color, m));
      let smallest = Infinity;
      for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) smallest = Math.min(smallest, Math.hypot(...labs[i].map((v, k) => v - labs[j][k])));
      expect(smallest, name).toBeGreaterThan(15);
    }
    // the reference the palette replaces fails this: Stevens's blue-pink #e8e8e8 vs #ace4e4 under protanopia
    const stevens = [lab('#e8e8e8', SIMULATIONS.protanopia), lab('#ace4e4', SIMULATIONS.protanopia)];
    expect(Math.hypot(...stevens[0].map((v, k) => v - stevens[1][k]))).toBeLessThan(6);
  });

  it('makes "high need, low coverage" the darkest cell in every simulation, by at least 4 L*', () => {
    for (const [name, m] of Object.entries(SIMULATIONS)) {
      const lightness = cells.map((cell) => ({ ...cell, l: lab(cell.color, m)[0] })).sort((a, b) => a.l - b.l);
      expect([lightness[0].n, lightness[0].c], name).toEqual([2, 0]);
      expect(lightness[1].l - lightness[0].l, name).toBeGreaterThan(4);
    }
  });

  it('names every cell in both languages', () => {
    expect(BIVARIATE_LABELS[2][0]).toBe('coverage.bivariate.highNeedLowCoverage');
    expect(BIVARIATE_LABELS[0][2]).toBe('coverage.bivariate.lowNeedHighCoverage');
    for (const key of BIVARIATE_LABELS.flat()) {
      expect(coverageId[key]).toMatch(/\S/);
      expect(coverageEn[key]).toMatch(/\S/);
    }
    expect(coverageId['coverage.bivariate.highNeedLowCoverage']).toContain('Kebutuhan tinggi, cakupan rendah');
    expect(Object.keys(coverageEn).sort()).toEqual(Object.keys(coverageId).sort());
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(coverageId) as (keyof typeof coverageId)[]) expect(placeholders(coverageEn[key])).toEqual(placeholders(coverageId[key]));
  });
});
