/**
 * Local statistics across Node's worker_threads, Node's counterpart of the browser's analysis
 * workers (analysis-client.ts): the same split (local-parallel.ts), so the same seed gives the same
 * p-values in a browser and in Node, whatever the number of threads. Node-only, and the one module
 * of src/workers the CLI may import (eslint.config.js): through it `peta-kantong analyze` runs the
 * worker's own runLocal, so its p-values are the app's.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runLocal, type LocalInput, type LocalOutput } from './analysis-tasks';
import { runLocalParallel, type LocalRunner } from './local-parallel';
import type { ThreadReply } from './local-thread-serve';

export type { LocalInput, LocalOutput };

/** Threads a local statistic is split across: one per core (1 to 8). */
export function localThreadCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** A runner on a fresh worker_threads thread, and how to stop it. */
function threadRunner(): { run: LocalRunner; close: () => Promise<number> } {
  const worker = new Worker(new URL('./local-thread.mjs', import.meta.url));
  let nextId = 1;
  const pending = new Map<number, { resolve: (o: LocalOutput) => void; reject: (e: Error) => void; onProgress: (f: number) => void }>();
  worker.on('message', (reply: ThreadReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') return job.onProgress(reply.fraction);
    pending.delete(reply.id);
    if (reply.type === 'result') job.resolve(reply.output as LocalOutput);
    else job.reject(new Error(reply.message));
  });
  worker.on('error', (error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  });
  const run: LocalRunner = (input, onProgress) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, input });
    });
  return { run, close: () => worker.terminate() };
}

/**
 * runLocal split across `threads` worker_threads (default: one per core), stopped when done; 0
 * runs it in this thread (a small run ends before a thread has started). Same result either way.
 */
export async function runLocalInThreads(input: LocalInput, threads = localThreadCount(), onProgress?: (fraction: number) => void): Promise<LocalOutput> {
  if (threads === 0) return runLocal(input, onProgress);
  const runners = Array.from({ length: threads }, threadRunner);
  try {
    return await runLocalParallel(
      input,
      runners.map((r) => r.run),
      onProgress,
    );
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}
