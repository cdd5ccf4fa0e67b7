/**
 * Where things go on a printed map page, in millimetres from the page's top-left corner.
 *
 * Kept apart from the PDF drawing so the caller can ask for the map frame (and so the pixel size to
 * render the map at) before any PDF exists, and so the numbers can be checked by hand. A4 is the
 * reference design; on A3 margins, header, footer, legend and type grow by 297/210 (≈ √2, the ratio
 * of the ISO sizes) so they keep their proportion to the paper, and the map takes the rest.
 */

/** ISO 216 paper sizes the export offers. */
export type PageSize = 'A4' | 'A3';
/** Landscape puts the legend beside the map, portrait below it. */
export type Orientation = 'landscape' | 'portrait';
/** A paper size and how it is turned. */
export interface PageSpec {
  size: PageSize;
  orientation: Orientation;
}
/** A rectangle in millimetres, measured from the page's top-left corner (y grows downwards). */
export interface BoxMm {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** Millimetres in one inch: PDF points and dpi are both per inch. */
export const MM_PER_INCH = 25.4;
/** PDF user-space units (points) per millimetre. */
export const PT_PER_MM = 72 / MM_PER_INCH;

const ISO_MM: Record<PageSize, { short: number; long: number }> = {
  A4: { short: 210, long: 297 },
  A3: { short: 297, long: 420 },
};

/** The paper's width and height in millimetres as it lies (landscape: wider than tall). */
export function pageSizeMm(page: PageSpec): { widthMm: number; heightMm: number } {
  const { short, long } = ISO_MM[page.size];
  return page.orientation === 'landscape' ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long };
}

/** How much larger than A4 the page is, linearly (A4 = 1, A3 = 297/210 ≈ 1.414): the fixed parts scale by it. */
export function layoutScale(page: PageSpec): number {
  return ISO_MM[page.size].short / ISO_MM.A4.short;
}

/** The fixed parts of the A4 design, in millimetres (multiplied by `layoutScale` on other sizes). */
const A4_DESIGN = {
  margin: 10,
  header: 20,
  footer: 13,
  gap: 4,
  /** Legend column width beside the map (landscape). */
  legendWidth: 68,
  /** Legend band height below the map (portrait). */
  legendHeight: 50,
};

/** Every region of the page: header (title, subtitle, badge), map frame, legend box, footer. */
export interface PageLayout {
  page: { widthMm: number; heightMm: number };
  /** Multiplier of the A4 design (type sizes in points are multiplied by it too). */
  scale: number;
  header: BoxMm;
  map: BoxMm;
  legend: BoxMm;
  footer: BoxMm;
}

/** The whole page layout for `page`; `mapFrame` is its `map` part. */
export function pageLayout(page: PageSpec): PageLayout {
  const size = pageSizeMm(page);
  const s = layoutScale(page);
  const margin = A4_DESIGN.margin * s;
  const gap = A4_DESIGN.gap * s;
  const headerH = A4_DESIGN.header * s;
  const footerH = A4_DESIGN.footer * s;
  const innerW = size.widthMm - 2 * margin;
  const header: BoxMm = { xMm: margin, yMm: margin, widthMm: innerW, heightMm: headerH };
  const footer: BoxMm = { xMm: margin, yMm: size.heightMm - margin - footerH, widthMm: innerW, heightMm: footerH };
  const bodyTop = margin + headerH;
  const bodyH = footer.yMm - gap - bodyTop;
  let map: BoxMm;
  let legend: BoxMm;
  if (page.orientation === 'landscape') {
    const legendW = A4_DESIGN.legendWidth * s;
    map = { xMm: margin, yMm: bodyTop, widthMm: innerW - legendW - gap, heightMm: bodyH };
    legend = { xMm: margin + map.widthMm + gap, yMm: bodyTop, widthMm: legendW, heightMm: bodyH };
  } else {
    const legendH = A4_DESIGN.legendHeight * s;
    map = { xMm: margin, yMm: bodyTop, widthMm: innerW, heightMm: bodyH - legendH - gap };
    legend = { xMm: margin, yMm: bodyTop + map.heightMm + gap, widthMm: innerW, heightMm: legendH };
  }
  return { page: size, scale: s, header, map, legend, footer };
}

/**
 * The map frame on the page in millimetres from the top-left corner. A4 landscape: 205 × 153 mm at
 * (10, 30); the legend takes the 68 mm column to its right.
 */
export function mapFrame(page: PageSpec): { xMm: number; yMm: number; widthMm: number; heightMm: number } {
  return { ...pageLayout(page).map };
}

/**
 * The pixel size to render the map at so that it prints at `dpi` in its frame (A4 landscape at
 * 300 dpi: 2421 × 1807). The caller renders at this size, so the PDF never holds an upscaled map.
 */
export function mapPixels(page: PageSpec, dpi: number): { width: number; height: number } {
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw new RangeError(`dpi must be a positive number, got ${dpi}`);
  const frame = mapFrame(page);
  return {
    width: Math.round((frame.widthMm * dpi) / MM_PER_INCH),
    height: Math.round((frame.heightMm * dpi) / MM_PER_INCH),
  };
}
