import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { mapPdf, type PageSpec } from '../../../src/export/map-layout';
import { messages } from '../../../src/i18n';
import { catalog } from '../../../src/cli/demo/catalog';
import { appFonts, pdfTexts, samplePage } from './fixtures';

// The fallback font the app embeds beside Noto Sans (issue 15: PDFs printed "<=" for "≤").
const SYMBOLS = 'src/export/fonts/symbols-fallback.ttf';
const spec: PageSpec = { size: 'A4', orientation: 'landscape' };

describe('PDF symbols', () => {
  it('prints ≤ ≥ → as themselves with the app\'s fonts, never as "<=" stand-ins', async () => {
    const fonts = { ...appFonts(false), fallbacks: [readFileSync(SYMBOLS)] };
    const page = samplePage(spec, 40);
    const legend = { ...page.legend, note: 'p ≤ 0,05, 999 permutasi · 2019 → 2024' };
    const [text] = await pdfTexts(await mapPdf([{ ...page, legend }], spec, fonts));
    expect(text).toContain('≤ 5');
    expect(text).toContain('≥ 10');
    expect(text).toContain('p ≤ 0,05, 999 permutasi');
    expect(text).toContain('2019 → 2024');
    expect(text).not.toContain('<=');
    expect(text).not.toContain('>=');
  });

  it("covers every character of the app's messages and catalog with Noto Sans or the symbols font", () => {
    const noto = fontkit.create(appFonts(false).regular as Buffer);
    const symbols = fontkit.create(readFileSync(SYMBOLS));
    const texts = [...Object.values(messages.id), ...Object.values(messages.en), JSON.stringify(catalog)];
    const missing = new Set<string>();
    for (const ch of texts.join('')) {
      const code = ch.codePointAt(0)!;
      if (code < 0x20 || ch === '⌘') continue; // ⌘: only in the map's Mac scroll hint, never printed
      if (!noto.hasGlyphForCodePoint(code) && !symbols.hasGlyphForCodePoint(code)) missing.add(ch);
    }
    expect([...missing]).toEqual([]);
  });

  it('is what the app embeds in its PDFs', () => {
    expect(readFileSync('src/export/pdf-fonts.ts', 'utf8')).toMatch(/fonts\/symbols-fallback\.ttf\?inline/);
  });
});
