/**
 * One PDF page seen in the layout's units: millimetres from the top-left corner, converted here to
 * PDF points from the bottom-left, so the layout code never juggles both systems.
 */
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import { PT_PER_MM } from './page-geometry';
import { drawLine, textWidth, type FontSet, type Weight } from './pdf-text';

/** Millimetres to PDF points. */
export const pt = (mm: number): number => mm * PT_PER_MM;

/** Points to millimetres. */
export const mm = (points: number): number => points / PT_PER_MM;

/** `#rrggbb` as a pdf-lib colour; anything else is a programming error and throws. */
export function hexColor(hex: string): RGB {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Expected a colour as #rrggbb, got "${hex}"`);
  return rgb(parseInt(match[1], 16) / 255, parseInt(match[2], 16) / 255, parseInt(match[3], 16) / 255);
}

/** Colours of the layout (not of the data: those come with the legend rows). */
export const INK = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.33, 0.33, 0.36),
  rule: rgb(0.45, 0.45, 0.48),
  swatchEdge: rgb(0.55, 0.55, 0.58),
  paper: rgb(1, 1, 1),
  badgeFill: hexColor('#fde68a'),
  badgeEdge: hexColor('#b45309'),
  badgeText: hexColor('#7c2d12'),
};

/** Drawing on a page in millimetres from its top-left corner. */
export class Sheet {
  constructor(
    readonly page: PDFPage,
    readonly fonts: FontSet,
  ) {}

  /** Page height in points (to flip y). */
  get heightPt(): number {
    return this.page.getHeight();
  }

  /** PDF y (points from the bottom) of a distance `yMm` from the top. */
  y(yMm: number): number {
    return this.heightPt - pt(yMm);
  }

  /** Width of `text` in millimetres at `size` points. */
  width(text: string, size: number, weight: Weight = 'regular'): number {
    return mm(textWidth(this.fonts, text, weight, size));
  }

  /**
   * A line of text whose top (cap height, approximated as 0.72 em for Noto Sans) sits at `topMm`;
   * `align` says whether `xMm` is its left end, centre or right end.
   */
  text(text: string, xMm: number, topMm: number, size: number, options: { weight?: Weight; color?: RGB; align?: 'left' | 'center' | 'right' } = {}): void {
    const weight = options.weight ?? 'regular';
    const w = this.width(text, size, weight);
    const left = options.align === 'right' ? xMm - w : options.align === 'center' ? xMm - w / 2 : xMm;
    drawLine(this.page, this.fonts, text, {
      x: pt(left),
      y: this.y(topMm) - size * 0.72,
      size,
      weight,
      color: options.color ?? INK.text,
    });
  }

  /** A rectangle given by its top-left corner, filled and/or outlined. */
  rect(box: { xMm: number; yMm: number; widthMm: number; heightMm: number }, style: { fill?: RGB; stroke?: RGB; strokeMm?: number; opacity?: number }): void {
    this.page.drawRectangle({
      x: pt(box.xMm),
      y: this.y(box.yMm + box.heightMm),
      width: pt(box.widthMm),
      height: pt(box.heightMm),
      color: style.fill,
      opacity: style.opacity,
      borderColor: style.stroke,
      borderWidth: style.stroke ? pt(style.strokeMm ?? 0.2) : 0,
    });
  }
}
