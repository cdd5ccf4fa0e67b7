/**
 * The rakor brief (issue 18, item 3) written as an A4 portrait PDF: a document model in (built
 * from the app's numbers by src/ui/brief-model.ts, so every sentence is a filled template that
 * names the appendix table it comes from), pages out. This file only lays out: it wraps text,
 * breaks pages, draws the maps and the appendix tables, and numbers the pages.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { INK, Sheet, hexColor, pt } from './pdf-sheet';
import { makeFontSet, textWidth, wrapText, type FontSet, type Weight } from './pdf-text';
import { PT_PER_MM } from './page-geometry';
import type { PdfFonts } from './map-layout';

export interface BriefTable {
  /** Its label in the appendix ("T1"), which sentences cite. */
  id: string;
  title: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

export interface BriefSentence {
  text: string;
  /** Id of the appendix table the numbers come from. */
  table: string;
}

export interface BriefSection {
  heading: string;
  sentences: BriefSentence[];
}

export interface BriefMap {
  title: string;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The map's legend, drawn under it: colour and words (with the count of kelurahan). */
  legend: { color: string; label: string }[];
}

export interface BriefDocument {
  title: string;
  subtitle: string;
  /** "Dibuat 3 Desember 2026". */
  date: string;
  /** The synthetic-data notice, or null for the user's own data. */
  synthetic: string | null;
  sections: BriefSection[];
  mapsTitle: string;
  maps: BriefMap[];
  appendixTitle: string;
  tables: BriefTable[];
  sourcesTitle: string;
  sources: string[];
  /** "lihat T1" after a sentence, and "Halaman 1 dari 3". */
  cite: (table: string) => string;
  page: (n: number, total: number) => string;
}

const A4 = { widthMm: 210, heightMm: 297 };
const MARGIN = 18;
const WIDTH = A4.widthMm - 2 * MARGIN;
const BOTTOM = A4.heightMm - 16;
/** Line height as a multiple of the font size, in mm per point. */
const LEAD = 0.3528 * 1.35;

/** A cursor that flows text down A4 pages, starting a new page when the next block does not fit. */
class Flow {
  sheet!: Sheet;
  y = MARGIN;
  readonly pages: Sheet[] = [];
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: FontSet,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.sheet = new Sheet(this.doc.addPage([pt(A4.widthMm), pt(A4.heightMm)]), this.fonts);
    this.pages.push(this.sheet);
    this.y = MARGIN;
  }
  /** Room for `heightMm` more, or a new page. */
  need(heightMm: number): void {
    if (this.y + heightMm > BOTTOM) this.newPage();
  }
  lines(text: string, size: number, weight: Weight, widthMm: number): string[] {
    return wrapText(this.fonts, text, weight, size, pt(widthMm));
  }
  paragraph(text: string, size: number, options: { weight?: Weight; color?: typeof INK.text; indent?: number; after?: number } = {}): void {
    const weight = options.weight ?? 'regular';
    const indent = options.indent ?? 0;
    for (const line of this.lines(text, size, weight, WIDTH - indent)) {
      this.need(size * LEAD);
      this.sheet.text(line, MARGIN + indent, this.y, size, { weight, color: options.color });
      this.y += size * LEAD;
    }
    this.y += options.after ?? 1.5;
  }
}

/**
 * Column widths in millimetres summing to the text width: each column gets at least its longest
 * word (so no header is cut), the rest is shared in proportion to the room its text would take.
 */
function columnWidths(fonts: FontSet, table: BriefTable, size: number): number[] {
  const mmOf = (text: string, weight: Weight) => textWidth(fonts, text, weight, size) / PT_PER_MM;
  const cells = (k: number) => [{ text: table.columns[k], weight: 'bold' as Weight }, ...table.rows.map((r) => ({ text: r[k] ?? '', weight: 'regular' as Weight }))];
  const least = table.columns.map((_, k) => Math.max(...cells(k).flatMap((c) => c.text.split(' ').map((w) => mmOf(w, c.weight)))) + 3.5);
  const natural = table.columns.map((_, k) => Math.min(80, Math.max(...cells(k).map((c) => mmOf(c.text, c.weight)))) + 2);
  const spare = WIDTH - least.reduce((a, b) => a + b, 0);
  const wish = natural.map((n, k) => Math.max(0, n - least[k]));
  const wished = wish.reduce((a, b) => a + b, 0);
  if (spare <= 0) return least.map((l) => (l * WIDTH) / (WIDTH - spare));
  return least.map((l, k) => l + (wished > 0 ? (spare * wish[k]) / wished : spare / least.length));
}

/** Legend swatches in rows across the map's width. */
function drawLegend(flow: Flow, legend: BriefMap['legend'], left: number, width: number): void {
  const size = 7.5;
  let x = left;
  flow.need(5);
  for (const entry of legend) {
    const w = 5 + flow.sheet.width(entry.label, size) + 4;
    if (x + w > left + width && x > left) {
      x = left;
      flow.y += 4.2;
      flow.need(5);
    }
    flow.sheet.rect({ xMm: x, yMm: flow.y + 0.2, widthMm: 3.5, heightMm: 2.6 }, { fill: hexColor(entry.color), stroke: INK.swatchEdge, strokeMm: 0.15 });
    flow.sheet.text(entry.label, x + 4.5, flow.y + 0.3, size);
    x += w;
  }
  flow.y += 4.2;
}

