/**
 * Builds the bench pages (baseline map, national-file reader, household aggregation) the same way
 * the app is built, so baseline and app pay the same bundling and minification. The output goes
 * to a gitignored folder; tests/bench/lib/build.ts passes `--outDir`.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./pages', import.meta.url)),
  base: './',
  // The same DuckDB handling as the app's vite.config.ts (see STACK-NOTES).
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { baseline: page('baseline'), national: page('national'), households: page('households') } },
  },
  worker: { format: 'es' },
});
