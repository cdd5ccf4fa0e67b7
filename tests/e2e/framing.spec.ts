/**
 * Framing checked by geometry at a projector, an office laptop and a desktop screen (issue 15,
 * items 1 and 2): closing a profile brings the camera back, exports frame every kelurahan whatever
 * the screen shows, the legend hides no top-ranked kelurahan, and presenting fits the region below
 * the slide header, clear of the legend, with names readable across a room.
 */
import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { contains, projectBounds, type Bounds, type Camera } from '../../src/map/framing';
import { SCREENSHOTS, kelurahanOnPage, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map; app: { values: Map<string, number | null> | null }; lastExport?: { camera: Camera; width: number; height: number } };
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SEMANGGI = '33.72.03.1002';

/** The camera on screen. */
function camera(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
}

/** Waits until the map has stopped moving and drawn (an eased pan takes 400 ms), twice to be sure. */
async function settled(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page
      .waitForFunction(
        () => {
          const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
          return !map.isMoving() && map.loaded();
        },
        undefined,
        { timeout: 30_000 },
      )
      .catch(async (error: Error) => {
        const state = await page.evaluate(() => {
          const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
          return { moving: map.isMoving(), loaded: map.loaded(), corner: document.querySelector('[data-testid="legend-slot"]')?.getAttribute('data-corner'), zoom: map.getZoom() };
        });
        throw new Error(`${error.message} ${JSON.stringify(state)}`);
      });
    await page.waitForTimeout(250);
  }
}

/**
 * Every kelurahan's bounding box (lon/lat), its box on the page, the three top-ranked kelurahan
 * by value, and the page boxes of the legend, the map canvas, the slide header and the controls.
 */
function geometry(page: Page) {
  return page.evaluate(() => {
    const { map, app } = (window as unknown as { __pkk: Pkk & { app: { kelurahan: GeoJSON.FeatureCollection } } }).__pkk;
    const rect = (e: Element | null) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const canvas = map.getCanvas().getBoundingClientRect();
    const areas = app.kelurahan.features.map((f) => {
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      const walk = (c: unknown): void => {
        if (typeof (c as number[])[0] === 'number') {
          const [x, y] = c as number[];
          [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
        } else for (const part of c as unknown[]) walk(part);
      };
      walk((f.geometry as GeoJSON.Polygon).coordinates);
      const a = map.project([w, n]);
      const b = map.project([e, s]);
      const kode = String(f.properties!.kode);
      return {
        kode,
        name: String(f.properties!.kelurahan),
        bounds: [w, s, e, n] as [number, number, number, number],
        box: { left: canvas.left + a.x, top: canvas.top + a.y, right: canvas.left + b.x, bottom: canvas.top + b.y },
        value: app.values?.get(kode) ?? null,
      };
    });
    const top = [...areas]
      .filter((a) => typeof a.value === 'number')
      .sort((a, b) => b.value! - a.value!)
      .slice(0, 3);
    return {
      areas,
      top,
      canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom },
      legend: rect(document.querySelector('[data-testid="legend"]'))!,
      slide: rect(document.querySelector('[data-testid="slide"]')),
      controls: rect(document.querySelector('.maplibregl-ctrl-top-right')),
      zoom: map.getZoom(),
      textSize: map.getLayoutProperty('kelurahan-labels', 'text-size') as unknown[],
    };
  });
}

/**
 * Kelurahan whose label point (where its name is drawn) lies under the legend or the profile, or
 * off the map canvas: the names a user cannot see on the map.
 */
function hiddenLabelPoints(page: Page): Promise<{ name: string; under: string }[]> {
  return page.evaluate(async () => {
    const { map, app } = (window as unknown as { __pkk: Pkk & { app: { kelurahan: GeoJSON.FeatureCollection } } }).__pkk;
    const source = map.getSource('kelurahan-labels') as import('maplibre-gl').GeoJSONSource;
    const data = (await source.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point, { kode: string }>;
    const names = new Map(app.kelurahan.features.map((f) => [String(f.properties!.kode), String(f.properties!.kelurahan)]));
    const canvas = map.getCanvas().getBoundingClientRect();
    const covers = { legend: document.querySelector('[data-testid="legend"]'), profile: document.querySelector('[data-testid="kelurahan-panel"]') };
    const hidden: { name: string; under: string }[] = [];
    for (const f of data.features) {
      const p = map.project(f.geometry.coordinates as [number, number]);
      const [x, y] = [canvas.left + p.x, canvas.top + p.y];
      const name = names.get(f.properties.kode) ?? f.properties.kode;
      if (x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom) hidden.push({ name, under: 'off the canvas' });
      for (const [under, element] of Object.entries(covers)) {
        const r = element?.getBoundingClientRect();
        if (r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) hidden.push({ name, under });
      }
    }
    return hidden;
  });
}

function overlaps(a: Box, b: Box): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
}

