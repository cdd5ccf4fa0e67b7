/**
 * Builds the bench pages (baseline map, national-file reader, household aggregation) the same way
 * the app is built, so baseline and app pay the same bundling and minification. The output goes
 * to a gitignored folder; tests/bench/lib/build.ts passes `--outDir` and `BENCH_PAGES`.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url));
/**
 * Pages to build (comma-separated `BENCH_PAGES`). The city Local Moran page is built on its own
 * (lib/build.ts): it imports analysis code still being written, and must not break the others.
 * The national one (lisa-national, 6b) only uses the app's analysis worker and is built here.
 */
const pages = (process.env.BENCH_PAGES ?? 'baseline,national,national-pan,households,lisa-national').split(',');

export default defineConfig({
  // The LISA page's analysis module, found by lib/build.ts (see pages/local-moran-module.d.ts).
  resolve: process.env.BENCH_LISA_MODULE ? { alias: { '@bench/local-moran': process.env.BENCH_LISA_MODULE } } : {},
  root: fileURLToPath(new URL('./pages', import.meta.url)),
  base: './',
  // The same DuckDB handling as the app's vite.config.ts (see STACK-NOTES).
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: Object.fromEntries(pages.map((name) => [name, page(name)])) },
  },
  worker: { format: 'es' },
});
