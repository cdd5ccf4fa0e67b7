import { expect, test } from '@playwright/test';
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

  // A drawn area: three clicks make a triangle over the map centre.
  await page.getByTestId('area-draw').click();
  const box = (await page.locator('.map canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [[-60, -40], [60, -40], [0, 60]]) await page.mouse.click(cx + dx, cy + dy);
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
