/**
 * Household registers in the browser (issue 17, item 1): a household CSV picked in the data tab is
 * read by DuckDB's reader on the file (its rows are in DuckDB's raw table before the join, which
 * the JavaScript reader only loads at the join), joined and aggregated to the map; a register
 * above the measured ceiling is refused before it is read, in Bahasa Indonesia and English, with
 * the command that handles it, and the map keeps what it showed. The refused file is sparse (a
 * header and a few rows, then a hole up to one byte over the ceiling), so it costs no disk.
 * A long read shows the share of the file read, and Cancel leaves nothing. A Windows-1252 register (an
 * office PC's Excel CSV, with curly quotes and a euro sign) is read by DuckDB too, from its UTF-8
 * copy, with its letters right in the dialog's preview and in DuckDB. Screenshots of the
 * refusal at 1024x768, 1366x768 and 1920x1080 and of a read under way (tests/results/household-file/).
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { HOUSEHOLD_CEILING_BYTES } from '../../src/data/household-file';
import { placelessRegister } from '../fixtures/placeless-register';
import { windows1252 } from '../fixtures/windows-1252';
import { importHouseholds, rawTables, waitForMap, watchPage } from './helpers';

const SHOTS = 'tests/results/household-file';
mkdirSync(SHOTS, { recursive: true });
const DEMO = 'data/demo/rumah_tangga_surakarta.csv';

/**
 * The frame of a test on a file it has just made: a generous timeout, the page watched (no error
 * may occur), the file checked by `check` and removed whatever happens.
 */
async function withTempFile(page: Page, baseURL: string, timeout: number, file: string, check: (file: string) => Promise<void>): Promise<void> {
  test.setTimeout(timeout);
  const problems = watchPage(page, baseURL);
  try {
    await check(file);
    expect(problems).toEqual([]);
  } finally {
    rmSync(file, { force: true });
  }
}

test('a household CSV is read by DuckDB on the file, joined and mapped', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await importHouseholds(page, DEMO, { timeout: 60_000 });
  const stamp = await waitForMap(page, 'surakarta|2025|d');
  expect(stamp.split('|')[2]).toMatch(/_af_m0$/);
  expect(problems).toEqual([]);
});

/**
 * A register of about 125 MB, under the 150 MB ceiling: the demo's rows 25 times over (ids repeat;
 * it is cancelled before any join). Large enough that DuckDB's read lasts several progress reports
 * (at most five a second) on a quiet machine too: at 50 MB a fresh CI run read it between two.
 */
function largeRegister(): string {
  const file = `${SHOTS}/rumah_tangga_SINTETIS_besar.csv`;
  const demo = readFileSync(DEMO);
  const body = demo.subarray(demo.indexOf(0x0a) + 1);
  const fd = openSync(file, 'w');
  writeSync(fd, demo);
  for (let i = 1; i < 25; i++) writeSync(fd, body);
  closeSync(fd);
  return file;
}

test('a long read shows the share of the file DuckDB has read, and Cancel stops it leaving nothing', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 240_000, largeRegister(), async (file) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/?kota=surakarta');
    const before = await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
    await page.getByTestId('tab-data').click();
    // The values the bar takes (position is -1 while it is indeterminate), sampled every 20 ms.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __bar: number[] }).__bar = seen;
      setInterval(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
        if (bar && bar.position >= 0 && seen.at(-1) !== bar.position) seen.push(bar.position);
      }, 20);
    });
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByTestId('import-dialog');
    // DuckDB's worker reports how far it has read the file: the bar moves and says how much.
    await page.waitForFunction(() => (window as unknown as { __bar: number[] }).__bar.some((v) => v > 0 && v < 1), null, { timeout: 120_000, polling: 50 });
    await expect(dialog.getByRole('status')).toContainText(/rumah_tangga_SINTETIS_besar\.csv… \d+%/);
    await page.screenshot({ path: `${SHOTS}/reading-1366.png` });
    await dialog.getByRole('button', { name: 'Batal', exact: true }).click();
    await expect(dialog).toBeHidden();
    // Nothing of the file stays in DuckDB, and the map shows what it showed.
    await expect.poll(() => rawTables(page), { timeout: 60_000 }).toEqual({});
    expect(await page.locator('.map').getAttribute('data-rendered')).toBe(before);
  }));

/** A sparse register one byte over the ceiling: the first rows of the demo, then a hole. */
function oversizedRegister(): string {
  const file = `${SHOTS}/dtsen_SINTETIS_jawa_tengah.csv`;
  const head = readFileSync(DEMO).subarray(0, 4096);
  const fd = openSync(file, 'w');
  writeSync(fd, head.subarray(0, head.lastIndexOf(0x0a) + 1));
  ftruncateSync(fd, HOUSEHOLD_CEILING_BYTES + 1);
  closeSync(fd);
  return file;
}

