/** The pure framing functions: fitting bounds into the free area, projecting, covers to padding, revealing a point, the camera when a profile opens. */
import { describe, expect, it } from 'vitest';
import {
  clearOf,
  contains,
  coverPadding,
  fitCamera,
  freeArea,
  overlapArea,
  profileCamera,
  project,
  projectBounds,
  revealCamera,
  type Bounds,
  type Camera,
  type Rect,
} from '../../../src/map/framing';

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

describe('profileCamera', () => {
  // The office laptop (walk s7 finding 1): a 480 px profile at the right, the legend bottom-left.
  const profile: Rect = { left: 586, top: 12, right: 1066, bottom: 708 };
  const legend: Rect = { left: 12, top: 508, right: 312, bottom: 708 };
  // The camera the map opened with: the region fitted beside the legend.
  const start = fitCamera(SOLO, SIZE, coverPadding(SIZE, [legend], 24));
  // A kelurahan near the region's east edge, under the profile at the start camera.
  const point: [number, number] = [110.86, -7.56];
  const input = { point, region: SOLO, camera: start, size: SIZE, profile, legend, margin: 24, minSide: 120, maxZoomOut: 2 };
  const under = (r: Rect, p: { x: number; y: number }) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;
  // Clear of both covers and inside the canvas (to a pixel's rounding).
  const clear = (box: Rect) => overlapArea(box, profile) < 1 && overlapArea(box, legend) < 1 && contains({ left: 0, top: 0, right: SIZE.width, bottom: SIZE.height }, box, 0.5);

  it('puts the whole region beside the profile and clear of the legend, zooming out', () => {
    expect(under(profile, project(point, start, SIZE))).toBe(true);
    const camera = profileCamera(input)!;
    expect(clear(projectBounds(SOLO, camera, SIZE))).toBe(true);
    expect(under(profile, project(point, camera, SIZE))).toBe(false);
    expect(under(legend, project(point, camera, SIZE))).toBe(false);
    expect(camera.zoom).toBeLessThan(start.zoom);
    expect(camera.zoom).toBeGreaterThan(start.zoom - 2);
  });

  it('takes the room above the legend when the region comes out larger there than beside it', () => {
    // The room beside the legend is only the strip between legend and profile (312-586 px).
    const beside = fitCamera(SOLO, SIZE, coverPadding(SIZE, [profile, legend], 24), start.zoom);
    const camera = profileCamera(input)!;
    expect(camera.zoom).toBeGreaterThan(beside.zoom + 0.3);
    expect(clear(projectBounds(SOLO, camera, SIZE))).toBe(true);
  });

  it('keeps the camera when the region already lies in the free room (the profile off the map)', () => {
    expect(profileCamera({ ...input, profile: null })).toBeNull();
  });

  it('never zooms in: a region shown small stays at its zoom, moved beside the profile', () => {
    const far: Camera = { center: start.center, zoom: start.zoom - 2.5 };
    const camera = profileCamera({ ...input, camera: far });
    const chosen = camera ?? far;
    expect(chosen.zoom).toBe(far.zoom);
    expect(clear(projectBounds(SOLO, chosen, SIZE))).toBe(true);
  });

  it('when the user zoomed far in, pans the kelurahan alone beside the profile at the same zoom', () => {
    const near: Camera = { center: start.center, zoom: start.zoom + 3 };
    const camera = profileCamera({ ...input, camera: near })!;
    expect(camera.zoom).toBe(near.zoom);
    const p = project(point, camera, SIZE);
    expect(p.x).toBeLessThan(profile.left);
    expect(under(legend, p)).toBe(false);
  });

  it('when no room is free of both covers, pans the kelurahan beside the profile (over the legend if need be)', () => {
    const small = { width: 700, height: 400 };
    const wideLegend: Rect = { left: 12, top: 60, right: 200, bottom: 388 };
    const side: Rect = { left: 300, top: 12, right: 688, bottom: 388 };
    const camera = profileCamera({ ...input, size: small, profile: side, legend: wideLegend, camera: fitCamera(SOLO, small) })!;
    expect(camera).not.toBeNull();
    const p = project(point, camera, small);
    expect(p.x).toBeLessThan(side.left);
    expect(p.x).toBeGreaterThan(0);
  });
});
