/**
 * The CLI's worker_threads split (src/workers/local-threads.ts): 1, 2 and 4 threads give the same
 * p-values as one unsplit runLocal in this process.
 */
import { describe, expect, it } from 'vitest';
import { runLocal } from '../../../src/workers/analysis-tasks';
import { runLocalInThreads } from '../../../src/workers/local-threads';
import { latticeInput } from './lattice';

describe('local statistics across worker_threads', () => {
  // Each thread starts Node and compiles TypeScript: slow on a busy machine.
  it('gives identical pseudo p-values on 1, 2 and 4 threads', { timeout: 180_000 }, async () => {
    for (const method of ['lisa', 'gistar']) {
      const input = latticeInput(method);
      const whole = runLocal(input);
      for (const threads of [1, 2, 4]) {
        const out = await runLocalInThreads(input, threads);
        expect(Array.from(out.pseudoP), `${method}, ${threads} threads`).toEqual(Array.from(whole.pseudoP));
        expect(out.moran).toEqual(whole.moran);
      }
    }
  });

  it('rejects with the worker’s error', { timeout: 120_000 }, async () => {
    await expect(runLocalInThreads({ ...latticeInput('lisa'), method: 'no-such-method' }, 2)).rejects.toThrow(/no-such-method/);
  });
});
