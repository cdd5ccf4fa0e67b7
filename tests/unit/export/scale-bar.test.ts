import { describe, expect, it } from 'vitest';
import { chooseScaleBar, roundScaleLength, scaleLabel } from '../../../src/export/scale-bar';

describe('roundScaleLength: the largest 1, 2 or 5 × 10ⁿ metres not above the room', () => {
  it.each([
    [3700, 2000],
    [999, 500],
    [1000, 1000],
    [1999.99, 1000],
    [2000, 2000],
    [4999, 2000],
    [5000, 5000],
    [9.9, 5],
    [12, 10],
    [73_000, 50_000],
    [100_000, 100_000],
  ])('%d m of room → %d m', (room, expected) => {
    expect(roundScaleLength(room)).toBe(expected);
  });

  it('never goes below one metre', () => {
    expect(roundScaleLength(0.3)).toBe(1);
    expect(roundScaleLength(Number.NaN)).toBe(1);
  });
});

describe('scaleLabel', () => {
  it('uses metres below a kilometre and kilometres from one up', () => {
    expect(scaleLabel(500)).toBe('500 m');
    expect(scaleLabel(1000)).toBe('1 km');
    expect(scaleLabel(2000)).toBe('2 km');
    expect(scaleLabel(50_000)).toBe('50 km');
  });
});

describe('chooseScaleBar', () => {
  it('turns the print scale into a bar length on paper', () => {
    // 12.3 m per pixel printed at 150 dpi: 12.3 × 150 / 25.4 = 72.64 m per mm; a 51.25 mm room
    // holds 3 723 m, so the bar is 2 km long and 2000 / 72.64 = 27.53 mm on paper.
    const metresPerMm = (12.3 * 150) / 25.4;
    const bar = chooseScaleBar(metresPerMm, 51.25);
    expect(bar.metres).toBe(2000);
    expect(bar.label).toBe('2 km');
    expect(bar.lengthMm).toBeCloseTo(27.534, 3);
    expect(bar.lengthMm).toBeLessThanOrEqual(51.25);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => chooseScaleBar(0, 50)).toThrow(RangeError);
    expect(() => chooseScaleBar(-3, 50)).toThrow(RangeError);
  });
});
