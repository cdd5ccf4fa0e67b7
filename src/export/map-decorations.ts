/**
 * What is drawn over the map image: a thin frame, the scale bar (lower left) and the north arrow
 * (upper right), all as vector paths and real text on a light backing so they read over any
 * colour. The app never rotates its maps, so north is always straight up.
 */
import { rgb } from 'pdf-lib';
import type { BoxMm } from './page-geometry';
import { chooseScaleBar, type ScaleBar } from './scale-bar';
import { INK, Sheet, pt } from './pdf-sheet';

const BACKING_OPACITY = 0.85;

/** The frame's outline. */
export function drawFrameBorder(sheet: Sheet, frame: BoxMm, s: number): void {
  sheet.rect(frame, { stroke: INK.rule, strokeMm: 0.3 * s });
}

/**
 * The scale bar inside the frame's lower-left corner: "Skala", a two-part bar of a round length at
 * most a quarter of the frame's width, "0" and the length under its ends. Returns the bar chosen.
 */
export function drawScaleBar(sheet: Sheet, frame: BoxMm, metresPerMm: number, caption: string, s: number): ScaleBar {
  const bar = chooseScaleBar(metresPerMm, frame.widthMm / 4);
  const size = 6.5 * s;
  const capMm = (size * 0.72) / pt(1);
  const pad = 1.8 * s;
  const barH = 1.4 * s;
  const zeroW = sheet.width('0', size);
  const endW = sheet.width(bar.label, size);
  const width = pad * 2 + zeroW / 2 + bar.lengthMm + Math.max(endW / 2, 0);
  const captionW = sheet.width(caption, size);
  const box: BoxMm = {
    xMm: frame.xMm + 3 * s,
    yMm: 0,
    widthMm: Math.max(width, captionW + 2 * pad),
    heightMm: pad * 2 + capMm * 2 + barH + 2.4 * s,
  };
  box.yMm = frame.yMm + frame.heightMm - 3 * s - box.heightMm;
  sheet.rect(box, { fill: INK.paper, opacity: BACKING_OPACITY });
  const left = box.xMm + pad + zeroW / 2;
  let top = box.yMm + pad;
  sheet.text(caption, box.xMm + pad, top, size, { color: INK.text });
  top += capMm + 1.2 * s;
  const half = bar.lengthMm / 2;
  sheet.rect({ xMm: left, yMm: top, widthMm: half, heightMm: barH }, { fill: INK.text });
  sheet.rect({ xMm: left + half, yMm: top, widthMm: half, heightMm: barH }, { fill: INK.paper });
  sheet.rect({ xMm: left, yMm: top, widthMm: bar.lengthMm, heightMm: barH }, { stroke: INK.text, strokeMm: 0.2 * s });
  top += barH + 1.2 * s;
  sheet.text('0', left, top, size, { align: 'center' });
  sheet.text(bar.label, left + bar.lengthMm, top, size, { align: 'center' });
  return bar;
}

/**
 * The north arrow inside the frame's upper-right corner: the letter for north (`label`, "U" in
 * Indonesian) over an arrowhead split into a dark and a light half.
 */
export function drawNorthArrow(sheet: Sheet, frame: BoxMm, label: string, s: number): void {
  const size = 8 * s;
  const capMm = (size * 0.72) / pt(1);
  const pad = 1.5 * s;
  const arrowW = 5 * s;
  const arrowH = 8 * s;
  const box: BoxMm = {
    xMm: 0,
    yMm: frame.yMm + 3 * s,
    widthMm: Math.max(arrowW, sheet.width(label, size, 'bold')) + 2 * pad,
    heightMm: pad * 2 + capMm + 1.2 * s + arrowH,
  };
  box.xMm = frame.xMm + frame.widthMm - 3 * s - box.widthMm;
  sheet.rect(box, { fill: INK.paper, opacity: BACKING_OPACITY });
  const centre = box.xMm + box.widthMm / 2;
  sheet.text(label, centre, box.yMm + pad, size, { weight: 'bold', align: 'center' });
  // SVG paths are drawn y-down from their origin, in points: origin at the arrow's tip.
  const tipTop = box.yMm + pad + capMm + 1.2 * s;
  const w = pt(arrowW / 2);
  const h = pt(arrowH);
  const notch = h * 0.72;
  const origin = { x: pt(centre), y: sheet.y(tipTop) };
  sheet.page.drawSvgPath(`M 0 0 L ${-w} ${h} L 0 ${notch} Z`, { ...origin, color: INK.text });
  sheet.page.drawSvgPath(`M 0 0 L 0 ${notch} L ${w} ${h} Z`, {
    ...origin,
    color: rgb(1, 1, 1),
    borderColor: INK.text,
    borderWidth: pt(0.2 * s),
  });
}
