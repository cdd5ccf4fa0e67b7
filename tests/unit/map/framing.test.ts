/** The pure framing functions: fitting bounds into the free area, projecting, covers to padding, revealing a point. */
import { describe, expect, it } from 'vitest';
import { clearOf, contains, coverPadding, fitCamera, freeArea, project, projectBounds, revealCamera, type Bounds } from '../../../src/map/framing';

// Kota Surakarta's extent, roughly.
const SOLO: Bounds = [110.76, -7.6, 110.87, -7.52];
const SIZE = { width: 1078, height: 720 };

describe('fitCamera', () => {
  it('puts the bounds inside the free area, touching it on one axis', () => {
    const padding = { top: 30, right: 60, bottom: 30, left: 340 };
    const camera = fitCamera(SOLO, SIZE, padding);
    const box = projectBounds(SOLO, camera, SIZE);
    const free = freeArea(SIZE, padding);
    expect(contains(free, box, 0.01)).toBe(true);
    const fillsWidth = Math.abs(box.left - free.left) < 0.01 && Math.abs(box.right - free.right) < 0.01;
    const fillsHeight = Math.abs(box.top - free.top) < 0.01 && Math.abs(box.bottom - free.bottom) < 0.01;
    expect(fillsWidth || fillsHeight).toBe(true);
    // Centred in the free area on both axes.
    expect((box.left + box.right) / 2).toBeCloseTo((free.left + free.right) / 2, 3);
    expect((box.top + box.bottom) / 2).toBeCloseTo((free.top + free.bottom) / 2, 3);
  });

  it('without padding centres the bounds on the canvas (as maplibre fitBounds does)', () => {
    const camera = fitCamera(SOLO, SIZE);
    expect(camera.center[0]).toBeCloseTo(110.815, 6);
    expect(project([110.815, (-7.6 + -7.52) / 2], camera, SIZE).x).toBeCloseTo(539, 6);
    // Zoom from the Web Mercator formula: 0.11 degrees span 1078 px at about zoom 13.
    expect(camera.zoom).toBeGreaterThan(12.5);
    expect(camera.zoom).toBeLessThan(13.5);
  });

  it('respects the zoom ceiling', () => {
    expect(fitCamera([110.8, -7.56, 110.8001, -7.5599], SIZE, undefined, 16).zoom).toBe(16);
  });
});

describe('coverPadding', () => {
  it('a tall panel at the right eats from the right, a bar across the top from the top', () => {
    const padding = coverPadding(SIZE, [
      { left: 560, top: 12, right: 1030, bottom: 680 },
      { left: 0, top: 0, right: 1078, bottom: 90 },
    ]);
    expect(padding).toEqual({ top: 90, right: 518, bottom: 0, left: 0 });
  });

  it('a legend at the lower left eats from the side that costs the least area, plus the margin', () => {
    const padding = coverPadding(SIZE, [{ left: 12, top: 300, right: 316, bottom: 708 }], 20);
    expect(padding).toEqual({ top: 20, right: 20, bottom: 20, left: 336 });
    const wide = coverPadding(SIZE, [{ left: 12, top: 600, right: 800, bottom: 708 }], 0);
    expect(wide).toEqual({ top: 0, right: 0, bottom: 120, left: 0 });
  });

  it('ignores what lies off the canvas', () => {
    expect(coverPadding(SIZE, [{ left: 2000, top: 0, right: 2100, bottom: 10 }], 5)).toEqual({ top: 5, right: 5, bottom: 5, left: 5 });
  });
});

describe('revealCamera', () => {
  const camera = fitCamera(SOLO, SIZE);
  const free = { left: 0, top: 0, right: 500, bottom: 720 };
  it('leaves the camera alone when the point is already free', () => {
    expect(revealCamera([110.77, -7.56], camera, SIZE, free)).toBeNull();
  });
  it('moves a hidden point to the free area, keeping the zoom', () => {
    const moved = revealCamera([110.86, -7.56], camera, SIZE, free)!;
    expect(moved.zoom).toBe(camera.zoom);
    const p = project([110.86, -7.56], moved, SIZE);
    expect(p.x).toBeCloseTo(250, 6);
    expect(p.y).toBeCloseTo(project([110.86, -7.56], camera, SIZE).y, 6);
  });
});

describe('clearOf', () => {
  const free = { left: 0, top: 73, right: 480, bottom: 768 };
  it('keeps the largest strip of the free area beside a cover: above a legend in the lower-left corner', () => {
    expect(clearOf(free, { left: 12, top: 365, right: 377, bottom: 756 }, 8)).toEqual({ left: 0, top: 73, right: 480, bottom: 357 });
  });
  it('leaves the free area whole when the cover is elsewhere', () => {
    expect(clearOf(free, { left: 500, top: 100, right: 900, bottom: 700 })).toEqual(free);
  });
  it('takes the side strip when it is the larger', () => {
    expect(clearOf(free, { left: 0, top: 80, right: 100, bottom: 760 })).toEqual({ ...free, left: 100 });
  });
});
