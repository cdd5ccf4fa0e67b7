/**
 * Where the legend goes: the corner of the map where it hides the fewest kelurahan and never the
 * top-ranked ones (the poverty core a meeting looks at). With the camera still to be fitted, each
 * corner is tried with the region fitted beside the legend; with a camera the user chose, the
 * camera stays and only the corner moves. Pure: boxes come in as numbers.
 */
import { coverPadding, fitCamera, overlapArea, projectBounds, type Bounds, type Camera, type Padding, type Rect, type Size } from './framing';

export type Corner = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';
/** Preference when corners tie: where a map legend is expected first. */
export const CORNERS: Corner[] = ['bottom-left', 'bottom-right', 'top-left', 'top-right'];

export interface LegendPlacementInput {
  size: Size;
  /** The legend's width and height in px, and its distance from the canvas edges. */
  legend: { width: number; height: number; inset: number };
  /** Each kelurahan's bounding box. */
  areas: Bounds[];
  /** Indexes into `areas` of the top-ranked kelurahan, which the legend must not cover. */
  top: number[];
  /** Other things on the canvas the legend must not sit on (map controls, an open profile). */
  blocked: Rect[];
  /** The region to fit when `camera` is null, the padding already taken by other covers, a margin. */
  region: Bounds;
  camera: Camera | null;
  padding: Padding;
  margin: number;
  /** The corner the legend is at now: kept unless another is strictly better (no flip-flopping). */
  current?: Corner;
}

export interface LegendPlacement {
  corner: Corner;
  camera: Camera;
  /** Kelurahan the legend hides (a fifth of a box or more), and whether a top-ranked one is among them. */
  covered: number;
  coversTop: boolean;
}

/** The legend's rectangle at a corner. */
export function legendRect(corner: Corner, size: Size, legend: { width: number; height: number; inset: number }): Rect {
  const left = corner.endsWith('left') ? legend.inset : size.width - legend.inset - legend.width;
  const top = corner.startsWith('top') ? legend.inset : size.height - legend.inset - legend.height;
  return { left, top, right: left + legend.width, bottom: top + legend.height };
}

/** Chooses the corner (and, when fitting, the camera) as described above. */
export function placeLegend(input: LegendPlacementInput): LegendPlacement {
  const topSet = new Set(input.top);
  let best: (LegendPlacement & { cost: number }) | null = null;
  // The current corner is tried first, so a tie keeps it.
  const order = input.current ? [input.current, ...CORNERS.filter((c) => c !== input.current)] : CORNERS;
  for (const corner of order) {
    const rect = legendRect(corner, input.size, input.legend);
    const blocked = input.blocked.some((b) => overlapArea(b, rect) > 0);
    const camera = input.camera ?? fitBeside(input, rect);
    let covered = 0;
    let coversTop = false;
    input.areas.forEach((area, i) => {
      const box = projectBounds(area, camera, input.size);
      const boxArea = Math.max(1, (box.right - box.left) * (box.bottom - box.top));
      if (overlapArea(box, rect) / boxArea < 0.2) return;
      covered++;
      if (topSet.has(i)) coversTop = true;
    });
    // Order of concern: a control under the legend, a top-ranked kelurahan hidden, then how many
    // are hidden, then a smaller map (a corner that costs zoom is worse when nothing is hidden).
    const cost = (blocked ? 1e7 : 0) + (coversTop ? 1e5 : 0) + covered * 100 - camera.zoom;
    if (!best || cost < best.cost - 1e-6) best = { corner, camera, covered, coversTop, cost };
  }
  const { cost: _cost, ...placement } = best!;
  return placement;
}

/** The region fitted with the legend at `rect` counted as one more cover. */
function fitBeside(input: LegendPlacementInput, rect: Rect): Camera {
  const legendPadding = coverPadding(input.size, [rect], input.margin);
  const padding: Padding = {
    top: Math.max(input.padding.top, legendPadding.top),
    right: Math.max(input.padding.right, legendPadding.right),
    bottom: Math.max(input.padding.bottom, legendPadding.bottom),
    left: Math.max(input.padding.left, legendPadding.left),
  };
  return fitCamera(input.region, input.size, padding);
}
