/**
 * The window of rows a long table renders (the national table, a provinsi's table): bounded by
 * the view and the overscan whatever the row count, covering the view at any scroll position,
 * and whole for a table short enough to render.
 */
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../src/ui/virtual-rows.svelte';

const ROW = 30;

describe('rowWindow', () => {
  it('renders a screenful and the overscan, not 8,563 rows', () => {
    const { first, last } = rowWindow(8563, 0, 600, ROW, { overscan: 8 });
    expect(first).toBe(0);
    expect(last).toBe(20 + 8);
  });

  it('covers every row in view at any scroll position, within bounds', () => {
    const count = 8563;
    for (const scrollTop of [0, 15, 29, 30, 1234, 99_999, count * ROW - 600, count * ROW]) {
      const { first, last } = rowWindow(count, scrollTop, 600, ROW, { overscan: 4 });
      const topRow = Math.min(count - 1, Math.floor(scrollTop / ROW));
      const bottomRow = Math.min(count - 1, Math.floor((scrollTop + 599) / ROW));
      expect(first).toBeLessThanOrEqual(topRow);
      expect(last).toBeGreaterThanOrEqual(Math.min(count, bottomRow + 1));
      expect(last - first).toBeLessThanOrEqual(600 / ROW + 2 * 4 + 1);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(last).toBeLessThanOrEqual(count);
    }
  });

  it('renders a short table whole, and guesses a screenful before the first layout', () => {
    expect(rowWindow(54, 900, 300, ROW, { renderAll: 200 })).toEqual({ first: 0, last: 54 });
    const before = rowWindow(83_402, 0, 0, ROW, { overscan: 8 });
    expect(before.last).toBeGreaterThan(0);
    expect(before.last).toBeLessThan(100);
  });

  it('stays ordered when the rows shrink under a deep scroll (a search narrowed them)', () => {
    const { first, last } = rowWindow(3, 50_000, 600, ROW);
    expect(first).toBeLessThanOrEqual(last);
    expect(last).toBeLessThanOrEqual(3);
  });
});
