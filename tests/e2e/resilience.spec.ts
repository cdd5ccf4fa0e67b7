import { expect, test } from '@playwright/test';
import { SCREENSHOTS, drawnKelurahan, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

test('kelurahan polygons are drawn before DuckDB has even downloaded', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let wasmRequested = false;
  await page.route('**/duckdb-*.wasm', async (route) => {
    wasmRequested = true;
    await held;
    await route.continue();
  });
  // Not the default view: that one is prebuilt and drawn before DuckDB starts (first-view.spec.ts).
  await page.goto('/?kota=tanjungbalai&indikator=rtlh');
  await page.waitForFunction(() => {
    const pkk = (window as unknown as { __pkk?: Pkk }).__pkk;
    return pkk ? new Set(pkk.map.queryRenderedFeatures({ layers: ['kelurahan-fill'] }).map((f) => f.id)).size === 31 : false;
  });
  expect(wasmRequested).toBe(true); // DuckDB started at once, in parallel...
  await expect(page.getByTestId('legend')).toContainText('Menunggu nilai indikator'); // ...and is not done
  release();
  await waitForMap(page, 'tanjungbalai|2025|rtlh|rasio');
  expect(await drawnKelurahan(page)).toHaveLength(31);
  expect(problems).toEqual([]);
});

test('when DuckDB cannot be downloaded the map stays and the message says what to do', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.route('**/duckdb-*.wasm', (route) => route.abort('connectionfailed'));
  // Not the default view, which the build's prebuilt file would colour without DuckDB.
  await page.goto('/?kota=probolinggo&indikator=rtlh');
  const notice = page.getByTestId('notices');
  await expect(notice).toContainText('Basis data di peramban tidak dapat dijalankan');
  await expect(notice).toContainText('muat ulang halaman');
  await page.waitForFunction(() => {
    const pkk = (window as unknown as { __pkk?: Pkk }).__pkk;
    return pkk ? new Set(pkk.map.queryRenderedFeatures({ layers: ['kelurahan-fill'] }).map((f) => f.id)).size === 29 : false;
  });
  await expect(page.getByTestId('legend')).toContainText('Nilai indikator tidak tersedia');
  await page.screenshot({ path: `${SCREENSHOTS}/probolinggo-no-database.png` });
  // Only the refused WASM download (and what DuckDB logs about it) may be reported.
  expect(problems.filter((p) => !/duckdb|wasm|WebAssembly|Failed to fetch/i.test(p))).toEqual([]);
});

test('the online basemap switched on without internet gives one notice and breaks nothing', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('basemap').check();
  await expect(page.getByTestId('notices')).toContainText('Peta dasar OpenStreetMap tidak dapat dimuat');
  await expect(page.getByTestId('notices').locator('li')).toHaveCount(1);
  expect(await page.evaluate(() => Boolean((window as unknown as { __pkk: Pkk }).__pkk.map.getLayer('osm')))).toBe(true);
  await page.getByTestId('basemap').uncheck();
  expect(await page.evaluate(() => Boolean((window as unknown as { __pkk: Pkk }).__pkk.map.getLayer('osm')))).toBe(false);
  expect(await drawnKelurahan(page)).toHaveLength(54);
  // Tile requests to openstreetmap.org were refused by the test's closed network; nothing else.
  expect(problems.filter((p) => !p.includes('tile.openstreetmap.org'))).toEqual([]);
});
