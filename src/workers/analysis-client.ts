/**
 * The app's analysis workers, created on first use: one for spatial weights and whole runs, and
 * as many more as the browser reports cores for the permutations of a local statistic.
 */
import { WorkerClient } from './worker-client';
import type { AnalysisTasks, LocalInput, LocalOutput } from './analysis-tasks';
import { runLocalParallel } from './local-parallel';

let client: WorkerClient<AnalysisTasks> | undefined;
const helpers: WorkerClient<AnalysisTasks>[] = [];

const create = () => new WorkerClient<AnalysisTasks>(() => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analisis' }));

export function analysisWorker(): WorkerClient<AnalysisTasks> {
  client ??= create();
  return client;
}

/** Workers a local statistic is split across: one per core the browser reports (1 to 8). */
export function localWorkerCount(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(8, Math.floor(cores) || 1));
}

/**
 * A local statistic (the worker's 'local' task) split across localWorkerCount() workers; the
 * result does not depend on how many (local-parallel.ts). A newer call supersedes an older one,
 * as a newer 'local' request does on one worker.
 */
export function runLocalInWorkers(input: LocalInput, options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<LocalOutput> {
  const count = localWorkerCount();
  while (helpers.length < count - 1) helpers.push(create());
  const clients = [analysisWorker(), ...helpers.slice(0, count - 1)];
  return runLocalParallel(
    input,
    clients.map((c) => (part, onProgress) => c.run('local', part, { onProgress, signal: options.signal })),
    options.onProgress,
  );
}
