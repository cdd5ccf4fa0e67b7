/**
 * Issue 13's import path in the browser, with files shaped like the real ones: an open-data
 * table with both BPS and Kemendagri columns, a table wide by year, a percentage column and a
 * kelurahan written under the wrong kecamatan. Asserts on text and app state; the screenshots
 * (tests/results/import-real/, at 1366x768 and 1024x768) are for people to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { waitForMap, watchPage } from './helpers';

const TABLES = 'tests/fixtures/import/tables';
const SHOTS = 'tests/results/import-real';
mkdirSync(SHOTS, { recursive: true });
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

/** The page as a city official's laptop shows it, at both sizes, with `target` scrolled into view. */
async function shoot(page: Page, name: string, target?: ReturnType<Page['getByTestId']>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    if (target) await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

/** What the app holds per kelurahan for the indicator on the map. */
function values(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number | null> } } }).__pkk;
    return Object.fromEntries(app.values);
  });
}

async function openSurakarta(page: Page): Promise<void> {
  await page.setViewportSize(SIZES[0]);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
}

test('a table with BPS and Kemendagri columns: the Kemendagri code and kelurahan name are chosen, with their evidence, and a kecamatan column as the name is warned about', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await openSurakarta(page);
  await page.getByTestId('import-input').setInputFiles(`${TABLES}/surakarta-opendata-style.csv`);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-key-kode')).toHaveValue('kemendagri_kode_desa_kelurahan', { timeout: 60_000 });
  await expect(dialog.getByTestId('import-key-nama')).toHaveValue('kemendagri_nama_desa_kelurahan');
  await expect(dialog.getByTestId('import-key-kecamatan')).toHaveValue(/^kemendagri_/);
  await expect(dialog.getByTestId('import-key-tahun')).toHaveValue('tahun');
  await expect(dialog.getByTestId('import-key-evidence-kode')).toHaveText('54 dari 54 nilai berbeda adalah kode Kemendagri wilayah ini; mencakup 54 dari 54 kelurahan');
  await expect(dialog.getByTestId('import-key-evidence-nama')).toContainText('54 dari 54 nilai berbeda adalah nama kelurahan wilayah ini');
  await expect(dialog.locator('[data-testid^="import-key-warning-"]')).toHaveCount(0);
  await shoot(page, 'a1-keys-chosen', dialog.getByTestId('import-key-kode'));

  // The trap of issue 13: the BPS kecamatan name taken as the kelurahan name. Warned, and undone in one click.
  await dialog.getByTestId('import-key-nama').selectOption('bps_nama_kecamatan');
  const warning = dialog.getByTestId('import-key-warning-nama');
  await expect(warning).toContainText('bps_nama_kecamatan');
  await expect(dialog.getByTestId('import-key-evidence-nama')).toContainText('sebagian besar nama kecamatan');
  await shoot(page, 'a2-kecamatan-as-name-warning', warning);
  await dialog.getByTestId('import-key-use-nama').click();
  await expect(dialog.getByTestId('import-key-nama')).not.toHaveValue('bps_nama_kecamatan');
  await expect(warning).toHaveCount(0);

  // BPS codes where Kemendagri ones exist: warned, with the Kemendagri column offered.
  await dialog.getByTestId('import-key-kode').selectOption('bps_kode_desa_kelurahan');
  await expect(dialog.getByTestId('import-key-evidence-kode')).toContainText('54 dari 54 nilai berbeda adalah kode BPS');
  await expect(dialog.getByTestId('import-key-use-kode')).toContainText('kemendagri_kode_desa_kelurahan');
  await shoot(page, 'a3-bps-code-warning', dialog.getByTestId('import-key-warning-kode'));
  await dialog.getByTestId('import-key-use-kode').click();
  await expect(dialog.getByTestId('import-key-kode')).toHaveValue('kemendagri_kode_desa_kelurahan');

  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report.getByTestId('join-count-code')).toHaveText('54');
  await expect(report.getByTestId('join-count-missing')).toHaveText('0');
  await expect(report.getByTestId('join-count-duplicates')).toHaveText('0');
  await shoot(page, 'a4-join-report', report.getByTestId('join-counts'));
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await waitForMap(page, 'surakarta|2023|d');
  await shoot(page, 'a5-map');
  // Rows are sorted by Kemendagri code; value = 100 + 7 * row: each value on its own kelurahan.
  const v = await values(page);
  expect(v['33.72.01.1001']).toBe(100);
  expect(v['33.72.01.1002']).toBe(107);
  expect(v['33.72.05.1015']).not.toBeNull();
  expect(Object.values(v).filter((x) => x !== null)).toHaveLength(54);
  expect(problems).toEqual([]);
});

