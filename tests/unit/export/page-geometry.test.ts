import { describe, expect, it } from 'vitest';
import { mapFrame, mapPixels, pageLayout, type BoxMm, type PageSpec } from '../../../src/export/map-layout';

const SPECS: PageSpec[] = [
  { size: 'A4', orientation: 'landscape' },
  { size: 'A4', orientation: 'portrait' },
  { size: 'A3', orientation: 'landscape' },
  { size: 'A3', orientation: 'portrait' },
];

const overlaps = (a: BoxMm, b: BoxMm) => a.xMm < b.xMm + b.widthMm && b.xMm < a.xMm + a.widthMm && a.yMm < b.yMm + b.heightMm && b.yMm < a.yMm + a.heightMm;

describe('mapFrame', () => {
  it('A4 landscape: 10 mm margins, 20 mm header, the 68 mm legend column and 4 mm gaps to its right', () => {
    // 297 − 2×10 − 68 − 4 = 205 wide; 210 − 10 − 20 − 4 − 13 − 10 = 153 high.
    expect(mapFrame({ size: 'A4', orientation: 'landscape' })).toEqual({ xMm: 10, yMm: 30, widthMm: 205, heightMm: 153 });
  });

  it('A4 portrait: full width, the 50 mm legend band below', () => {
    // 210 − 20 = 190 wide; 297 − 10 − 20 − 4 − 50 − 4 − 13 − 10 = 186 high.
    expect(mapFrame({ size: 'A4', orientation: 'portrait' })).toEqual({ xMm: 10, yMm: 30, widthMm: 190, heightMm: 186 });
  });

  it('A3: margins, header, footer and legend grow by 297/210 (the ISO ratio); the map takes the rest', () => {
    const k = 297 / 210;
    // Landscape: 420 − (20 + 68 + 4) × k = 289.886 wide; 297 − 57 × k = 216.386 high.
    const landscape = mapFrame({ size: 'A3', orientation: 'landscape' });
    expect(landscape.xMm).toBeCloseTo(10 * k, 9);
    expect(landscape.yMm).toBeCloseTo(30 * k, 9);
    expect(landscape.widthMm).toBeCloseTo(289.886, 3);
    expect(landscape.heightMm).toBeCloseTo(216.386, 3);
    // Portrait: 297 − 20 × k = 268.714 wide; 420 − 111 × k = 263.014 high.
    const portrait = mapFrame({ size: 'A3', orientation: 'portrait' });
    expect(portrait.widthMm).toBeCloseTo(268.714, 3);
    expect(portrait.heightMm).toBeCloseTo(263.014, 3);
  });

  it.each(SPECS)('$size $orientation: header, map, legend and footer lie on the paper without overlapping', (spec) => {
    const layout = pageLayout(spec);
    const boxes = [layout.header, layout.map, layout.legend, layout.footer];
    for (const box of boxes) {
      expect(box.xMm).toBeGreaterThan(0);
      expect(box.yMm).toBeGreaterThan(0);
      expect(box.xMm + box.widthMm).toBeLessThan(layout.page.widthMm);
      expect(box.yMm + box.heightMm).toBeLessThan(layout.page.heightMm);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
  });
});

describe('mapPixels', () => {
  it('A4 landscape at 300 dpi is the frame in mm × 300 / 25.4, rounded: 2421 × 1807', () => {
    const spec: PageSpec = { size: 'A4', orientation: 'landscape' };
    const frame = mapFrame(spec);
    expect(mapPixels(spec, 300)).toEqual({
      width: Math.round((frame.widthMm * 300) / 25.4),
      height: Math.round((frame.heightMm * 300) / 25.4),
    });
    expect(mapPixels(spec, 300)).toEqual({ width: 2421, height: 1807 });
  });

  it('A3 portrait at 150 dpi', () => {
    // Frame 268.714 × 263.014 mm (above) × 150 / 25.4 = 1586.9 × 1553.2 px.
    expect(mapPixels({ size: 'A3', orientation: 'portrait' }, 150)).toEqual({ width: 1587, height: 1553 });
  });

  it('refuses a resolution that is not a positive number', () => {
    expect(() => mapPixels({ size: 'A4', orientation: 'landscape' }, 0)).toThrow(RangeError);
    expect(() => mapPixels({ size: 'A4', orientation: 'landscape' }, Number.NaN)).toThrow(RangeError);
  });
});
