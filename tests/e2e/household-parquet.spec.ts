/**
 * Household registers in Parquet in the browser (issue 17, item 1): the import worker decodes the
 * file with hyparquet into Arrow batches and DuckDB's worker inserts them (household-parquet.ts),
 * so every row is in DuckDB's raw table before the join, as with a CSV register. The same demo
 * register imported as CSV and as Parquet gives the same aggregate table per kelurahan in the app.
 * A cut-off Parquet file is refused in Bahasa Indonesia and English and leaves nothing in DuckDB.
 * Screenshots of the refusal at 1024x768, 1366x768 and 1920x1080 (tests/results/household-parquet/).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openNativeDatabase } from '../../src/cli/native-db';
import { waitForMap, watchPage } from './helpers';

const SHOTS = 'tests/results/household-parquet';
mkdirSync(SHOTS, { recursive: true });
const DEMO = 'data/demo/rumah_tangga_surakarta.csv';
const PARQUET = `${SHOTS}/rumah_tangga_surakarta.parquet`;

/**
 * The demo register as Parquet, written by native DuckDB with the types it detects (desil and NIK
 * as BIGINT, the rest text) in row groups of 10,000 rows, so the browser reads it in several batches.
 */
test.beforeAll(async () => {
  const db = await openNativeDatabase();
  try {
    const sql = (path: string) => `'${resolve(path).replaceAll("'", "''")}'`;
    await db.exec(`COPY (SELECT * FROM read_csv(${sql(DEMO)})) TO ${sql(PARQUET)} (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
  } finally {
    db.close();
  }
});
test.afterAll(() => rmSync(PARQUET, { force: true }));

type Db = { query(sql: string): Promise<{ toArray(): Record<string, unknown>[] }> };

/** Rows of the import's raw tables in DuckDB (table name -> rows). */
function rawTables(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
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

/** Every aggregate table of the workspace's household datasets, each as text rows ordered by kode. */
function aggregates(page: Page): Promise<string[][]> {
  return page.evaluate(async () => {
    const { app } = (window as unknown as { __pkk: { app: { workspace: { database(): Promise<Db> } } } }).__pkk;
    const db = await app.workspace.database();
    const tables = (await db.query("SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'agregat_%' ORDER BY t")).toArray().map((r) => String(r.t));
    const out: string[][] = [];
    for (const table of tables) {
      const rows = (await db.query(`SELECT * FROM ${table} ORDER BY kode`)).toArray();
      out.push(rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))));
    }
    return out;
  });
}

/** Imports `file` through the data tab as household records and waits for the map to show it. */
async function importHouseholds(page: Page, file: string): Promise<void> {
  await page.getByTestId('tab-data').click();
  await page.getByTestId('import-input').setInputFiles(file);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('47.442 baris data', { timeout: 90_000 });
  await expect(dialog.getByTestId('import-kind-households')).toBeChecked();
  // Every row is in DuckDB before the join.
  expect(Object.values(await rawTables(page))).toEqual([47442]);
  await dialog.getByTestId('import-next').click();
  await expect(dialog.getByTestId('join-report').getByTestId('join-count-code')).toHaveText('54');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 90_000 });
  expect(await rawTables(page)).toEqual({});
}

test('a household Parquet goes to DuckDB as Arrow and aggregates exactly as the same register in CSV', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await importHouseholds(page, PARQUET);
  const stamp = await waitForMap(page, 'surakarta|2025|d');
  expect(stamp.split('|')[2]).toMatch(/_af_m0$/);
  await importHouseholds(page, DEMO);
  const [first, second] = await aggregates(page);
  expect(first).toHaveLength(54);
  expect(second).toEqual(first);
  expect(problems).toEqual([]);
});

/** The Parquet register cut off at 60 % of its bytes, as an interrupted copy leaves it. */
function cutOff(): string {
  const file = `${SHOTS}/rumah_tangga_terpotong.parquet`;
  const bytes = readFileSync(PARQUET);
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  return file;
}

for (const lang of ['id', 'en'] as const) {
  test(`a cut-off Parquet register is refused (${lang}) and leaves nothing in DuckDB`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const problems = watchPage(page, baseURL!);
    const file = cutOff();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`/?kota=surakarta${lang === 'en' ? '&lang=en' : ''}`);
      await expect(page.locator('.map')).toHaveAttribute('data-rendered', /^surakarta\|2025\|penduduk_miskin/, { timeout: 60_000 });
      const before = await page.locator('.map').getAttribute('data-rendered');
      await page.getByTestId('tab-data').click();
      await page.getByTestId('import-input').setInputFiles(file);
      const dialog = page.getByTestId('import-dialog');
      const error = dialog.getByTestId('import-error');
      await expect(error).toContainText('rumah_tangga_terpotong.parquet');
      await expect(error).toContainText(lang === 'id' ? 'bukan berkas Parquet yang utuh' : 'is not a complete Parquet file');
      expect(await rawTables(page)).toEqual({});
      const sizes = lang === 'id' ? [1024, 1366, 1920] : [1366];
      for (const width of sizes) {
        await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
        await page.screenshot({ path: `${SHOTS}/cut-off-${lang}-${width}.png` });
      }
      await dialog.getByTestId('import-close').click();
      await expect(dialog).toBeHidden();
      expect(await page.locator('.map').getAttribute('data-rendered')).toBe(before);
      expect(problems).toEqual([]);
    } finally {
      rmSync(file, { force: true });
    }
  });
}
