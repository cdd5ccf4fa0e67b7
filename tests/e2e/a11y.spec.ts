import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForMap } from './helpers';

/** Serious and critical violations, described compactly for the failure message. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
}

test('no serious accessibility violations on the main screens', async ({ page }) => {
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  const found: Record<string, string[]> = {};
  found.map = await serious(page);
  for (const tab of ['sasaran', 'air', 'program', 'kawasan', 'tampilan', 'data']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(300);
    found[tab] = await serious(page);
  }
  await page.getByTestId('tab-peta').click();
  await page.getByTestId('view-toggle').click();
  found.table = await serious(page);
  expect(found).toEqual({ map: [], sasaran: [], air: [], program: [], kawasan: [], tampilan: [], data: [], table: [] });
});

test('the map pans by keyboard and a kelurahan can be found and opened from the searchable table', async ({ page }) => {
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  const before = await page.evaluate(() => (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk.map.getCenter().lng);
  await page.locator('.map canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk.map.getCenter().lng)).toBeGreaterThan(before);
  await page.getByTestId('view-toggle').click();
  await page.getByTestId('table-search').fill('seman');
  const rows = page.getByTestId('table-view').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: 'Semanggi' }).press('Enter');
  await expect(page.locator('#panel-title')).toHaveText('Semanggi');
});

test('significance is shown by an outline as well as by colour', async ({ page }) => {
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh&analisis=lisa&permutasi=999&seed=20250707');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|lisa');
  await expect(page.getByTestId('legend-outline')).toContainText('signifikan');
  const { outlined, significant } = await page.evaluate(() => {
    const { map, app } = (
      window as unknown as { __pkk: { map: import('maplibre-gl').Map; app: { analysis: { categories: { codes: Int8Array; rows: { index: number; label: string }[] } } } } }
    ).__pkk;
    const ids = map.querySourceFeatures('kelurahan').map((f) => f.id!);
    const outlined = new Set(ids.filter((id) => map.getFeatureState({ source: 'kelurahan', id }).signifikan)).size;
    const { codes, rows } = app.analysis.categories;
    const sig = new Set(rows.filter((r) => !['cluster.ns', 'cluster.isolated'].includes(r.label)).map((r) => r.index));
    return { outlined, significant: [...codes].filter((c) => sig.has(c)).length };
  });
  expect(significant).toBeGreaterThan(0);
  expect(outlined).toBe(significant);
});