test('columns t_2016 … t_2019 become one indicator over four years, and the year picker offers them', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openSurakarta(page);
  await page.getByTestId('import-input').setInputFiles(`${TABLES}/surakarta-wide-t-years.csv`);
  const dialog = page.getByTestId('import-dialog');
  const group = dialog.getByTestId('import-year-group');
  await expect(group).toBeChecked({ timeout: 60_000 });
  await expect(dialog.getByTestId('import-year-groups')).toContainText('Kolom 2016–2019 adalah satu indikator per tahun');
  await expect(dialog.getByTestId('import-year-groups')).toContainText('t_2016, t_2017, t_2018, t_2019');
  await expect(dialog.getByTestId('import-columns')).toContainText('(tahun 2019)');
  // One kecamatan of five: said once (by the code column), not again for the name column.
  await expect(dialog.getByTestId('import-key-warning-kode')).toContainText('hanya mencakup 11 dari 54 kelurahan');
  await expect(dialog.locator('[data-testid^="import-key-warning-"]')).toHaveCount(1);
  await shoot(page, 'b1-year-group', dialog.getByTestId('import-year-groups'));
  await expect(dialog.getByTestId('import-unit-kind-3')).toHaveValue('count');
  await shoot(page, 'b2-indicator-kinds', dialog.getByTestId('import-unit-kind-3'));

  await dialog.getByTestId('import-next').click();
  await expect(dialog.getByTestId('import-year-read')).toContainText('4 kolom tahun (2016–2019) dibaca sebagai satu indikator');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await waitForMap(page, 'surakarta|2019|d');
  for (const year of [2016, 2017, 2018, 2019]) await expect(page.getByTestId(`year-${year}`)).toBeVisible();
  // value = 100 + 10 * row + (row + 1) * (year - 2016)^2; Pajang is row 0, Laweyan row 1.
  expect((await values(page))['33.72.01.1002']).toBe(128);
  await page.getByTestId('year-2016').click();
  await waitForMap(page, 'surakarta|2016|d');
  const v2016 = await values(page);
  expect(v2016['33.72.01.1001']).toBe(100);
  expect(v2016['33.72.01.1002']).toBe(110);
  await shoot(page, 'b3-map-years');
  expect(problems).toEqual([]);
});

test('"Balita stunting (%)" is a rate: the legend gives the mean of kelurahan values, labelled so, never a sum', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openSurakarta(page);
  await page.getByTestId('import-input').setInputFiles(`${TABLES}/surakarta-stunting.csv`);
  const dialog = page.getByTestId('import-dialog');
  const columns = dialog.getByTestId('import-columns');
  await expect(columns).toContainText('Balita stunting (%)', { timeout: 60_000 });
  const percentColumn = 6;
  await expect(dialog.getByTestId(`import-unit-kind-${percentColumn}`)).toHaveValue('rate');
  // Its parts are proposed from the file's own counts, which reproduce it row by row.
  await expect(dialog.getByTestId(`import-numerator-${percentColumn}`)).toHaveValue('Balita stunting');
  await expect(dialog.getByTestId(`import-denominator-${percentColumn}`)).toHaveValue('Jumlah balita');
  // Only the percentage is imported, without its parts: the case that once read "971%".
  for (const c of [3, 4, 5]) {
    const box = dialog.getByTestId(`import-indicator-${c}`);
    if (await box.isChecked()) await box.uncheck();
  }
  await dialog.getByTestId(`import-numerator-${percentColumn}`).selectOption({ index: 0 });
  await dialog.getByTestId(`import-denominator-${percentColumn}`).selectOption({ index: 0 });
  await expect(columns).toContainText('rata-rata nilai kelurahan');
  await shoot(page, 'c1-rate-kind', dialog.getByTestId(`import-unit-kind-${percentColumn}`));
  await dialog.getByTestId('import-year').fill('2024');
  await dialog.getByTestId('import-next').click();
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await waitForMap(page, 'surakarta|2024|d');

  const city = page.getByTestId('legend').locator('.city');
  await expect(city).toContainText('Rata-rata nilai kelurahan (bukan angka kota)');
  const text = await city.innerText();
  // The seven Serengan percentages (make-units-years.py) average 11.21; their sum would be 78.5.
  const shown = Number(/([0-9]+(?:,[0-9]+)?)\s*%/.exec(text)?.[1].replace(',', '.'));
  expect(shown).toBeGreaterThan(11.1);
  expect(shown).toBeLessThan(11.3);
  expect(text).not.toContain('Seluruh Kota Surakarta');
  // Shown as it is, the percentage is a value, not a "Jumlah" (sum).
  await expect(page.getByTestId('measure-jumlah')).toHaveText('Nilai');
  await shoot(page, 'c2-map-rate-legend', page.getByTestId('legend'));
  expect(problems).toEqual([]);
});

test('"Kauman" written under kecamatan Jebres is a conflict in the join report, not joined to Kauman of Pasar Kliwon', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openSurakarta(page);
  const csv = ['kelurahan;kecamatan;jumlah_rtlh', 'Kauman;Jebres;5', 'Pajang;Laweyan;3', 'Jebres;Jebres;4', 'Kauman;Pasar Kliwon;7', 'Bulu;Tawangmangu;9', ''].join('\n');
  await page.getByTestId('import-input').setInputFiles({ name: 'rtlh-kauman.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-key-nama')).toHaveValue('kelurahan', { timeout: 60_000 });
  await expect(dialog.getByTestId('import-key-kecamatan')).toHaveValue('kecamatan');
  await dialog.getByTestId('import-year').fill('2024');
  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report.getByTestId('join-count-name')).toHaveText('3');
  await expect(report.getByTestId('join-count-duplicates')).toHaveText('0');
  await expect(report.getByTestId('join-count-fuzzy')).toHaveText('0');
  const unmatched = report.getByTestId('join-unmatched');
  const kauman = unmatched.locator('tr', { hasText: 'Kauman · Jebres' });
  await expect(kauman).toContainText('Nama "Kauman" ada di Kecamatan Pasar Kliwon');
  await expect(kauman).toContainText('bukan di Kecamatan Jebres yang ditulis');
  await expect(unmatched.locator('tr', { hasText: 'Bulu · Tawangmangu' })).toContainText('Kecamatan "Tawangmangu" bukan kecamatan di wilayah ini');
  await shoot(page, 'd1-join-conflict', unmatched);
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await waitForMap(page, 'surakarta|2024|d');
  // Kauman of Pasar Kliwon keeps its own row's 7: the Jebres row was not added to it.
  const v = await values(page);
  expect(v['33.72.03.1009']).toBe(7);
  await shoot(page, 'd2-map-after-conflict');
  expect(problems).toEqual([]);
});
