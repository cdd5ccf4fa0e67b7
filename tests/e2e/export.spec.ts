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

test('PDF (A4 landscape, and an atlas per kecamatan) and PNG exports: page size, real text, pixel size', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('tab-tampilan').click();
  await page.getByTestId('export-title').fill('RTLH per kelurahan, Kota Surakarta 2025');

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdf = new Uint8Array(readFileSync(await (await pdfDownload).path()));
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(1);
  const { width, height } = doc.getPage(0).getSize();
  expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([841.89, 595.28]);
  const [text] = await pdfText(pdf);
  for (const expected of [
    'RTLH per kelurahan, Kota Surakarta 2025',
    'Rumah tidak layak huni (RTLH)',
    'per 100 rumah tangga',
    '11 kel.',
    'Data contoh (sintetis)',
    'cahyadsn/wilayah_boundaries',
    'Skala',
    'Halaman 1 dari 1',
  ]) {
    expect(text).toContain(expected);
  }
  // The legend's class labels are the screen's.
  const screenLegend = await page.getByTestId('legend-class').locator('.range').allInnerTexts();
  for (const label of screenLegend) expect(text.replace(/\s+/g, ' ')).toContain(label.replace(/\s+/g, ' '));
  // The region's value under the legend travels too, and symbols print as themselves (issue 15).
  const cityLine = (await page.locator('.legend .city').innerText()).replace(/\s+/g, ' ');
  expect(cityLine).toContain('Seluruh Kota Surakarta');
  expect(text.replace(/\s+/g, ' ')).toContain(cityLine);
  expect(text).not.toMatch(/<=|>=/);
  copyFileSync(await (await pdfDownload).path(), `${SCREENSHOTS}/export-a4.pdf`);

  await page.getByTestId('export-atlas').check();
  await page.getByTestId('export-size').selectOption('A3');
  await page.getByTestId('export-orientation').selectOption('portrait');
  const atlasDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const atlas = new Uint8Array(readFileSync(await (await atlasDownload).path()));
  const atlasDoc = await PDFDocument.load(atlas);
  expect(atlasDoc.getPageCount()).toBe(5); // Surakarta's five kecamatan
  const a3 = atlasDoc.getPage(0).getSize();
  expect([Math.round(a3.width * 100) / 100, Math.round(a3.height * 100) / 100]).toEqual([841.89, 1190.55]);
  const atlasText = await pdfText(atlas);
  expect(atlasText.some((t) => t.includes('Kecamatan Pasar Kliwon'))).toBe(true);
  expect(atlasText[4]).toContain('Halaman 5 dari 5');

  await page.getByTestId('export-atlas').uncheck();
  await page.getByTestId('export-size').selectOption('A4');
  await page.getByTestId('export-orientation').selectOption('landscape');
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('export-png-print').click();
  const png = readFileSync(await (await pngDownload).path());
  // PNG header: width and height as big-endian integers at bytes 16 and 20. A4 at 300 dpi.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3508, 2480]);
  const screenDownload = page.waitForEvent('download');
  await page.getByTestId('export-png-screen').click();
  const screenPath = await (await screenDownload).path();
  const screen = readFileSync(screenPath);
  copyFileSync(screenPath, `${SCREENSHOTS}/export-a4-screen.png`);
  expect([screen.readUInt32BE(16), screen.readUInt32BE(20)]).toEqual([1123, 794]);
  expect(problems).toEqual([]);
});

test('table CSV: rates rounded, with their count and denominator, and a line saying a search filtered it', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=surakarta&tahun=2025&indikator=rtlh');
  await waitForMap(page, 'surakarta|2025|rtlh|rasio');
  await page.getByTestId('view-toggle').click();
  await page.getByTestId('table-search').fill('kliwon');
  await expect(page.getByTestId('table-export')).toHaveText(/tersaring/);
  await page.screenshot({ path: `${SCREENSHOTS}/table-filtered-export.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export').click()]);
  const lines = readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');
  expect(lines[0]).toMatch(/^Disaring: 'kliwon' \(\d+ dari 54 kelurahan\)$/);
  const header = lines[2].split(';');
  expect(header).toHaveLength(7); // kode, kelurahan, kecamatan, rate, count, denominator, rank
  const rows = lines
    .slice(3)
    .filter((l) => /^33\.72\./.test(l))
    .map((l) => l.split(';'));
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row[2]).toBe('Pasar Kliwon');
    expect(row[3]).toMatch(/^\d+(,\d{1,2})?$/); // at most two decimals
    expect(row[4]).toMatch(/^\d+$/);
    expect(row[5]).toMatch(/^\d+$/);
  }
  expect(lines.join('\n')).not.toMatch(/npm run|KAWASAN\.md/);
  expect(problems).toEqual([]);
});
