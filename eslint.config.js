/**
 * Lint for the whole tree, run by `npm run check`: typescript-eslint's and eslint-plugin-svelte's
 * recommended rules, and the README's layer arrows ("How it is built") written as rules, so a
 * wrong import or a `fetch` outside the door fails the check instead of waiting for a review.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Which src/ folders each folder may import (itself always). README "How it is built" explains
 * them. Three arrows are closed but for what TYPE_ONLY and NAMED_EXCEPTIONS below let through:
 * `state -> map`, `map -> state` and `ui -> data`.
 */
const LAYERS = {
  analysis: [],
  data: ['analysis', 'i18n'],
  workers: ['data', 'analysis', 'i18n'],
  state: ['data', 'analysis', 'i18n', 'workers'],
  map: ['data', 'analysis', 'i18n'],
  ui: ['analysis', 'i18n', 'state', 'map', 'export'],
  export: [],
  i18n: ['data'],
  sw: [],
  cli: ['data', 'analysis', 'i18n'],
};

/**
 * Closed arrows that still let types through: a type carries no code and no dependency at run
 * time. The map's views name the state types they draw (AnalysisState, NationalState; none is
 * handed the app); the state names the map's image port it is lent; the UI
 * names data shapes (City, IndicatorDef, AreaCollection) in its props.
 */
const TYPE_ONLY = { map: ['state'], state: ['map'], ui: ['data'] };

/**
 * The modules a closed arrow still reaches at run time, each with why (the comment above it)
 * and the kind of need (the value). A new entry needs its reason here; anything else across
 * these arrows fails the check.
 */
const NAMED_EXCEPTIONS = {
  cli: {
    // `peta-kantong analyze` runs the app worker's own runLocal on Node's worker_threads through this one
    // Node-only module (issue 17, item 4), so the CLI's p-values are the app's by construction.
    'workers/local-threads': 'threads',
  },
  state: {
    // The class colours the state holds beside its classification (also read by the PNG/PDF legend).
    'map/palette': 'colours',
    // The performance marks the state waits on (the first choropleth drawn) before loading more.
    'map/marks': 'marks',
  },
  // Every ui entry is pure: metadata or a function of its arguments, most shared with the CLI. None
  // reaches the network, the database or a file (the region index and the PDF fonts, the last two
  // that did, now come through src/state/region-search.svelte.ts and src/export/pdf-fonts.ts).
  ui: {
    // What the UI labels with: the catalog's indicators and cities, and the import registry's `accept` strings (metadata only).
    'data/catalog': 'labels',
    'data/importers/formats': 'accept',
    // An indicator's name with its unit, said the same in the brief and in the state's figures.
    'data/indicator-label': 'labels',
    // The export writers' tables, rounding and workbook, shared with the CLI (pure functions of what is shown).
    'data/export-table': 'export',
    'data/export-round': 'export',
    'data/xlsx-writer': 'export',
    'data/join-report-csv': 'export',
    // The import dialog's words for the choices it shows (pure, shared with the CLI's report).
    'data/key-column-text': 'words',
    'data/wide-years': 'words',
    // The join report resolves a user's choice for an unmatched key before handing it to state (pure).
    'data/join': 'pure',
    // The reconciliation panel's worklist files, its map dataset and the small-cell rule (pure, shared with the CLI).
    'data/reconcile': 'export',
    'data/reconcile-indicator': 'export',
    'data/suppression': 'export',
  },
};

const FOLDERS = [...Object.keys(LAYERS), 'types'];

/**
 * Files svelte/prefer-svelte-reactivity does not check yet (see the override below), each with
 * what it still builds. Each is the same one- or two-line change the fixed files made (a map held
 * whole built by src/state/collections.ts, or a line-level disable saying why a plain Map, Date or
 * URLSearchParams is right), left to the engineer who owns the file: all six were being changed
 * for other work in the same session (issue 14 session 6: MapView by the map's panels, the
 * national and region files by the national map, import by the household import).
 */
const REACTIVITY_NOT_YET = [
  // Overlays' click handlers, a set added to and removed from as overlays mount: plain on purpose (read only in the click handler).
  'src/map/MapView.svelte',
  // The palette slot each desa holds, a scratch map compared at each recolour (read only in the map's update).
  'src/map/NationalMapView.svelte',
  // Sets of column indices and Dates built while a table is imported (scratch values inside methods).
  'src/state/import.svelte.ts',
  // The clusters by kode, a map held whole in a $derived (mapOf fits).
  'src/state/national-analysis.svelte.ts',
  // Values by kode held whole in a $derived (mapOf fits), and a private cache of answers by indicator and year.
  'src/state/national.svelte.ts',
  // A scratch set of provinsi names and a private cache of loaded samples per database.
  'src/state/regions.svelte.ts',
];

