/**
 * The rakor brief (issue 18, item 3): the document model's sentences are templates filled with
 * the numbers given, each citing an appendix table that holds those numbers; the pockets part on
 * the demo Surakarta names the 2021 → 2025 count and the Semanggi pocket; the PDF writer puts it
 * all on A4 pages as real text.
 */
import { describe, expect, it } from 'vitest';
import { attentionList, buildBrief, type BriefInputs } from '../../../src/ui/brief-model';
import { briefPdf } from '../../../src/export/brief-pdf';
import { pocketSensitivity, pocketsByYear } from '../../../src/analysis/pockets';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { appFonts, pdfTexts } from './fixtures';
import { tinyPng } from './tiny-png';
import { surakartaLisa } from '../analysis/surakarta-lisa';

const surakarta = surakartaLisa();
const pocketYears = pocketsByYear(surakarta.weights, surakarta.years, 0.05, 'none');

function inputs(overrides: Partial<BriefInputs> = {}): BriefInputs {
  return {
    lang: 'id',
    region: 'Kota Surakarta',
    year: 2025,
    previousYear: 2024,
    created: new Date(Date.UTC(2026, 11, 3)),
    synthetic: true,
    figures: [{ label: 'Penduduk miskin', unit: 'jiwa', rateUnit: '%', now: { count: 41234, rate: 7.44 }, before: { count: 43000, rate: 7.8 } }],
    pockets: {
      indicator: 'Penduduk miskin (%)',
      years: pocketYears,
      names: surakarta.names,
      alpha: 0.05,
      correction: 'none',
      permutations: 999,
      sensitivity: pocketSensitivity(surakarta.weights, surakarta.years),
      patternOf: () => 'hot spot persisten',
    },
    attention: {
      need: 'Penduduk miskin (%)',
      program: 'Cakupan PKH (%)',
      cityNeed: 8,
      cityCoverage: 50,
      rows: [
        { nama: 'Semanggi', kecamatan: 'Pasar Kliwon', need: 14.2, coverage: 31 },
        { nama: 'Sangkrah', kecamatan: 'Pasar Kliwon', need: 12.1, coverage: 60 },
        { nama: 'Kedunglumbu', kecamatan: 'Pasar Kliwon', need: 9.5, coverage: 20 },
        { nama: 'Jebres', kecamatan: 'Jebres', need: 5, coverage: 10 },
      ],
    },
    targeting: {
      year: 2025,
      rows: [
        { nama: 'Semanggi', kecamatan: 'Pasar Kliwon', units: 120 },
        { nama: 'Mojosongo', kecamatan: 'Jebres', units: 80 },
      ],
    },
    maps: [],
    sources: ['Data contoh sintetis'],
    ...overrides,
  };
}

const sentences = (doc: ReturnType<typeof buildBrief>) => doc.sections.flatMap((s) => s.sentences);
const cells = (doc: ReturnType<typeof buildBrief>, id: string) =>
  doc.tables
    .find((t) => t.id === id)!
    .rows.flat()
    .join(' | ');

