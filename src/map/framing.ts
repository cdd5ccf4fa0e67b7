/**
 * Framing as a function of the view, not of the screen's history: the camera that shows a
 * region's bounds inside the free part of a canvas (what the open panels, legend and slide header
 * leave), computed in Web Mercator without a map. The screen, saved views, presentation and
 * exports all ask this one function, so a pan made to reveal a profile never leaks into them.
 * Pure: no maplibre-gl, no DOM (rectangles come in as plain numbers measured by the caller).
 */

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];
export interface Size {
  width: number;
  height: number;
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
/** A box in canvas pixels (0,0 at the canvas' top left). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Camera {
  center: [number, number];
  zoom: number;
}

/** MapLibre's world is 512 px wide at zoom 0. */
export const TILE_SIZE = 512;
const MAX_LAT = 85.051129;

export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}
function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}
function lonOf(x: number): number {
  return x * 360 - 180;
}
function latOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The camera (centre of the whole canvas, zoom) at which `bounds` fills the canvas less its
 * `padding`, centred in that free area: what maplibre's fitBounds would do, but returned as a
 * plain centre and zoom so no padding is left on the map to shift later cameras.
 */
export function fitCamera(bounds: Bounds, size: Size, padding: Padding = NO_PADDING, maxZoom = 18): Camera {
  const [west, south, east, north] = bounds;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const freeWidth = Math.max(1, size.width - padding.left - padding.right);
  const freeHeight = Math.max(1, size.height - padding.top - padding.bottom);
  const spanX = Math.max(x1 - x0, 1e-12);
  const spanY = Math.max(y1 - y0, 1e-12);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(freeWidth / spanX, freeHeight / spanY) / TILE_SIZE));
  const world = TILE_SIZE * 2 ** zoom;
  // The bounds' centre lands on the free area's centre; the camera's centre is the canvas' centre.
  const shiftX = (padding.left - padding.right) / 2 / world;
  const shiftY = (padding.top - padding.bottom) / 2 / world;
  return { center: [lonOf((x0 + x1) / 2 - shiftX), latOf((y0 + y1) / 2 - shiftY)], zoom };
}

/** Where a point [lon, lat] falls on a canvas of `size` looking through `camera`. */
export function project(point: [number, number], camera: Camera, size: Size): { x: number; y: number } {
  const world = TILE_SIZE * 2 ** camera.zoom;
  return {
    x: size.width / 2 + (mercatorX(point[0]) - mercatorX(camera.center[0])) * world,
    y: size.height / 2 + (mercatorY(point[1]) - mercatorY(camera.center[1])) * world,
  };
}

/** A bounding box as a canvas rectangle under `camera`. */
export function projectBounds(bounds: Bounds, camera: Camera, size: Size): Rect {
  const a = project([bounds[0], bounds[3]], camera, size);
  const b = project([bounds[2], bounds[1]], camera, size);
  return { left: a.x, top: a.y, right: b.x, bottom: b.y };
}

/** Whether `inner` lies within `outer` (with `tolerance` px of slack). */
export function contains(outer: Rect, inner: Rect, tolerance = 0): boolean {
  return inner.left >= outer.left - tolerance && inner.top >= outer.top - tolerance && inner.right <= outer.right + tolerance && inner.bottom <= outer.bottom + tolerance;
}

/** Area shared by two rectangles (0 when apart). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Padding that keeps the map's content out from under `covers` (panels, legend, header measured
 * on the page, in canvas pixels), plus `margin` on every side. Each cover eats the canvas from
 * the side where it costs the least area: a tall panel at the right from the right, a wide bar
 * at the top from the top.
 */
export function coverPadding(size: Size, covers: Rect[], margin = 0): Padding {
  const padding: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const c of covers) {
    const r = { left: Math.max(0, c.left), top: Math.max(0, c.top), right: Math.min(size.width, c.right), bottom: Math.min(size.height, c.bottom) };
    if (r.right <= r.left || r.bottom <= r.top) continue;
    const options: [keyof Padding, number][] = [
      ['left', r.right * size.height],
      ['right', (size.width - r.left) * size.height],
      ['top', r.bottom * size.width],
      ['bottom', (size.height - r.top) * size.width],
    ];
    const [side] = options.reduce((best, option) => (option[1] < best[1] ? option : best));
    const depth = side === 'left' ? r.right : side === 'right' ? size.width - r.left : side === 'top' ? r.bottom : size.height - r.top;
    padding[side] = Math.max(padding[side], depth);
  }
  return { top: padding.top + margin, right: padding.right + margin, bottom: padding.bottom + margin, left: padding.left + margin };
}

/** The free area a padding leaves on a canvas. */
export function freeArea(size: Size, padding: Padding): Rect {
  return { left: padding.left, top: padding.top, right: size.width - padding.right, bottom: size.height - padding.bottom };
}

/**
 * The largest part of `free` that `cover` does not touch: the strip above, below, left or right of
 * it (with `margin`), or `free` itself when they do not meet. A legend in a corner of the room
 * beside a profile still leaves the space above it, where a clicked kelurahan can be shown.
 */
