/**
 * Pockets year by year and the rakor brief (issue 18, items 2-3) on the demo Surakarta: the
 * panel counts 3 pockets in 2021 and 2 in 2025 with the sensitivity beside it, and one click
 * writes an A4 PDF naming the count and the Semanggi pocket, with maps, appendix and the
 * synthetic-data notice; the map is put back as it was.
 */
import { expect, test } from '@playwright/test';
import { copyFileSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { SCREENSHOTS, waitForMap, watchPage } from './helpers';

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

test('pockets per year, their sensitivity, and the rakor brief PDF of Surakarta', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?kota=surakarta&tahun=2025&indikator=penduduk_miskin');
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');

  const panel = page.getByTestId('pockets-panel');
  await panel.scrollIntoViewIfNeeded();
  await page.getByTestId('pockets-run').click();
  await expect(page.getByTestId('pockets-series')).toHaveText('3 kantong (2021) → 2 kantong (2025)', { timeout: 120_000 });
  await expect(page.getByTestId('pockets-definition')).toContainText('p ≤ 0,05');
  const table = page.getByTestId('pockets-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr').first()).toContainText('Semanggi');
  // The recount at other settings: p ≤ 0,05 without correction is the row shown, and it agrees.
  const current = page.getByTestId('pockets-sensitivity').locator('tr.current');
  await expect(current.locator('td')).toHaveText(['3', '2', '2', '2', '2']);
  await expect(page.getByTestId('pockets-sensitivity').locator('tbody tr')).toHaveCount(6);
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/pockets-${width}x${height}.png` });
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  const download = page.waitForEvent('download', { timeout: 240_000 });
  await page.getByTestId('brief-pdf').click();
  const path = await (await download).path();
  copyFileSync(path, `${SCREENSHOTS}/brief-surakarta.pdf`);
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
  for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([595, 842]);
  const text = (await pdfText(bytes)).join(' ').replace(/\s+/g, ' ');
  for (const expected of [
    'Ringkasan Rakor Penanggulangan Kemiskinan',
    'Kota Surakarta',
    '3 kantong (2021) → 2 kantong (2025)',
    'Kantong A (5 kelurahan: Baluwarti, Kedunglumbu, Pasarkliwon, Sangkrah, Semanggi) ada sejak 2021',
    'Angka kota 2025 dibanding 2024',
    'Klaster LISA Penduduk miskin 2021',
    'Klaster LISA Penduduk miskin 2025',
    'Tinggi-Tinggi (kantong)',
    'Lampiran',
    'Data contoh (sintetis)',
    'cahyadsn/wilayah_boundaries',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toMatch(/<=|->/);
  // The map is put back: 2025, no analysis.
  await waitForMap(page, 'surakarta|2025|penduduk_miskin|rasio');
  await expect(page.getByTestId('analysis-method')).toHaveValue('none');
  expect(problems).toEqual([]);
});

// Issue 18, item 4: another region than Surakarta, in English; the counts are the app's own for
// Tanjungbalai's demo data, so the PDF must repeat what the panel shows.
test('the rakor brief of another demo city (Tanjungbalai), in English', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchPage(page, baseURL!);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?kota=tanjungbalai&tahun=2025&indikator=penduduk_miskin&lang=en');
  await waitForMap(page, 'tanjungbalai|2025|penduduk_miskin|rasio');
  await page.getByTestId('pockets-panel').scrollIntoViewIfNeeded();
  await page.getByTestId('pockets-run').click();
  const series = page.getByTestId('pockets-series');
  await expect(series).toHaveText(/^\d+ pockets? \(2021\) → \d+ pockets? \(2025\)$/, { timeout: 120_000 });
  const shown = (await series.textContent())!.trim();
  await expect(page.getByTestId('pockets-sensitivity').locator('tbody tr')).toHaveCount(6);
  await page.getByTestId('pockets-panel').screenshot({ path: `${SCREENSHOTS}/pockets-tanjungbalai-en.png` });

  const download = page.waitForEvent('download', { timeout: 240_000 });
  await page.getByTestId('brief-pdf').click();
  const path = await (await download).path();
  copyFileSync(path, `${SCREENSHOTS}/brief-tanjungbalai-en.pdf`);
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
  for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([595, 842]);
  const text = (await pdfText(bytes)).join(' ').replace(/\s+/g, ' ');
  for (const expected of [
    'Poverty Reduction Coordination Meeting Brief',
    'Kota Tanjungbalai',
    shown,
    'City figures 2025 against 2024',
    'LISA clusters of',
    'Appendix',
    'Sample data (synthetic)',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('Surakarta');
  expect(text).not.toMatch(/<=|->|\bkantong\b|\b1 pockets\b/);
  await waitForMap(page, 'tanjungbalai|2025|penduduk_miskin|rasio');
  expect(problems).toEqual([]);
});
