import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n';
import { legendNote } from '../../../src/ui/legend-note';
import { mapPdf, type PageSpec } from '../../../src/export/map-layout';
import { appFonts, hasDejaVu, pdfTexts, samplePage } from '../export/fixtures';

const t = (lang: 'id' | 'en') => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);

describe("legendNote (the printed legend's lines under the classes)", () => {
  it("keeps the region's value of a class map", () => {
    expect(legendNote({ cityLine: 'Seluruh Kota Surakarta: 9,87%', lisa: null, lang: 'id', t: t('id') })).toBe('Seluruh Kota Surakarta: 9,87%');
  });

  it('says for LISA clusters how they were tested, in Indonesian and English', () => {
    expect(legendNote({ cityLine: null, lisa: { cutoff: 0.05, permutations: 999 }, lang: 'id', t: t('id') })).toBe('p ≤ 0,05, 999 permutasi');
    expect(legendNote({ cityLine: null, lisa: { cutoff: 0.0125, permutations: 9999 }, lang: 'en', t: t('en') })).toBe('p ≤ 0.0125, 9,999 permutations');
  });

  it('has no note when there is nothing to say', () => {
    expect(legendNote({ cityLine: null, lisa: null, lang: 'id', t: t('id') })).toBeUndefined();
  });

  it.runIf(hasDejaVu)('prints both lines in the PDF legend box, ≤ included', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'portrait' };
    const page = samplePage(spec, 40);
    const note = legendNote({ cityLine: 'Seluruh Kota Surakarta: 9,87%', lisa: { cutoff: 0.05, permutations: 999 }, lang: 'id', t: t('id') });
    const [text] = await pdfTexts(await mapPdf([{ ...page, legend: { ...page.legend, note } }], spec, appFonts(true)));
    expect(text).toContain('p ≤ 0,05, 999 permutasi');
    expect(text).toContain('Seluruh Kota Surakarta: 9,87%');
  });
});
