import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { serviceWorker } from './scripts/vite-service-worker';
import { firstView } from './scripts/vite-first-view';

export default defineConfig({
  plugins: [svelte(), firstView(), serviceWorker()],
  // Relative base: the built site works from any static host and sub-path.
  base: './',
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Setups start DuckDB, workers or threads: 10 s (the default) ran out on a busy 2-core machine.
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/results/unit.json' },
  },
});
