/**
 * Print layouts of the map as PDF (issue 6): A4 or A3, landscape or portrait, one page per map
 * (an atlas when several), with real, selectable text in embedded Noto Sans and every mark vector
 * except the map image itself.
 *
 * The caller (the app) renders the map at `mapPixels(spec, dpi)` — the frame's size at the print
 * resolution, so nothing is upscaled — and fills each `MapPage` with already translated text
 * (messages in src/i18n/modules/export.ts). This module only lays out and draws.
 *
 * ```ts
 * const { width, height } = mapPixels({ size: 'A4', orientation: 'landscape' }, 300);
 * const png = await renderMapPng(width, height); // the app's own renderer
 * const pdf = await mapPdf([page], { size: 'A4', orientation: 'landscape' }, { regular, bold });
 * ```
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { drawLegend, type LegendContent } from './legend-box';
import { drawFrameBorder, drawNorthArrow, drawScaleBar } from './map-decorations';
import { pageLayout, type BoxMm, type PageLayout, type PageSpec } from './page-geometry';
import { INK, Sheet, mm, pt } from './pdf-sheet';
import { fitText, makeFontSet, type FontSet } from './pdf-text';

export { mapFrame, mapPixels, pageLayout, pageSizeMm } from './page-geometry';
export type { Orientation, PageSize, PageSpec, BoxMm, PageLayout } from './page-geometry';
export type { LegendRow, LegendContent } from './legend-box';
export { chooseScaleBar, roundScaleLength, type ScaleBar } from './scale-bar';

/** Everything printed on one page. */
export interface MapPage {
  title: string;
  subtitle: string;
  /** PNG bytes of the map rendered for this frame, and the ground resolution at its centre for the scale bar. */
  map: { png: Uint8Array; widthPx: number; heightPx: number; metresPerPixel: number };
  legend: LegendContent;
  /** Data source line(s); "\n" starts a new line. */
  source: string;
  /** Boundary attribution. */
  attribution: string;
  /** E.g. "Data contoh (sintetis)": printed in a coloured box beside the title when not null. */
  synthetic: string | null;
  /** Already formatted by the caller, e.g. "Dibuat 3 Mei 2025". */
  date: string;
  labels: { scale: string; north: string; page: (n: number, total: number) => string };
}

/**
 * Font files to embed (TTF, OTF or WOFF; not WOFF2). `fallbacks` are searched, in order, for
 * characters the text faces lack: the app's Noto Sans latin subset has no ≤ ≥ ≈ →, so pass a font
 * that has them (any weight); without one those print as "<=", ">=", "~", "->".
 */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  fallbacks?: Uint8Array[];
}

/** Line height as a multiple of the type size. */
const LINE = 1.25;

/**
 * One PDF page per `MapPage`, all of paper size `spec` (an atlas when there are several). The map
 * PNG is embedded at its own pixel size, fitted into the frame without cropping. Throws on an empty
 * list, a PNG pdf-lib cannot read, or a legend colour that is not #rrggbb.
 */
export async function mapPdf(pages: MapPage[], spec: PageSpec, fontBytes: PdfFonts): Promise<Uint8Array> {
  if (pages.length === 0) throw new Error('mapPdf needs at least one page');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Ligatures off: copied or searched text then has exactly the characters that were written.
  const embed = (bytes: Uint8Array): Promise<PDFFont> => doc.embedFont(bytes, { subset: true, features: { liga: false } });
  const fonts = makeFontSet(await embed(fontBytes.regular), await embed(fontBytes.bold), await Promise.all((fontBytes.fallbacks ?? []).map(embed)));
  doc.setTitle(pages[0].title);
  const layout = pageLayout(spec);
  for (const [i, content] of pages.entries()) {
    const page = doc.addPage([pt(layout.page.widthMm), pt(layout.page.heightMm)]);
    const sheet = new Sheet(page, fonts);
    await drawMap(doc, sheet, layout, content);
    drawHeader(sheet, layout, content);
    drawLegend(sheet, layout.legend, content.legend, layout.scale);
    drawFooter(sheet, layout, content, content.labels.page(i + 1, pages.length));
  }
  return doc.save();
}

/** The map image fitted into its frame, the frame, the scale bar and the north arrow. */
async function drawMap(doc: PDFDocument, sheet: Sheet, layout: PageLayout, content: MapPage): Promise<void> {
  const frame = layout.map;
  const { png, widthPx, heightPx, metresPerPixel } = content.map;
  const image = await doc.embedPng(png);
  if (image.width !== widthPx || image.height !== heightPx) {
    throw new Error(`The map PNG is ${image.width}×${image.height} px, but ${widthPx}×${heightPx} px was declared`);
  }
  const fit = Math.min(frame.widthMm / widthPx, frame.heightMm / heightPx);
  const drawn: BoxMm = { xMm: 0, yMm: 0, widthMm: widthPx * fit, heightMm: heightPx * fit };
  drawn.xMm = frame.xMm + (frame.widthMm - drawn.widthMm) / 2;
  drawn.yMm = frame.yMm + (frame.heightMm - drawn.heightMm) / 2;
  sheet.page.drawImage(image, {
    x: pt(drawn.xMm),
    y: sheet.y(drawn.yMm + drawn.heightMm),
    width: pt(drawn.widthMm),
    height: pt(drawn.heightMm),
  });
  const s = layout.scale;
  drawFrameBorder(sheet, frame, s);
  drawScaleBar(sheet, drawn, metresPerPixel / fit, content.labels.scale, s);
  drawNorthArrow(sheet, drawn, content.labels.north, s);
}

