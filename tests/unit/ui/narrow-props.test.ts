/**
 * Components take the few values, state objects and callbacks they read, not the app (issue 14,
 * item 2). Read from the sources: a component whose `$props()` names an `app`, or that mentions
 * `AppState`, must be one of those not converted yet (listed with who converts them); the map tab,
 * its parts, the profile and the map view must never take the app again. No component reaches the
 * database: no `database` prop or getter, no call of `database()`, no import of the Database seam
 * (a state object asks src/data and the component is handed the state).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

/** Still handed the app (or a view of it named `app`): conversion pending, by whom. */
const NOT_YET: Record<string, string> = {
  // These three take a narrow interface of what they read, but App.svelte hands it the app itself.
  'src/ui/Legend.svelte': 'typed as LegendSource',
  'src/ui/Tooltip.svelte': 'typed as TooltipSource',
  'src/ui/TableView.svelte': 'typed as TableSource',
};

/** Converted: these must keep taking plain props. */
const NARROW = [
  'src/ui/MapTab.svelte',
  'src/ui/Controls.svelte',
  'src/ui/PocketsPanel.svelte',
  'src/ui/AnalysisPanel.svelte',
  'src/ui/KelurahanPanel.svelte',
  'src/map/MapView.svelte',
  'src/ui/NationalPanel.svelte',
  'src/map/NationalMapView.svelte',
];

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? svelteFiles(path) : name.endsWith('.svelte') ? [path] : [];
  });
}

/** The names a component destructures from `$props()` (empty when it takes none or no destructuring). */
function propNames(source: string): string[] {
  const end = source.indexOf('$props()');
  if (end < 0) return [];
  const start = source.lastIndexOf('let {', end);
  if (start < 0) return [];
  const close = source.indexOf('}', start);
  return source
    .slice(start + 'let {'.length, close)
    .split(',')
    .map((part) => /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(part)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** Whether a component takes the app: a prop named `app`, or the app's type anywhere in it. */
function takesApp(source: string): boolean {
  return propNames(source).includes('app') || /\bAppState\b/.test(source);
}

/** Whether a component reaches the database: a `database` prop or getter, a call of one, or the seam's module. */
function reachesDatabase(source: string): boolean {
  return propNames(source).includes('database') || /\bdatabase\(|\['database'\]|\/data\/(db|database)['"]/.test(source);
}

// App.svelte builds the app: it is the one component that holds it.
const components = svelteFiles(join(root, 'src'))
  .map((path) => relative(root, path))
  .filter((path) => path !== 'src/App.svelte');

describe('components take narrow props', () => {
  it('reads the destructured props of a component', () => {
    expect(propNames("let {\n  tools,\n  legendCorner = $bindable('bottom-left'),\n  ...view\n}: Shown = $props();")).toEqual(['tools', 'legendCorner', 'view']);
    expect(takesApp('let { app }: { app: AppState } = $props();')).toBe(true);
    expect(takesApp('let { app }: { app: LegendSource } = $props();')).toBe(true);
    expect(takesApp('let { analysis, t }: { analysis: AnalysisState; t: Translate } = $props();')).toBe(false);
    expect(reachesDatabase("let { database }: { database: ReconcileHost['database'] } = $props();")).toBe(true);
    expect(reachesDatabase('<ReconcilePanel database={() => workspace.database()} />')).toBe(true);
    expect(reachesDatabase("import type { Database } from '../data/database';")).toBe(true);
    expect(reachesDatabase('let { reconcile }: { reconcile: ReconcileState } = $props(); {app.databaseFailed}')).toBe(false);
  });

  it('only the components not converted yet take the app', () => {
    const taking = components.filter((path) => takesApp(readFileSync(join(root, path), 'utf8')));
    expect(taking.filter((path) => !(path in NOT_YET))).toEqual([]);
  });

  it('no component reaches the database (the reconciliation panel is handed its state)', () => {
    const reaching = components.filter((path) => reachesDatabase(readFileSync(join(root, path), 'utf8')));
    expect(reaching).toEqual([]);
  });

  it('the map tab, its parts, the profile and the map view take plain props', () => {
    for (const path of NARROW) {
      const source = readFileSync(join(root, path), 'utf8');
      expect(propNames(source).length, path).toBeGreaterThan(0);
      expect(takesApp(source), path).toBe(false);
    }
  });
});
