import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from '../../../../src/cli/demo/allocate';

const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

describe('allocateLargestRemainder', () => {
  it('hits the total exactly with integers', () => {
    const parts = allocateLargestRemainder(17_910, [3.2, 1.1, 7.7, 0.4, 2.9, 5.5]);
    expect(sum(parts)).toBe(17_910);
    expect(parts.every(Number.isInteger)).toBe(true);
  });

  it('gives the textbook Hamilton result', () => {
    // Quotas 4.2857, 2.8571, 2.8571 for 10 seats over 3:2:2 -> floors 4,2,2, remainders to the two .857s.
    expect(allocateLargestRemainder(10, [3, 2, 2])).toEqual([4, 3, 3]);
    // Equal remainders go to the lower index.
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('stays within one unit of the exact quota without caps', () => {
    const weights = [0.13, 5, 2.2, 9.1, 0.7, 3.3, 1e-3];
    const parts = allocateLargestRemainder(1234, weights);
    const w = sum(weights);
    parts.forEach((p, i) => expect(Math.abs(p - (1234 * weights[i]) / w)).toBeLessThan(1));
  });

  it('respects caps and redistributes the excess', () => {
    const parts = allocateLargestRemainder(100, [10, 1, 1], [20, 100, 100]);
    expect(parts[0]).toBe(20);
    expect(sum(parts)).toBe(100);
    expect(parts[1]).toBe(40);
    expect(parts[2]).toBe(40);
  });

  it('never gives to zero weights or zero caps', () => {
    expect(allocateLargestRemainder(5, [0, 1, 1], [9, 0, 9])).toEqual([0, 0, 5]);
  });

  it('allocates zero as all zeros', () => {
    expect(allocateLargestRemainder(0, [1, 2])).toEqual([0, 0]);
  });

  it('throws when the caps cannot hold the total', () => {
    expect(() => allocateLargestRemainder(10, [1, 1], [4, 5])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(3, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(2.5, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(2, [-1, 3])).toThrow(RangeError);
  });
});
