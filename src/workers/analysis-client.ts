/** The app's analysis worker, created on first use. */
import { WorkerClient } from './worker-client';
import type { AnalysisTasks } from './analysis-tasks';

let client: WorkerClient<AnalysisTasks> | undefined;

export function analysisWorker(): WorkerClient<AnalysisTasks> {
  client ??= new WorkerClient<AnalysisTasks>(() => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analisis' }));
  return client;
}
