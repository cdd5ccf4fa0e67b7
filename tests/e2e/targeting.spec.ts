import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, kelurahanOnPage, waitForMap, watchPage } from './helpers';

type Pkk = { map: import('maplibre-gl').Map };

test('RTLH targets in Surakarta: a budget selects Semanggi first, the map outlines the choice, clicks edit it, and the export carries reasons and parameters', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-sasaran').click();
  const panel = page.getByTestId('targeting');
  // The denominator of "RTLH per 100 rumah tangga" is chosen among household counts only (issue 15).
  const households = page.getByLabel('Jumlah rumah tangga dari');
  await expect(households).toHaveValue('rumah_tangga');
  const householdOptions = await households.locator('option').allTextContents();
  expect(householdOptions[0]).toBe('Jumlah rumah tangga');
  expect(householdOptions.every((o) => /^Rumah tangga|^Jumlah rumah tangga/.test(o))).toBe(true);
  await page.getByTestId('budget-units').fill('400');
  const list = page.getByTestId('targeting-list');
  await expect(list.locator('> li').first()).toHaveAttribute('data-kode', '33.72.03.1002');
  await expect(list.locator('> li').first()).toContainText('Semanggi');
  await expect(list.locator('> li').first()).toContainText('per 100 rumah tangga, peringkat 1 dari 54 kelurahan');
  await expect(page.getByTestId('total-units')).toHaveText('400');
  const chosen = await list.locator('> li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kode')!));

  // The map outlines exactly the chosen kelurahan.
  const outlined = await page.evaluate(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    const features = map.querySourceFeatures('kelurahan');
    return [...new Set(features.filter((f) => map.getFeatureState({ source: 'kelurahan', id: f.id! }).sasaran).map((f) => String(f.id)))].sort();
  });
  expect(outlined).toEqual([...chosen].sort());
  await page.screenshot({ path: `${SCREENSHOTS}/targeting-rtlh.png` });

  // Clicking Semanggi on the map while editing takes it out; the budget moves down the ranking.
  await page.getByTestId('targeting-edit').check();
  const point = await page.evaluate(async () => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    const labels = (await (map.getSource('kelurahan-labels') as import('maplibre-gl').GeoJSONSource).getData()) as GeoJSON.FeatureCollection<GeoJSON.Point, { kode: string }>;
    const semanggi = labels.features.find((f) => f.properties.kode === '33.72.03.1002')!;
    const p = map.project(semanggi.geometry.coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(point.x, point.y);
  await expect(list.locator('> li[data-kode="33.72.03.1002"]')).toHaveCount(0);
  await expect(page.getByTestId('total-units')).toHaveText('400');
  await page.mouse.click(point.x, point.y);
  await expect(list.locator('> li').first()).toHaveAttribute('data-kode', '33.72.03.1002');
  await expect(list.locator('> li').first()).toContainText('ditambahkan sendiri');
  // Its return keeps the kelurahan that filled its place, so the budget is short (issue 15, item 6);
  // back to the ranking, the list is the budget's again.
  await expect(page.getByTestId('targeting-shortfall')).toContainText('Anggaran kurang');
  await page.getByRole('button', { name: 'Kembalikan ke urutan peringkat' }).click();
  await expect(page.getByTestId('targeting-shortfall')).toHaveCount(0);
  await expect(page.getByTestId('total-units')).toHaveText('400');

  // Money budget: 2 miliar at 20 juta per house = 100 units.
  await page.getByTestId('budget-money').check();
  // Typed as an Indonesian office writes it: the dots are thousands separators.
  await expect(page.getByTestId('budget-amount')).toHaveValue('10.000.000.000');
  await page.getByTestId('budget-amount').fill('2.000.000.000');
  await page.getByTestId('budget-cost').fill('20.000.000');
  await expect(page.getByTestId('total-units')).toHaveText('100');
  // What cannot be read as rupiah is said, and the last readable amount stays in use.
  await page.getByTestId('budget-amount').fill('2,5 kilo');
  await expect(page.getByTestId('budget-amount-invalid')).toContainText('Rp2.000.000.000');
  await expect(page.getByTestId('total-units')).toHaveText('100');
  // In words, as a budget sheet writes it, with what was understood shown while typing.
  await page.getByTestId('budget-amount').fill('2 miliar');
  await expect(page.getByTestId('budget-amount-invalid')).toHaveCount(0);
  await expect(page.getByTestId('budget-amount-understood')).toHaveText('= Rp2.000.000.000');
  await expect(page.getByTestId('total-units')).toHaveText('100');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('targeting-csv').click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0].split(';').slice(0, 4)).toEqual(['No', 'Peringkat', 'Kode kelurahan', 'Kelurahan']);
  expect(lines[1]).toContain(';33.72.03.1002;Semanggi;Pasar Kliwon;');
  expect(lines[1]).toContain('peringkat 1 dari 54 kelurahan');
  expect(csv).toContain('Biaya per unit');
  expect(csv).toContain('Data contoh (sintetis)');
  expect(csv).toContain(`Tanggal dibuat;${new Date().toISOString().slice(0, 10)}`);
  const units = lines
    .slice(1)
    .filter((l) => /^\d+;/.test(l))
    .map((l) => Number(l.split(';')[9]));
  expect(units.reduce((a, b) => a + b, 0)).toBe(100);
  // A total row under the list, as in the Excel file: kelurahan counted, units and cost added up.
  const total = lines[units.length + 1].split(';');
  expect(total[3]).toBe(`Jumlah (${units.length} kelurahan)`);
  expect(Number(total[9])).toBe(100);
  expect(Number(total[10])).toBe(2_000_000_000);
  // Rates to two decimals at most (no 16-decimal numbers).
  for (const line of lines.slice(1, units.length + 1)) for (const cell of line.split(';').slice(7, 9)) expect(cell).toMatch(/^\d*(,\d{1,2})?$/);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('targeting-xlsx').click();
  const { readXlsx } = await import('../../src/data/importers/xlsx');
  const bytes = readFileSync(await (await xlsxDownload).path());
  const table = await readXlsx(new Blob([bytes]), 'sasaran.xlsx', {});
  expect(table.sheets).toEqual(['Sasaran RTLH', 'Parameter dan sumber']);
  expect(table.preview[0].slice(2, 4)).toEqual(['33.72.03.1002', 'Semanggi']);
  expect(panel).toBeTruthy();
  expect(problems).toEqual([]);
});

