import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

/** Built by `npm run data:national` (part of `npm run test:e2e`) and copied into the site. */
const TILES = 'dist/national/tiles/metadata.json';

test.beforeAll(() => {
  test.skip(!existsSync(TILES), 'no national tiles: ../shared/data/national is missing');
});

async function waitForNational(page: Page, prefix: string): Promise<void> {
  await expect(page.getByTestId('national-map')).toHaveAttribute('data-rendered', new RegExp(`^${prefix.replaceAll('|', '\\|')}`), { timeout: 90_000 });
}

/** Sum of the national legend's class counts. */
async function legendCount(page: Page): Promise<number> {
  const counts = await page.getByTestId('national-legend').locator('.count').allInnerTexts();
  return counts.map((c) => Number(c.replaceAll('.', ''))).reduce((a, b) => a + b, 0);
}

test('all of Indonesia: every desa coloured from vector tiles, recoloured, and a click opens its kota', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?nasional=1');
  await waitForNational(page, 'penduduk_miskin|2025|5|quantile');
  // Every desa of the file has a value and is in a class: the legend counts all 83,402.
  expect(await legendCount(page)).toBe(83_402);
  await expect(page.getByTestId('national-synthetic')).toBeVisible();
  await expect(page.getByTestId('national-panel')).toContainText('sintetis');
  await expect(page.getByTestId('national-panel')).toContainText('83.402 desa dan kelurahan');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Tiles carry the desa of the whole country at zoom 4-5: states were set on the features drawn.
  const drawn = await page.evaluate(() => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    const features = map.queryRenderedFeatures({ layers: ['desa-fill'] });
    const codes = new Set(features.map((f) => String(f.properties.kode)));
    const coloured = features.filter((f) => typeof f.state.warna === 'string').length;
    return { zoom: map.getZoom(), distinct: codes.size, coloured, features: features.length };
  });
  expect(drawn.zoom).toBeGreaterThanOrEqual(3.5);
  expect(drawn.zoom).toBeLessThan(5.5);
  expect(drawn.distinct).toBeGreaterThan(80_000);
  expect(drawn.coloured).toBe(drawn.features);
  await page.screenshot({ path: `${SCREENSHOTS}/national-map.png` });

  // Another indicator, year and class count: states and one paint property, no geometry again.
  await page.getByTestId('national-indicator').selectOption('rtlh');
  await waitForNational(page, 'rtlh|2025|5|quantile');
  await page.getByTestId('national-year').selectOption('2024');
  await waitForNational(page, 'rtlh|2024|5|quantile');
  await page.getByTestId('national-classes').selectOption('7');
  await waitForNational(page, 'rtlh|2024|7|quantile');
  expect(await page.getByTestId('national-legend').locator('li').count()).toBe(7);
  expect(await legendCount(page)).toBe(83_402);

  // Zoomed to Surakarta, the tooltip names a kelurahan; a click opens Kota Surakarta (a demo city).
  await page.evaluate(() => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    map.jumpTo({ center: [110.8445, -7.5565], zoom: 12 });
  });
  await waitForNational(page, 'rtlh|2024|7|quantile');
  await page.waitForFunction(() => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    return map.loaded() && map.areTilesLoaded();
  });
  const box = (await page.getByTestId('national-map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('national-tooltip')).toContainText('Kota Surakarta');
  await page.screenshot({ path: `${SCREENSHOTS}/national-map-surakarta.png` });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitForMap(page, 'surakarta|');
  await expect(page.getByTestId('national-map')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a site built without the national data says so in Indonesian and keeps the city map', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.route('**/national/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/?kota=surakarta&tahun=2025&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('national-toggle').click();
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('Peta seluruh Indonesia tidak dapat dimuat');
  await expect(notices).toContainText('npm run data:national');
  await expect(notices).toContainText('Ubin peta nasional tidak ditemukan');
  await page.getByTestId('national-toggle').click();
  await expect(page.getByTestId('national-map')).toHaveCount(0);
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  // Only the refused national files, nothing else, went wrong.
  expect(problems.filter((p) => !p.includes('/national/'))).toEqual([]);
});
