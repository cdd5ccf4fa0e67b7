/** The feature states' collection builders: pairs to a map, values to a set, and sums by group (every group once, items in any order). */
import { describe, expect, it } from 'vitest';
import { mapOf, setOf, sumsBy } from '../../../src/state/collections';

describe('collections', () => {
  it('builds a map from pairs, the last pair of a key winning', () => {
    expect([
      ...mapOf([
        ['a', 1],
        ['b', 2],
        ['a', 3],
      ]),
    ]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(mapOf().size).toBe(0);
  });

  it('keeps each value once', () => {
    expect([...setOf(['a', 'b', 'a'])]).toEqual(['a', 'b']);
  });

  it('sums a value by group', () => {
    const rows = [
      { k: 'x', v: 1 },
      { k: 'y', v: 2 },
      { k: 'x', v: 4 },
    ];
    expect([
      ...sumsBy(
        rows,
        (r) => r.k,
        (r) => r.v,
      ),
    ]).toEqual([
      ['x', 5],
      ['y', 2],
    ]);
  });
});
