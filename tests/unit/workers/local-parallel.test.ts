/**
 * A local-statistic run split across 1, 2 or 4 workers gives identical p-values: each observation
 * draws from its own seeded stream, so the split (local-parallel.ts, permutation-split.ts) only
 * shares out the time. Runners here call runLocal in this process; local-threads.test.ts does the
 * same through real worker_threads.
 */
import { describe, expect, it } from 'vitest';
import { runLocal } from '../../../src/workers/analysis-tasks';
import { joinParts, runLocalParallel, type LocalRunner } from '../../../src/workers/local-parallel';
import { permutationParts } from '../../../src/analysis/permutation-split';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import { latticeInput } from './lattice';

const inProcess: LocalRunner = async (input, onProgress) => runLocal(input, onProgress);

describe('local statistics split across workers', () => {
  for (const method of ['lisa', 'gistar', 'gi', 'geary', 'lisa-bv']) {
    it(`${method}: 1, 2 and 4 workers give identical pseudo p-values, and the same as one unsplit run`, async () => {
      const input = latticeInput(method);
      const whole = runLocal(input);
      const tested = whole.pseudoP.filter((p) => !Number.isNaN(p)).length;
      expect(tested).toBe(input.values.length - 2); // the missing value and the island
      for (const workers of [1, 2, 4]) {
        const out = await runLocalParallel(input, Array(workers).fill(inProcess));
        expect(Array.from(out.pseudoP), `${workers} workers`).toEqual(Array.from(whole.pseudoP));
        expect(Array.from(out.statistic)).toEqual(Array.from(whole.statistic));
        expect(out.moran).toEqual(whole.moran);
      }
    });
  }

  it('each part permutes only its own observations, and the parts cover all of them once', () => {
    const input = latticeInput('lisa');
    const parts = [0, 1, 2].map((index) => runLocal({ ...input, part: { index, of: 3 } }));
    const tested = parts.map((p) => Array.from(p.pseudoP, (v) => (Number.isNaN(v) ? 0 : 1)));
    for (let i = 0; i < input.values.length; i++) expect(tested[0][i] + tested[1][i] + tested[2][i]).toBeLessThanOrEqual(1);
    expect(tested.every((t) => t.some((v) => v === 1))).toBe(true);
    expect(parts[0].moran).not.toBeNull();
    expect(parts[1].moran).toBeNull();
    expect(Array.from(joinParts(parts).pseudoP)).toEqual(Array.from(runLocal(input).pseudoP));
  });

  it('cuts by cost: part 0, which also permutes the global Moran, gets fewer observations', () => {
    const w = weightsFromNeighbours(Array.from({ length: 100 }, (_, i) => [i > 0 ? i - 1 : 1, i < 99 ? i + 1 : 98].filter((j, k, a) => a.indexOf(j) === k)));
    const even = permutationParts(w, 4, false);
    expect(Array.from(even)).toEqual([0, 25, 50, 75, 100]);
    const withMoran = permutationParts(w, 2, true);
    expect(withMoran[1]).toBeLessThan(50);
    expect(Array.from(permutationParts(w, 1, true))).toEqual([0, 100]);
  });

  it('progress runs from 0 to 1 over all parts, and a failing part rejects the run', async () => {
    const input = latticeInput('lisa', 10);
    const seen: number[] = [];
    await runLocalParallel(input, [inProcess, inProcess], (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f >= seen[k - 1])).toBe(true);
    const failing: LocalRunner = () => Promise.reject(new Error('worker died'));
    await expect(runLocalParallel(input, [inProcess, failing])).rejects.toThrow('worker died');
  });
});
