/**
 * Chromium launched exactly as the browser tests launch it (playwright.config.ts): the system
 * binary, headless, and the flags that stop it calling home on a closed network.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The browser tests' viewport. */
export const VIEWPORT = { width: 1440, height: 900 };

/** A browser for measures that only need a fresh (in-memory) context per run. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A fresh profile on disk, for cold/warm visits. A real visitor has a disk cache; an
 * incognito-style context keeps an in-memory cache whose size limits may not hold DuckDB's 34 MB
 * WASM, which would make a warm visit there look colder than it is. (Measure 1 checks that the
 * warm WASM does come from the cache.)
 */
export async function launchProfile(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pkk-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport: VIEWPORT });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 10 Mbit/s down, 40 ms latency: an ordinary office connection (issue 7). */
export const OFFICE_NETWORK = { latency: 40, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 };

/**
 * Throttles the page's network through the DevTools protocol. `Network.emulateNetworkConditions`
 * is deprecated in favour of `emulateNetworkConditionsByRule`, but still does what is needed.
 */
export async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...OFFICE_NETWORK });
}