/** Packages only some folders may import: the door's and the map's libraries. */
const OWNED_PACKAGES = [
  { name: 'maplibre-gl', owners: ['map'], message: 'Only src/map imports maplibre-gl (the map renders state).' },
  { name: '@duckdb/duckdb-wasm', owners: ['data', 'cli'], message: "Only src/data/db.ts (and the CLI's node-db.ts) import DuckDB: everything SQL goes through the Database seam." },
  { name: 'svelte', owners: ['map', 'ui', 'state'], message: 'Svelte belongs to components and state, not to pure code.' },
];

/** An import of `folder` from a file one or more levels below src/ (relative imports only), but of the `except` modules. */
const folderPattern = (folder, except = []) => (except.length ? `^(\\.\\./)+${folder}(/(?!(${except.join('|')})$)|$)` : `^(\\.\\./)+${folder}(/|$)`);

/** The pattern of a closed arrow from `layer` to `folder`, leaving out the modules NAMED_EXCEPTIONS names there. */
function closedPattern(layer, folder) {
  const modules = Object.keys(NAMED_EXCEPTIONS[layer] ?? {})
    .filter((m) => m.startsWith(`${folder}/`))
    .map((m) => m.slice(folder.length + 1).replaceAll('/', '\\/'));
  return folderPattern(folder, modules);
}

function layerRules(layer) {
  const allowed = new Set([layer, ...LAYERS[layer]]);
  const typeOnly = TYPE_ONLY[layer] ?? [];
  const patterns = FOLDERS.filter((f) => !allowed.has(f)).map((f) => ({
    regex: closedPattern(layer, f),
    ...(typeOnly.includes(f) ? { allowTypeImports: true } : {}),
    message: `src/${layer} may not import src/${f}${typeOnly.includes(f) ? ' (types only, or a module named in NAMED_EXCEPTIONS with its reason)' : ''} (layer arrows in eslint.config.js and README "How it is built").`,
  }));
  for (const p of OWNED_PACKAGES) {
    if (!p.owners.includes(layer)) patterns.push({ regex: `^${p.name.replace('/', '\\/')}(/|$)`, message: p.message });
  }
  if (layer === 'ui' || layer === 'map') {
    patterns.push({ regex: '^(\\.\\./)+data/(db|database)$', message: 'The map and the UI never query: state asks src/data, then holds the answer.' });
  }
  // typescript-eslint's version of the rule: the same patterns, and `allowTypeImports` for the type-only arrows.
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

/** SQL keywords as they start a statement; lower-case prose ("select a column") does not match. */
const SQL = '/\\b(SELECT\\s|INSERT INTO|DELETE FROM|UPDATE \\w+ SET|CREATE (OR REPLACE )?(TABLE|VIEW)|DROP (TABLE|VIEW))/';
const outsideTheDoor = {
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'Network goes through src/data (e.g. src/data/http.ts fetchBytes).' },
    { name: 'XMLHttpRequest', message: 'Network goes through src/data.' },
  ],
  'no-restricted-properties': ['error', ...['window', 'self', 'globalThis'].map((object) => ({ object, property: 'fetch', message: 'Network goes through src/data.' }))],
  'no-restricted-syntax': [
    'error',
    { selector: `TemplateElement[value.raw=${SQL}]`, message: 'SQL lives in src/data: call a function there.' },
    { selector: `Literal[value=${SQL}]`, message: 'SQL lives in src/data: call a function there.' },
  ],
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/', 'tests/results/', 'data/', 'tests/bench/.build/', 'tests/bench/.cache/'] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks an argument a callback signature requires but this code does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Bugs that recommended leaves out: a forgotten `===`, a shadowed loop variable's twin.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'array-callback-return': 'error',
      // TypeScript (tsc, svelte-check) knows the globals and types; this rule does not (BlobPart, GeoJSON).
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  ...Object.keys(LAYERS).map((layer) => ({ files: [`src/${layer}/**/*.{ts,svelte}`], rules: layerRules(layer) })),
  {
    // svelte/prefer-svelte-reactivity is on (the plugin's recommended set) but for REACTIVITY_NOT_YET, each with its reason above.
    files: REACTIVITY_NOT_YET,
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  { files: ['src/**/*.{ts,svelte}'], ignores: ['src/data/**', 'src/sw/**', 'src/cli/**'], rules: outsideTheDoor },
);
