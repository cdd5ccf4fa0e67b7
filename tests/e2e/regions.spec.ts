import { expect, test } from '@playwright/test';
import { drawnKelurahan, SCREENSHOTS, waitForMap, watchPage } from './helpers';
import { ensureNationalFile } from './national-fixture';

test.beforeAll(async () => {
  // The built app serves the national file as a static host would (with range requests).
  const file = await ensureNationalFile('dist');
  test.skip(file === null, 'no national file in ../shared/data/national');
});

test('Kota Blitar is found by name, read from the national file by range requests, and maps imported data like a demo city', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const national: { range: string | null; status: number; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/national/')) return;
    national.push({ range: response.request().headers()['range'] ?? null, status: response.status(), bytes: Number(response.headers()['content-length'] ?? 0) });
  });
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');

  await page.getByTestId('tab-data').click();
  const input = page.getByTestId('region-input');
  await input.fill('kota blitar');
  await expect(page.getByTestId('region-picker').getByRole('option').first()).toContainText('Kota Blitar');
  await input.press('Enter');
  await waitForMap(page, '35.72|');
  expect(await drawnKelurahan(page)).toHaveLength(21);
  await expect(page.getByTestId('city')).toHaveValue('35.72');
  // Only ranges were read, a tiny share of the 162 MB file.
  expect(national.length).toBeGreaterThan(0);
  expect(national.every((r) => r.range !== null && r.status === 206)).toBe(true);
  expect(national.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThan(0.02 * 161_701_720);
  // No synthetic demo numbers are shown for a region outside the demo.
  await expect(page.getByTestId('legend')).toContainText('Belum ada data');

  // Data for Blitar, imported from a CSV written the way an OPD might (names, decimal comma).
  const names = await page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { kelurahan: { features: { properties: Record<string, string> }[] } } } }).__pkk;
    return app.kelurahan.features.map((f) => f.properties.kelurahan);
  });
  const csv = ['Kelurahan;Jumlah RTLH;Rumah tangga', ...names.map((name, i) => `Kel. ${name};${10 + i};${(1000 + 37 * i).toLocaleString('id-ID')}`)].join('\r\n');
  await page.getByTestId('import-input').setInputFiles({ name: 'rtlh-blitar.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('21 baris data');
  await dialog.getByTestId('import-next').click();
  await expect(dialog.getByTestId('join-count-name')).toHaveText('21');
  await dialog.getByTestId('import-commit').click();
  await waitForMap(page, '35.72|2025|d');
  await expect(page.getByTestId('legend-source')).toContainText('rtlh-blitar.csv');
  await page.screenshot({ path: `${SCREENSHOTS}/region-blitar-imported.png` });

  // A reload restores the region and its data from the browser, without the national file.
  await page.route('**/national/**', (route) => route.abort());
  await page.reload();
  await waitForMap(page, '35.72|2025|d');
  expect(await drawnKelurahan(page)).toHaveLength(21);
  expect(problems.filter((p) => !p.includes('/national/'))).toEqual([]);
});
