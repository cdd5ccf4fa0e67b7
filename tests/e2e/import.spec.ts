import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, drawnKelurahan, waitForMap, watchPage } from './helpers';

const FIXTURES = 'tests/fixtures/import/tables';

/** Drops a file on the page the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, path: string, name: string, type = 'text/csv'): Promise<void> {
  const bytes = [...readFileSync(path)];
  await page.evaluate(
    ({ bytes, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { bytes, name, type },
  );
}

test('a semicolon, Windows-1252 CSV dropped on the map is read, joined with a report, mapped, and kept after a reload', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');

  await dropFile(page, `${FIXTURES}/surakarta-semicolon-1252.csv`, 'rtlh-pasar-kliwon.csv');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('judul kolom di baris 3');
  await expect(dialog.getByTestId('import-key-kode')).toHaveValue('kode');
  await expect(dialog.getByTestId('import-key-nama')).toHaveValue('kelurahan');
  // Names from the file are text: the Windows-1252 dash and degree sign decoded, not mangled.
  await expect(dialog.getByTestId('import-columns')).toContainText('Rumah tua – perlu bedah');
  await page.screenshot({ path: `${SCREENSHOTS}/import-columns.png` });

  await dialog.getByTestId('import-year').fill('2024');
  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/import-report.png` });
  const matched = Number(await report.getByTestId('join-count-code').innerText()) + Number(await report.getByTestId('join-count-name').innerText());
  expect(matched).toBeGreaterThan(0);

  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden();
  const stamp = await waitForMap(page, 'surakarta|2024|d');
  expect(stamp).toContain('|jumlah|');
  await expect(page.getByTestId('datasets')).toContainText('rtlh-pasar-kliwon.csv');
  // The user's data is not called synthetic; its source is the file.
  await expect(page.getByTestId('legend-source')).toContainText('Data impor: rtlh-pasar-kliwon.csv');
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/import-mapped.png` });
  const indicator = stamp.split('|')[2];

  await page.reload();
  await expect(page.getByTestId('datasets')).toContainText('rtlh-pasar-kliwon.csv');
  await waitForMap(page, `surakarta|2024|${indicator}`);
  expect(await drawnKelurahan(page)).toHaveLength(54);
  expect(problems).toEqual([]);
});

test('the synthetic household records of Surakarta become kelurahan figures with no name or NIK anywhere', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('demo-households').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText('47.442 baris data', { timeout: 60_000 });
  await expect(dialog.getByTestId('import-kind-households')).toBeChecked();
  const personal = dialog.getByTestId('import-personal');
  await expect(personal).toContainText('"nik_kepala" tampak berisi NIK');
  await expect(personal).toContainText('"nama_kepala" tampak berisi nama orang');
  await expect(dialog.getByTestId('import-id-column')).toHaveValue('id_rt');
  await dialog.getByTestId('import-next').click();
  const report = dialog.getByTestId('join-report');
  await expect(report.getByTestId('join-count-code')).toHaveText('54');
  await expect(report.getByTestId('join-count-missing')).toHaveText('0');
  await report.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const stamp = await waitForMap(page, 'surakarta|2025|d');
  expect(stamp.split('|')[2]).toMatch(/_af_m0$/);
  await page.screenshot({ path: `${SCREENSHOTS}/import-households-m0.png` });

  // The Alkire-Foster map puts Semanggi among the worst (the generator's pocket).
  const values = await page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number | null> } } }).__pkk;
    return [...app.values.entries()];
  });
  const ranked = values
    .filter(([, v]) => v !== null)
    .sort((a, b) => (b[1] as number) - (a[1] as number))
    .map(([k]) => k);
  expect(ranked.slice(0, 5)).toContain('33.72.03.1002');

  // Nothing personal on the page: the first household's name and NIK appear nowhere.
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain('Joko Nugroho');
  expect(text).not.toContain('3372010511949219');

  // The beneficiary list is matched through the (hashed) household ids: exclusion per kelurahan.
  await page.getByTestId('demo-beneficiaries').click();
  await expect(dialog.getByTestId('import-kind-beneficiaries')).toBeChecked({ timeout: 60_000 });
  await dialog.getByTestId('import-next').click();
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await page.getByTestId('tab-peta').click();
  await page.getByTestId('indicator').selectOption({ label: 'pkh: layak tetapi tidak menerima (eksklusi)' });
  await waitForMap(page, 'surakarta|2025|d');
  const m0 = new Map(values);

  // The workspace file: another browser opens it and sees the same map; no name or NIK inside.
  await page.getByTestId('tab-data').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('workspace-save').click();
  const file = await (await download).path();
  const { gunzipSync } = await import('node:zlib');
  const { readFileSync } = await import('node:fs');
  const content = gunzipSync(readFileSync(file)).toString('utf8');
  expect(content).not.toContain('Joko Nugroho');
  expect(content).not.toContain('3372010511949219');
  expect(content).not.toContain('RT3372011001-000001');
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto('/?kota=surakarta');
  await waitForMap(other, 'surakarta|2025|penduduk_miskin');
  await other.getByTestId('tab-data').click();
  await other.getByTestId('workspace-input').setInputFiles(file);
  await expect(other.getByTestId('datasets')).toContainText('rumah_tangga_surakarta', { timeout: 60_000 });
  const m0Id = stamp.split('|')[2];
  await other.getByTestId('tab-peta').click();
  await other.getByTestId('indicator').selectOption(m0Id);
  await waitForMap(other, `surakarta|2025|${m0Id}`);
  const reopened = await other.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number | null> } } }).__pkk;
    return [...app.values.entries()];
  });
  expect(new Map(reopened)).toEqual(m0);
  await fresh.close();
  expect(problems).toEqual([]);
});

test('a Shapefile in UTM 49S becomes a region, program sites are counted per kelurahan, and a broken file changes nothing', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');

  // Points: a semicolon CSV with lintang/bujur and decimal commas; the gap point goes to the nearest kelurahan.
  await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/geo/program-sites.csv');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-kind-points')).toBeChecked();
  await dialog.getByTestId('import-next').click();
  const points = dialog.getByTestId('geo-points');
  await expect(points).toContainText('di dalam kelurahan3');
  await expect(points).toContainText('kelurahan terdekat (≤ 50 m)1');
  await expect(points).toContainText('di luar Kota Surakarta (tidak dihitung)1');
  await expect(points).toContainText('dilewati)3');
  await dialog.getByTestId('geo-commit').click();
  await expect(dialog).toBeHidden();
  const stamp = await waitForMap(page, 'surakarta|2025|d');
  expect(stamp.split('|')[2]).toMatch(/_titik$/);
  const counted = await page.evaluate(() => {
    const { app } = (window as unknown as { __pkk: { app: { values: Map<string, number | null> } } }).__pkk;
    return Object.fromEntries([...app.values].filter(([, v]) => v !== 0));
  });
  expect(counted).toEqual({ '33.72.01.1001': 1, '33.72.03.1008': 1, '33.72.05.1014': 1, '33.72.04.1011': 1 });

  // A broken file: a clear message, and the points dataset is still there.
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'rusak.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
  await expect(dialog.getByTestId('import-error')).toContainText('rusak.geojson');
  await dialog.getByRole('button', { name: 'Batal', exact: true }).click();
  await expect(page.getByTestId('datasets')).toContainText('program-sites.csv');

  // Boundaries in UTM zone 49S are reprojected and become a region of their own.
  await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/geo/surakarta-utm49s.zip');
  const summary = dialog.getByTestId('geo-summary');
  await expect(summary).toContainText('54 desa/kelurahan Kota Surakarta');
  await expect(summary).toContainText('EPSG:32749');
  await dialog.getByTestId('geo-commit').click();
  await expect(page.getByTestId('city')).toHaveValue('33.72-impor');
  await waitForMap(page, '33.72-impor|');
  expect(await drawnKelurahan(page)).toHaveLength(54);
  await page.screenshot({ path: `${SCREENSHOTS}/import-boundaries-utm.png` });
  expect(problems).toEqual([]);
});

test('reading a 200 MB CSV keeps the page responsive, shows progress and can be cancelled without a trace', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  // 200 MB built inside the page from one repeated chunk (no 200 MB transfer from the test).
  await page.evaluate(() => {
    const line = '33.72.03.1002;Semanggi;Pasar Kliwon;1.234;12,5\n';
    const chunk = line.repeat(Math.ceil((1 << 20) / line.length));
    const parts = ['kode;kelurahan;kecamatan;jumlah;persen\n'];
    for (let i = 0; i < 200; i++) parts.push(chunk);
    const input = document.querySelector('[data-testid="import-input"]') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, 'besar.csv', { type: 'text/csv' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0.05);
  // The main thread is free while the worker reads: the dialog keeps re-rendering (progress
  // moves on) and the app answers a language switch.
  const seen = Number(await progress.getAttribute('value'));
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(seen);
  await page.evaluate(() => ((window as unknown as { __pkk: { app: { lang: string } } }).__pkk.app.lang = 'en'));
  await expect(page.getByTestId('import-dialog')).toContainText('Reading besar.csv');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(page.getByTestId('datasets')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a shared link to imported data opened in another browser says the workspace file is needed', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2024&indikator=dmws8q80ki5_jumlah_kk');
  await expect(page.getByTestId('notices')).toContainText('berkas ruang kerja (.pkk)');
  await waitForMap(page, 'surakarta|2024|penduduk_miskin');
  expect(problems).toEqual([]);
});
