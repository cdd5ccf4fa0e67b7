import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, kelurahanOnPage, legendTotal, paintedColours, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

test('LISA clusters of RTLH in Surakarta: cluster map, power warning, sensitivity, neighbours of Semanggi', async ({ page, baseURL }) => {
  // A dozen steps, two LISA runs and a painted-pixel check: 90 s is not enough on a loaded 2-core machine.
  test.setTimeout(240_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('analysis-method').selectOption('lisa');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|lisa');
  // It ran in the analysis worker, not on the page's thread.
  expect(page.workers().some((w) => w.url().includes('analysis.worker'))).toBe(true);

  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Tinggi-Tinggi (kantong)');
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  const highHigh = Number.parseInt(await page.getByTestId('legend-category').first().locator('.count').innerText(), 10);
  expect(highHigh).toBeGreaterThan(0);
  await expect(page.getByTestId('sensitivity')).toBeVisible();
  await expect(page.getByTestId('moran-scatter')).toContainText("Moran's I = 0,");
  await expect(page.getByTestId('moran-scatter').locator('circle')).toHaveCount(54);

  // The weights download as a GeoDa .gal file, ids = kelurahan codes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-gal').click()]);
  expect(download.suggestedFilename()).toBe('bobot-queen-surakarta.gal');
  const gal = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  expect(gal[0]).toMatch(/^0 54 \S+ kode$/);
  expect(gal).toContain(gal.find((line) => line.startsWith('33.72.03.1002 ')));
  expect(gal.length).toBe(1 + 2 * 54);

  // Every kelurahan is painted in the legend colour of its category (fill at 0.92 over the background).
  const painted = await paintedColours(page);
  const expected = await page.evaluate(() => {
    const { map, app } = (window as unknown as { __pkk: Pkk & { app: { analysis: { categories: { rows: { index: number; color: string }[] } } } } }).__pkk;
    const rows = app.analysis.categories.rows;
    const out: Record<string, string> = {};
    for (const id of new Set(map.querySourceFeatures('kelurahan').map((f) => String(f.id)))) {
      const code = map.getFeatureState({ source: 'kelurahan', id }).kategori as number;
      out[id] = rows.find((r) => r.index === code)!.color;
    }
    return out;
  });
  const blend = (hex: string) => [1, 3, 5].map((k, c) => Math.round(0.92 * parseInt(hex.slice(k, k + 2), 16) + 0.08 * [0xee, 0xf1, 0xf4][c]));
  for (const [kode, colour] of Object.entries(expected)) {
    const got = painted[kode].split(',').map(Number);
    blend(colour).forEach((channel, c) => expect(Math.abs(channel - got[c]), `${kode} ${colour} vs ${painted[kode]}`).toBeLessThanOrEqual(3));
  }

  // Bonferroni over 54 kelurahan needs p <= 0.05/54: 999 permutations cannot get there.
  await page.getByTestId('analysis-correction').selectOption('bonferroni');
  const warning = page.getByTestId('power-warning');
  await expect(warning).toContainText('999 permutasi');
  await warning.getByRole('button').click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('analysis-permutations')).toHaveValue('1079');
  await page.getByTestId('analysis-correction').selectOption('none');

  // Semanggi's profile shows its statistic and its neighbours, outlined on the map.
  const point = await kelurahanOnPage(page, '33.72.03.1002');
  await page.mouse.click(point.x, point.y);
  const section = page.getByTestId('panel-analysis');
  await expect(section).toContainText('I lokal');
  await expect(section).toContainText('p semu');
  await expect(section).toContainText('Sumbangan ke I Moran global');
  // ... and says in words what its category means, for a reader who is not a statistician.
  await expect(section.locator('.category strong')).toHaveText('Tinggi-Tinggi (kantong)');
  await expect(page.getByTestId('panel-category-explain')).toContainText('tinggi dan tetangganya juga tinggi');
  const listed = (await section.locator('.neighbours').innerText())
    .split(':')[1]
    .split(',')
    .map((s) => s.trim());
  expect(listed).toContain('Sangkrah');
  const outlined = await page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    const kodes = map.querySourceFeatures('kelurahan').map((f) => String(f.id));
    return new Set(kodes.filter((id) => map.getFeatureState({ source: 'kelurahan', id }).tetangga === true)).size;
  });
  expect(outlined).toBe(listed.length);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-rtlh-lisa.png` });

  await page.getByTestId('analysis-method').selectOption('gistar');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|gistar');
  await expect(legend).toContainText('Titik panas, 99%');
  await page.getByTestId('analysis-method').selectOption('none');
  await expect(legend).toContainText('Kuantil');
  expect(problems).toEqual([]);
});

test('the same seed gives the same clusters; the seed is shown and can be set', async ({ page, baseURL }) => {
  // Two page loads that each wait for DuckDB, and three LISA runs: at load 30 on two cores that took over 90 s.
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=jakarta-pusat&indikator=penduduk_miskin');
  await waitForMap(page, 'jakarta-pusat|2025|penduduk_miskin|rasio');
  await page.getByTestId('analysis-method').selectOption('lisa');
  await waitForMap(page, 'jakarta-pusat|2025|penduduk_miskin|rasio|5|lisa');
  const read = () =>
    page.evaluate(() => {
      const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
      const kodes = [...new Set(map.querySourceFeatures('kelurahan').map((f) => String(f.id)))].sort();
      return kodes.map((id) => map.getFeatureState({ source: 'kelurahan', id }).kategori).join(',');
    });
  const first = await read();
  await expect(page.getByTestId('analysis-seed')).toHaveValue('20250707');
  await page.getByTestId('analysis-seed').fill('12345');
  await page.getByTestId('analysis-seed').press('Enter');
  await expect(page.getByTestId('legend')).toContainText('seed 12345');
  await page.getByTestId('analysis-seed').fill('20250707');
  await page.getByTestId('analysis-seed').press('Enter');
  await expect(page.getByTestId('legend')).toContainText('seed 20250707');
  await waitForMap(page, 'jakarta-pusat|2025|penduduk_miskin|rasio|5|lisa');
  expect(await read()).toBe(first);

  // The link carries the analysis: opened fresh, it draws the very same clusters.
  await expect(page).toHaveURL(/analisis=lisa&permutasi=999&seed=20250707&alpha=0.05&koreksi=none&bobot=queen&toleransi=10/);
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await waitForMap(page, 'jakarta-pusat|2025|penduduk_miskin|rasio|5|lisa');
  await expect(page.getByTestId('analysis-method')).toHaveValue('lisa');
  expect(await read()).toBe(first);
  expect(problems).toEqual([]);
});

/**
 * A linked analysis whose region's boundaries arrive after the build's first view (values first is
 * the usual order on a busy machine: the values file is small): the run waits for the boundaries
 * and starts when they come. It once never started, and the map never announced anything.
 */
test('a linked analysis starts when the boundaries arrive after the first values', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL!);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/boundaries/kelurahan_*.fgb', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto('/?kota=jakarta-pusat&indikator=penduduk_miskin&analisis=lisa&permutasi=999&seed=20250707&alpha=0.05&koreksi=none&bobot=queen&toleransi=10');
  await page.waitForFunction(() => (window as unknown as { __pkk?: { app: { valuesFrom: string | null } } }).__pkk?.app.valuesFrom === 'prebuilt', null, { timeout: 60_000 });
  release();
  await waitForMap(page, 'jakarta-pusat|2025|penduduk_miskin|rasio|5|lisa');
  await expect(page.getByTestId('legend')).toContainText('seed 20250707');
  expect(problems).toEqual([]);
});

test('TKPK quadrants: poverty against RTLH, each against its city rate; Semanggi is Prioritas 1', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('analysis-method').selectOption('quadrant');
  await page.getByTestId('analysis-second').selectOption('rtlh');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|5|quadrant');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Prioritas 1: keduanya lebih buruk dari rata-rata');
  await expect(legend).toContainText('8,02%'); // Surakarta's city poverty rate in 2025, from SQL
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  const semanggi = await page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    return map.getFeatureState({ source: 'kelurahan', id: '33.72.03.1002' }).kategori;
  });
  expect(semanggi).toBe(0);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-quadrant.png` });
  expect(problems).toEqual([]);
});

