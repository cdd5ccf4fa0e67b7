import { describe, expect, it } from 'vitest';
import { cardinalities, islands, rowStandardise, weightsFromNeighbours, weightsFromPairs } from '../../../src/analysis/weights';
import { listsOf } from './demo-cities';

describe('weights in compressed sparse rows', () => {
  it('sorts neighbour lists, counts neighbours and finds islands', () => {
    const w = weightsFromNeighbours([[2, 1], [0], [0], []]);
    expect(Array.from(w.offsets)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(w.indices)).toEqual([1, 2, 0, 0]);
    expect(Array.from(cardinalities(w))).toEqual([2, 1, 1, 0]);
    expect(islands(w)).toEqual([3]);
    expect(() => weightsFromNeighbours([[0]])).toThrow(RangeError);
  });

  it('row-standardises to 1 / k, leaving islands at zero', () => {
    const w = rowStandardise(weightsFromNeighbours([[1, 2], [0], [0], []]));
    expect(Array.from(w.values)).toEqual([0.5, 0.5, 1, 1]);
    expect(w.rowStandardised).toBe(true);
  });

  it('builds symmetric rows from pairs, keeping each pair value beside its neighbour', () => {
    const { weights, values } = weightsFromPairs(4, Int32Array.from([2, 0, 1]), Int32Array.from([3, 2, 2]), Float64Array.from([23, 2, 12]));
    expect(listsOf(weights)).toEqual([[2], [2], [0, 1, 3], [2]]);
    expect(Array.from(values)).toEqual([2, 12, 2, 12, 23, 23]);
    const some = weightsFromPairs(4, Int32Array.from([2, 0]), Int32Array.from([3, 2]), Float64Array.from([1, 1]), (k) => k === 0);
    expect(listsOf(some.weights)).toEqual([[], [], [3], [2]]);
    expect(() => weightsFromPairs(2, Int32Array.from([1]), Int32Array.from([1]), Float64Array.from([0]))).toThrow(RangeError);
    expect(() => weightsFromPairs(2, Int32Array.from([0]), Int32Array.from([2]), Float64Array.from([0]))).toThrow(RangeError);
  });
});
