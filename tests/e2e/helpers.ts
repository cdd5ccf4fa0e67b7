import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOTS = 'tests/e2e/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * Records what must never happen on a page: script errors, console errors, failed or refused
 * requests, and any request leaving the app's own origin (the app must work with no network).
 */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    // A reload or navigation aborts what is still loading (e.g. DuckDB, which starts after a
    // stored first view is drawn); that is the browser's doing, not a failure of the app.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  void page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request outside the app: ${url}`);
    return route.abort();
  });
  return problems;
}

/**
 * Waits until the map shows what the URL asks for, settled (MapView sets data-rendered), and
 * DuckDB has answered it: a demo city's default view is first drawn from the build's prebuilt
 * file before DuckDB has started (first-view.spec.ts tests that moment), and the tests go on to
 * ask DuckDB things.
 */
export async function waitForMap(page: Page, prefix: string): Promise<string> {
  const map = page.locator('.map');
  await expect(map).toHaveAttribute('data-rendered', new RegExp(`^${prefix.replaceAll('|', '\\|')}`), { timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __pkk: { app: { valuesFrom: string | null } } }).__pkk.app.valuesFrom !== 'prebuilt', null, {
    timeout: 90_000,
  });
  return (await map.getAttribute('data-rendered')) ?? '';
}

/** Distinct kelurahan codes drawn in the fill layer of the current view. */
export function drawnKelurahan(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk;
    const features = map.queryRenderedFeatures({ layers: ['kelurahan-fill'] });
    return [...new Set(features.map((f) => String(f.properties.kode)))].sort();
  });
}

/**
 * The colour actually painted inside each kelurahan: labels and outlines hidden, the canvas
 * pixel read at the kelurahan's label point (its pole of inaccessibility, far from any edge).
 */
export async function paintedColours(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const { map } = (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk;
    const hidden = ['kelurahan-labels', 'kelurahan-line', 'kecamatan-line', 'kelurahan-highlight'];
    for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'none');
    await new Promise((resolve) => map.once('idle', resolve));
    const canvas = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const ratio = canvas.width / canvas.clientWidth;
    const source = map.getSource('kelurahan-labels') as import('maplibre-gl').GeoJSONSource;
    const labels = (await source.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point, { kode: string }>;
    const colours: Record<string, string> = {};
    for (const feature of labels.features) {
      const p = map.project(feature.geometry.coordinates as [number, number]);
      const [r, g, b] = context.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
      colours[feature.properties.kode] = `${r},${g},${b}`;
    }
    for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'visible');
    await new Promise((resolve) => map.once('idle', resolve));
    return colours;
  });
}

/** Sum of the counts in the legend's rows ('legend-class' for classes, 'legend-category' for analyses). */
export async function legendTotal(page: Page, rows: 'legend-class' | 'legend-category'): Promise<number> {
  const counts = await page.getByTestId(rows).locator('.count').allInnerTexts();
  return counts.map((c) => Number.parseInt(c, 10)).reduce((a, b) => a + b, 0);
}

/**
 * Where on the page to point at a kelurahan: just below its label point (its pole of
 * inaccessibility), so the pointer lands on the fill, not on the label text.
 */
export function kelurahanOnPage(page: Page, kode: string): Promise<{ x: number; y: number }> {
  return page.evaluate(async (kode) => {
    const { map } = (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk;
    const source = map.getSource('kelurahan-labels') as import('maplibre-gl').GeoJSONSource;
    const data = (await source.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point, { kode: string }>;
    const p = map.project(data.features.find((f) => f.properties.kode === kode)!.geometry.coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y + 12 };
  }, kode);
}

/**
 * Rows of the import's raw tables in DuckDB (table name -> rows): a CSV register's `mentah_<id>`,
 * a Parquet register's batches `bagian_…` while they are inserted.
 */
export function rawTables(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    type Db = { query(sql: string): Promise<{ toArray(): Record<string, unknown>[] }> };
    const { app } = (window as unknown as { __pkk: { app: { workspace: { database(): Promise<Db> } } } }).__pkk;
    const db = await app.workspace.database();
    const names = (await db.query("SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'mentah_%' OR table_name LIKE 'bagian_%'"))
      .toArray()
      .map((r) => String(r.t));
    const out: Record<string, number> = {};
    for (const name of names) out[name] = Number((await db.query(`SELECT count(*) AS n FROM ${name}`)).toArray()[0].n);
    return out;
  });
}

/**
 * Imports `file`, the demo household register in some form (47,442 households), through the data
 * tab as household records: every row is in DuckDB before the join (DuckDB read the file; the
 * JavaScript reader loads its rows only at the join), `beforeJoin` checks the dialog then, 54
 * kelurahan join by code, and the commit leaves no raw table behind.
 */
export async function importHouseholds(page: Page, file: string, options: { timeout: number; beforeJoin?: (dialog: Locator) => Promise<void> }): Promise<void> {
  await page.getByTestId('tab-data').click();
  await page.getByTestId('import-input').setInputFiles(file);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('47.442 baris data', { timeout: options.timeout });
  await expect(dialog.getByTestId('import-kind-households')).toBeChecked();
  expect(Object.values(await rawTables(page))).toEqual([47442]);
  await options.beforeJoin?.(dialog);
  await dialog.getByTestId('import-next').click();
  await expect(dialog.getByTestId('join-report').getByTestId('join-count-code')).toHaveText('54');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: options.timeout });
  expect(await rawTables(page)).toEqual({});
}
