/** The legend's corner: fewest kelurahan hidden, never a top-ranked one, never over a control. */
import { describe, expect, it } from 'vitest';
import { fitCamera, NO_PADDING, projectBounds, overlapArea, type Bounds } from '../../../src/map/framing';
import { legendRect, placeLegend } from '../../../src/map/legend-placement';

const SIZE = { width: 800, height: 600 };
const LEGEND = { width: 300, height: 250, inset: 10 };
// A 4 x 3 grid of square kelurahan filling a region.
const AREAS: Bounds[] = [];
for (let row = 0; row < 3; row++) for (let col = 0; col < 4; col++) AREAS.push([110 + col * 0.01, -7 - (row + 1) * 0.01, 110 + (col + 1) * 0.01, -7 - row * 0.01]);
const REGION: Bounds = [110, -7.03, 110.04, -7];
const base = { size: SIZE, legend: LEGEND, areas: AREAS, blocked: [], region: REGION, padding: NO_PADDING, margin: 10 };

describe('placeLegend', () => {
  it('fitting: the region goes beside the legend, which then hides nothing', () => {
    const placement = placeLegend({ ...base, top: [], camera: null });
    expect(placement.covered).toBe(0);
    const rect = legendRect(placement.corner, SIZE, LEGEND);
    for (const area of AREAS) expect(overlapArea(projectBounds(area, placement.camera, SIZE), rect)).toBe(0);
  });

  it('with the camera fixed, the legend leaves the corner of a top-ranked kelurahan', () => {
    const camera = fitCamera(REGION, SIZE);
    // Bottom-left kelurahan (row 2, col 0) is the top-ranked one.
    const placement = placeLegend({ ...base, top: [8], camera });
    expect(placement.corner).not.toBe('bottom-left');
    expect(placement.coversTop).toBe(false);
    expect(placement.camera).toBe(camera);
  });

  it('never sits on a control, even if that corner hides fewer', () => {
    const camera = fitCamera(REGION, SIZE);
    const everywhereButTopRight = [0, 3, 8, 11];
    const control = { left: 760, top: 10, right: 790, bottom: 80 };
    const placement = placeLegend({ ...base, top: everywhereButTopRight.filter((i) => i !== 3), camera, blocked: [control] });
    expect(placement.corner).not.toBe('top-right');
  });

  it('keeps its current corner when no other is better (no flip-flopping)', () => {
    const far = fitCamera([120, -7.03, 120.04, -7], SIZE);
    expect(placeLegend({ ...base, top: [], camera: far, current: 'top-left' }).corner).toBe('top-left');
  });

  it('prefers the bottom left when every corner is equal', () => {
    const far = fitCamera([120, -7.03, 120.04, -7], SIZE);
    expect(placeLegend({ ...base, top: [], camera: far }).corner).toBe('bottom-left');
  });
});
