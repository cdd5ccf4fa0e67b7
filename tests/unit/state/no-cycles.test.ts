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

/** Every .ts and .svelte file under `dir`, recursively. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Only the registries that read the app for the components import its state: the tab list
 * (panels.ts), the map tab's and map view's prop readers (map-props.ts), and the export-format
 * registry (export-formats.ts). Every component takes plain props
 * (tests/unit/ui/narrow-props.test.ts) and every helper its own small host (the rakor brief its
 * BriefHost), so a file that starts importing AppState again must be added here on purpose, or narrowed.
 */
const MAY_IMPORT_APP_STATE = new Set(['panels.ts', 'map-props.ts', 'export-formats.ts']);
const uiDir = join(root, 'src/ui');

describe('src/ui', () => {
  const app = join(stateDir, 'app.svelte.ts');
  const importers = sourcesUnder(uiDir).filter((file) => importsOf(file).includes(app));

  it("components and helpers do not import the app's state (only the registries that read it do)", () => {
    const unexpected = importers.filter((file) => !MAY_IMPORT_APP_STATE.has(relative(uiDir, file)));
    expect(unexpected.map(short)).toEqual([]);
  });

  it('the panels given plain props by the tab registry (src/ui/panels.ts) do not take the app back', () => {
    const narrowed = ['AccessPanel.svelte', 'AreasPanel.svelte', 'ProgramPanel.svelte', 'TargetingPanel.svelte', 'ViewsPanel.svelte'];
    expect(importers.map((file) => relative(uiDir, file)).filter((name) => narrowed.includes(name))).toEqual([]);
  });

  it('sees the imports of the app state it checks (a walk that sees nothing proves nothing)', () => {
    expect(importers.map(short)).toContain('src/ui/panels.ts');
    expect(importsOf(join(root, 'src/App.svelte'))).toContain(app);
  });
});
