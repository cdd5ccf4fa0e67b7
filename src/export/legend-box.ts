/**
 * The printed legend: title, unit, one row per class (swatch, label, count), the no-data row and an
 * optional note, inside a thin box. Rows go into as many columns as the box needs (the portrait
 * band is wide and low), and the type shrinks (to 6 pt on A4) before anything is cut.
 */
import type { BoxMm } from './page-geometry';
import { fitText } from './pdf-text';
import { INK, Sheet, hexColor, mm, pt } from './pdf-sheet';

/** One legend row: its colour, what it means and how many kelurahan are in it. */
export interface LegendRow {
  /** Fill colour as `#rrggbb`, the same as on the map. */
  color: string;
  label: string;
  count: string;
}

/** The legend as printed. */
export interface LegendContent {
  title: string;
  unit: string;
  rows: LegendRow[];
  note?: string;
  noData?: LegendRow;
}

const LINE = 1.25;
const MAX_COLUMNS = 4;
/** Widest legend column on A4, in millimetres. */
const MAX_COLUMN_MM = 80;

/** Draws the legend into `box`; `s` is the page's layout scale (A4 = 1). */
export function drawLegend(sheet: Sheet, box: BoxMm, legend: LegendContent, s: number): void {
  sheet.rect(box, { stroke: INK.rule, strokeMm: 0.2 * s, fill: INK.paper });
  const pad = 3 * s;
  const inner = { x: box.xMm + pad, y: box.yMm + pad, w: box.widthMm - 2 * pad, h: box.heightMm - 2 * pad };
  const { fonts } = sheet;
  let top = inner.y;
  const title = fitText(fonts, legend.title, 'bold', { maxWidth: pt(inner.w), maxLines: 2, maxSize: 9.5 * s, minSize: 7 * s });
  for (const line of title.lines) {
    sheet.text(line, inner.x, top, title.size, { weight: 'bold' });
    top += mm(title.size * LINE);
  }
  if (legend.unit) {
    const unit = fitText(fonts, legend.unit, 'regular', { maxWidth: pt(inner.w), maxLines: 2, maxSize: 7.5 * s, minSize: 6 * s });
    for (const line of unit.lines) {
      sheet.text(line, inner.x, top, unit.size, { color: INK.muted });
      top += mm(unit.size * LINE);
    }
  }
  top += 1.5 * s;
  let bottom = inner.y + inner.h;
  if (legend.note) {
    const note = fitText(fonts, legend.note, 'regular', { maxWidth: pt(inner.w), maxLines: 3, maxSize: 6.5 * s, minSize: 5.5 * s });
    bottom -= note.lines.length * mm(note.size * LINE);
    let y = bottom;
    for (const line of note.lines) {
      sheet.text(line, inner.x, y, note.size, { color: INK.muted });
      y += mm(note.size * LINE);
    }
    bottom -= 1.5 * s;
  }
  const rows = legend.noData ? [...legend.rows, legend.noData] : legend.rows;
  drawRows(sheet, rows, { x: inner.x, y: top, w: inner.w, h: bottom - top }, s);
}

/** Row geometry at type size `size` (points), in millimetres. */
function rowMetrics(size: number, s: number) {
  return { rowH: mm(size * 1.8), swatchW: mm(size * 1.9), swatchH: mm(size * 1.15), gap: 1.6 * s, colGap: 5 * s };
}

/** Picks the largest type and fewest columns where every row fits whole; else the smallest type. */
function chooseGrid(sheet: Sheet, rows: LegendRow[], area: { w: number; h: number }, s: number) {
  const maxSize = 8.5 * s;
  const minSize = 6 * s;
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    const m = rowMetrics(size, s);
    const labelW = Math.max(0, ...rows.map((r) => sheet.width(r.label, size)));
    const countW = Math.max(0, ...rows.map((r) => sheet.width(r.count, size)));
    for (let columns = 1; columns <= MAX_COLUMNS; columns++) {
      const perColumn = Math.ceil(rows.length / columns);
      // Capped so counts stay near their labels in the wide portrait band.
      const colW = Math.min(MAX_COLUMN_MM * s, (area.w - (columns - 1) * m.colGap) / columns);
      if (perColumn * m.rowH <= area.h && m.swatchW + m.gap + labelW + m.gap + countW <= colW) {
        return { size, columns, perColumn, colW };
      }
    }
  }
  const m = rowMetrics(minSize, s);
  let columns = 1;
  while (columns < MAX_COLUMNS && Math.ceil(rows.length / columns) * m.rowH > area.h) columns++;
  const colW = Math.min(MAX_COLUMN_MM * s, (area.w - (columns - 1) * m.colGap) / columns);
  return { size: minSize, columns, perColumn: Math.ceil(rows.length / columns), colW };
}

function drawRows(sheet: Sheet, rows: LegendRow[], area: { x: number; y: number; w: number; h: number }, s: number): void {
  if (rows.length === 0) return;
  const grid = chooseGrid(sheet, rows, area, s);
  const m = rowMetrics(grid.size, s);
  const capMm = mm(grid.size * 0.72);
  rows.forEach((row, i) => {
    const column = Math.floor(i / grid.perColumn);
    const left = area.x + column * (grid.colW + m.colGap);
    const right = left + grid.colW;
    const top = area.y + (i % grid.perColumn) * m.rowH;
    sheet.rect({ xMm: left, yMm: top, widthMm: m.swatchW, heightMm: m.swatchH }, { fill: hexColor(row.color), stroke: INK.swatchEdge, strokeMm: 0.15 * s });
    const textTop = top + (m.swatchH - capMm) / 2;
    const countW = sheet.width(row.count, grid.size);
    sheet.text(row.count, right, textTop, grid.size, { align: 'right', color: INK.muted });
    const labelRoom = grid.colW - m.swatchW - 2 * m.gap - countW;
    const label = fitText(sheet.fonts, row.label, 'regular', { maxWidth: pt(labelRoom), maxLines: 1, maxSize: grid.size, minSize: grid.size });
    sheet.text(label.lines[0], left + m.swatchW + m.gap, textTop, grid.size);
  });
}
