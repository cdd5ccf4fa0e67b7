/**
 * The year of the data read from the file when no column holds it: an Excel workbook made here
 * whose sheet is "RTLH 2024" (and whose title row says so) is proposed as 2024 with the reason
 * beside "Tahun data", committed, and its values are stored under 2024, not the app's 2025.
 * Places naming different years leave the app's year and a warning naming them. Screenshots
 * (tests/results/import-year/, at 1366x768 and 1024x768) are for people to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { writeXlsx, type XlsxCell } from '../../src/data/xlsx-writer';
import { waitForMap, watchPage } from './helpers';

const SHOTS = 'tests/results/import-year';
mkdirSync(SHOTS, { recursive: true });
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const APP_YEAR = 2025;
// The eight kelurahan of Pasar Kliwon, each with its own value.
const ROWS: XlsxCell[][] = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008'].map((k, i) => [`33.72.03.${k}`, 40 + 3 * i]);

/** A dinas workbook: a title row, a blank row, the header; no year column. */
function workbook(sheet: string, title: string): Buffer {
  return Buffer.from(writeXlsx([{ name: sheet, rows: [[title], [], ['kode_kelurahan', 'jumlah_rtlh'], ...ROWS] }]));
}

async function openWorkbook(page: Page, query: string, name: string, bytes: Buffer): Promise<void> {
  await page.setViewportSize(SIZES[0]);
  await page.goto(`/?kota=surakarta${query}`);
  await waitForMap(page, `surakarta|${APP_YEAR}|penduduk_miskin|rasio`);
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
}

async function shoot(page: Page, name: string, target: ReturnType<Page['getByTestId']>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

/** What the app holds: the current indicator's years (from DuckDB) and its values per kelurahan. */
function held(page: Page): Promise<{ years: number[]; values: Record<string, number | null> }> {
  return page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { years: number[]; values: Map<string, number | null> } } }).__pkk;
    return { years: [...app.years], values: Object.fromEntries(app.values) };
  });
}

test('a workbook whose sheet is "RTLH 2024" is proposed as 2024, with the reason, and stored under 2024', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openWorkbook(page, '', 'rtlh_pasar_kliwon.xlsx', workbook('RTLH 2024', 'Data Rumah Tidak Layak Huni Kota Surakarta Tahun 2024'));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-key-kode')).toHaveValue('kode_kelurahan', { timeout: 60_000 });
  const year = dialog.getByTestId('import-year');
  await expect(year).toHaveValue('2024');
  const source = dialog.getByTestId('import-year-source');
  await expect(source).toHaveText('Tahun 2024 dibaca dari nama lembar “RTLH 2024”');
  await expect(dialog.getByTestId('import-year-conflict')).toHaveCount(0);
  await shoot(page, 'a1-year-from-sheet', year);

  // The user may change it: the reason goes with the year it explains, and comes back with it.
  await year.fill('2023');
  await expect(source).toHaveCount(0);
  await year.fill('2024');
  await expect(source).toBeVisible();

  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report.getByTestId('join-count-code')).toHaveText('8');
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await waitForMap(page, 'surakarta|2024|d');
  const stored = await held(page);
  expect(stored.years).toEqual([2024]);
  expect(stored.values['33.72.03.1001']).toBe(40);
  expect(stored.values['33.72.03.1008']).toBe(61);
  await expect(page.getByTestId('year-2024')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId(`year-${APP_YEAR}`)).toHaveCount(0);

  // Kept as stored: after a reload the dataset still has 2024 and only 2024.
  const indicator = (await page.locator('.map').getAttribute('data-rendered'))!.split('|')[2];
  await page.reload();
  await waitForMap(page, `surakarta|2024|${indicator}`);
  // The first view after a reload may come from the stored view; the years come from DuckDB.
  await page.waitForFunction(() => (window as unknown as { __pkk: { app: { valuesFrom: string | null } } }).__pkk.app.valuesFrom === 'database', null, { timeout: 90_000 });
  expect((await held(page)).years).toEqual([2024]);
  expect(problems).toEqual([]);
});

test('a sheet "2023" under a title "Tahun 2024": no guess, the app year stays and a warning names both (English)', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openWorkbook(page, '&lang=en', 'rtlh.xlsx', workbook('2023', 'Data Rumah Tidak Layak Huni Kota Surakarta Tahun 2024'));
  const dialog = page.getByTestId('import-dialog');
  const year = dialog.getByTestId('import-year');
  await expect(year).toHaveValue(String(APP_YEAR), { timeout: 60_000 });
  await expect(dialog.getByTestId('import-year-source')).toHaveCount(0);
  const warning = dialog.getByTestId('import-year-conflict');
  await expect(warning).toHaveText(
    'The file names more than one year: the sheet name “2023”; the title above the table “Data Rumah Tidak Layak Huni Kota Surakarta Tahun 2024”. The year of the data was not taken from it; make sure it is right.',
  );
  await shoot(page, 'b1-years-disagree', year);
  await dialog.getByTestId('import-key-kode').press('Escape');
  await expect(dialog).toBeHidden();
  expect(problems).toEqual([]);
});

test('the English reason for a year read from the file name', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await openWorkbook(page, '&lang=en', 'rtlh_surakarta_2024.xlsx', workbook('Sheet1', 'Data Rumah Tidak Layak Huni Kota Surakarta'));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-year')).toHaveValue('2024', { timeout: 60_000 });
  await expect(dialog.getByTestId('import-year-source')).toHaveText('Year 2024 read from the file name “rtlh_surakarta_2024.xlsx”');
  await dialog.getByTestId('import-key-kode').press('Escape');
  await expect(dialog).toBeHidden();
  expect(problems).toEqual([]);
});
