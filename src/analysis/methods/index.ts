/**
 * The registry of analysis methods: the one list the panel, legend, profile, URL, worker and CLI
 * iterate. A method is one module in this folder; adding it here is its only registration.
 */
import { lisa } from './lisa';
import { gi, gistar } from './gi';
import { quadrant } from './quadrant';
import { geary } from './geary';
import { lisaBv } from './lisa-bv';
import { emerging } from './emerging';
import type { AnalysisMethod, LocalMethod } from './types';

export type { AnalysisMethod, LocalMethod, LocalStatistic, MethodCategory, ClassifyOptions, Classified, StatisticArrays } from './types';

/** In the order the panel offers them. */
export const ANALYSIS_METHODS: readonly AnalysisMethod[] = [lisa, gistar, gi, geary, lisaBv, emerging, quadrant];

/** The methods the worker and the CLI run. */
export const LOCAL_METHODS: readonly LocalMethod[] = ANALYSIS_METHODS.filter((m): m is LocalMethod => m.kind === 'local');

export const METHOD_IDS: readonly string[] = ANALYSIS_METHODS.map((m) => m.id);

export function findMethod(id: string): AnalysisMethod | undefined {
  return ANALYSIS_METHODS.find((m) => m.id === id);
}

/** The local method called `id`; throws for anything else (a programming error, not user input). */
export function localMethod(id: string): LocalMethod {
  const method = findMethod(id);
  if (!method || method.kind !== 'local') throw new RangeError(`not a local analysis method: ${id}`);
  return method;
}
