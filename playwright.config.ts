import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** System Chromium (Debian's package); Playwright's own browser download is not used. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` + 'or point CHROMIUM_PATH at a Chromium or Chrome binary.');
}

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // Two cores and software WebGL: one browser at a time is faster than several fighting.
  workers: 1,
  // One retry: a shared 2-core machine can starve a test of time; a retried pass is reported as
  // flaky in e2e.json, not hidden. (The one such failure seen, a linked analysis that never started
  // when its boundaries came after the prebuilt values, is fixed and held by analysis.spec.ts.)
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'tests/results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    // page.route cannot see requests a service worker answers: off, except in offline.spec.ts.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The built app, served as any static host would (npm run test:e2e builds first).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
