/**
 * One local-statistic run (runLocal) split across several workers: each worker runs part p of P
 * (LocalInput.part) and the parts' pseudo p-values are joined. Every observation draws from its own
 * seeded stream, so 1, 2 or 8 workers give identical results; the split only shares out the time.
 * The runners are whatever runs a LocalInput elsewhere: the app's analysis workers in the browser
 * (analysis-client.ts), worker_threads in Node (src/workers/local-threads.ts), or runLocal itself.
 */
import type { LocalInput, LocalOutput } from './analysis-tasks';

/** Runs one LocalInput somewhere and resolves with its output. */
export type LocalRunner = (input: LocalInput, onProgress: (fraction: number) => void) => Promise<LocalOutput>;

/**
 * Runs `input` as runners.length parts, one per runner, all sent at once; the first failure
 * (or cancellation) rejects the whole run.
 */
export async function runLocalParallel(input: LocalInput, runners: readonly LocalRunner[], onProgress: (fraction: number) => void = () => {}): Promise<LocalOutput> {
  if (runners.length === 0) throw new RangeError('runLocalParallel needs at least one runner');
  if (runners.length === 1) return runners[0](input, onProgress);
  const of = runners.length;
  const done = new Float64Array(of);
  const parts = await Promise.all(
    runners.map((run, index) =>
      run({ ...input, part: { index, of } }, (fraction) => {
        done[index] = fraction;
        onProgress(done.reduce((a, b) => a + b, 0) / of);
      }),
    ),
  );
  return joinParts(parts);
}

/**
 * Part 0's output (every field but the pseudo p-values is computed whole in each part, and the
 * global Moran's I only in part 0) with each part's own pseudo p-values: a part leaves NaN outside
 * its observations, and an island is NaN in all of them.
 */
export function joinParts(parts: readonly LocalOutput[]): LocalOutput {
  const out = parts[0];
  for (let p = 1; p < parts.length; p++) {
    const pseudoP = parts[p].pseudoP;
    for (let i = 0; i < pseudoP.length; i++) if (!Number.isNaN(pseudoP[i])) out.pseudoP[i] = pseudoP[i];
  }
  return out;
}
