/**
 * The map of all of Indonesia as an analysis region (issue 16, item 3): LISA over all 83,402 desa
 * in the app's workers drawn on the tiles as cluster colours, the national table (virtualised,
 * searchable, with the cluster column) and the PNG export of the view.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { SCREENSHOTS, watchPage } from './helpers';
import { foreignColours, pixelColours, swatchColours } from './national-pixels';

/** Built by `npm run data:national` (part of `npm run test:e2e`) and copied into the site. */
const WEIGHTS = 'dist/national/bobot-queen.bin';

test.beforeAll(() => {
  test.skip(!existsSync(WEIGHTS), 'no national weights: ../shared/data/national is missing');
});

async function waitForNational(page: Page, pattern: RegExp): Promise<void> {
  await expect(page.getByTestId('national-map')).toHaveAttribute('data-rendered', pattern, { timeout: 120_000 });
}

/** Sum of the counts of a legend list. */
async function legendCount(page: Page, testid: string): Promise<number> {
  const counts = await page.getByTestId(testid).locator('.count').allInnerTexts();
  return counts.map((c) => Number(c.replaceAll('.', ''))).reduce((a, b) => a + b, 0);
}

/** The sea and the grey of a desa without a value (src/map/national-style.ts, palette.ts). */
const SEA = '#8890b0';
const NO_DATA = '#d9d9d9';

test('LISA on all of Indonesia: clusters on the tiles, the table with its cluster column, a PNG of the view', async ({ page, baseURL }) => {
  test.setTimeout(360_000);
  const problems = watchPage(page, baseURL!);
  const logs: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('national ')) logs.push(message.text());
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?nasional=1');
  await waitForNational(page, /^penduduk_miskin\|2025\|5\|quantile$/);
  // The value map: only its class colours are drawn, none of them GeoDa's High-High red.
  const before = await pixelColours(page);
  expect(foreignColours(before, [SEA, NO_DATA, ...(await swatchColours(page, 'national-legend'))])).toEqual([]);
  expect(before.get('#ff0000') ?? 0).toBe(0);

  // LISA with a small permutation count, the city panel's seed and significance.
  await page.getByTestId('national-method').selectOption('lisa');
  await page.getByTestId('national-permutations').selectOption('99');
  await page.getByTestId('national-run').click();
  await expect(page.getByTestId('national-progress')).toBeVisible();
  await expect(page.getByTestId('national-cluster-legend')).toBeVisible({ timeout: 300_000 });
  await waitForNational(page, /^penduduk_miskin\|2025\|5\|quantile\|lisa\|0\.05\|none$/);
  // Every desa is in a category (islands as "no neighbours"): the legend counts all of them.
  expect(await legendCount(page, 'national-cluster-legend')).toBe(83_402);
  const legend = await page.getByTestId('national-cluster-legend').innerText();
  expect(legend).toContain('Tinggi-Tinggi');
  // High-High desa are drawn in GeoDa's red by the same colour layer; only cluster colours are drawn.
  const after = await pixelColours(page);
  expect(foreignColours(after, [SEA, NO_DATA, ...(await swatchColours(page, 'national-cluster-legend'))])).toEqual([]);
  expect(after.get('#ff0000') ?? 0).toBeGreaterThan(100);
  // "Not significant" is white on the national map (not GeoDa's #F0F0F0, which was the sea's
  // colour there), in the legend as on the tiles.
  const notSignificant = page.getByTestId('national-cluster-legend').locator('li', { hasText: 'Tidak signifikan' }).locator('.swatch');
  await expect(notSignificant).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  expect(after.get('#ffffff') ?? 0).toBeGreaterThan(1000);
  expect(after.get('#f0f0f0') ?? 0).toBe(0);
  await expect(page.getByTestId('national-run-done')).toContainText('ms');
  const gapLine = logs.find((l) => l.includes('frame gap'));
  expect(gapLine).toBeTruthy();
  console.log(gapLine);
  await page.screenshot({ path: `${SCREENSHOTS}/national-lisa-1366x768.png` });
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(() => {
      const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
      return map.loaded() && map.areTilesLoaded();
    });
    await page.screenshot({ path: `${SCREENSHOTS}/national-lisa-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // The PNG of the view on screen: a real PNG file with the view's name.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-national-png-screen').click()]);
  expect(download.suggestedFilename()).toMatch(/^peta-indonesia-penduduk_miskin-2025-lisa-\d+x\d+\.png$/);
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(20_000);
  // Drawn again by a second map with its own colour layer: High-High red on the map, not only in
  // the legend's swatch (6,775 red pixels here at 1366x768; without the layer the desa show codes).
  const exported = await pixelColours(page, `data:image/png;base64,${png.toString('base64')}`);
  console.log(`national PNG: ${exported.get('#ff0000') ?? 0} red, ${exported.get('#8890b0') ?? 0} sea pixels`);
  expect(exported.get('#ff0000') ?? 0).toBeGreaterThan(2000);

  // The table: every desa, only the rows in view in the page, the cluster column, a search.
  await page.getByTestId('national-table-toggle').click();
  const table = page.getByTestId('national-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('national-table-count')).toHaveText('83.402 dari 83.402 baris');
  await expect(table.getByRole('columnheader', { name: 'Klaster' })).toBeVisible();
  await expect(table.locator('[data-kode]').first()).not.toHaveText(/^\s*$/);
  expect(await table.locator('[data-kode]').count()).toBeLessThan(100);
  await page.screenshot({ path: `${SCREENSHOTS}/national-table-1366x768.png` });
  await page.getByTestId('national-table-search').fill('kemlayan surakarta');
  await expect(page.getByTestId('national-table-count')).toHaveText('1 dari 83.402 baris');
  const row = table.locator('[data-kode]').first();
  await expect(row).toContainText('Kemlayan');
  await expect(row).toContainText('Serengan');
  await expect(row).toContainText('Jawa Tengah');
  await expect(row.locator('.cluster')).not.toBeEmpty();
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SCREENSHOTS}/national-table-${width}x${height}.png` });
  }
  // Back to the map: the table goes, the clusters stay.
  await page.getByTestId('national-table-toggle').click();
  await expect(table).toHaveCount(0);
  expect(problems).toEqual([]);
});
