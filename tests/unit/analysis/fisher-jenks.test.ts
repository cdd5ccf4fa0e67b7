import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FISHER_QUADRATIC_LIMIT, breaksFromStarts, fisherBreaks, fisherStartsFast, fisherStartsQuadratic } from '../../../src/analysis/fisher-jenks';
import { createRandom } from '../../../src/analysis/random';

interface Case {
  name: string;
  style: string;
  k: number;
  values: (number | null)[];
  breaks: number[];
  used: string;
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/classint/classint.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

/** Total within-class sum of squares of a partition given by class starts. */
function withinSS(sorted: readonly number[], starts: readonly number[]): number {
  let total = 0;
  starts.forEach((s, c) => {
    const end = c + 1 < starts.length ? starts[c + 1] : sorted.length;
    const part = sorted.slice(s, end);
    const mean = part.reduce((a, b) => a + b, 0) / part.length;
    total += part.reduce((a, b) => a + (b - mean) ** 2, 0);
  });
  return total;
}

/** Every way to cut n sorted values into k non-empty runs. */
function* partitions(n: number, k: number, from = 1): Generator<number[]> {
  if (k === 1) {
    yield [0];
    return;
  }
  for (let s = from; s <= n - k + 1; s++) for (const rest of partitions(n, k - 1, s + 1)) yield [0, ...rest.slice(1), s].sort((a, b) => a - b);
}

function sample(seed: number, n: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => Math.exp(random.normal() * 0.8 + 2)).sort((a, b) => a - b);
}

describe('Fisher-Jenks natural breaks', () => {
  it('finds the least within-class sum of squares, checked against every partition', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sorted = sample(seed, 11);
      for (const k of [2, 3, 4]) {
        let best = Infinity;
        for (const starts of partitions(sorted.length, k)) best = Math.min(best, withinSS(sorted, starts));
        expect(withinSS(sorted, fisherStartsQuadratic(sorted, k))).toBeCloseTo(best, 9);
        expect(withinSS(sorted, fisherStartsFast(sorted, k))).toBeCloseTo(best, 9);
      }
    }
  });

  it('breaks ties as classInt does: the last class starts as early as possible', () => {
    // {1}, {2, 3} and {1, 2}, {3} are equally good; classInt keeps the first.
    expect(fisherBreaks([1, 2, 3, 10], 3)).toEqual([1, 1.5, 6.5, 10]);
    expect(fisherStartsFast([1, 2, 3, 10], 3)).toEqual(fisherStartsQuadratic([1, 2, 3, 10], 3));
  });

  it('gives the same partitions on both paths for continuous data', () => {
    for (let seed = 100; seed < 110; seed++) {
      const sorted = sample(seed, 400);
      for (let k = 3; k <= 9; k++) expect(fisherStartsFast(sorted, k)).toEqual(fisherStartsQuadratic(sorted, k));
    }
  });

  it.each(fixture.cases.filter((c) => c.style === 'fisher' && c.used === 'fisher').map((c) => [`${c.name} k=${c.k}`, c] as const))(
    "fast path on %s: classInt's breaks, or an equally good partition where the optimum is tied",
    (_, c) => {
      const sorted = c.values.filter((v): v is number => v !== null).sort((a, b) => a - b);
      const fast = fisherStartsFast(sorted, c.k);
      const exact = fisherStartsQuadratic(sorted, c.k);
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
      if (fast.join() === exact.join()) {
        const breaks = breaksFromStarts(sorted, fast);
        breaks.forEach((b, i) => expect(close(b, c.breaks[i])).toBe(true));
      } else {
        // Only a tie in exact arithmetic, resolved differently by rounding (e.g. small_7 k=4:
        // {1, 2, 2}, {3} and {1}, {2, 2, 3} both leave 2/3).
        expect(close(withinSS(sorted, fast), withinSS(sorted, exact))).toBe(true);
      }
    },
  );

  it('finds the natural gaps in inputs beyond the quadratic limit', () => {
    const random = createRandom(7);
    const centres = [10, 50, 90];
    const values = Array.from({ length: FISHER_QUADRATIC_LIMIT + 2000 }, (_, i) => centres[i % 3] + random.next());
    const breaks = fisherBreaks(values, 3);
    expect(breaks[1]).toBeGreaterThan(11);
    expect(breaks[1]).toBeLessThan(50);
    expect(breaks[2]).toBeGreaterThan(51);
    expect(breaks[2]).toBeLessThan(90);
  });
});
