import { expect, test } from '@playwright/test';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

test('two saved views presented full screen: titles, counter, arrows and clicker keys step, Esc leaves; the sequence survives a reload', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-tampilan').click();
  await page.getByTestId('view-title').fill('RTLH Surakarta 2025');
  await page.getByTestId('view-note').fill('Semanggi tertinggi');
  await page.getByTestId('view-save').click();

  await page.getByTestId('tab-peta').click();
  await page.getByTestId('city').selectOption('probolinggo');
  await page.getByTestId('indicator').selectOption('penduduk_miskin');
  await page.getByTestId('year-2021').click();
  await waitForMap(page, 'probolinggo|2021|penduduk_miskin|rasio');
  await page.getByTestId('tab-tampilan').click();
  await page.getByTestId('view-title').fill('Kemiskinan Probolinggo 2021');
  await page.getByTestId('view-save').click();
  await expect(page.getByTestId('views-list').locator('li')).toHaveCount(2);

  await page.reload();
  await page.getByTestId('tab-tampilan').click();
  await expect(page.getByTestId('views-list').locator('li')).toHaveCount(2);
  await page.getByTestId('present').click();
  await expect(page.getByTestId('slide-title')).toHaveText('RTLH Surakarta 2025');
  await expect(page.getByTestId('slide-counter')).toHaveText('1 / 2');
  await expect(page.locator('.side')).toBeHidden();
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.screenshot({ path: `${SCREENSHOTS}/present-slide-1.png` });

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-counter')).toHaveText('2 / 2');
  await expect(page.getByTestId('slide-title')).toHaveText('Kemiskinan Probolinggo 2021');
  await waitForMap(page, 'probolinggo|2021|penduduk_miskin|rasio');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('slide-counter')).toHaveText('1 / 2');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('slide')).toHaveCount(0);
  await expect(page.locator('.side')).toBeVisible();
  expect(problems).toEqual([]);
});
