/// <reference lib="webworker" />
/** The analysis worker: spatial weights and local statistics off the main thread. */
import { serveTasks } from './worker-client';
import { buildWeights, runLocal, type AnalysisTasks } from './analysis-tasks';

serveTasks<AnalysisTasks>(self as unknown as Parameters<typeof serveTasks>[0], {
  weights: (input) => buildWeights(input),
  local: (input, progress) => runLocal(input, progress),
});
