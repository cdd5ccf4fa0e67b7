import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, drawnKelurahan, legendTotal, paintedColours, waitForMap, watchPage } from './helpers';

const cities = JSON.parse(readFileSync('data/kota.json', 'utf8')) as { slug: string; nama: string; kelurahan: number }[];
const catalog = JSON.parse(readFileSync('data/catalog.json', 'utf8')) as { indicators: { id: string; label: { id: string } }[] };
const label = (id: string) => catalog.indicators.find((i) => i.id === id)!.label.id;

for (const city of cities) {
  test(`${city.nama}: every kelurahan drawn as a choropleth, offline, no errors`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.goto(`/?kota=${city.slug}`);
    await waitForMap(page, `${city.slug}|2025|penduduk_miskin|rasio`);

    expect(await drawnKelurahan(page)).toHaveLength(city.kelurahan);

    const legend = page.getByTestId('legend');
    await expect(legend).toContainText(label('penduduk_miskin'));
    await expect(legend).toContainText('2025');
    await expect(legend).toContainText('Data contoh (sintetis)');
    // Class counts add up to the city's kelurahan.
    expect(await legendTotal(page, 'legend-class')).toBe(city.kelurahan);
    await expect(page.getByTestId('synthetic-badge')).toBeVisible();

    // Names are drawn with the app's own glyphs: a good share of kelurahan carry a visible label.
    const labelled = await page.evaluate(() => {
      const { map } = (window as unknown as { __pkk: { map: import('maplibre-gl').Map } }).__pkk;
      return new Set(map.queryRenderedFeatures({ layers: ['kelurahan-labels'] }).map((f) => f.properties.kode)).size;
    });
    expect(labelled).toBeGreaterThanOrEqual(Math.ceil(city.kelurahan * 0.6));

    await page.screenshot({ path: `${SCREENSHOTS}/${city.slug}.png` });
    expect(problems).toEqual([]);
  });
}

test('changing the indicator recolours the map without re-uploading geometry', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  const before = await paintedColours(page);
  expect(Object.keys(before)).toHaveLength(54);

  await page.evaluate(() => {
    const pkk = (window as unknown as { __pkk: { map: import('maplibre-gl').Map; uploads?: number } }).__pkk;
    const source = pkk.map.getSource('kelurahan') as import('maplibre-gl').GeoJSONSource;
    const setData = source.setData.bind(source);
    pkk.uploads = 0;
    source.setData = (...args) => {
      pkk.uploads! += 1;
      return setData(...args);
    };
  });
  // Pan by dragging, then change the indicator: neither may upload the geometry again.
  const box = (await page.locator('.map canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/peta=/);
  await page.getByTestId('indicator').selectOption('rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await expect(page.getByTestId('legend')).toContainText(label('rtlh'));
  const after = await paintedColours(page);

  const changed = Object.keys(before).filter((kode) => before[kode] !== after[kode]);
  expect(changed.length).toBeGreaterThan(54 / 3);
  expect(await page.evaluate(() => (window as unknown as { __pkk: { uploads: number } }).__pkk.uploads)).toBe(0);
  expect(page.url()).toContain('indikator=rtlh');

  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-rtlh.png` });
  expect(problems).toEqual([]);
});
