/**
 * The map of all of Indonesia keeps the whole country in frame when the window changes size (a
 * screenshot at 1024x768 after a resize was cut at Sumatra and Papua): checked by geometry, the
 * corners of Indonesia's bounds projected by the map itself inside the part of the map the window
 * shows, at the three sizes a TKPK office uses, each reached by a resize; and the sea drawn in the
 * style's colour, not the near-white of "not significant". Screenshots at each size.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { NATIONAL_BOUNDS } from '../../src/data/national-map';
import { NATIONAL_BACKGROUND } from '../../src/map/national-style';
import { SCREENSHOTS, watchPage } from './helpers';

/** Built by `npm run data:national` (part of `npm run test:e2e`) and copied into the site. */
const TILES = 'dist/national/tiles/metadata.json';

test.beforeAll(() => {
  test.skip(!existsSync(TILES), 'no national tiles: ../shared/data/national is missing');
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  // Back down: a map grown first must shrink to the country again, not keep its zoom.
  { width: 1024, height: 768 },
];

type Box = { left: number; top: number; right: number; bottom: number };

/** Where Indonesia's bounds fall on the page, and the part of the map the window shows. */
async function frame(page: Page): Promise<{ indonesia: Box; visible: Box; map: Box; zoom: number }> {
  return page.evaluate((bounds) => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    const box = map.getContainer().getBoundingClientRect();
    const [west, south, east, north] = bounds;
    const sw = map.project([west, south]);
    const ne = map.project([east, north]);
    const indonesia = { left: box.left + sw.x, top: box.top + ne.y, right: box.left + ne.x, bottom: box.top + sw.y };
    // What of the map the window shows: the container clipped to the viewport.
    const visible = { left: Math.max(0, box.left), top: Math.max(0, box.top), right: Math.min(window.innerWidth, box.right), bottom: Math.min(window.innerHeight, box.bottom) };
    return { indonesia, visible, map: { left: box.left, top: box.top, right: box.right, bottom: box.bottom }, zoom: map.getZoom() };
  }, NATIONAL_BOUNDS);
}

test('all of Indonesia stays whole in frame after each resize, at 1024x768, 1366x768 and 1920x1080', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?nasional=1');
  await expect(page.getByTestId('national-map')).toHaveAttribute('data-rendered', /^penduduk_miskin\|2025\|5\|quantile/, { timeout: 120_000 });

  for (const [i, size] of SIZES.entries()) {
    await page.setViewportSize(size);
    // The map has taken its new size (MapLibre's canvas follows the container) and settled.
    await page.waitForFunction(
      (width) => {
        const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
        const box = map.getContainer().getBoundingClientRect();
        return window.innerWidth === width && Math.abs(map.getCanvas().clientWidth - box.width) < 1 && !map.isMoving() && map.loaded() && map.areTilesLoaded();
      },
      size.width,
      { timeout: 60_000 },
    );
    const { indonesia, visible, map, zoom } = await frame(page);
    // The map itself is inside the window and takes most of it beside the panel.
    expect(map.right - map.left, `map width at ${size.width}`).toBeGreaterThan(size.width * 0.5);
    expect(visible.right - visible.left).toBeCloseTo(map.right - map.left, 0);
    expect(visible.bottom - visible.top).toBeCloseTo(map.bottom - map.top, 0);
    // Every corner of Indonesia inside the visible map: Sumatra's west and Papua's east included.
    const where = `${size.width}x${size.height}, zoom ${zoom.toFixed(2)}`;
    expect(indonesia.left, `west edge (Sumatra) at ${where}`).toBeGreaterThanOrEqual(visible.left);
    expect(indonesia.right, `east edge (Papua) at ${where}`).toBeLessThanOrEqual(visible.right);
    expect(indonesia.top, `north edge at ${where}`).toBeGreaterThanOrEqual(visible.top);
    expect(indonesia.bottom, `south edge at ${where}`).toBeLessThanOrEqual(visible.bottom);
    // And it fills the map's width (not a small country in a large sea).
    expect(indonesia.right - indonesia.left, `Indonesia's width at ${where}`).toBeGreaterThan(0.6 * (visible.right - visible.left));
    await page.screenshot({ path: `${SCREENSHOTS}/national-frame-${i}-${size.width}x${size.height}.png` });
  }

  // The sea is drawn in the style's colour: a pixel of the Indian Ocean south-west of Sumatra.
  const sea = await page.evaluate(() => {
    const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
    const point = map.project([97, -9]);
    const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
    const ratio = window.devicePixelRatio;
    const pixel = new Uint8Array(4);
    gl!.readPixels(Math.round(point.x * ratio), Math.round(map.getCanvas().height - point.y * ratio), 1, 1, gl!.RGBA, gl!.UNSIGNED_BYTE, pixel);
    return `#${[...pixel.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  });
  expect(sea).toBe(NATIONAL_BACKGROUND);
  expect(problems).toEqual([]);
});
