import { describe, expect, it } from 'vitest';
import { idOrder, weightsInOrder } from '../../../src/analysis/observation-order';
import { getisOrd } from '../../../src/analysis/getis-ord';
import { localMoran } from '../../../src/analysis/local-moran';
import { rowStandardise, weightsFromNeighbours, type Weights } from '../../../src/analysis/weights';

const rows = (w: Weights) => Array.from({ length: w.n }, (_, i) => Array.from(w.indices.subarray(w.offsets[i], w.offsets[i + 1])));

describe('idOrder', () => {
  it('sorts by code unit, not by locale or number, and equal ids by index', () => {
    // '33.72.10' sorts before '33.72.9' as text; 'Z' before 'a' by code unit.
    expect(Array.from(idOrder(['33.72.9', '33.72.10', 'a', 'Z', '33.72.10']))).toEqual([1, 4, 0, 3, 2]);
  });

  it('orders only the observations asked for', () => {
    expect(Array.from(idOrder(['c', 'b', 'a', 'd'], [3, 0, 1]))).toEqual([1, 0, 3]);
  });
});

describe('weightsInOrder', () => {
  // 0 - 1 - 2 - 3 (a path), 4 touching 1 only
  const path = weightsFromNeighbours([[1], [0, 2, 4], [1, 3], [2], [1]]);

  it('renumbers in the given order with each row ascending, and drops neighbours left out', () => {
    const w = weightsInOrder(path, [3, 1, 2, 0]);
    // new 0 = old 3, 1 = old 1, 2 = old 2, 3 = old 0; old 4 is left out.
    expect(rows(w)).toEqual([[2], [2, 3], [0, 1], [1]]);
    expect(w.n).toBe(4);
    expect(w.rowStandardised).toBe(false);
    expect(Array.from(w.values)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('turns row-standardised weights back into binary ones', () => {
    expect(Array.from(weightsInOrder(rowStandardise(path), [0, 1, 2, 3, 4]).values)).toEqual(new Array(8).fill(1));
  });

  it('refuses an order that repeats or leaves the range', () => {
    expect(() => weightsInOrder(path, [0, 0])).toThrow(RangeError);
    expect(() => weightsInOrder(path, [5])).toThrow(RangeError);
  });

  it('makes local statistics independent of the order the observations came in', () => {
    // A ring of 12 with chords, values with structure; the same data listed in two orders.
    const n = 12;
    const neighbours = Array.from({ length: n }, (_, i) => [(i + 1) % n, (i + n - 1) % n, ...(i % 3 === 0 ? [(i + 6) % n] : [])]);
    const symmetric = neighbours.map((list, i) => [...new Set([...list, ...neighbours.flatMap((l, j) => (l.includes(i) ? [j] : []))])]);
    const w = weightsFromNeighbours(symmetric);
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + i);
    const ids = Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const shuffle = [7, 2, 11, 0, 5, 9, 1, 4, 10, 3, 8, 6];
    // The shuffled listing: position p holds observation shuffle[p].
    const position = new Int32Array(n);
    shuffle.forEach((i, p) => (position[i] = p));
    const wShuffled = weightsFromNeighbours(shuffle.map((i) => symmetric[i].map((j) => position[j])));
    const xShuffled = Float64Array.from(shuffle, (i) => x[i]);
    const idsShuffled = shuffle.map((i) => ids[i]);

    const run = (values: Float64Array, weights: Weights, names: string[]) => {
      const order = idOrder(names);
      const ordered = weightsInOrder(weights, order);
      const xo = Float64Array.from(order, (i) => values[i]);
      const lisa = localMoran(xo, ordered, { permutations: 499, seed: 5 });
      const gi = getisOrd(xo, ordered, { permutations: 499, seed: 5, star: true });
      return new Map(Array.from(order, (i, k) => [names[i], [lisa.I[k], lisa.pseudoP[k], gi.G[k], gi.pseudoP[k]]]));
    };
    const a = run(x, w, ids);
    expect(run(xShuffled, wShuffled, idsShuffled)).toEqual(a);
    // Without the common order the p-values depend on the listing: the defect this guards against.
    const plain = localMoran(xShuffled, wShuffled, { permutations: 499, seed: 5 });
    expect(shuffle.map((i, p) => plain.pseudoP[p] === a.get(ids[i])![1]).every(Boolean)).toBe(false);
  });
});
