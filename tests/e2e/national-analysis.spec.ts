/**
 * The map of all of Indonesia as an analysis region (issue 16, item 3): LISA over all 83,402 desa
 * in the app's workers drawn on the tiles as cluster colours, the national table (virtualised,
 * searchable, with the cluster column) and the PNG export of the view.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { SCREENSHOTS, watchPage } from './helpers';

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

/** Desa drawn in view holding the palette slot of `color` in feature-state (the fill's match expression says which). */
function drawnWithColour(page: Page, color: string): Promise<{ matching: number; drawn: number; withSlot: number }> {
  return page.evaluate((wanted) => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    const expression = map.getPaintProperty('desa-fill', 'fill-color') as unknown[];
    let slot = -1;
    for (let i = 2; i < expression.length - 1; i += 2) if (String(expression[i + 1]).toLowerCase() === wanted) slot = Number(expression[i]);
    const features = map.queryRenderedFeatures({ layers: ['desa-fill'] });
    return {
      matching: features.filter((f) => f.state.k === slot).length,
      drawn: features.length,
      withSlot: features.filter((f) => typeof f.state.k === 'number').length,
    };
  }, color.toLowerCase());
}

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
  // The value map: every desa drawn holds a palette slot, not a colour string.
  const before = await drawnWithColour(page, '#FF0000');
  expect(before.withSlot).toBe(before.drawn);
  expect(before.matching).toBe(0);

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
  // High-High desa are drawn in GeoDa's red from the same feature-state slot mechanism.
  const after = await drawnWithColour(page, '#FF0000');
  expect(after.matching).toBeGreaterThan(100);
  expect(after.withSlot).toBe(after.drawn);
  // "Not significant" is white on the national map (not GeoDa's #F0F0F0, which was the sea's
  // colour there), in the legend as on the tiles.
  const notSignificant = page.getByTestId('national-cluster-legend').locator('li', { hasText: 'Tidak signifikan' }).locator('.swatch');
  await expect(notSignificant).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  expect((await drawnWithColour(page, '#ffffff')).matching).toBeGreaterThan(1000);
  expect((await drawnWithColour(page, '#f0f0f0')).matching).toBe(0);
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