export function clearOf(free: Rect, cover: Rect, margin = 0): Rect {
  if (overlapArea(free, cover) === 0) return free;
  const strips: Rect[] = [
    { ...free, bottom: Math.min(free.bottom, cover.top - margin) },
    { ...free, top: Math.max(free.top, cover.bottom + margin) },
    { ...free, right: Math.min(free.right, cover.left - margin) },
    { ...free, left: Math.max(free.left, cover.right + margin) },
  ];
  const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
  return strips.reduce((best, r) => (area(r) > area(best) ? r : best));
}

/**
 * The camera that brings `point` into `free` (null when it is already there): along each axis
 * where it lies outside, it moves to the free area's middle; the zoom stays. A profile may pan
 * its kelurahan into view this way, and closing it returns to the camera before.
 */
export function revealCamera(point: [number, number], camera: Camera, size: Size, free: Rect): Camera | null {
  const p = project(point, camera, size);
  const dx = p.x < free.left ? p.x - (free.left + free.right) / 2 : p.x > free.right ? p.x - (free.left + free.right) / 2 : 0;
  const dy = p.y < free.top ? p.y - (free.top + free.bottom) / 2 : p.y > free.bottom ? p.y - (free.top + free.bottom) / 2 : 0;
  if (dx === 0 && dy === 0) return null;
  const world = TILE_SIZE * 2 ** camera.zoom;
  return {
    center: [lonOf(mercatorX(camera.center[0]) + dx / world), latOf(mercatorY(camera.center[1]) + dy / world)],
    zoom: camera.zoom,
  };
}

export interface ProfileFramingInput {
  /** The clicked kelurahan's label point [lon, lat]. */
  point: [number, number];
  /** The whole region (or the part of it asked for). */
  region: Bounds;
  camera: Camera;
  size: Size;
  /** The open profile and the legend in canvas pixels (null when absent or off the canvas). */
  profile: Rect | null;
  legend: Rect | null;
  margin: number;
  /** The smallest width and height (px) of a free area worth showing the region or the kelurahan in. */
  minSide: number;
  /** How many zoom steps out the whole region may cost before a pan to the kelurahan alone is preferred. */
  maxZoomOut: number;
}

/**
 * The camera when a profile opens (null: keep the camera). The whole region goes into the room
 * the profile AND the legend leave, zooming out when needed and never in, so a pan made for the
 * profile hides no kelurahan under the legend or past the canvas edge. Only when that room is too
 * small, or the user zoomed in so far that the region would cost more than `maxZoomOut` steps, is
 * the clicked kelurahan alone panned into view (beside the profile, above the legend's corner if
 * there is room, else over the legend: the kelurahan clicked matters more than the legend).
 */
export function profileCamera(input: ProfileFramingInput): Camera | null {
  const { size, margin, minSide } = input;
  const roomy = (r: Rect) => r.right - r.left >= minSide && r.bottom - r.top >= minSide;
  const covers = [input.profile, input.legend].filter((c): c is Rect => c !== null);
  const rooms = clearPaddings(size, covers, margin)
    .map((padding) => ({ padding, free: freeArea(size, padding) }))
    .filter((room) => roomy(room.free));
  if (rooms.length > 0) {
    const shown = projectBounds(input.region, input.camera, size);
    if (rooms.some((room) => contains(room.free, shown, 0.5))) return null;
    // The room where the region comes out largest: beside the legend, or above it, whichever.
    const fitted = rooms.map((room) => fitCamera(input.region, size, room.padding, input.camera.zoom)).reduce((best, c) => (c.zoom > best.zoom ? c : best));
    if (fitted.zoom >= input.camera.zoom - input.maxZoomOut) return fitted;
  }
  const both = freeArea(size, coverPadding(size, covers, margin));
  const besideProfile = freeArea(size, coverPadding(size, input.profile ? [input.profile] : [], margin));
  const free = [both, input.legend ? clearOf(besideProfile, input.legend, margin) : besideProfile, besideProfile].find(roomy);
  return free ? revealCamera(input.point, input.camera, size, free) : null;
}

/**
 * Every padding that keeps clear of all `covers`, each cover cleared by one of its four sides (a
 * legend in a corner leaves room beside it and room above it; which is larger for a region depends
 * on the region's shape and on the other covers, so the caller compares them).
 */
export function clearPaddings(size: Size, covers: Rect[], margin = 0): Padding[] {
  let paddings: Padding[] = [{ top: 0, right: 0, bottom: 0, left: 0 }];
  for (const c of covers) {
    const r = { left: Math.max(0, c.left), top: Math.max(0, c.top), right: Math.min(size.width, c.right), bottom: Math.min(size.height, c.bottom) };
    if (r.right <= r.left || r.bottom <= r.top) continue;
    const depths: [keyof Padding, number][] = [
      ['left', r.right],
      ['right', size.width - r.left],
      ['top', r.bottom],
      ['bottom', size.height - r.top],
    ];
    paddings = paddings.flatMap((p) => depths.map(([side, depth]) => ({ ...p, [side]: Math.max(p[side], depth) })));
  }
  return paddings.map((p) => ({ top: p.top + margin, right: p.right + margin, bottom: p.bottom + margin, left: p.left + margin }));
}
