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
 * Which src/ folders each folder may import (itself always). The arrows as they hold today;
 * README "How it is built" explains them. `state -> map` (palette, marks, the export-image
 * port) and `map -> state` (MapView takes the app state) are true today and written down here.
 */
const LAYERS = {
  analysis: [],
  data: ['analysis', 'i18n'],
  workers: ['data', 'analysis', 'i18n'],
  state: ['data', 'analysis', 'i18n', 'workers', 'map'],
  map: ['data', 'analysis', 'i18n', 'state'],
  ui: ['data', 'analysis', 'i18n', 'state', 'map', 'export'],
  export: [],
  i18n: ['data'],
  sw: [],
  cli: ['data', 'analysis', 'i18n'],
};
const FOLDERS = [...Object.keys(LAYERS), 'types'];

/**
 * Single modules a layer may import from a folder it may not. `cli -> workers/local-threads`:
 * `peta-kantong analyze` runs the app worker's own runLocal on Node's worker_threads through that
 * one Node-only module, so the CLI's p-values are the app's by construction, not by a copy; the
 * browser's worker clients stay out of the CLI's reach.
 */
const MODULE_EXCEPTIONS = { cli: { workers: ['local-threads'] } };

/** Packages only some folders may import: the door's and the map's libraries. */
const OWNED_PACKAGES = [
  { name: 'maplibre-gl', owners: ['map'], message: 'Only src/map imports maplibre-gl (the map renders state).' },
  { name: '@duckdb/duckdb-wasm', owners: ['data', 'cli'], message: "Only src/data/db.ts (and the CLI's node-db.ts) import DuckDB: everything SQL goes through the Database seam." },
  { name: 'svelte', owners: ['map', 'ui', 'state'], message: 'Svelte belongs to components and state, not to pure code.' },
];

/** An import of `folder` from a file one or more levels below src/ (relative imports only), but of the `except` modules. */
const folderPattern = (folder, except = []) => (except.length ? `^(\\.\\./)+${folder}(/(?!(${except.join('|')})$)|$)` : `^(\\.\\./)+${folder}(/|$)`);

function layerRules(layer) {
  const allowed = new Set([layer, ...LAYERS[layer]]);
  const patterns = FOLDERS.filter((f) => !allowed.has(f)).map((f) => ({
    regex: folderPattern(f, MODULE_EXCEPTIONS[layer]?.[f]),
    message: `src/${layer} may not import src/${f} (layer arrows in eslint.config.js and README "How it is built").`,
  }));
  for (const p of OWNED_PACKAGES) {
    if (!p.owners.includes(layer)) patterns.push({ regex: `^${p.name.replace('/', '\\/')}(/|$)`, message: p.message });
  }
  if (layer === 'ui' || layer === 'map') {
    patterns.push({ regex: '^(\\.\\./)+data/(db|database)$', message: 'The map and the UI never query: state asks src/data, then holds the answer.' });
  }
  return { 'no-restricted-imports': ['error', { patterns }] };
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
      // Maps and Sets here are locals built and read within one call, or caches that must not
      // be reactive; reactive collections are held in $state.raw and replaced, never mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  ...Object.keys(LAYERS).map((layer) => ({ files: [`src/${layer}/**/*.{ts,svelte}`], rules: layerRules(layer) })),
  { files: ['src/**/*.{ts,svelte}'], ignores: ['src/data/**', 'src/sw/**', 'src/cli/**'], rules: outsideTheDoor },
);
