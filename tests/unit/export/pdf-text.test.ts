import { beforeAll, describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { fitText, makeFontSet, textRuns, textWidth, wrapText, type FontSet } from '../../../src/export/pdf-text';
import { appFonts, hasDejaVu } from './fixtures';

let regular: PDFFont;
let bold: PDFFont;
let dejavu: PDFFont;
let plain: FontSet;
let withFallback: FontSet;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = appFonts(hasDejaVu);
  regular = await doc.embedFont(bytes.regular, { subset: true });
  bold = await doc.embedFont(bytes.bold, { subset: true });
  plain = makeFontSet(regular, bold, []);
  if (hasDejaVu) {
    dejavu = await doc.embedFont(bytes.fallbacks![0], { subset: true });
    withFallback = makeFontSet(regular, bold, [dejavu]);
  }
});

describe('textRuns', () => {
  it('keeps text the face can draw in one run of that face', () => {
    expect(textRuns(plain, 'Tidak ada data – 7,44% · 5 m²', 'regular')).toEqual([{ text: 'Tidak ada data – 7,44% · 5 m²', font: regular }]);
    expect(textRuns(plain, 'Judul', 'bold')).toEqual([{ text: 'Judul', font: bold }]);
  });

  it.runIf(hasDejaVu)('takes ≤ ≥ ≈ from the fallback font, the rest from the face', () => {
    expect(textRuns(withFallback, '≤ 5', 'regular')).toEqual([
      { text: '≤', font: dejavu },
      { text: ' 5', font: regular },
    ]);
    expect(textRuns(withFallback, '≈ 7 → 9', 'bold').map((run) => run.font)).toEqual([dejavu, bold, dejavu, bold]);
  });

  it('writes a plain stand-in when no font has the character', () => {
    expect(textRuns(plain, '≤ 5', 'regular')).toEqual([{ text: '<= 5', font: regular }]);
    expect(textRuns(plain, '≥ 10 ≈ 9', 'regular')).toEqual([{ text: '>= 10 ~ 9', font: regular }]);
    expect(textRuns(plain, 'a 漢 b', 'regular')).toEqual([{ text: 'a ? b', font: regular }]);
  });
});

describe('wrapText and fitText', () => {
  it('breaks at spaces within the width, and at "\\n"', () => {
    const size = 10;
    const width = textWidth(plain, 'Sumber data: BPS', 'regular', size) + 0.5;
    expect(wrapText(plain, 'Sumber data: BPS Kota Semanggi', 'regular', size, width)).toEqual(['Sumber data: BPS', 'Kota Semanggi']);
    expect(wrapText(plain, 'Baris satu\nBaris dua', 'regular', size, 1000)).toEqual(['Baris satu', 'Baris dua']);
  });

  it('shrinks before wrapping beyond the allowed lines, and cuts with "…" only at the smallest size', () => {
    const text = 'Persentase rumah tangga miskin';
    const at12 = textWidth(plain, text, 'bold', 12);
    const fits = fitText(plain, text, 'bold', { maxWidth: at12 + 0.1, maxLines: 1, maxSize: 18, minSize: 10 });
    expect(fits).toEqual({ lines: [text], size: 12, truncated: false });
    const cut = fitText(plain, text, 'bold', { maxWidth: at12 / 2, maxLines: 1, maxSize: 18, minSize: 12 });
    expect(cut.truncated).toBe(true);
    expect(cut.size).toBe(12);
    expect(cut.lines).toHaveLength(1);
    expect(cut.lines[0].endsWith('…')).toBe(true);
    expect(textWidth(plain, cut.lines[0], 'bold', 12)).toBeLessThanOrEqual(at12 / 2);
  });
});
