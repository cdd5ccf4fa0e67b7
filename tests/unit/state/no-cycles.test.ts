/**
 * src/state has no import cycle (issue 14, item 2). The app's state composes the feature states;
 * each feature state declares the small host it reads (AnalysisHost, WorkspaceHost, …) instead
 * of importing the app's state back. A cycle would come back the moment one does, so this walks
 * every relative import (type-only and dynamic ones included, as TypeScript's own scanner reads
 * them) from each file of src/state, through the rest of src, and fails on any cycle that passes
 * through src/state.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const stateDir = join(root, 'src/state');

/** The files a source file imports, resolved; package imports are left out. */
function importsOf(file: string): string[] {
  let source = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) source = [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((f) => f.fileName.replace(/\?.*$/, ''))
    .filter((name) => name.startsWith('.'))
    .map((name) => resolveImport(dirname(file), name))
    .filter((path): path is string => path !== null);
}

function resolveImport(from: string, name: string): string | null {
  const base = resolve(from, name);
  for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')]) {
    if (/\.(ts|svelte)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every cycle reached from `start` (depth first), as the files in order. */
function cyclesFrom(starts: string[]): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string): void => {
    if (onStack.has(file)) {
      cycles.push([...stack.slice(stack.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    onStack.add(file);
    for (const next of importsOf(file)) visit(next);
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  starts.forEach(visit);
  return cycles;
}

const stateFiles = readdirSync(stateDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(stateDir, name));
const short = (file: string) => relative(root, file);

describe('src/state', () => {
  it('has no import cycle, type-only imports included', () => {
    const cycles = cyclesFrom(stateFiles).filter((cycle) => cycle.some((file) => file.startsWith(stateDir)));
    expect(cycles.map((cycle) => cycle.map(short).join(' -> '))).toEqual([]);
  });

  it("feature states do not import the app's state, which composes them", () => {
    const app = join(stateDir, 'app.svelte.ts');
    const importers = stateFiles.filter((file) => importsOf(file).includes(app));
    expect(importers.map(short)).toEqual([]);
  });

  it('reads the imports it checks (a walk that sees nothing proves nothing)', () => {
    const app = join(stateDir, 'app.svelte.ts');
    expect(importsOf(app)).toContain(join(stateDir, 'analysis.svelte.ts'));
    expect(importsOf(join(stateDir, 'workspace.svelte.ts'))).toContain(join(stateDir, 'areas.svelte.ts'));
  });
});