test('a register over the ceiling is refused before reading, with the CLI command, and the map is kept', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 180_000, oversizedRegister(), async (file) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/?kota=surakarta');
    const before = await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
    await page.getByTestId('tab-data').click();
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByTestId('import-dialog');
    const error = dialog.getByTestId('import-error');
    await expect(error).toContainText('MB yang dapat diolah peramban');
    await expect(error).toContainText('dtsen_SINTETIS_jawa_tengah.csv');
    await expect(dialog.getByTestId('import-cli-command')).toHaveText('peta-kantong households --data dtsen_SINTETIS_jawa_tengah.csv --out agregat.csv');
    // Refused before reading: nothing of the file went into DuckDB.
    expect(await rawTables(page)).toEqual({});
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/refused-id-${size.width}.png` });
    }
    await dialog.getByTestId('import-close').click();
    await expect(dialog).toBeHidden();
    expect(await page.locator('.map').getAttribute('data-rendered')).toBe(before);
  }));

test('the refusal in English', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 180_000, oversizedRegister(), async (file) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/?kota=surakarta&lang=en');
    await expect(page.locator('.map')).toHaveAttribute('data-rendered', /^surakarta\|2025\|penduduk_miskin/, { timeout: 60_000 });
    await page.getByTestId('tab-data').click();
    await page.getByTestId('import-input').setInputFiles(file);
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog.getByTestId('import-error')).toContainText('MB a browser can handle');
    await expect(dialog.getByTestId('import-cli-command')).toHaveText('peta-kantong households --data dtsen_SINTETIS_jawa_tengah.csv --out agregat.csv');
    await page.screenshot({ path: `${SHOTS}/refused-en-1366.png` });
  }));

/** Heads' names with letters an office PC's Excel writes in Windows-1252: Latin-1's, and curly quotes, dashes and the euro sign (0x80-0x9F). */
const WINDOWS_NAMES = ['“Bu” Sri’ah – Rp€', 'Andréas Wibowo', 'Bambang — “Pak RT”', 'Jürgen Santoso', 'Sri Ayu Lestarí'];

/** The demo register as an office PC's Excel saves "CSV (Comma delimited)": Windows-1252, the first heads' names and every 1000th given WINDOWS_NAMES. */
function windowsRegister(name: string, size?: number): string {
  const lines = readFileSync(DEMO, 'utf8').trim().split('\n');
  const out = lines.map((line, i) => {
    if (i === 0 || (i > WINDOWS_NAMES.length && i % 1000 !== 0)) return line;
    const cells = line.split(',');
    cells[2] = WINDOWS_NAMES[i % WINDOWS_NAMES.length];
    return cells.join(',');
  });
  const file = `${SHOTS}/${name}`;
  const fd = openSync(file, 'w');
  writeSync(fd, windows1252(out.join('\r\n') + '\r\n'));
  if (size !== undefined) ftruncateSync(fd, size);
  closeSync(fd);
  return file;
}

/** Ids of the stored datasets (the workspace) and the map's view, to show nothing changed. */
function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __pkk: { app: { workspace: { datasets: { id: string }[] } } } }).__pkk.app.workspace.datasets.map((d) => d.id));
}

/** Opens the app in `lang`, the data tab, and picks `file`; returns the map's view before. */
async function pick(page: Page, file: string, lang: 'id' | 'en'): Promise<string> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/?kota=surakarta${lang === 'en' ? '&lang=en' : ''}`);
  const before = await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('import-input').setInputFiles(file);
  return before;
}

/** The dialog's message is `expected`; closing it leaves the map and the stored datasets as they were, and nothing in DuckDB. */
async function refusedCleanly(page: Page, before: string, expected: RegExp, shot: string): Promise<void> {
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-error')).toContainText(expected, { timeout: 120_000 });
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  expect(await storedIds(page)).toEqual([]);
  await dialog.locator('header button.close').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => rawTables(page), { timeout: 60_000 }).toEqual({});
  expect(await page.locator('.map').getAttribute('data-rendered')).toBe(before);
  expect(await storedIds(page)).toEqual([]);
}

/** The demo register cut `at` bytes into its last row, or (quote) with a last row whose quoted cell never closes. */
function cutRegister(name: string, how: 'row' | 'quote'): string {
  const demo = readFileSync(DEMO);
  const lastRow = demo.lastIndexOf(0x0a, demo.length - 2) + 1;
  const file = `${SHOTS}/${name}`;
  if (how === 'row') writeFileSync(file, demo.subarray(0, lastRow + 30));
  // A copy that stopped inside a quoted name: the quote opens and the file ends.
  else writeFileSync(file, Buffer.concat([demo.subarray(0, lastRow), Buffer.from('RT3372051015-000506,3372052203511960,"Hartono, Budi')]));
  return file;
}