test('the table view lists every kelurahan, sorts by value, and a row opens the profile with its trend', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('view-toggle').click();
  const table = page.getByTestId('table-view');
  await expect(table.locator('tbody tr')).toHaveCount(54);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-kode', '33.72.03.1002');
  await table.getByTestId('table-sort-value').click();
  await expect(table.locator('tbody tr').first()).not.toHaveAttribute('data-kode', '33.72.03.1002');
  await expect(table.locator('thead th[aria-sort="ascending"]')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/table-view.png` });
  // The CSV ends its rows with a total, as the RTLH Excel file does (issue 15): RTLH units and
  // households added up, and the rate of the city the rate of those sums (per 100 households), never a sum of rates.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export').click()]);
  const csvRows = readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .map((l) => l.split(';'));
  const kelurahanRows = csvRows.filter((r) => /^33\.72\./.test(r[0]));
  expect(kelurahanRows).toHaveLength(54);
  const total = csvRows.find((r) => r[1] === 'Jumlah (54 kelurahan)')!;
  expect(total.slice(0, 3)).toEqual(['', 'Jumlah (54 kelurahan)', '']);
  for (const column of [4, 5]) expect(Number(total[column])).toBe(kelurahanRows.reduce((sum, r) => sum + Number(r[column]), 0));
  expect(Number(total[4])).toBeGreaterThan(0);
  expect(Number(total[3].replace(',', '.'))).toBe(Math.round((Number(total[4]) / Number(total[5])) * 100 * 100) / 100);
  await table.getByRole('button', { name: 'Semanggi' }).click();
  const trend = page.getByTestId('trend');
  await expect(trend).toBeVisible();
  await expect(trend.locator('table tbody tr')).toHaveCount(5);
  // Its numbers (14,3 …) say what they count: the heading carries the unit.
  await expect(trend.locator('figcaption')).toHaveText('Rumah tidak layak huni (RTLH) dari tahun ke tahun (per 100 rumah tangga)');
  await page.getByTestId('view-toggle').click();
  await expect(table).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOTS}/profile-trend.png` });
  expect(problems).toEqual([]);
});

test('a change map between two years is symmetric around no change and says so', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('compare-year').selectOption('2021');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|banding-2021');
  await expect(page.getByTestId('legend')).toContainText('Perubahan Penduduk miskin, 2021–2025');
  await expect(page).toHaveURL(/banding=2021/);
  const { values, breaks } = await page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number | null>; classification: { breaks: number[] } } } }).__pkk;
    return { values: [...app.values.values()], breaks: app.classification.breaks };
  });
  expect(values.every((v) => v === null || Number.isFinite(v))).toBe(true);
  expect(breaks[0]).toBeCloseTo(-breaks[breaks.length - 1], 10);
  await page.screenshot({ path: `${SCREENSHOTS}/change-map.png` });
  expect(problems).toEqual([]);
});