describe('the brief model', () => {
  it('writes the city figures from the counts and rates given, in id-ID numbers, and the change in words', () => {
    const doc = buildBrief(inputs());
    const figure = sentences(doc)[0];
    expect(figure.text).toBe('Penduduk miskin: 41.234 jiwa (7,44%) pada 2025, turun 1.766 dari 43.000 jiwa (7,8%) pada 2024.');
    expect(cells(doc, figure.table)).toContain('41.234');
    expect(cells(doc, figure.table)).toContain('43.000');
    expect(cells(doc, figure.table)).toContain('turun 1.766');
  });

  it('every sentence cites a table of the appendix, and every number in it is in that table', () => {
    const doc = buildBrief(inputs());
    for (const s of sentences(doc)) {
      const table = doc.tables.find((t) => t.id === s.table);
      expect(table, s.text).toBeDefined();
      const text = [table!.title, table!.note ?? '', ...table!.columns, ...table!.rows.flat()].join(' ');
      // Numbers of 3 or more characters (years, counts, rates) must be shown by the table.
      for (const n of s.text.match(/\d[\d.,]{2,}\d|\d{3,}/g) ?? []) expect(text, `${n} of "${s.text}"`).toContain(n.replace(/[.,]$/, ''));
    }
  });

  it('names the pockets of the demo Surakarta: 3 in 2021, 2 in 2025, Semanggi in pocket A since 2021', () => {
    const doc = buildBrief(inputs());
    const texts = sentences(doc).map((s) => s.text);
    expect(texts).toContain('Jumlah kantong kemiskinan (Penduduk miskin (%)): 3 kantong (2021) → 2 kantong (2025).');
    const a = texts.find((t) => t.startsWith('Kantong A'))!;
    expect(a).toContain('(5 kelurahan: Baluwarti, Kedunglumbu, Pasarkliwon, Sangkrah, Semanggi)');
    expect(a).toContain('ada sejak 2021');
    expect(a).toContain('hot spot persisten');
    // C merged into B in 2022: not "gone", but recorded in the members table.
    expect(texts.some((t) => t.startsWith('Kantong C'))).toBe(false);
    expect(cells(doc, 'T3')).toContain('bergabung dengan C');
    expect(texts.find((t) => t.includes('bergantung pada pengaturan'))).toContain('antara 0 dan 2');
  });

  it('picks kelurahan with need above and coverage below the city figures, highest need first', () => {
    expect(attentionList(inputs().attention!).map((r) => r.nama)).toEqual(['Semanggi', 'Kedunglumbu']);
    const needOnly = { ...inputs().attention!, program: null, cityCoverage: null };
    expect(attentionList(needOnly).map((r) => r.nama)).toEqual(['Semanggi', 'Sangkrah', 'Kedunglumbu', 'Jebres']);
  });

  it('sums the RTLH list and names its largest kelurahan', () => {
    const text = sentences(buildBrief(inputs())).find((s) => s.text.startsWith('Daftar sasaran RTLH'))!.text;
    expect(text).toBe('Daftar sasaran RTLH tahun 2025: 200 unit di 2 kelurahan; terbanyak di Semanggi, Mojosongo.');
  });

  it('leaves out what is not set, and the synthetic notice for the user’s own data', () => {
    const doc = buildBrief(inputs({ targeting: null, attention: null, synthetic: false, previousYear: null, pockets: null }));
    expect(doc.sections.map((s) => s.heading)).toEqual(['Angka kota 2025']);
    expect(doc.synthetic).toBeNull();
  });

  it('is written in English with the same numbers', () => {
    const doc = buildBrief(inputs({ lang: 'en' }));
    const texts = sentences(doc).map((s) => s.text);
    expect(texts[0]).toBe('Penduduk miskin: 41,234 jiwa (7.44%) in 2025, down 1,766 from 43,000 jiwa (7.8%) in 2024.');
    expect(texts).toContain('Number of poverty pockets (Penduduk miskin (%)): 3 pockets (2021) → 2 pockets (2025).');
  });
});

describe('the brief PDF', () => {
  it('is A4 with the sentences, the pockets and the appendix as text, maps embedded', async () => {
    const png = tinyPng(400, 300, (x, y) => (((x >> 5) + (y >> 5)) % 2 ? [240, 240, 240] : [255, 0, 0]));
    const doc = buildBrief(
      inputs({ maps: [{ title: 'Klaster LISA 2025', png, widthPx: 400, heightPx: 300, legend: [{ color: '#FF0000', label: 'Tinggi-Tinggi (kantong) (10 kel.)' }] }] }),
    );
    // The app's fonts: Noto Sans and the symbol fallback that has → and ≤.
    const bytes = await briefPdf(doc, { ...appFonts(false), fallbacks: [readFileSync('src/export/fonts/symbols-fallback.ttf')] });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    for (const page of pdf.getPages()) expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([595, 842]);
    const text = (await pdfTexts(bytes)).join(' ');
    expect(text).toContain('3 kantong (2021) → 2 kantong (2025)');
    expect(text).toContain('Semanggi');
    expect(text).toContain('Lampiran');
    // No header is cut short (a column is at least as wide as its longest word).
    expect(text).toContain('Perubahan');
    expect(text).not.toContain('…');
    expect(text).toContain('Data contoh (sintetis)');
    expect(text).toContain('Klaster LISA 2025');
    expect(text).toContain('Tinggi-Tinggi (kantong) (10 kel.)');
    expect(text).toMatch(/Halaman 1 dari \d/);
  }, 60_000);
});
