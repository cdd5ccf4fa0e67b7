/**
 * The export fonts are the files themselves, bundled as data (no fetch): byte for byte the Noto
 * Sans regular and bold the page uses and the symbols fallback, and what the map and brief
 * exports embed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapPdf, type PageSpec } from '../../../src/export/map-layout';
import { dataUrlBytes, pdfFonts } from '../../../src/export/pdf-fonts';
import { pdfTexts, samplePage } from './fixtures';

const file = (path: string) => new Uint8Array(readFileSync(path));

describe('pdfFonts', () => {
  it('holds the font files byte for byte', () => {
    const fonts = pdfFonts();
    expect(fonts.regular).toEqual(file('node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
    expect(fonts.bold).toEqual(file('node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'));
    expect(fonts.fallbacks).toEqual([file('src/export/fonts/symbols-fallback.ttf')]);
  });

  it('serves one export after another (an atlas after a page): the PDF library may consume the bytes it is given', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    for (const title of ['Pertama', 'Kedua']) {
      const [text] = await pdfTexts(await mapPdf([samplePage(spec, 40, { title })], spec, pdfFonts()));
      expect(text).toContain(title);
    }
  });

  it('decodes base64 data URLs and refuses anything else', () => {
    expect(dataUrlBytes('data:font/woff;base64,AAEC/w==')).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(() => dataUrlBytes('/assets/noto.woff')).toThrow('Not a base64 data URL');
    expect(() => dataUrlBytes('data:text/plain,abc')).toThrow('Not a base64 data URL');
  });

  it('is what the map and brief exports embed (neither fetches its fonts)', () => {
    for (const path of ['src/ui/export-map.ts', 'src/ui/brief-export.svelte.ts']) {
      const source = readFileSync(path, 'utf8');
      expect(source, path).toMatch(/pdfFonts\(\)/);
      expect(source, path).not.toMatch(/fetchBytes|\?url/);
    }
  });
});
