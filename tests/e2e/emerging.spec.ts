/**
 * Emerging hot spots in the browser (issue 18, item 1): chosen in the analysis panel, the map's
 * legend names the patterns in words, and a kelurahan's profile shows its pattern, what it means,
 * the Mann-Kendall trend and its Gi* z-score in each year; the link carries the method.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, kelurahanOnPage, legendTotal, waitForMap, watchPage } from './helpers';

const SEMANGGI = '33.72.03.1002';

test('emerging hot spots of poverty in Surakarta: legend in words, Semanggi persistent, its trend in the profile', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('analysis-method').selectOption('emerging');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|5|emerging');

  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Kantong dari tahun ke tahun');
  // The panel shows only what the method reads: weights and correction, no permutations, seed or α.
  for (const hidden of ['analysis-permutations', 'analysis-seed', 'analysis-alpha', 'sensitivity']) await expect(page.getByTestId(hidden)).toHaveCount(0);
  await expect(page.getByTestId('analysis-correction')).toBeVisible();
  // The title says the years the analysis read, not the one year shown.
  await expect(legend.locator('h2')).toHaveText(/, 2021–2025$/);
  await expect(legend).toContainText('Titik panas menetap');
  await expect(legend).toContainText('Tidak ada pola');
  // Only the patterns on the map are listed; together they count every kelurahan.
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  await expect(legend).not.toContainText('Titik panas lama');

  const point = await kelurahanOnPage(page, SEMANGGI);
  await page.mouse.click(point.x, point.y);
  const section = page.getByTestId('panel-analysis');
  await expect(section).toContainText('Titik panas menetap');
  await expect(page.getByTestId('panel-category-explain')).toContainText('hampir setiap tahun');
  await expect(section).toContainText('Tren: tau Mann-Kendall');
  for (const year of [2021, 2022, 2023, 2024, 2025]) await expect(section).toContainText(`Gi* z ${year}`);
  expect(page.url()).toContain('analisis=emerging');

  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|5|emerging');
    await page.screenshot({ path: `${SCREENSHOTS}/surakarta-emerging-${width}x${height}.png` });
  }

  // The link opens the same map, in English too.
  await page.goto(`${page.url().replace(/lang=id&?/, '')}&lang=en`);
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|5|emerging');
  await expect(legend).toContainText('Persistent hot spot');

  // The table export carries the pattern in the export's language and the trend's statistics.
  await page.getByTestId('view-toggle').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export').click()]);
  const csv = readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');
  expect(csv[0]).toContain('Category (Pockets over the years (emerging))');
  expect(csv[0]).toContain('Trend: p');
  expect(csv.find((line) => line.startsWith(SEMANGGI))).toContain('Persistent hot spot');
  expect(problems).toEqual([]);
});
