/**
 * The national desa index (src/map/national-desa-index.ts): written into feature-state once per
 * desa, kept for every later answer with the same codes, so recolours never touch feature-state.
 */
import { describe, expect, it } from 'vitest';
import { DesaIndex } from '../../../src/map/national-desa-index';

/** A DesaIndex and the feature-state writes it asked for. */
function setup() {
  const writes: [string, number][] = [];
  const index = new DesaIndex();
  const set = (kode: string, i: number) => writes.push([kode, i]);
  return { index, writes, set };
}

describe('national desa index', () => {
  it('writes every desa of the first list once, and nothing for the same list again', () => {
    const { index, writes, set } = setup();
    const kode = ['11.01.01.2001', '11.01.01.2002', '11.01.01.2003'];
    expect(index.place(kode, set)).toBeNull();
    expect(writes).toEqual(kode.map((k, i) => [k, i]));
    // The same array, or another array with the same codes (a cluster run's, DuckDB's after a prebuilt first view).
    expect(index.place(kode, set)).toBeNull();
    expect(index.place([...kode], set)).toBeNull();
    expect(writes.length).toBe(3);
    expect(index.count).toBe(3);
  });

  it('places another order on the index through the codes, and indexes codes it lacks', () => {
    const { index, writes, set } = setup();
    index.place(['a', 'b', 'c'], set);
    expect(Array.from(index.place(['c', 'a'], set)!)).toEqual([2, 0]);
    expect(writes.length).toBe(3);
    expect(Array.from(index.place(['d', 'b'], set)!)).toEqual([3, 1]);
    expect(writes.at(-1)).toEqual(['d', 3]);
    expect(index.count).toBe(4);
    expect(index.list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts again after clear (a new map has no feature-state)', () => {
    const { index, writes, set } = setup();
    index.place(['a', 'b'], set);
    index.clear();
    expect(index.place(['a', 'b'], set)).toBeNull();
    expect(writes.length).toBe(4);
  });
});
