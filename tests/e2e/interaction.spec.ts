import { expect, test } from '@playwright/test';
import { SCREENSHOTS, kelurahanOnPage, legendTotal, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

test('a shared link restores city, year, indicator, measure, classes and camera, also after reload', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const link = '/?v=1&kota=pekalongan&tahun=2023&indikator=rtlh&ukuran=jumlah&kelas=4&peta=13.20/-6.88900/109.67500';
  await page.goto(link);
  for (let visit = 0; visit < 2; visit++) {
    await waitForMap(page, 'pekalongan|2023|rtlh|jumlah|4');
    await expect(page.getByTestId('city')).toHaveValue('pekalongan');
    await expect(page.getByTestId('indicator')).toHaveValue('rtlh');
    await expect(page.getByTestId('classes')).toHaveValue('4');
    await expect(page.getByTestId('year-2023')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('measure-jumlah')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('legend-class')).toHaveCount(4);
    const camera = await page.evaluate(() => {
      const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(camera.zoom).toBeCloseTo(13.2, 1);
    expect(camera.lat).toBeCloseTo(-6.889, 3);
    expect(camera.lng).toBeCloseTo(109.675, 3);
    await page.reload();
  }
  expect(problems).toEqual([]);
});

test('choices made in the page are written to the URL', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('city').selectOption('probolinggo');
  await waitForMap(page, 'probolinggo|2025');
  await page.getByTestId('year-2021').click();
  await waitForMap(page, 'probolinggo|2021');
  await page.getByTestId('classes').selectOption('7');
  await expect(page).toHaveURL(/kota=probolinggo&tahun=2021&indikator=penduduk_miskin&ukuran=rasio&kelas=7/);
  // The city-wide poverty rate of Probolinggo in 2021 as published: 7,44% (17.910 jiwa).
  await expect(page.getByTestId('legend')).toContainText('7,44%');
  await expect(page.getByTestId('legend')).toContainText('17.910');
  expect(problems).toEqual([]);
});

test('clicking Semanggi opens its profile with ranks and change; English switches every label', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  const point = await kelurahanOnPage(page, '33.72.03.1002');
  await page.mouse.move(point.x, point.y);
  await expect(page.getByTestId('tooltip')).toContainText('Semanggi');
  await page.mouse.click(point.x, point.y);
  const panel = page.getByTestId('kelurahan-panel');
  await expect(panel).toContainText('Semanggi');
  await expect(panel).toContainText('Pasar Kliwon');
  await expect(panel).toContainText('Rumah tidak layak huni (RTLH)');
  await expect(panel).toContainText(/\d+ dari 54/);
  await expect(panel).toContainText(/[▲▼=]/);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-semanggi-profile.png` });

  await page.getByRole('button', { name: 'EN' }).click();
  await expect(panel).toContainText('Kelurahan profile');
  await expect(panel).toContainText(/\d+ of 54/);
  await expect(page.getByTestId('legend')).toContainText('Uninhabitable houses');
  await expect(page.getByTestId('synthetic-badge')).toHaveText('Sample data (synthetic)');
  await expect(page).toHaveURL(/lang=en/);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a link with unknown values says so in Indonesian and shows the default map', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=bandung&indikator=tidak_ada');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await expect(page.getByTestId('notices')).toContainText('kota = "bandung"');
  await expect(page.getByTestId('notices')).toContainText('nilai bawaan dipakai');
  expect(problems).toEqual([]);
});

test('classification schemes: box map with quartiles, manual breaks from typed limits, all in the link', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  const legend = page.getByTestId('legend');

  await page.getByTestId('scheme').selectOption('box');
  await expect(legend).toContainText('Peta kotak');
  await expect(legend).toContainText('Kuartil 1 (< 25%)');
  await expect(legend).toContainText('Kuartil 4 (> 75%)');
  await expect(page.getByTestId('classes')).toBeDisabled();
  await expect(page).toHaveURL(/skema=box/);
  expect(await legendTotal(page, 'legend-class')).toBe(54);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-rtlh-boxmap.png` });

  await page.getByTestId('scheme').selectOption('manual');
  await expect(legend).toContainText('Kuantil'); // until breaks are typed, the map says what it shows
  const input = page.getByTestId('manual-breaks');
  await input.fill('6; 3');
  await input.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'angka yang naik' })).toBeVisible();
  await input.fill('2; 4; 6');
  await input.press('Enter');
  await expect(page.getByTestId('legend-class')).toHaveCount(4);
  await expect(legend).toContainText('2 – 4');
  await expect(page).toHaveURL(/skema=manual&batas=2;4;6/);

  await page.reload();
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|4');
  await expect(page.getByTestId('scheme')).toHaveValue('manual');
  await expect(page.getByTestId('manual-breaks')).toHaveValue('2; 4; 6');
  expect(problems).toEqual([]);
});

test('Empirical-Bayes smoothing on request: the legend says so, the link keeps it, values stay rates', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=tanjungbalai&indikator=penduduk_miskin_ekstrem');
  await waitForMap(page, 'tanjungbalai|2025|penduduk_miskin_ekstrem|rasio|');
  const raw = await page.getByTestId('legend-class').locator('.range').allInnerTexts();
  await page.getByTestId('smoothing').check();
  await waitForMap(page, 'tanjungbalai|2025|penduduk_miskin_ekstrem|rasio-eb|');
  await expect(page.getByTestId('legend')).toContainText('dihaluskan (Empirical Bayes)');
  await expect(page).toHaveURL(/eb=1/);
  const smoothed = await page.getByTestId('legend-class').locator('.range').allInnerTexts();
  expect(smoothed).not.toEqual(raw);
  await page.getByTestId('measure-jumlah').click();
  await expect(page.getByTestId('smoothing')).toHaveCount(0);
  await waitForMap(page, 'tanjungbalai|2025|penduduk_miskin_ekstrem|jumlah|');
  expect(problems).toEqual([]);
});