/** Title (large, bold, one line or two smaller ones), subtitle, and the synthetic-data badge at the right. */
function drawHeader(sheet: Sheet, layout: PageLayout, content: MapPage): void {
  const { header, scale: s } = layout;
  const fonts: FontSet = sheet.fonts;
  let textRight = header.xMm + header.widthMm;
  if (content.synthetic) {
    const badgeSize = 10 * s;
    const pad = 2 * s;
    const maxW = header.widthMm * 0.35;
    const text = fitText(fonts, content.synthetic, 'bold', { maxWidth: pt(maxW - 2 * pad), maxLines: 2, maxSize: badgeSize, minSize: 7 * s });
    const textW = Math.max(...text.lines.map((l) => sheet.width(l, text.size, 'bold')));
    const box: BoxMm = {
      xMm: header.xMm + header.widthMm - textW - 2 * pad,
      yMm: header.yMm,
      widthMm: textW + 2 * pad,
      heightMm: 2 * pad + mm(text.size * 0.72) + (text.lines.length - 1) * mm(text.size * LINE),
    };
    sheet.rect(box, { fill: INK.badgeFill, stroke: INK.badgeEdge, strokeMm: 0.4 * s });
    text.lines.forEach((line, i) => {
      sheet.text(line, box.xMm + pad, box.yMm + pad + i * mm(text.size * LINE), text.size, { weight: 'bold', color: INK.badgeText });
    });
    textRight = box.xMm - 4 * s;
  }
  const width = pt(textRight - header.xMm);
  // One line if it fits down to 14 pt; otherwise two smaller lines (the header holds either).
  let title = fitText(fonts, content.title, 'bold', { maxWidth: width, maxLines: 1, maxSize: 18 * s, minSize: 14 * s });
  if (title.truncated) title = fitText(fonts, content.title, 'bold', { maxWidth: width, maxLines: 2, maxSize: 14 * s, minSize: 11 * s });
  let top = header.yMm;
  for (const line of title.lines) {
    sheet.text(line, header.xMm, top, title.size, { weight: 'bold' });
    top += mm(title.size * LINE);
  }
  if (content.subtitle) {
    const subtitle = fitText(fonts, content.subtitle, 'regular', {
      maxWidth: width,
      maxLines: title.lines.length === 1 ? 2 : 1,
      maxSize: 10.5 * s,
      minSize: 8 * s,
    });
    top += mm(title.size * 0.05);
    for (const line of subtitle.lines) {
      sheet.text(line, header.xMm, top, subtitle.size, { color: INK.muted });
      top += mm(subtitle.size * LINE);
    }
  }
}

/** A rule, then source and attribution at the left, date and page number at the right. */
function drawFooter(sheet: Sheet, layout: PageLayout, content: MapPage, pageLabel: string): void {
  const { footer, scale: s } = layout;
  sheet.page.drawLine({
    start: { x: pt(footer.xMm), y: sheet.y(footer.yMm) },
    end: { x: pt(footer.xMm + footer.widthMm), y: sheet.y(footer.yMm) },
    thickness: pt(0.2 * s),
    color: INK.rule,
  });
  const top = footer.yMm + 1.5 * s;
  const room = footer.yMm + footer.heightMm - top;
  const size = 7 * s;
  const rightW = Math.max(sheet.width(content.date, size), sheet.width(pageLabel, size));
  const right = footer.xMm + footer.widthMm;
  sheet.text(content.date, right, top, size, { align: 'right', color: INK.muted });
  sheet.text(pageLabel, right, top + mm(size * LINE), size, { align: 'right', color: INK.muted });
  const leftW = footer.widthMm - rightW - 6 * s;
  const text = [content.source, content.attribution].filter(Boolean).join('\n');
  const fitted = fitFooter(sheet, text, pt(leftW), room, s);
  fitted.lines.forEach((line, i) => sheet.text(line, footer.xMm, top + i * mm(fitted.size * LINE), fitted.size, { color: INK.muted }));
}

/** Source and attribution at the largest size (7 pt down to 5 pt on A4) whose lines fit the footer. */
function fitFooter(sheet: Sheet, text: string, maxWidthPt: number, roomMm: number, s: number) {
  const linesAt = (size: number) => Math.max(1, Math.floor((roomMm - mm(size * 0.72)) / mm(size * LINE)) + 1);
  for (let size = 7 * s; size > 5 * s; size -= 0.5) {
    const fitted = fitText(sheet.fonts, text, 'regular', { maxWidth: maxWidthPt, maxLines: linesAt(size), maxSize: size, minSize: size });
    if (!fitted.truncated) return fitted;
  }
  return fitText(sheet.fonts, text, 'regular', { maxWidth: maxWidthPt, maxLines: linesAt(5 * s), maxSize: 5 * s, minSize: 5 * s });
}
