/**
 * The registry of analysis methods: the one list the panel, legend, profile, URL, worker and CLI
 * iterate. A method is one module in this folder exporting its descriptor, and that is its only
 * registration: the registry finds every module here. Under Vite (the app, its workers and the
 * unit tests) `import.meta.glob` lists the folder when the bundle is built; under Node (the CLI
 * and scripts, run by tsx) the folder is read when this module loads. Neither path needs a list.
 */
/// <reference types="vite/client" />
import type { AnalysisMethod, LocalMethod } from './types';

export type { AnalysisMethod, LocalMethod, LocalStatistic, MethodCategory, ClassifyOptions, Classified, StatisticArrays } from './types';

type MethodModule = Record<string, unknown>;
/** Modules of this folder that hold no method. */
const NOT_METHODS = ['index.ts', 'types.ts'];

/** The folder's modules under Node: its .ts files, imported (tsx compiles them). */
async function folderModules(): Promise<MethodModule[]> {
  // getBuiltinModule, not an import of node:fs: the browser's bundle must not reach for Node.
  type NodeModules = { 'node:fs': { readdirSync(path: string): string[] }; 'node:url': { fileURLToPath(url: string): string } };
  const node = (globalThis as unknown as { process: { getBuiltinModule<Id extends keyof NodeModules>(id: Id): NodeModules[Id] } }).process;
  const folder = import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1);
  const names = node
    .getBuiltinModule('node:fs')
    .readdirSync(node.getBuiltinModule('node:url').fileURLToPath(folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !NOT_METHODS.includes(name))
    .sort();
  return Promise.all(names.map((name) => import(/* @vite-ignore */ `${folder}${name}`) as Promise<MethodModule>));
}

const modules: MethodModule[] = import.meta.env
  ? Object.values(import.meta.glob<MethodModule>(['./*.ts', '!./index.ts', '!./types.ts', '!./*.d.ts'], { eager: true }))
  : await folderModules();

const isMethod = (value: unknown): value is AnalysisMethod =>
  typeof value === 'object' && value !== null && typeof (value as AnalysisMethod).id === 'string' && typeof (value as AnalysisMethod).order === 'number' && 'kind' in value;

/** In the order the panel offers them. */
export const ANALYSIS_METHODS: readonly AnalysisMethod[] = [...new Set(modules.flatMap((m) => Object.values(m).filter(isMethod)))].sort((a, b) => a.order - b.order);

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
