import { calcTreeSize, generateLevelBounds } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { describe, expect, it } from 'vitest';
import { levelBounds } from '../../../src/data/fgb-bbox';

describe('levelBounds', () => {
  it('lays out the national tree: 83,402 leaves under 5,213, 326, 21, 2 and a root', () => {
    const bounds = levelBounds(83_402, 16);
    expect(bounds.map(([s, e]) => e - s)).toEqual([1, 2, 21, 326, 5213, 83_402]);
    // The whole index is 3,558,600 bytes (40 per node), the figure the file's layout implies.
    expect(bounds[bounds.length - 1][1] * 40).toBe(3_558_600);
  });

  it('agrees with the flatgeobuf library on tree size and level positions', () => {
    for (const [n, size] of [
      [1, 16],
      [2, 16],
      [16, 16],
      [17, 16],
      [1000, 4],
      [83_402, 16],
    ]) {
      const ours = levelBounds(n, size);
      expect(ours[ours.length - 1][1] * 40, `${n}/${size}`).toBe(calcTreeSize(n, size));
      // The library lists levels leaf first.
      expect(ours, `${n}/${size}`).toEqual([...generateLevelBounds(n, size)].reverse());
    }
  });
});
