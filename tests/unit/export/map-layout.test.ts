import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { mapPdf, mapPixels, pageLayout, type PageSpec } from '../../../src/export/map-layout';
import { appFonts, embeddedFonts, hasDejaVu, imageSizes, pdfTexts, samplePage, textPositions } from './fixtures';

/** Paper sizes in PDF points (1/72 inch): 210 × 297 mm and 297 × 420 mm. */
const SIZES: [PageSpec, number, number][] = [
  [{ size: 'A4', orientation: 'landscape' }, 841.89, 595.28],
  [{ size: 'A4', orientation: 'portrait' }, 595.28, 841.89],
  [{ size: 'A3', orientation: 'landscape' }, 1190.55, 841.89],
  [{ size: 'A3', orientation: 'portrait' }, 841.89, 1190.55],
];

describe.runIf(hasDejaVu)('mapPdf: one map page', () => {
  it.each(SIZES)('$size $orientation: paper size in points, every printed text readable as text', async (spec, width, height) => {
    const page = samplePage(spec, 60);
    const bytes = await mapPdf([page], spec, appFonts(true));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getWidth()).toBeCloseTo(width, 2);
    expect(doc.getPage(0).getHeight()).toBeCloseTo(height, 2);

    const [text] = await pdfTexts(bytes);
    const expected = [
      page.title,
      page.subtitle,
      page.legend.title,
      page.legend.unit,
      page.legend.note!,
      ...page.legend.rows.flatMap((row) => [row.label, row.count]),
      page.legend.noData!.label,
      page.legend.noData!.count,
      page.source,
      page.attribution,
      'Data contoh (sintetis)',
      page.date,
      'Halaman 1 dari 1',
      'Skala',
      'U',
    ];
    for (const phrase of expected) expect(text).toContain(phrase);
    // Indonesian legend labels with characters beyond ASCII, copied exactly.
    expect(text).toContain('≤ 5');
    expect(text).toContain('≥ 10');
    expect(text).toContain('5 – 7,44%');
    expect(text).toContain('per 100 RT');
    // Fonts travel with the file (nothing depends on the reader's system fonts).
    const fonts = await embeddedFonts(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    expect(fonts.every(Boolean)).toBe(true);
  });

  it('prints no synthetic badge when the data is not synthetic', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const [text] = await pdfTexts(await mapPdf([samplePage(spec, 40, { synthetic: null })], spec, appFonts(true)));
    expect(text).not.toContain('sintetis');
    expect(text).toContain('Rumah tangga miskin per kelurahan');
  });
});

describe('mapPdf: the map image', () => {
  it('embeds the map PNG at its own pixel size (2421 × 1807 for A4 landscape at 300 dpi), not resampled', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const { width, height } = mapPixels(spec, 300);
    expect([width, height]).toEqual([2421, 1807]);
    const bytes = await mapPdf([samplePage(spec, 300)], spec, appFonts(false));
    expect(await imageSizes(bytes)).toEqual([{ width: 2421, height: 1807 }]);
  });

  it('sizes the scale bar from metres per pixel and the printed size', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    // At 100 dpi the 205 mm frame holds 807 px: 3 m/px → 11.81 m per mm; a quarter of the frame
    // (51.25 mm) holds 605 m, so the bar is 500 m. At 40 m/px: 157.5 m/mm, 8 072 m → 5 km.
    const near = await pdfTexts(await mapPdf([samplePage(spec, 100, { map: { ...samplePage(spec, 100).map, metresPerPixel: 3 } })], spec, appFonts(false)));
    expect(near[0]).toContain('0 500 m');
    const far = await pdfTexts(await mapPdf([samplePage(spec, 100, { map: { ...samplePage(spec, 100).map, metresPerPixel: 40 } })], spec, appFonts(false)));
    expect(far[0]).toContain('0 5 km');
  });

  it('refuses a PNG whose pixel size differs from the one declared', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const page = samplePage(spec, 40);
    page.map = { ...page.map, widthPx: page.map.widthPx * 2 };
    await expect(mapPdf([page], spec, appFonts(false))).rejects.toThrow(/declared/);
  });

  it('refuses an empty list of pages', async () => {
    await expect(mapPdf([], { size: 'A4', orientation: 'landscape' }, appFonts(false))).rejects.toThrow();
  });
});

describe('mapPdf: an atlas', () => {
  it('has one page per map, each with its own title and "Halaman n dari 3"', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'portrait' };
    const kecamatan = ['Kebun Raya', 'Pasar Lama', 'Tanjung Baru'];
    const pages = kecamatan.map((name) => samplePage(spec, 40, { title: `Rumah tangga miskin, Kecamatan ${name}` }));
    const bytes = await mapPdf(pages, spec, appFonts(false));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(3);
    const texts = await pdfTexts(bytes);
    expect(texts).toHaveLength(3);
    texts.forEach((text, i) => {
      expect(text).toContain(`Kecamatan ${kecamatan[i]}`);
      expect(text).toContain(`Halaman ${i + 1} dari 3`);
      for (const other of kecamatan.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
    // One image per page, not one shared.
    expect(await imageSizes(bytes)).toHaveLength(3);
  });
});

describe('mapPdf: text that does not fit, and symbols the font lacks', () => {
  it('without a fallback font, ≤ and ≥ print as <= and >= (never as empty boxes)', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const [text] = await pdfTexts(await mapPdf([samplePage(spec, 40)], spec, appFonts(false)));
    expect(text).toContain('<= 5');
    expect(text).toContain('>= 10');
    expect(text).not.toContain('≤');
    expect(text).toContain('5 – 7,44%'); // the en dash is in Noto Sans itself
  });

  it('puts 14 classes into columns in the portrait band and prints every one', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'portrait' };
    const base = samplePage(spec, 40);
    const rows = Array.from({ length: 14 }, (_, i) => ({ color: '#3182bd', label: `Kelas ${i + 1}: ${i * 10} – ${(i + 1) * 10}`, count: `${i + 20} kel.` }));
    const bytes = await mapPdf([{ ...base, legend: { ...base.legend, rows } }], spec, appFonts(false));
    const [text] = await pdfTexts(bytes);
    for (const row of rows) {
      expect(text).toContain(row.label);
      expect(text).toContain(row.count);
    }
    // Every row sits inside the legend box, in more than one column.
    const box = pageLayout(spec).legend;
    const placed = (await textPositions(bytes)).filter((item) => rows.some((row) => row.label === item.str));
    expect(placed).toHaveLength(14);
    for (const item of placed) {
      expect(item.xMm).toBeGreaterThan(box.xMm);
      expect(item.xMm).toBeLessThan(box.xMm + box.widthMm);
      expect(item.yMm).toBeGreaterThan(box.yMm);
      expect(item.yMm).toBeLessThan(box.yMm + box.heightMm);
    }
    expect(new Set(placed.map((item) => Math.round(item.xMm))).size).toBeGreaterThan(1);
  });

  it('shortens a legend label too long for its column with "…" and keeps its count', async () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const base = samplePage(spec, 40);
    const long = 'Kelurahan dengan persentase rumah tangga miskin di atas ambang prioritas kota dan provinsi sekaligus';
    const rows = [{ color: '#a50f15', label: long, count: '4 kel.' }];
    const [text] = await pdfTexts(await mapPdf([{ ...base, legend: { ...base.legend, rows } }], spec, appFonts(false)));
    expect(text).toContain('Kelurahan dengan persentase');
    expect(text).not.toContain(long);
    expect(text).toContain('…');
    expect(text).toContain('4 kel.');
  });
});