test('Local Geary and the bivariate LISA come from the method registry: chosen, map coloured by category, legend in words, profile, link', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('analysis-method').selectOption('geary');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|geary');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Geary lokal (kemiripan dengan tetangga)');
  await expect(legend).toContainText('Tinggi-Tinggi (mirip tetangga)');
  await expect(legend).toContainText('Berbeda dari tetangga');
  await expect(legend).toContainText('p semu dari 999 permutasi bersyarat, seed 20250707');
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  // Every kelurahan carries a category of the method, painted in its legend colour.
  const categories = await page.evaluate(() => {
    const { map, app } = (window as unknown as { __pkk: Pkk & { app: { analysis: { categories: { rows: { index: number; color: string; count: number }[] } } } } }).__pkk;
    const rows = app.analysis.categories.rows;
    const out: Record<string, string> = {};
    for (const id of new Set(map.querySourceFeatures('kelurahan').map((f) => String(f.id)))) {
      const code = map.getFeatureState({ source: 'kelurahan', id }).kategori as number;
      out[id] = rows.find((r) => r.index === code)!.color;
    }
    return { out, significant: rows.filter((r) => r.color !== '#EEEEEE' && r.color !== '#999999').reduce((a, r) => a + r.count, 0) };
  });
  expect(Object.keys(categories.out)).toHaveLength(54);
  expect(categories.significant).toBeGreaterThan(0);
  const painted = await paintedColours(page);
  const blend = (hex: string) => [1, 3, 5].map((k, c) => Math.round(0.92 * parseInt(hex.slice(k, k + 2), 16) + 0.08 * [0xee, 0xf1, 0xf4][c]));
  for (const [kode, colour] of Object.entries(categories.out)) {
    const got = painted[kode].split(',').map(Number);
    blend(colour).forEach((channel, c) => expect(Math.abs(channel - got[c]), `${kode} ${colour} vs ${painted[kode]}`).toBeLessThanOrEqual(3));
  }
  await expect(page).toHaveURL(/analisis=geary&permutasi=999&seed=20250707/);
  const point = await kelurahanOnPage(page, '33.72.03.1002');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('panel-analysis')).toContainText('C lokal (Geary)');
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await expect(legend).toContainText('Berbeda dari tetangga');
    await page.screenshot({ path: `${SCREENSHOTS}/surakarta-rtlh-geary-${width}.png` });
  }

  // The bivariate LISA asks for its second indicator and draws GeoDa's four quadrants.
  await page.getByTestId('analysis-method').selectOption('lisa-bv');
  // The remembered second indicator (RTLH) is the one on the map: another is offered and used.
  await expect(page.getByTestId('analysis-second')).not.toHaveValue('rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|lisa-bv');
  await expect(page).toHaveURL(/analisis=lisa-bv&kedua=/);
  await expect(page).not.toHaveURL(/kedua=rtlh/);
  await page.getByTestId('analysis-second').selectOption('penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio|5|lisa-bv');
  await expect(legend).toContainText('LISA bivariat (dua indikator)');
  await expect(legend).toContainText('indikator kedua');
  expect(await legendTotal(page, 'legend-category')).toBe(54);
  await expect(page).toHaveURL(/analisis=lisa-bv&kedua=penduduk_miskin&permutasi=/);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-rtlh-lisa-bv.png` });
  expect(problems).toEqual([]);
});

test('composite poverty-pocket index: preset with weights shown, contributions in the profile, editable', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('indicator').selectOption('indeks_kantong_kemiskinan');
  await waitForMap(page, 'surakarta|2025|indeks_kantong_kemiskinan|jumlah|minmax');
  const editor = page.getByTestId('composite-editor');
  await expect(editor).toContainText('20%'); // five indicators, equal weights
  await expect(page.getByTestId('legend')).toContainText('Indeks kantong kemiskinan (komposit)');
  const ranking = await page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number> } } }).__pkk;
    return [...app.values.entries()].sort((a, b) => b[1] - a[1]).map(([kode]) => kode);
  });
  expect(ranking.slice(0, 5)).toContain('33.72.03.1002'); // Semanggi is among the strongest pockets

  await page.evaluate(() => (window as unknown as { __pkk: { app: { select(k: string): void } } }).__pkk.app.select('33.72.03.1002'));
  const parts = page.getByTestId('panel-composite');
  await expect(parts.locator('tbody tr')).toHaveCount(5);
  await expect(parts).toContainText('Rumah tidak layak huni (RTLH)');

  // Leave out extreme poverty: four indicators at 25 %, and the map recomputes.
  await page.getByTestId('composite-penduduk_miskin_ekstrem').uncheck();
  await expect(editor).toContainText('25%');
  await expect(parts.locator('tbody tr')).toHaveCount(4);
  await page.screenshot({ path: `${SCREENSHOTS}/surakarta-composite.png` });
  expect(problems).toEqual([]);
});
