/**
 * Offline after one complete visit (issue 7, measure 1): the service worker (src/sw) caches the
 * app shell and the DuckDB bundle this browser used; with the network gone, a reload draws the
 * full choropleth of Surakarta again and another indicator recolours it, with no failed request.
 * The other specs run with service workers blocked (playwright.config.ts), because page.route
 * does not see requests a worker answers; this one allows them.
 */
import { expect, test, type Page } from '@playwright/test';
import { drawnKelurahan, legendTotal, waitForMap } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Script errors, console errors, failed requests and HTTP errors of a page (no routing here). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The values the app stored for the next visit's first view, read directly from IndexedDB. */
function storedFirstView(page: Page): Promise<[string, number | null][]> {
  return page.evaluate(
    () =>
      new Promise<[string, number | null][]>((resolve, reject) => {
        const open = indexedDB.open('peta-kantong-kemiskinan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('peta-pertama');
          get.onsuccess = () => resolve((get.result as { values: [string, number | null][] } | undefined)?.values ?? []);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('after one complete visit the map works offline: reload, full choropleth, another indicator', async ({ page, context }) => {
  test.setTimeout(150_000);
  const problems = problemsOf(page);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  // The page marks when the worker controls it and has cached this visit's DuckDB bundle.
  await page.waitForFunction(() => performance.getEntriesByName('pkk:offline-ready').length > 0 && navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached.some((u) => /\/assets\/duckdb-(eh|mvp)-[^/]+\.wasm$/.test(u))).toBe(true);
  expect(cached.some((u) => u.endsWith('/boundaries/kelurahan_surakarta.fgb'))).toBe(true);

  // The answer kept for the next visit's first view (src/data/first-view-cache.ts).
  const stored = await storedFirstView(page);
  expect(stored).toHaveLength(54);

  await context.setOffline(true);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.reload();
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await drawnKelurahan(page)).toHaveLength(54);
  expect(await legendTotal(page, 'legend-class')).toBe(54);
  // The reload really went through the page's usual requests (answered by the worker).
  expect(requests.some((u) => /\/boundaries\/kelurahan_surakarta\.fgb$/.test(u))).toBe(true);

  // The stored first view and DuckDB's own answer on this visit are the same numbers.
  await page.waitForFunction(() => !(window as unknown as { __pkk: { app: { loadingData: boolean } } }).__pkk.app.loadingData);
  const answered = await page.evaluate(() => [...(window as unknown as { __pkk: { app: { values: Map<string, number | null> } } }).__pkk.app.values]);
  expect(answered.sort()).toEqual(stored.sort());

  await page.getByTestId('indicator').selectOption('rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  expect(await legendTotal(page, 'legend-class')).toBe(54);
  expect(problems).toEqual([]);
});