test('a change map of a rate in % speaks of percentage points and offers no scheme it would ignore', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?kota=surakarta&tahun=2025&indikator=penduduk_miskin&skema=fisher');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await expect(page.getByTestId('scheme')).toBeVisible();
  await page.getByTestId('compare-year').selectOption('2021');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio|banding-2021');
  const legend = page.getByTestId('legend');
  // Issue 15, item 4: "-1,78%" was shown for a change of -1,78 percentage points.
  await expect(legend.locator('.unit')).toContainText('poin persen');
  await expect(legend.locator('.unit')).not.toContainText('%');
  await expect(legend.locator('.city')).toHaveText(/^Seluruh Kota Surakarta: [+-]\d+,\d+ poin persen \([+-][\d.]+ jiwa\)$/);
  const ranges = await page.getByTestId('legend-class').allTextContents();
  expect(ranges.length).toBeGreaterThan(2);
  for (const range of ranges) expect(range).not.toContain('%');
  expect(ranges.join(' ')).toMatch(/\+\d/);
  // The scheme picker is not offered: a note says change maps use symmetric classes.
  await expect(page.getByTestId('scheme')).toHaveCount(0);
  await expect(page.getByTestId('change-scheme-note')).toContainText('simetris');
  await expect(page.getByTestId('classes')).toBeEnabled();
  const point = await kelurahanOnPage(page, '33.72.03.1002');
  await page.mouse.move(point.x, point.y);
  const tooltip = page.getByTestId('tooltip');
  await expect(tooltip).toContainText(/Penduduk miskin, perubahan 2021–2025: ([+-]\d+(,\d+)?|0) poin persen/);
  await expect(tooltip).not.toContainText('%');
  await page.screenshot({ path: `${SCREENSHOTS}/change-map-points-1366.png` });
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('panel-change')).toContainText('poin persen');
  await page.screenshot({ path: `${SCREENSHOTS}/change-map-profile-1366.png` });
  await page.getByTestId('view-toggle').click();
  await expect(page.getByTestId('table-view').locator('.unit')).toHaveText('poin persen');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export').click()]);
  expect(download.suggestedFilename()).toBe('surakarta-penduduk_miskin-2021-2025.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Perubahan Penduduk miskin, 2021–2025 (poin persen)');
  expect(csv).toMatch(/2021–2025/);
  await page.getByTestId('view-toggle').click();
  // Back to the value map: the scheme picker returns, with the scheme chosen before.
  await page.getByTestId('compare-year').selectOption('');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await expect(page.getByTestId('scheme')).toHaveValue('fisher');
  expect(problems).toEqual([]);
});

