/**
 * Unit tests mirror src/ (issue 14, item 6): a test named after one src module, X.test.ts where
 * exactly one file under src/ is X.ts or X.svelte.ts, sits at tests/unit/<that file's folder under
 * src>/X.test.ts. Tests that follow a path through several modules keep their topic folders
 * (join/, importers/, real-files/, bad-input/, ...) and are named after the topic, not after a
 * module; a name shared by several src files (join, reconcile, targeting) says nothing by itself
 * and is not checked. A deliberate exception goes in ALLOWED with its reason.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** Test path (from the repository root) → why it stays outside its mirrored folder. */
const ALLOWED: Record<string, string> = {
  'tests/unit/analysis/gi.test.ts': 'Gi* of getis-ord.ts against spdep, not the descriptor analysis/methods/gi.ts',
  'tests/unit/analysis/lisa.test.ts': 'LISA of local-moran.ts against spdep, not the descriptor analysis/methods/lisa.ts',
  'tests/unit/cli/analyze.test.ts': 'the CLI end to end (run-cli), checked against the analysis modules',
  'tests/unit/cli/errors.test.ts': "the CLI's messages end to end, not analysis/errors.ts",
  'tests/unit/join/join-columns.test.ts': 'guessKeyColumns of data/join.ts on the join fixtures, a topic test',
};

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const moduleName = (file: string) => /([^/]+?)(\.svelte)?\.ts$/.exec(file)?.[1];

/** Each misplaced test with the path it belongs at. */
function misplaced(tests: string[], sources: string[], allowed: Record<string, string>): { test: string; expected: string }[] {
  const byName = new Map<string, string[]>();
  for (const file of sources) {
    const name = moduleName(file);
    if (name !== undefined && !file.endsWith('.d.ts')) byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const wrong: { test: string; expected: string }[] = [];
  for (const test of tests) {
    const name = /([^/]+)\.test\.ts$/.exec(test)?.[1];
    const subjects = name === undefined ? [] : (byName.get(name) ?? []);
    if (subjects.length !== 1 || test in allowed) continue;
    const folder = relative('src', subjects[0].slice(0, subjects[0].lastIndexOf('/')));
    const expected = ['tests/unit', folder, `${name}.test.ts`].filter(Boolean).join('/');
    if (test !== expected) wrong.push({ test, expected });
  }
  return wrong;
}

describe('the unit tests mirror src/', () => {
  it('puts every test named after exactly one src module in that module’s mirrored folder', () => {
    const tests = filesUnder('tests/unit').filter((f) => f.endsWith('.test.ts'));
    const sources = filesUnder('src').filter((f) => f.endsWith('.ts'));
    expect(misplaced(tests, sources, ALLOWED)).toEqual([]);
  });

  it('names a misplaced test and the path it belongs at, and lets an allowed one stay', () => {
    const sources = ['src/data/store.ts', 'src/state/areas.svelte.ts', 'src/data/join.ts', 'src/cli/commands/join.ts', 'src/main.ts'];
    const tests = ['tests/unit/workspace/store.test.ts', 'tests/unit/state/areas.test.ts', 'tests/unit/cli/join.test.ts', 'tests/unit/app/main.test.ts'];
    expect(misplaced(tests, sources, {})).toEqual([
      { test: 'tests/unit/workspace/store.test.ts', expected: 'tests/unit/data/store.test.ts' },
      { test: 'tests/unit/app/main.test.ts', expected: 'tests/unit/main.test.ts' },
    ]);
    expect(misplaced(tests, sources, { 'tests/unit/workspace/store.test.ts': 'reason', 'tests/unit/app/main.test.ts': 'reason' })).toEqual([]);
  });
});
