/**
 * Local Moran's I with 999 permutations on every desa/kelurahan of Indonesia, in the app's own
 * analysis workers through the app's WorkerClient, split as src/state/analysis.svelte.ts splits it
 * (runLocalParallel over one worker per reported core, with progress, values and CSR copied, not
 * transferred); also on a given number of workers, for the scaling. Each run is timed
 * from the request to the result on the main thread, while a requestAnimationFrame loop records
 * the gaps between frames: a frozen page would show a gap as long as the run.
 */
import { WorkerClient } from '../../../src/workers/worker-client';
import type { AnalysisTasks, LocalInput, LocalOutput } from '../../../src/workers/analysis-tasks';
import { runLocalParallel } from '../../../src/workers/local-parallel';
import { localWorkerCount } from '../../../src/workers/analysis-client';
import type { FrameGaps, LisaNationalApi } from './lisa-national-api';

/** Reads the binary written by tests/bench/lib/national-weights-cache.ts. */
async function load(url: string): Promise<{ values: Float64Array; offsets: Int32Array; indices: Int32Array }> {
  const buffer = await (await fetch(url)).arrayBuffer();
  const view = new DataView(buffer);
  const n = view.getInt32(0, true);
  const links = view.getInt32(4, true);
  return {
    values: new Float64Array(buffer, 8, n),
    offsets: new Int32Array(buffer, 8 + 8 * n, n + 1),
    indices: new Int32Array(buffer, 8 + 8 * n + 4 * (n + 1), links),
  };
}

/** Records requestAnimationFrame gaps until stopped. */
function watchFrames(): () => FrameGaps {
  const stamps: number[] = [];
  const started = performance.now();
  let running = true;
  const tick = (t: number) => {
    stamps.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
    let at = 0;
    for (let i = 1; i < gaps.length; i++) if (gaps[i] > gaps[at]) at = i;
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] : Number.NaN;
    return { frames: stamps.length, max: gaps.length ? gaps[at] : Number.NaN, maxEndsAt: gaps.length ? stamps[at + 1] - started : Number.NaN, p95 };
  };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const api: LisaNationalApi = {
  async lisaNational(url, reps, workers = localWorkerCount()) {
    const data = await load(url);
    const clients = Array.from(
      { length: workers },
      () => new WorkerClient<AnalysisTasks>(() => new Worker(new URL('../../../src/workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analisis' })),
    );
    const run = (input: LocalInput, onProgress?: () => void) =>
      runLocalParallel(
        input,
        clients.map((c) => (part, progress) => c.run('local', part, { onProgress: progress })),
        onProgress,
      );
    // The cached file holds no codes: ids that keep its order, so each run still pays the reordering
    // into code order that the app's runs pay.
    const ids = Array.from(data.values, (_, i) => String(i).padStart(8, '0'));
    const input = (permutations: number, seed: number): LocalInput => ({ method: 'lisa', ...data, ids, permutations, seed });
    try {
      // Untimed warm-up: starts the workers and compiles their loops (9 permutations).
      await run(input(9, 0));
      const ms: number[] = [];
      const frames: FrameGaps[] = [];
      let first: LocalOutput | undefined;
      let last: LocalOutput | undefined;
      let progressMessages = 0;
      for (let r = 1; r <= reps; r++) {
        await nextFrame();
        const start = performance.now();
        const stop = watchFrames();
        last = await run(input(999, r), () => progressMessages++);
        first ??= last;
        ms.push(performance.now() - start);
        // One more frame after the result, so the gap that includes receiving it is counted.
        await nextFrame();
        frames.push(stop());
      }
      const result = last!;
      return {
        ms,
        frames,
        progressMessages,
        workers,
        pseudoP: Array.from(first!.pseudoP),
        I: Array.from(result.statistic),
        islands: result.neighbourCount.reduce((k, c) => k + (c === 0 ? 1 : 0), 0),
        n: result.statistic.length,
      };
    } finally {
      for (const c of clients) c.dispose();
    }
  },
};
(window as unknown as { bench: LisaNationalApi }).bench = api;
