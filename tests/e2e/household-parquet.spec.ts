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
import { importHouseholds, rawTables, waitForMap, watchPage } from './helpers';

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

test('a household Parquet goes to DuckDB as Arrow and aggregates exactly as the same register in CSV', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await importHouseholds(page, PARQUET, { timeout: 90_000 });
  const stamp = await waitForMap(page, 'surakarta|2025|d');
  expect(stamp.split('|')[2]).toMatch(/_af_m0$/);
  await importHouseholds(page, DEMO, { timeout: 90_000 });
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
