/** The feature states' collection builders: pairs to a map, values to a set, sums and sets by group (every group once, items in any order), first places. */
import { describe, expect, it } from 'vitest';
import { firstPlaces, mapOf, setOf, setsBy, sumsBy } from '../../../src/state/collections';

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

  it("gathers each group's values once", () => {
    const cells = [
      { kode: 'k1', program: 'pkh' },
      { kode: 'k2', program: 'bpnt' },
      { kode: 'k1', program: 'bpnt' },
      { kode: 'k1', program: 'pkh' },
    ];
    const sets = setsBy(
      cells,
      (c) => c.kode,
      (c) => c.program,
    );
    expect([...sets.keys()]).toEqual(['k1', 'k2']);
    expect([...sets.get('k1')!]).toEqual(['pkh', 'bpnt']);
    expect([...sets.get('k2')!]).toEqual(['bpnt']);
  });

  it('gives each value its first place, so ties share the better rank', () => {
    expect([...firstPlaces([9, 7, 7, 3])]).toEqual([
      [9, 1],
      [7, 2],
      [3, 4],
    ]);
  });
});
