/** Shared inputs of the export tests: the app's fonts, a sample page, and PDF readers. */
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFDict } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PT_PER_MM } from '../../../src/export/page-geometry';
import { mapPixels, type MapPage, type PageSpec, type PdfFonts } from '../../../src/export/map-layout';
import { tinyPng } from './tiny-png';

const NOTO = 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-';
/** A system font with ≤ ≥ ≈ (Debian's fonts-dejavu-core), used as the fallback font in tests. */
export const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const hasDejaVu = existsSync(DEJAVU);

/** The app's bundled Noto Sans 400 and 700 (WOFF), plus DejaVu Sans as fallback when asked. */
export function appFonts(withFallback: boolean): PdfFonts {
  return {
    regular: readFileSync(`${NOTO}400-normal.woff`),
    bold: readFileSync(`${NOTO}700-normal.woff`),
    fallbacks: withFallback ? [readFileSync(DEJAVU)] : [],
  };
}

/** A page as the app would fill it, with a striped map rendered at `dpi` for `spec`. */
export function samplePage(spec: PageSpec, dpi: number, overrides: Partial<MapPage> = {}): MapPage {
  const { width, height } = mapPixels(spec, dpi);
  const png = tinyPng(width, height, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [253, 174, 145] : [203, 24, 29]));
  return {
    title: 'Rumah tangga miskin per kelurahan, Kota Semanggi 2024',
    subtitle: 'Jenks, 4 kelas · per 100 RT',
    map: { png, widthPx: width, heightPx: height, metresPerPixel: 12.3 },
    legend: {
      title: 'Rumah tangga miskin (%)',
      unit: 'per 100 RT',
      rows: [
        { color: '#fee5d9', label: '≤ 5', count: '12 kel.' },
        { color: '#fcae91', label: '5 – 7,44%', count: '9 kel.' },
        { color: '#fb6a4a', label: '7,44% – 10', count: '7 kel.' },
        { color: '#cb181d', label: '≥ 10', count: '3 kel.' },
      ],
      noData: { color: '#cccccc', label: 'Tidak ada data', count: '2 kel.' },
      note: 'Kelas: Jenks natural breaks dari nilai 2024.',
    },
    source: 'Sumber data: Pendataan contoh Kota Semanggi, 2024',
    attribution: 'Batas wilayah: © kontributor geoBoundaries (MIT)',
    synthetic: 'Data contoh (sintetis)',
    date: 'Dibuat 3 Mei 2025',
    labels: { scale: 'Skala', north: 'U', page: (n, total) => `Halaman ${n} dari ${total}` },
    ...overrides,
  };
}

/** The text of every page as pdf.js extracts it (what a reader copies or searches), spaces collapsed. */
export async function pdfTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    texts.push(text.replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return texts;
}

/** The text pieces of page `n` with the position of their baseline start, in millimetres from the top-left. */
export async function textPositions(bytes: Uint8Array, n = 1): Promise<{ str: string; xMm: number; yMm: number }[]> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false }).promise;
  const page = await doc.getPage(n);
  const height = page.view[3];
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim() ? [{ str: item.str, xMm: item.transform[4] / PT_PER_MM, yMm: (height - item.transform[5]) / PT_PER_MM }] : [],
  );
  await doc.destroy();
  return items;
}

/** Width and Height of every image XObject in the PDF. */
export async function imageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const sizes: { width: number; height: number }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const number = (key: string) => (object.dict.get(PDFName.of(key)) as PDFNumber).asNumber();
    sizes.push({ width: number('Width'), height: number('Height') });
  }
  return sizes;
}

/** For every font descriptor: whether the font program is embedded in the file. */
export async function embeddedFonts(bytes: Uint8Array): Promise<boolean[]> {
  const doc = await PDFDocument.load(bytes);
  const found: boolean[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    found.push(['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key))));
  }
  return found;
}
