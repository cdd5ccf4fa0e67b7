/**
 * Nothing leaves the browser, nothing runs from a file (issue 8): hostile names are shown as
 * text everywhere; while household records are imported, matched with a beneficiary list,
 * analysed and exported, every request stays on the app's origin and none carries household
 * data; no export holds a NIK, a name or a household id from the fixture.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { kelurahanOnPage, waitForMap, watchPage } from './helpers';

const XSS_COLUMN = '<img src=x onerror=alert(1)>';
const XSS_FILE = '<img src=x onerror=alert(3)>.csv';

/** Elements a payload would have created: images with src=x, inline scripts, svg with onload, any on* handler from a file. */
function injectedElements(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src]), svg[onload], [onerror], iframe[src^="javascript"], a[href^="javascript"]').length);
}

test('names, column names and values from a file are shown as text: no script runs, no element is created', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  const before = await injectedElements(page);

  const rows = [
    ['33.72.01.1001', '<script>alert(2)</script>', '12'],
    ['33.72.01.1002', '<svg onload=alert(4)>', '30'],
    ['33.72.03.1002', '"><img src=x onerror=alert(5)>', '45'],
    ['33.72.03.1008', 'javascript:alert(6)', '8'],
    ['33.72.05.1014', '<b onmouseover=alert(7)>Banjarsari</b>', '21'],
  ];
  const csv = [['kode', 'kelurahan', XSS_COLUMN], ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';
  await page.getByTestId('tab-data').click();
  await page.getByTestId('import-input').setInputFiles({ name: XSS_FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-columns')).toContainText(XSS_COLUMN);
  await dialog.getByTestId('import-year').fill('2024');
  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report).toBeVisible();
  // The report lists names as written (code matches, name differs).
  await expect(report.getByTestId('join-count-code')).toHaveText('5');
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden();
  await waitForMap(page, 'surakarta|2024|d');

  // Datasets list, indicator list and legend show the file's names literally.
  await expect(page.getByTestId('datasets')).toContainText(XSS_FILE);
  await expect(page.getByTestId('legend')).toContainText(XSS_COLUMN);
  await page.getByTestId('tab-peta').click();
  const options = await page.getByTestId('indicator').locator('option').allInnerTexts();
  expect(options.some((o) => o.includes(XSS_COLUMN))).toBe(true);

  // Tooltip and profile panel of a kelurahan with a value from the file.
  const at = await kelurahanOnPage(page, '33.72.03.1002');
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('tooltip')).toBeVisible();
  await page.mouse.click(at.x, at.y);
  const panel = page.getByTestId('kelurahan-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(XSS_COLUMN);

  expect(await injectedElements(page)).toBe(before);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});

/** NIKs, names and household ids of the synthetic household file, to search for. */
function householdSecrets(): { niks: Set<string>; names: string[]; ids: Set<string> } {
  const lines = readFileSync('data/demo/rumah_tangga_surakarta.csv', 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const [idAt, nikAt, nameAt] = ['id_rt', 'nik_kepala', 'nama_kepala'].map((c) => header.indexOf(c));
  const niks = new Set<string>();
  const ids = new Set<string>();
  const names: string[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    niks.add(cells[nikAt]);
    ids.add(cells[idAt]);
    names.push(cells[nameAt]);
  }
  return { niks, names, ids };
}

/** What of the household file a text contains: NIKs and household ids found by pattern, names by a sample of full names. */
function leaks(text: string, secrets: ReturnType<typeof householdSecrets>): string[] {
  const found = [
    ...[...text.matchAll(/\d{16}/g)].map((m) => m[0]).filter((n) => secrets.niks.has(n)),
    ...[...text.matchAll(/RT\d{10}-\d{6}/g)].map((m) => m[0]).filter((id) => secrets.ids.has(id)),
  ];
  // Every 20th name (about 2,400 full names of two words or more).
  for (let i = 0; i < secrets.names.length; i += 20) if (secrets.names[i].includes(' ') && text.includes(secrets.names[i])) found.push(secrets.names[i]);
  return found;
}

test('household records imported, matched, analysed and exported: every request stays on the origin, none carries household data, no export holds a NIK or a name', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const secrets = householdSecrets();
  expect(secrets.niks.size).toBeGreaterThan(40_000);
  const problems = watchPage(page, baseURL!);
  const requests: { url: string; method: string; body: string | null }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() }));
  const exports: Record<string, string> = {};

  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('demo-households').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('47.442 baris data', { timeout: 60_000 });
  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report.getByTestId('join-count-code')).toHaveText('54');
  // Export 1: the join report CSV.
  const [joinDownload] = await Promise.all([page.waitForEvent('download'), report.getByTestId('join-download').click()]);
  exports['join report CSV'] = readFileSync(await joinDownload.path(), 'utf8');
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const stamp = await waitForMap(page, 'surakarta|2025|d');

  await page.getByTestId('demo-beneficiaries').click();
  await expect(dialog.getByTestId('import-kind-beneficiaries')).toBeChecked({ timeout: 60_000 });
  await dialog.getByTestId('import-next').click();
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });

  // A LISA analysis of the household-based M0 map, and its weights as a GAL file (export 2).
  await page.getByTestId('tab-peta').click();
  await page.getByTestId('indicator').selectOption(stamp.split('|')[2]);
  await page.getByTestId('analysis-method').selectOption('lisa');
  await expect(page.locator('.map')).toHaveAttribute('data-rendered', /\|lisa/, { timeout: 60_000 });
  const [gal] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-gal').click()]);
  exports['GAL weights'] = readFileSync(await gal.path(), 'utf8');

  // Export 3: the table view's CSV of the household-based map.
  await page.getByTestId('view-toggle').click();
  const [table] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export').click()]);
  exports['table CSV'] = readFileSync(await table.path(), 'utf8');
  await page.getByTestId('view-toggle').click();

  // Export 4: the PDF of that map (its text, as a PDF reader extracts it).
  await page.getByTestId('tab-tampilan').click();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfDoc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(await pdf.path())) }).promise;
  const pdfPage = await pdfDoc.getPage(1);
  exports['PDF text'] = (await pdfPage.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');

  // Exports 5 and 6: the RTLH target list as CSV and Excel (every XML part of the .xlsx).
  await page.getByTestId('tab-sasaran').click();
  const [targetCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('targeting-csv').click()]);
  exports['targets CSV'] = readFileSync(await targetCsv.path(), 'utf8');
  const [targetXlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('targeting-xlsx').click()]);
  const { unzipSync, strFromU8 } = await import('fflate');
  exports['targets Excel'] = Object.values(unzipSync(new Uint8Array(readFileSync(await targetXlsx.path()))))
    .map((part) => strFromU8(part))
    .join('\n');

  // Export 7: the focus-area summary of Kawasan Semanggi.
  await page.getByTestId('tab-kawasan').click();
  await page.getByTestId('area-kawasan-semanggi').check();
  const [area] = await Promise.all([page.waitForEvent('download'), page.getByTestId('area-export').click()]);
  exports['focus area CSV'] = readFileSync(await area.path(), 'utf8');

  // Export 8: the workspace file.
  await page.getByTestId('tab-data').click();
  const [workspace] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workspace-save').click()]);
  exports['workspace file'] = gunzipSync(readFileSync(await workspace.path())).toString('utf8');

  // The page's URL is an export too (it is shared).
  exports['URL'] = decodeURIComponent(page.url());

  for (const [name, content] of Object.entries(exports)) {
    expect(content.length, name).toBeGreaterThan(0);
    expect(leaks(content, secrets), name).toEqual([]);
  }
  // The scan can fail: the household file itself is full of what it looks for.
  expect(leaks(readFileSync('data/demo/rumah_tangga_surakarta.csv', 'utf8').slice(0, 20_000), secrets).length).toBeGreaterThan(10);

  const origin = new URL(baseURL!).origin;
  const outside = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  expect(outside).toEqual([]);
  const withBody = requests.filter((r) => r.body !== null);
  for (const r of withBody) expect(leaks(r.body!, secrets), `${r.method} ${r.url}`).toEqual([]);
  expect(requests.length).toBeGreaterThan(10);
  console.info(`privacy: ${requests.length} requests observed (${withBody.length} with a body), all to ${origin}; exports scanned: ${Object.keys(exports).join(', ')}`);
  expect(problems).toEqual([]);
});