test('the table by kecamatan adds counts and recomputes rates from summed counts, with the city total and the trends of the city and a kecamatan', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('view-toggle').click();
  await page.getByTestId('table-level-kecamatan').click();
  const rollup = page.getByTestId('table-rollup');
  await expect(rollup.locator('tbody tr')).toHaveCount(6); // five kecamatan and the city
  // The city row equals the legend's city value (same sums).
  const city = rollup.locator('tbody tr').last();
  await expect(city).toContainText('Kota Surakarta');
  await expect(city).toContainText('6.639');
  await expect(city).toContainText('4,17');
  // The trend of the whole city, then of one kecamatan (with the city's line beside it).
  const trend = page.getByTestId('table-view').getByTestId('trend');
  await expect(trend).toContainText('Kota Surakarta');
  await expect(trend.locator('table tbody tr')).toHaveCount(5);
  await expect(trend.locator('table tbody tr').last()).toContainText('4,17');
  await page.getByTestId('table-trend-of').selectOption('Pasar Kliwon');
  await expect(trend).toContainText('Kecamatan Pasar Kliwon');
  await expect(trend.locator('table thead th')).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/table-kecamatan.png` });
  expect(problems).toEqual([]);
});

// Issue 15, item 6: with the budget spent on Semanggi, clicking Pasarkliwon in used to drop Semanggi silently.
test('clicking a kelurahan into a spent RTLH budget keeps the list, states the shortfall in units and rupiah, and the export marks it', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-sasaran').click();
  const list = page.getByTestId('targeting-list');
  await expect(list.locator('> li').first()).toHaveAttribute('data-kode', SEMANGGI);
  const remaining = await page.evaluate(
    ([a, b]) => {
      const { app } = (window as unknown as { __pkk: { app: { targeting: { ranked: { kode: string; remaining: number }[] } } } }).__pkk;
      const of = (kode: string) => app.targeting.ranked.find((r) => r.kode === kode)!.remaining;
      return { semanggi: of(a), pasarkliwon: of(b) };
    },
    [SEMANGGI, PASARKLIWON],
  );
  expect(remaining.pasarkliwon).toBeGreaterThan(0);
  const id = (v: number) => new Intl.NumberFormat('id-ID').format(v);

  // A money budget that buys exactly Semanggi's remaining units: the budget is spent on one kelurahan.
  await page.getByTestId('budget-money').check();
  await page.getByTestId('budget-cost').fill('20.000.000');
  await page.getByTestId('budget-amount').fill(id(remaining.semanggi * 20_000_000));
  await expect(list.locator('> li')).toHaveCount(1);
  await expect(page.getByTestId('total-kelurahan')).toHaveText('1');
  await expect(page.getByTestId('targeting-shortfall')).toHaveCount(0);

  await page.getByTestId('targeting-edit').check();
  const pasarkliwon = await kelurahanPoint(page, PASARKLIWON);
  await page.mouse.click(pasarkliwon.x, pasarkliwon.y);
  // Both stay, the count says so, and the panel names the shortfall: Pasarkliwon's units at 20 juta each.
  await expect(list.locator('> li')).toHaveCount(2);
  await expect(list.locator(`> li[data-kode="${SEMANGGI}"]`)).toContainText('sudah dalam daftar saat pengguna menambahkan kelurahan lain');
  await expect(list.locator(`> li[data-kode="${PASARKLIWON}"]`)).toContainText('ditambahkan sendiri');
  await expect(page.getByTestId('total-kelurahan')).toHaveText('2');
  await expect(page.getByTestId('total-units')).toHaveText(id(remaining.semanggi + remaining.pasarkliwon));
  await expect(page.getByTestId('targeting-shortfall')).toContainText(
    `Anggaran kurang ${id(remaining.pasarkliwon)} unit (Rp${id(remaining.pasarkliwon * 20_000_000)}) untuk kelurahan yang dipilih sendiri`,
  );
  await page.getByTestId('targeting').scrollIntoViewIfNeeded();
  await page.getByTestId('targeting-shortfall').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/targeting-shortfall-1366.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('targeting-shortfall').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/targeting-shortfall-1024.png` });

  // The file says which rows the user chose and by how much the budget falls short.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('targeting-csv').click();
  const lines = readFileSync(await (await csvDownload).path(), 'utf8')
    .slice(1)
    .split('\r\n');
  expect(lines[0].split(';')[11]).toBe('Dipilih sendiri');
  expect(lines.find((l) => l.includes(`;${SEMANGGI};`))!.split(';')[11]).toBe('ya, dipertahankan saat menambah');
  expect(lines.find((l) => l.includes(`;${PASARKLIWON};`))!.split(';')[11]).toBe('ya, ditambahkan di peta');
  expect(lines).toContain(`Kekurangan anggaran untuk kelurahan yang dipilih sendiri (unit);${remaining.pasarkliwon}`);
  expect(lines).toContain(`Kekurangan anggaran untuk kelurahan yang dipilih sendiri (Rp);${remaining.pasarkliwon * 20_000_000}`);

  // Clicking Pasarkliwon again takes only Pasarkliwon out; Semanggi stays and the budget fits again.
  await page.setViewportSize({ width: 1366, height: 768 });
  const again = await kelurahanPoint(page, PASARKLIWON);
  await page.mouse.click(again.x, again.y);
  await expect(list.locator('> li')).toHaveCount(1);
  await expect(list.locator('> li').first()).toHaveAttribute('data-kode', SEMANGGI);
  await expect(page.getByTestId('targeting-shortfall')).toHaveCount(0);
  expect(problems).toEqual([]);
});

const SEMANGGI = '33.72.03.1002';
const PASARKLIWON = '33.72.03.1003';

/**
 * Where a kelurahan's label point is on the page, checked to be on the map canvas (not under a panel).
 * After a viewport change the map resizes (and may refit) a few frames later, so the point is read
 * once the camera has stopped and the canvas matches its container: a point read earlier lands on a neighbour.
 */
async function kelurahanPoint(page: import('@playwright/test').Page, kode: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    const canvas = map.getCanvas();
    const container = map.getContainer();
    return !map.isMoving() && Math.abs(canvas.clientWidth - container.clientWidth) < 1 && Math.abs(canvas.clientHeight - container.clientHeight) < 1;
  });
  const point = await page.evaluate(async (wanted) => {
    const { map } = (window as unknown as { __pkk: Pkk }).__pkk;
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    if (map.isMoving()) await new Promise<void>((done) => map.once('moveend', () => done()));
    const labels = (await (map.getSource('kelurahan-labels') as import('maplibre-gl').GeoJSONSource).getData()) as GeoJSON.FeatureCollection<GeoJSON.Point, { kode: string }>;
    const feature = labels.features.find((f) => f.properties.kode === wanted)!;
    const p = map.project(feature.geometry.coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    const x = box.left + p.x;
    const y = box.top + p.y;
    return { x, y, onCanvas: document.elementFromPoint(x, y) === map.getCanvas() };
  }, kode);
  expect(point.onCanvas, `${kode} is under another element`).toBe(true);
  return point;
}
