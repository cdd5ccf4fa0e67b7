import { expect, test } from '@playwright/test';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

// Issue 15, item 8: what the map's own controls say, and what the task tabs put on the map.
test.use({ viewport: { width: 1366, height: 768 } });

test('the zoom buttons speak the interface language, also after a language switch', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
  const zoomOut = page.locator('.maplibregl-ctrl-zoom-out');
  await expect(zoomIn).toHaveAttribute('title', 'Perbesar');
  await expect(zoomIn).toHaveAttribute('aria-label', 'Perbesar');
  await expect(zoomOut).toHaveAttribute('title', 'Perkecil');
  await expect(page.locator('.maplibregl-ctrl-attrib-button')).toHaveAttribute('title', 'Tampilkan atau sembunyikan atribusi');
  await page.screenshot({ path: `${SCREENSHOTS}/map-controls-id-1366.png` });

  await page.locator('.langs button[lang="en"]').click();
  await expect(zoomIn).toHaveAttribute('title', 'Zoom in');
  await expect(zoomOut).toHaveAttribute('aria-label', 'Zoom out');
  await page.locator('.langs button[lang="id"]').click();
  await expect(zoomIn).toHaveAttribute('title', 'Perbesar');
  expect(problems).toEqual([]);
});

test('Sasaran RTLH and Program map what they rank or measure, and leaving them restores the map', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  const title = page.getByTestId('legend').locator('h2');
  await expect(title).toHaveText('Penduduk miskin, 2025');

  await page.getByTestId('tab-sasaran').click();
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await expect(title).toHaveText('Rumah tidak layak huni (RTLH), 2025');
  await page.screenshot({ path: `${SCREENSHOTS}/tab-sasaran-map-1366.png` });

  await page.getByTestId('tab-program').click();
  await waitForMap(page, 'surakarta|2025|program:cakupan:pkh');
  await expect(title).toHaveText(/^Cakupan .*PKH.*, 2025$/);

  await page.getByTestId('tab-peta').click();
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await expect(title).toHaveText('Penduduk miskin, 2025');
  expect(problems).toEqual([]);
});

test('"Jumlah RTLH dari" offers dwelling counts, not program coverage or people', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-sasaran').click();
  const select = page.getByLabel('Jumlah RTLH dari');
  const options = await select.locator('option').allTextContents();
  expect(options).toEqual(['Jumlah rumah (unit hunian)', 'Rumah tidak layak huni (RTLH)']);
  expect(options.some((o) => /cakupan|celah|%/i.test(o))).toBe(false);
  await expect(select).toHaveValue('rtlh');
  await page.screenshot({ path: `${SCREENSHOTS}/rtlh-units-select-1366.png` });
  expect(problems).toEqual([]);
});