/** A zoom-interpolated expression ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1, ...] at `zoom`. */
function atZoom(expression: unknown[], zoom: number): number {
  // Evaluated as MapLibre does, for a city's kelurahan (no kab/kota level on its label point).
  const parsed = createExpression(expression, 'text-size', latest.layout_symbol['text-size'] as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'Point', properties: {} } as never) as number;
}

/** Every kelurahan inside the image the last export drew (from the camera and frame it used). */
async function exportFramesEveryKelurahan(page: Page, areas: { name: string; bounds: Bounds }[]): Promise<string[]> {
  const frame = await page.evaluate(() => (window as unknown as { __pkk: Pkk }).__pkk.lastExport!);
  const whole = { left: 0, top: 0, right: frame.width, bottom: frame.height };
  return areas.filter((a) => !contains(whole, projectBounds(a.bounds, frame.camera, frame), 0.5)).map((a) => a.name);
}

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('profile closed restores the camera; exports frame every kelurahan; the legend hides no top-ranked one', async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      const problems = watchPage(page, baseURL!);
      await page.goto('/?kota=surakarta&tahun=2025');
      await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
      await settled(page);
      const first = await camera(page);
      const start = await geometry(page);
      expect(start.top).toHaveLength(3);
      for (const t of start.top) expect(overlaps(start.legend, t.box), `legend over ${t.name}`).toBe(false);
      // The whole region is in view at first open, and clear of the legend.
      for (const a of start.areas) {
        expect(contains(start.canvas, a.box, 1), `${a.name} in view`).toBe(true);
        expect(overlaps(start.legend, a.box), `legend over ${a.name}`).toBe(false);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/framing-${width}x${height}-normal.png` });

      // Open Semanggi's profile: it may pan so Semanggi is visible beside the panel.
      const semanggi = await kelurahanOnPage(page, SEMANGGI);
      await page.mouse.click(semanggi.x, semanggi.y);
      const panel = page.getByTestId('kelurahan-panel');
      await expect(panel).toBeVisible();
      await settled(page);
      const shown = await kelurahanOnPage(page, SEMANGGI);
      const panelBox = (await panel.boundingBox())!;
      const insidePanel = shown.x > panelBox.x && shown.x < panelBox.x + panelBox.width && shown.y > panelBox.y && shown.y < panelBox.y + panelBox.height;
      expect(insidePanel, 'Semanggi beside its profile').toBe(false);
      // ... and the camera that shows it hides no other kelurahan's name under the legend or the
      // profile or past the canvas edge (walk s7 finding 1: 17 of 54 under the legend at 1366).
      expect(await hiddenLabelPoints(page), 'label points hidden with the profile open').toEqual([]);
      // The profile leaves a usable map: at 1024 it docks over the side panel, not over the map.
      const freeWidth = Math.max(start.canvas.right - Math.max(start.canvas.left, panelBox.x + panelBox.width), Math.min(start.canvas.right, panelBox.x) - start.canvas.left);
      expect(freeWidth, 'map width beside the profile').toBeGreaterThan(Math.min(500, (start.canvas.right - start.canvas.left) / 2));
      await page.screenshot({ path: `${SCREENSHOTS}/framing-${width}x${height}-profile.png` });

      // Close with x at the desktop sizes, with Esc on the projector: the camera comes back.
      if (width === 1024) await page.keyboard.press('Escape');
      else await panel.getByRole('button', { name: /tutup|close/i }).click();
      await expect(panel).toHaveCount(0);
      await settled(page);
      const back = await camera(page);
      expect(back.zoom).toBeCloseTo(first.zoom, 2);
      expect(back.lng).toBeCloseTo(first.lng, 4);
      expect(back.lat).toBeCloseTo(first.lat, 4);
      await page.screenshot({ path: `${SCREENSHOTS}/framing-${width}x${height}-profile-closed.png` });
      const closed = await geometry(page);
      for (const t of closed.top) expect(overlaps(closed.legend, t.box), `legend over ${t.name} after closing`).toBe(false);

      // The user drags the map aside; exports still frame the region, not the screen.
      const mid = { x: (start.canvas.left + start.canvas.right) / 2, y: (start.canvas.top + start.canvas.bottom) / 2 };
      await page.mouse.move(mid.x, mid.y);
      await page.mouse.down();
      // Towards the upper right, so the button is released over the map, not over the legend.
      await page.mouse.move(mid.x + 150, mid.y - 60, { steps: 8 });
      await page.mouse.up();
      await settled(page);
      const dragged = await geometry(page);
      // The legend moved off the top-ranked kelurahan if the drag put them under it.
      for (const t of dragged.top) expect(overlaps(dragged.legend, t.box), `legend over ${t.name} after a drag`).toBe(false);

      await page.getByTestId('tab-tampilan').click();
      const pngDownload = page.waitForEvent('download');
      await page.getByTestId('export-png-screen').click();
      const pngPath = await (await pngDownload).path();
      copyFileSync(pngPath, `${SCREENSHOTS}/framing-${width}x${height}-export.png`);
      expect(await exportFramesEveryKelurahan(page, start.areas)).toEqual([]);
      const pdfDownload = page.waitForEvent('download');
      await page.getByTestId('export-pdf').click();
      await pdfDownload;
      expect(await exportFramesEveryKelurahan(page, start.areas)).toEqual([]);
      expect(problems).toEqual([]);
    });

    test('presenting fits the region below the title, clear of the legend and controls, with names a room can read', async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      const problems = watchPage(page, baseURL!);
      await page.goto('/?kota=surakarta&tahun=2025');
      await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
      await page.getByTestId('tab-tampilan').click();
      await page.getByTestId('view-title').fill('Kemiskinan Surakarta 2025');
      await page.getByTestId('view-save').click();
      await page.getByTestId('present').click();
      await expect(page.getByTestId('slide')).toBeVisible();
      await expect(page.locator('.side')).toBeHidden();
      await page.waitForTimeout(300);
      await settled(page);
      const g = await geometry(page);
      expect(g.slide).not.toBeNull();
      // The map starts below the slide header, the zoom buttons too.
      expect(g.canvas.top).toBeGreaterThanOrEqual(g.slide!.bottom - 1);
      expect(g.controls!.top).toBeGreaterThanOrEqual(g.slide!.bottom);
      const free = { left: g.canvas.left, top: Math.max(g.canvas.top, g.slide!.bottom), right: g.canvas.right, bottom: g.canvas.bottom };
      for (const a of g.areas) {
        expect(contains(free, a.box, 1), `${a.name} inside the free area`).toBe(true);
        expect(overlaps(g.legend, a.box), `legend over ${a.name}`).toBe(false);
      }
      // The region fills the free area beside the legend: on one axis it spans most of what is left.
      const region = {
        left: Math.min(...g.areas.map((a) => a.box.left)),
        right: Math.max(...g.areas.map((a) => a.box.right)),
        top: Math.min(...g.areas.map((a) => a.box.top)),
        bottom: Math.max(...g.areas.map((a) => a.box.bottom)),
      };
      const spareWidth = free.right - free.left - (g.legend.right - g.legend.left);
      const spareHeight = free.bottom - free.top - (g.legend.bottom - g.legend.top);
      const fillsWidth = (region.right - region.left) / Math.max(spareWidth, free.right - free.left - 1) > 0.8 || (region.right - region.left) / spareWidth > 0.8;
      const fillsHeight = (region.bottom - region.top) / (free.bottom - free.top) > 0.8 || (region.bottom - region.top) / spareHeight > 0.8;
      expect(fillsWidth || fillsHeight, 'region fills the free area').toBe(true);
      // Names at least 16 px at the zoom shown.
      expect(atZoom(g.textSize, g.zoom)).toBeGreaterThanOrEqual(16);
      await page.screenshot({ path: `${SCREENSHOTS}/framing-${width}x${height}-presenting.png` });
      // A profile opened while presenting starts below the slide header, not under it.
      const semanggi = await kelurahanOnPage(page, SEMANGGI);
      await page.mouse.click(semanggi.x, semanggi.y);
      const profile = page.getByTestId('kelurahan-panel');
      await expect(profile).toBeVisible();
      expect((await profile.boundingBox())!.y).toBeGreaterThanOrEqual(g.slide!.bottom);
      // ... and Semanggi stays in sight: neither the profile nor the legend covers it.
      await settled(page);
      const seen = await kelurahanOnPage(page, SEMANGGI);
      const onMap = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y) === document.querySelector('.maplibregl-canvas'), seen);
      expect(onMap, 'Semanggi visible beside its profile while presenting').toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/framing-${width}x${height}-presenting-profile.png` });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('slide')).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  });
}