for (const lang of ['id', 'en'] as const) {
  test(`a register cut off mid-row is refused from its last bytes, before it is read (${lang})`, ({ page, baseURL }) =>
    withTempFile(page, baseURL!, 180_000, cutRegister(`terpotong_${lang}.csv`, 'row'), async (file) => {
      const before = await pick(page, file, lang);
      const message = lang === 'id' ? /terpotong_id\.csv terpotong: baris terakhirnya tidak lengkap/ : /terpotong_en\.csv is cut off: its last line is incomplete/;
      await refusedCleanly(page, before, message, `cut-row-${lang}-1366`);
    }));

  test(`a register cut off inside a quoted cell says so, and keeps nothing (${lang})`, ({ page, baseURL }) =>
    withTempFile(page, baseURL!, 180_000, cutRegister(`kutip_${lang}.csv`, 'quote'), async (file) => {
      const before = await pick(page, file, lang);
      const message = lang === 'id' ? /kutip_id\.csv berhenti di dalam sel bertanda kutip/ : /kutip_en\.csv ends inside a quoted cell/;
      await refusedCleanly(page, before, message, `cut-quote-${lang}-1366`);
    }));
}

test('a Windows-1252 register with curly quotes and a euro sign takes the DuckDB path: read on the file, its letters right in the preview and in DuckDB, joined and mapped', ({
  page,
  baseURL,
}) =>
  withTempFile(page, baseURL!, 240_000, windowsRegister('rumah_tangga_windows1252.csv'), async (file) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/?kota=surakarta');
    await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
    // Every row is in DuckDB before the join: DuckDB read the file (its UTF-8 copy), not the JavaScript reader.
    await importHouseholds(page, file, {
      timeout: 120_000,
      beforeJoin: async (dialog) => {
        await expect(dialog.getByTestId('import-summary')).toContainText('windows-1252');
        // The preview's examples of the names column show the letters as written.
        const nama = dialog
          .getByTestId('import-columns')
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: 'nama_kepala', exact: true }) });
        for (const name of WINDOWS_NAMES) await expect(nama).toContainText(name);
        await nama.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/windows1252-preview-1366.png` });
        const names = await page.evaluate(async () => {
          type Db = { query(sql: string): Promise<{ toArray(): { n: string }[] }> };
          const { app } = (window as unknown as { __pkk: { app: { workspace: { database(): Promise<Db> } } } }).__pkk;
          const db = await app.workspace.database();
          const [table] = (await db.query("SELECT table_name AS n FROM information_schema.tables WHERE table_name LIKE 'mentah_%'")).toArray();
          return (await db.query(`SELECT DISTINCT nama_kepala AS n FROM ${table.n} WHERE nama_kepala SIMILAR TO '.*[^ -~].*' ORDER BY 1`)).toArray().map((r) => r.n);
        });
        expect(names).toEqual([...WINDOWS_NAMES].sort());
      },
    });
    const stamp = await waitForMap(page, 'surakarta|2025|d');
    expect(stamp.split('|')[2]).toMatch(/_af_m0$/);
  }));

test('a Windows-1252 register over the ceiling is refused before reading, with the CLI command', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 180_000, windowsRegister('dtsen_windows1252.csv', HOUSEHOLD_CEILING_BYTES + 1), async (file) => {
    const before = await pick(page, file, 'en');
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog.getByTestId('import-cli-command')).toHaveText('peta-kantong households --data dtsen_windows1252.csv --out agregat.csv');
    await refusedCleanly(page, before, /dtsen_windows1252\.csv is \d+ MB, above the 150 MB a browser can handle/, 'refused-windows1252-en-1366');
  }));

/** The demo register in UTF-8 (a name with é in its first row) with a Windows-1252 name past the 4 MB head: two encodings in one file. */
function mixedRegister(): string {
  const lines = readFileSync(DEMO, 'utf8').trim().split('\n');
  lines[1] = lines[1].replace('Joko Nugroho', 'José Nugroho');
  lines[45_000] = lines[45_000].replace(/^([^,]*,[^,]*,)[^,]*/, '$1Sri’ah – Rp€');
  const file = `${SHOTS}/rt_campur_encoding.csv`;
  const text = lines.join('\n') + '\n';
  const split = text.indexOf('\n', 4096);
  writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, split)), windows1252(text.slice(split))]));
  return file;
}

test('a UTF-8 register with Windows-1252 letters past its head is refused with the row before DuckDB reads it', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 180_000, mixedRegister(), async (file) => {
    const before = await pick(page, file, 'id');
    await refusedCleanly(
      page,
      before,
      /Sampai baris 45001 berkas rt_campur_encoding\.csv ditulis dalam UTF-8, tetapi baris sekitar 45001 memakai encoding lain/,
      'mixed-encoding-id-1366',
    );
  }));

/** A kelurahan table with desil figures (one row per kelurahan of the demo register, no household id). */
function desilTable(): string {
  const lines = readFileSync(DEMO, 'utf8').trim().split('\n').slice(1);
  const kelurahan = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split(',');
    kelurahan.set(cells[3], cells[4]);
  }
  // As Indonesian Excel saves it: semicolons, decimal commas.
  const rows = [...kelurahan].map(([kode, nama], i) => `${kode};${nama};${100 + i};${(10 + (i % 30)).toFixed(1).replace('.', ',')}`);
  const file = `${SHOTS}/rekap_desil_kelurahan.csv`;
  writeFileSync(file, ['kode_kelurahan;kelurahan;jumlah_rt_desil_1;persen_desil_1_4', ...rows].join('\n') + '\n');
  return file;
}

/** A table of goods: no kelurahan code or name column. */
function goodsTable(lang: string): string {
  const file = `${SHOTS}/daftar_barang_${lang}.csv`;
  writeFileSync(file, ['barang,harga,stok', ...Array.from({ length: 40 }, (_, i) => `Barang ${i + 1},${1000 * (i + 1)},${i % 7}`)].join('\n') + '\n');
  return file;
}

for (const lang of ['id', 'en'] as const) {
  test(`a table with no kelurahan column says what it lacks at the join and keeps nothing (${lang})`, ({ page, baseURL }) =>
    withTempFile(page, baseURL!, 180_000, goodsTable(lang), async (file) => {
      const before = await pick(page, file, lang);
      const dialog = page.getByTestId('import-dialog');
      await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
      await dialog.getByTestId('import-next').click();
      const message =
        lang === 'id'
          ? /Tidak ada kolom kode atau nama kelurahan di daftar_barang_id\.csv \(kolomnya: barang, harga, stok\)/
          : /daftar_barang_en\.csv has no kelurahan code or name column \(its columns: barang, harga, stok\)/;
      await refusedCleanly(page, before, message, `no-key-${lang}-1366`);
    }));
}

/** The demo register without its place columns, as a file. */
function placelessFile(lang: string): string {
  const file = `${SHOTS}/tanpa_wilayah_${lang}.csv`;
  writeFileSync(file, placelessRegister());
  return file;
}

for (const lang of ['id', 'en'] as const) {
  test(`a register with no kelurahan column is refused from its head, before DuckDB reads it, and keeps nothing (${lang})`, ({ page, baseURL }) =>
    withTempFile(page, baseURL!, 180_000, placelessFile(lang), async (file) => {
      const before = await pick(page, file, lang);
      const message =
        lang === 'id'
          ? /tanpa_wilayah_id\.csv tidak punya kolom kode atau nama kelurahan wilayah ini \(kolomnya: id_rt, nik_kepala, nama_kepala, desil,/
          : /tanpa_wilayah_en\.csv has no column with this region's kelurahan codes or names \(its columns: id_rt, nik_kepala, nama_kepala, desil,/;
      // Refused at the read step: no table is shown, so no join is offered.
      const dialog = page.getByTestId('import-dialog');
      await expect(dialog.getByTestId('import-error')).toContainText(message, { timeout: 120_000 });
      await expect(dialog.getByTestId('import-summary')).toHaveCount(0);
      await refusedCleanly(page, before, message, `no-key-register-${lang}-1366`);
    }));
}

test('a kelurahan table with desil figures is read as indicators per kelurahan, not as household records', ({ page, baseURL }) =>
  withTempFile(page, baseURL!, 180_000, desilTable(), async (file) => {
    const before = await pick(page, file, 'id');
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog.getByTestId('import-summary')).toContainText('54 baris data', { timeout: 60_000 });
    await expect(dialog.getByTestId('import-kind-indicators')).toBeChecked();
    // Taken as household records by hand, it says what household records need, and stores nothing.
    await dialog.getByTestId('import-kind-households').check();
    await dialog.getByTestId('import-next').click();
    await expect(dialog.getByTestId('join-report').getByTestId('join-count-code')).toHaveText('54');
    await dialog.getByTestId('import-commit').click();
    await refusedCleanly(page, before, /satu baris per rumah tangga dengan ID-nya/, 'desil-table-as-households-id-1366');
  }));
