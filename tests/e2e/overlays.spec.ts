/**
 * Overlays on real screens (issue 15, item 7): the focus area's veil only in the area tab (it
 * tinted the class colours in the map tab), its outline and the RTLH targets / "both gaps worst"
 * outlines drawn as a white casing under a dark core. Screenshots at three viewports to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

/** Visibility of map layers and how many features each draws in the current view. */
function layers(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    return Object.fromEntries(
      ids.map((id) => [id, { visibility: map.getLayoutProperty(id, 'visibility') ?? 'visible', drawn: map.queryRenderedFeatures({ layers: [id] }).length }]),
    );
  }, ids);
}

/** Waits for the map to settle after a tab switch (layers shown or hidden, then painted). */
const idle = (page: Page) =>
  page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    const settled = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    return settled;
  });

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`overlays at ${width}x${height}: the area's veil only in its tab, outlines with a white casing`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.setViewportSize({ width, height });
    await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
    await waitForMap(page, 'surakarta|2025|rtlh|rasio');
    const area = ['kawasan-isi', 'kawasan-garis-alas', 'kawasan-garis'];

    // Before any area is open, the veil is hidden.
    expect((await layers(page, ['kawasan-isi']))['kawasan-isi'].visibility).toBe('none');

    await page.getByTestId('tab-kawasan').click();
    await page.getByTestId('area-kawasan-semanggi').check();
    await expect(page.getByTestId('area-summary')).toContainText('Kawasan Semanggi');
    await idle(page);
    const open = await layers(page, area);
    expect(open['kawasan-isi']).toEqual({ visibility: 'visible', drawn: expect.any(Number) });
    expect(open['kawasan-isi'].drawn).toBeGreaterThan(0);
    expect(open['kawasan-garis-alas'].drawn).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/overlays-area-tab-${width}x${height}.png` });

    // The map tab: the active area keeps its outline, but no veil over the class colours.
    await page.getByTestId('tab-peta').click();
    await idle(page);
    const closed = await layers(page, area);
    expect(closed['kawasan-isi']).toEqual({ visibility: 'none', drawn: 0 });
    expect(closed['kawasan-garis'].drawn).toBeGreaterThan(0);
    expect(closed['kawasan-garis-alas'].drawn).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/overlays-area-map-tab-${width}x${height}.png` });

    // RTLH targets: casing and core both drawn on the chosen kelurahan.
    await page.getByTestId('tab-sasaran').click();
    await page.getByTestId('budget-units').fill('400');
    await expect(page.getByTestId('targeting-list').locator('> li').first()).toHaveAttribute('data-kode', '33.72.03.1002');
    await idle(page);
    const targets = await layers(page, ['kelurahan-sasaran-alas', 'kelurahan-sasaran', 'kawasan-isi']);
    expect(targets['kelurahan-sasaran-alas'].visibility).toBe('visible');
    expect(targets['kelurahan-sasaran'].visibility).toBe('visible');
    expect(targets['kawasan-isi'].visibility).toBe('none');
    await page.screenshot({ path: `${SCREENSHOTS}/overlays-targets-${width}x${height}.png` });

    // Water tab: the kelurahan where both gaps are worst, outlined the same way.
    await page.getByTestId('tab-air').click();
    await idle(page);
    const gaps = await layers(page, ['kelurahan-sasaran-alas', 'kelurahan-sasaran']);
    expect(gaps['kelurahan-sasaran-alas'].visibility).toBe('visible');
    expect(gaps['kelurahan-sasaran'].visibility).toBe('visible');
    await page.screenshot({ path: `${SCREENSHOTS}/overlays-both-gaps-${width}x${height}.png` });
    expect(problems).toEqual([]);
  });
}

test('presenting draws the overlay outlines wider, and leaving restores them', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  /** The targets' casing width at zoom 12 for a chosen kelurahan (the middle stop of its zoom ramp). */
  const casingAt12 = () =>
    page.evaluate(() => {
      const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
      const ramp = map.getPaintProperty('kelurahan-sasaran-alas', 'line-width') as unknown[];
      const stop = ramp[ramp.indexOf(12) + 1] as unknown[];
      return stop[2] as number;
    });
  expect(await casingAt12()).toBe(6.5);
  await page.getByTestId('tab-tampilan').click();
  await page.getByTestId('view-title').fill('RTLH Surakarta 2025');
  await page.getByTestId('view-save').click();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('slide-counter')).toHaveText('1 / 1');
  await expect.poll(casingAt12).toBeCloseTo(6.5 * 1.6);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('slide')).toHaveCount(0);
  await expect.poll(casingAt12).toBe(6.5);
  expect(problems).toEqual([]);
});
