import { expect, test } from '@playwright/test';
import { SCREENSHOTS, legendTotal, waitForMap, watchPage } from './helpers';

test('program coverage: PKH coverage map, the bivariate need × coverage legend in words, sites and the program table', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('tab-program').click();
  await page.getByTestId('program-coverage').click();
  await waitForMap(page, 'surakarta|2025|program:cakupan:pkh|jumlah');
  await expect(page.getByTestId('legend')).toContainText('Cakupan');
  await expect(page.getByTestId('legend')).toContainText('Seluruh Kota Surakarta');

  await page.getByTestId('program-bivariate').check();
  await waitForMap(page, 'surakarta|2025|program:cakupan:pkh|jumlah|5|bivariat');
  const legend = page.getByTestId('bivariate-legend');
  await expect(legend).toContainText('Kebutuhan tinggi, cakupan rendah');
  await expect(legend).toContainText('Kebutuhan (Penduduk miskin)');
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  await page.screenshot({ path: `${SCREENSHOTS}/program-bivariate.png` });

  await expect(page.getByTestId('program-matrix').locator('tbody tr')).toHaveCount(54);
  await expect(page.getByTestId('program-site-counts').locator('tbody tr').first()).toBeVisible();
  const clusters = await page.evaluate(async () => {
    const { map } = (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    await idle;
    return map.queryRenderedFeatures({ layers: ['lokasi-program', 'lokasi-program-kelompok'] }).length;
  });
  expect(clusters).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('water and sanitation gaps: city share, households still to reach for a target, kecamatan table, both-worst kelurahan outlined', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('tab-air').click();
  const panel = page.getByTestId('access-panel');
  await expect(panel.getByTestId('access-city-air')).toContainText('rumah tangga tanpa akses');
  const reach = async () => Number((await panel.getByTestId('access-reach-sanitasi').innerText()).replace(/\./g, ''));
  await expect.poll(reach).toBeGreaterThan(0);
  const universal = await reach();
  await panel.getByTestId('access-target-sanitasi').fill('90');
  await panel.getByTestId('access-target-sanitasi').press('Tab');
  await expect.poll(reach).toBeLessThan(universal);
  await expect(panel.getByTestId('access-kecamatan').locator('tbody tr')).toHaveCount(5);
  const worst = await panel.getByTestId('access-both-worst').locator('li').count();
  expect(worst).toBeGreaterThan(0);
  await panel.getByTestId('access-map-sanitasi').click();
  await waitForMap(page, 'surakarta|2025|akses:sanitasi|jumlah|target-100-90');
  // The map's city total is the panel's figure.
  const shown = await panel.getByTestId('access-reach-sanitasi').innerText();
  await expect(page.getByTestId('legend')).toContainText(`Seluruh Kota Surakarta: ${shown}`);
  await page.screenshot({ path: `${SCREENSHOTS}/access-sanitation.png` });
  expect(problems).toEqual([]);
});