function drawTable(flow: Flow, table: BriefTable): void {
  const size = 8;
  const w = columnWidths(flow.fonts, table, size);
  flow.need(20);
  flow.paragraph(`${table.id}. ${table.title}`, 10, { weight: 'bold', after: 1 });
  // Columns of numbers are right-aligned, so digits line up.
  const numeric = table.columns.map((_, k) => table.rows.length > 0 && table.rows.every((r) => /^([-–+]?[\d.,]+|–|)$/.test(r[k] ?? '')));
  const row = (cells: string[], weight: Weight) => {
    const wrapped = cells.map((c, k) => flow.lines(c, size, weight, w[k] - 2));
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * size * LEAD + 2;
    flow.need(height);
    let x = MARGIN;
    wrapped.forEach((lines, k) => {
      const right = numeric[k];
      lines.forEach((line, j) => flow.sheet.text(line, right ? x + w[k] - 2 : x, flow.y + 1.1 + j * size * LEAD, size, { weight, align: right ? 'right' : 'left' }));
      x += w[k];
    });
    flow.y += height;
    flow.sheet.rect({ xMm: MARGIN, yMm: flow.y - 0.1, widthMm: WIDTH, heightMm: 0.15 }, { fill: INK.swatchEdge });
  };
  row(table.columns, 'bold');
  for (const r of table.rows) row(r, 'regular');
  if (table.note) {
    flow.y += 1;
    flow.paragraph(table.note, 7.5, { color: INK.muted });
  }
  flow.y += 4;
}

/** Writes the brief as a PDF; fonts as the map export embeds them (Noto Sans and the symbol fallback). */
export async function briefPdf(brief: BriefDocument, fontBytes: PdfFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array): Promise<PDFFont> => doc.embedFont(bytes, { subset: true, features: { liga: false } });
  const fonts = makeFontSet(await embed(fontBytes.regular), await embed(fontBytes.bold), await Promise.all((fontBytes.fallbacks ?? []).map(embed)));
  doc.setTitle(brief.title);
  const flow = new Flow(doc, fonts);

  flow.paragraph(brief.title, 17, { weight: 'bold', after: 1 });
  flow.paragraph(brief.subtitle, 10.5, { color: INK.muted, after: 1 });
  flow.paragraph(brief.date, 9, { color: INK.muted, after: 3 });
  if (brief.synthetic) {
    const lines = flow.lines(brief.synthetic, 9, 'bold', WIDTH - 4);
    const height = lines.length * 9 * LEAD + 3;
    flow.sheet.rect({ xMm: MARGIN, yMm: flow.y, widthMm: WIDTH, heightMm: height }, { fill: INK.badgeFill, stroke: INK.badgeEdge, strokeMm: 0.3 });
    lines.forEach((line, k) => flow.sheet.text(line, MARGIN + 2, flow.y + 1.5 + k * 9 * LEAD, 9, { weight: 'bold', color: INK.badgeText }));
    flow.y += height + 4;
  }

  for (const section of brief.sections) {
    flow.need(18);
    flow.paragraph(section.heading, 12.5, { weight: 'bold', after: 1.5 });
    for (const s of section.sentences) flow.paragraph(`• ${s.text} (${brief.cite(s.table)})`, 10, { indent: 2, after: 1.2 });
    flow.y += 2;
  }

  if (brief.maps.length > 0) {
    flow.newPage();
    flow.paragraph(brief.mapsTitle, 12.5, { weight: 'bold', after: 2 });
    // Two maps to a page, each with its title above and its legend below.
    const heightEach = (BOTTOM - flow.y) / 2 - 24;
    for (const map of brief.maps) {
      const fit = Math.min(WIDTH / map.widthPx, heightEach / map.heightPx);
      const w = map.widthPx * fit;
      const h = map.heightPx * fit;
      flow.need(h + 22);
      flow.paragraph(map.title, 9.5, { weight: 'bold', after: 1 });
      const image = await doc.embedPng(map.png);
      const x = MARGIN + (WIDTH - w) / 2;
      flow.sheet.page.drawImage(image, { x: pt(x), y: flow.sheet.y(flow.y + h), width: pt(w), height: pt(h) });
      flow.sheet.rect({ xMm: x, yMm: flow.y, widthMm: w, heightMm: h }, { stroke: INK.rule, strokeMm: 0.25 });
      flow.y += h + 2;
      drawLegend(flow, map.legend, x, w);
      flow.y += 4;
    }
  }

  flow.newPage();
  flow.paragraph(brief.appendixTitle, 12.5, { weight: 'bold', after: 3 });
  for (const table of brief.tables) drawTable(flow, table);
  flow.need(14);
  flow.paragraph(brief.sourcesTitle, 11, { weight: 'bold', after: 1 });
  for (const source of brief.sources) flow.paragraph(`• ${source}`, 8.5, { indent: 2, after: 0.8 });

  flow.pages.forEach((sheet, k) => {
    sheet.text(brief.page(k + 1, flow.pages.length), A4.widthMm - MARGIN, A4.heightMm - 10, 8, { color: INK.muted, align: 'right' });
    if (brief.synthetic) sheet.text(brief.synthetic.split(/[.:]/)[0], MARGIN, A4.heightMm - 10, 8, { color: INK.badgeText });
  });
  return doc.save();
}
