/**
 * Real, selectable text in the PDF with embedded fonts, including characters the main font lacks.
 *
 * The app's Noto Sans (from @fontsource, latin subset) has no ≤ ≥ ≈ →: pdf-lib would draw them as
 * the empty .notdef glyph. So each string is cut into runs by the first font that has the glyph —
 * the text's own font, then the fallback fonts in order — and a character no font has is written
 * as a plain approximation ("≤" → "<="), never as an invisible box.
 */
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

/** A font and the code points it can draw. */
interface CoveredFont {
  font: PDFFont;
  covers: Set<number>;
}

/** The fonts of a document: text faces and the fallbacks searched for missing characters. */
export interface FontSet {
  regular: CoveredFont;
  bold: CoveredFont;
  fallbacks: CoveredFont[];
}

/** Which face a piece of text is set in. */
export type Weight = 'regular' | 'bold';

/** A piece of a string drawn with one font. */
export interface TextRun {
  text: string;
  font: PDFFont;
}

/** Plain stand-ins for symbols when no embedded font has them. */
const APPROXIMATIONS: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '≈': '~',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '–': '-',
  '—': '-',
  '…': '...',
  '×': 'x',
  '·': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/** Wraps pdf-lib fonts with their character sets (looked up once, not per string). */
export function makeFontSet(regular: PDFFont, bold: PDFFont, fallbacks: PDFFont[]): FontSet {
  const cover = (font: PDFFont): CoveredFont => ({ font, covers: new Set(font.getCharacterSet()) });
  return { regular: cover(regular), bold: cover(bold), fallbacks: fallbacks.map(cover) };
}

/** The string cut into runs of one font each (see the module comment for the order of fonts). */
export function textRuns(fonts: FontSet, text: string, weight: Weight): TextRun[] {
  const own = fonts[weight];
  const candidates = [own, ...fonts.fallbacks, weight === 'bold' ? fonts.regular : fonts.bold];
  const runs: TextRun[] = [];
  const push = (ch: string, font: PDFFont) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  };
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const found = candidates.find((c) => c.covers.has(code));
    if (found) {
      push(ch, found.font);
      continue;
    }
    const stand = APPROXIMATIONS[ch] ?? '?';
    for (const sub of stand) push(own.covers.has(sub.codePointAt(0)!) ? sub : '?', own.font);
  }
  return runs;
}

/** Width in points of `text` at `size` points. */
export function textWidth(fonts: FontSet, text: string, weight: Weight, size: number): number {
  return textRuns(fonts, text, weight).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
}

/** Draws one line of text with its baseline at (x, y) in PDF points (origin bottom-left). */
export function drawLine(page: PDFPage, fonts: FontSet, text: string, options: { x: number; y: number; size: number; weight: Weight; color: RGB }): void {
  let x = options.x;
  for (const run of textRuns(fonts, text, options.weight)) {
    page.drawText(run.text, { x, y: options.y, size: options.size, font: run.font, color: options.color });
    x += run.font.widthOfTextAtSize(run.text, options.size);
  }
}

/** Text set into lines at one size. */
export interface FittedText {
  lines: string[];
  size: number;
  /** True when the text did not fit even at the smallest size and was cut with "…". */
  truncated: boolean;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` points at `size`, at spaces (and at "\n"). A
 * word wider than the line is cut with "…". Returns every line; the caller limits their number.
 */
export function wrapText(fonts: FontSet, text: string, weight: Weight, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(fonts, candidate, weight, size) <= maxWidth) line = candidate;
      else {
        if (line) lines.push(line);
        line = ellipsize(fonts, word, weight, size, maxWidth);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * `text` cut and ended with "…" so it fits `maxWidth`; unchanged if it already fits, unless `always`
 * (text that continues beyond what is shown).
 */
export function ellipsize(fonts: FontSet, text: string, weight: Weight, size: number, maxWidth: number, always = false): string {
  if (!always && textWidth(fonts, text, weight, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(fonts, `${chars.join('').trimEnd()}…`, weight, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * The largest size from `maxSize` down to `minSize` (in half points) at which `text` wraps into at
 * most `maxLines` lines of `maxWidth`; at `minSize` the last allowed line is ended with "…".
 */
export function fitText(fonts: FontSet, text: string, weight: Weight, box: { maxWidth: number; maxLines: number; maxSize: number; minSize: number }): FittedText {
  for (let size = box.maxSize; size >= box.minSize; size -= 0.5) {
    const lines = wrapText(fonts, text, weight, size, box.maxWidth);
    if (lines.length <= box.maxLines) return { lines, size, truncated: false };
  }
  const size = box.minSize;
  const lines = wrapText(fonts, text, weight, size, box.maxWidth);
  if (lines.length <= box.maxLines) return { lines, size, truncated: false };
  const kept = lines.slice(0, box.maxLines);
  kept[box.maxLines - 1] = ellipsize(fonts, lines.slice(box.maxLines - 1).join(' '), weight, size, box.maxWidth, true);
  return { lines: kept, size, truncated: true };
}
