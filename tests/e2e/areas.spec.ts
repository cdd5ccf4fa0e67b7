import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

test('the Semanggi focus area: kelurahan it touches with shares, counts apportioned by area, program sites inside, a buffer', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-kawasan').click();
  await page.getByTestId('area-kawasan-semanggi').check();
  const summary = page.getByTestId('area-summary');
  await expect(summary).toContainText('Kawasan Semanggi');
  const shares = summary.getByTestId('area-shares');
  await expect(shares.locator('tr[data-kode="33.72.03.1002"] td')).toHaveText('100%');
  expect(await shares.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
  const totals = summary.getByTestId('area-totals');
  await expect(totals).toContainText('Rumah tidak layak huni (RTLH)');
  await expect(summary).toContainText('perkiraan');
  await expect(summary.getByTestId('area-sites').locator('li')).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/area-semanggi.png` });

  // A 200 m buffer touches more kelurahan.
  const before = await shares.locator('tbody tr').count();
  await summary.getByTestId('area-buffer').fill('200');
  await expect.poll(() => shares.locator('tbody tr').count()).toBeGreaterThan(before);

  // The summary as CSV, rounded as an official reads it (issue 15: shares had 16 decimals):
  // shares and size to at most two decimals, apportioned counts whole.
  const [download] = await Promise.all([page.waitForEvent('download'), summary.getByTestId('area-export').click()]);
  const rows = readFileSync(await download.path(), 'utf8')
    .slice(1)
    .split('\r\n')
    .map((line) => line.split(';'));
  expect(rows[1]).toEqual(['Zona penyangga (meter)', '200']);
  expect(rows[2][1]).toMatch(/^\d+(,\d{1,2})?$/);
  expect(rows.find((r) => r[0] === '33.72.03.1002')!.slice(1, 3)).toEqual(['Semanggi', '100']);
  expect(rows.find((r) => r[0] === 'Rumah tidak layak huni (RTLH)')![1]).toMatch(/^\d+$/);
  const decimals = rows.flat().filter((cell) => /^-?\d+,\d+$/.test(cell));
  expect(decimals.length).toBeGreaterThan(0);
  for (const cell of decimals) expect(cell).toMatch(/^-?\d+,\d{1,2}$/);

  // A drawn area: three clicks make a triangle over the map centre.
  await page.getByTestId('area-draw').click();
  const box = (await page.locator('.map canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [
    [-60, -40],
    [60, -40],
    [0, 60],
  ])
    await page.mouse.click(cx + dx, cy + dy);
  await page.getByTestId('area-name').fill('Segitiga uji');
  await page.getByTestId('area-finish').click();
  await expect(page.getByTestId('area-summary')).toContainText('Segitiga uji');
  const drawn = await page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    return (map.getSource('kawasan') as unknown as { _data: GeoJSON.FeatureCollection })._data;
  });
  expect(JSON.stringify(drawn)).toContain('Polygon');
  expect(problems).toEqual([]);
});
