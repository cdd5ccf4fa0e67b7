/**
 * Map label glyphs generated in the browser, so symbol layers need no font server or CDN.
 *
 * A MapLibre custom protocol answers the style's `glyphs` URL: for each requested range of 256
 * codepoints the glyphs are rasterised as signed distance fields with TinySDF from the web font the
 * app ships (Noto Sans via @fontsource, loaded by CSS), then encoded as the glyph protobuf MapLibre
 * would otherwise download. Usage:
 *
 * ```ts
 * import * as maplibregl from 'maplibre-gl'; // MapLibre 6 is ESM-only, with no default export
 * import '@fontsource/noto-sans/latin-400.css'; // and the other subsets/weights, see main.ts
 * import { registerLocalGlyphs, LOCAL_GLYPHS_URL, LABEL_FONT_REGULAR } from './map/glyphs';
 *
 * registerLocalGlyphs(maplibregl);
 * // style: { glyphs: LOCAL_GLYPHS_URL, layers: [{ type: 'symbol', layout: { 'text-font': [LABEL_FONT_REGULAR] } }] }
 * ```
 *
 * Glyph ranges are requested on the main thread (`Style.getGlyphs` → `GlyphManager`), which is
 * where `addProtocol` handlers run and where the document's fonts are available to a canvas:
 * https://github.com/maplibre/maplibre-gl-js/blob/main/src/render/glyph_manager.ts
 */
import TinySDF from '@mapbox/tiny-sdf';
import type { AddProtocolAction, AddProtocolResponseData, GetResourceResponse, RequestParameters } from 'maplibre-gl';
import {
  GLYPH_BORDER,
  GLYPH_FONT_SIZE,
  GLYPH_RANGE_SIZE,
  cssFontShorthand,
  encodeGlyphRange,
  fontstackToCss,
  isGenericFamily,
  isRenderableCodePoint,
  parseGlyphUrl,
  parseUnicodeRange,
  quoteFamily,
  rangesCover,
} from './glyph-pbf';
import type { CodePointRange, CssFont, GlyphRecord } from './glyph-pbf';

/** The custom URL scheme this module answers. */
export const LOCAL_GLYPHS_PROTOCOL = 'pkk-glyphs';

/** The value for a style's `glyphs` property. */
export const LOCAL_GLYPHS_URL = `${LOCAL_GLYPHS_PROTOCOL}://{fontstack}/{range}`;

/** `text-font` name for regular labels (Noto Sans 400, from `@fontsource/noto-sans/400.css`). */
export const LABEL_FONT_REGULAR = 'Noto Sans Regular';

/** `text-font` name for emphasised labels (Noto Sans 600, from `@fontsource/noto-sans/600.css`). */
export const LABEL_FONT_SEMIBOLD = 'Noto Sans SemiBold';

/**
 * SDF settings of standard glyph PBFs (node-fontnik calls `RenderSDF(glyph, 24, 3, 0.25, face)`
 * with a radius of 8): MapLibre's text shader is tuned to this distance scale, and its PBF parser
 * assumes the 3px border.
 */
const SDF_RADIUS = 8;
const SDF_CUTOFF = 0.25;

/**
 * Ascender of Noto Sans at 24px (hhea ascender 1069/1000 em, rounded as FreeType does), used only
 * if the browser cannot report `fontBoundingBoxAscent`.
 */
const FALLBACK_ASCENT = 26;

/** The subset of the maplibre-gl module this needs, so tests can pass a stand-in. */
export interface ProtocolRegistry {
  addProtocol(customProtocol: string, loadFn: AddProtocolAction): void;
}

/**
 * Registers the `pkk-glyphs://` protocol with MapLibre. Call once, before creating a map whose
 * style has `"glyphs": LOCAL_GLYPHS_URL`. Calling again just re-registers the same handler.
 *
 * @param maplibre - the maplibre-gl module (or anything with its `addProtocol`)
 */
export function registerLocalGlyphs(maplibre: ProtocolRegistry): void {
  maplibre.addProtocol(LOCAL_GLYPHS_PROTOCOL, loadLocalGlyphs);
}

/**
 * The `addProtocol` handler (MapLibre ≥ 4 signature, unchanged in 6): resolves a glyph range URL
 * such as `pkk-glyphs://Noto Sans Regular/0-255` to the protobuf as an ArrayBuffer.
 *
 * Rejecting makes MapLibre fall back to drawing the glyph itself with the stack name as a CSS
 * family (`GlyphManager._downloadAndCacheRangePromise`), which would not find Noto Sans, so this
 * only rejects on a malformed URL or an abort.
 */
export const loadLocalGlyphs = async (params: RequestParameters, abortController: AbortController): Promise<GetResourceResponse<AddProtocolResponseData>> => {
  const { fontstack, start } = parseGlyphUrl(params.url);
  abortController.signal.throwIfAborted();
  const bytes = await glyphRange(fontstack, start);
  abortController.signal.throwIfAborted();
  // A copy per response: the cached bytes must survive even if a caller transfers the buffer.
  return { data: bytes.slice().buffer };
};

// ---------------------------------------------------------------------------------------------

/** Encoded ranges by font stack and start, so re-requests (style reloads, second maps) are free. */
const rangeCache = new Map<string, Promise<Uint8Array>>();

function glyphRange(fontstack: string, start: number): Promise<Uint8Array> {
  const key = `${fontstack}\n${start}`;
  let range = rangeCache.get(key);
  if (!range) {
    range = buildGlyphRange(fontstack, start).catch((error: unknown) => {
      rangeCache.delete(key); // let a later request retry
      throw error;
    });
    rangeCache.set(key, range);
  }
  return range;
}

async function buildGlyphRange(fontstack: string, start: number): Promise<Uint8Array> {
  const font = fontstackToCss(fontstack);
  const coverage = declaredCoverage(font);

  let codePoints: number[] = [];
  for (let cp = start; cp < start + GLYPH_RANGE_SIZE; cp++) {
    if (isRenderableCodePoint(cp) && coverage.covers(cp)) codePoints.push(cp);
  }
  // Ranges no declared face covers (CJK, emoji, ...) come back empty at once; MapLibre then
  // leaves those characters out instead of drawing them in some other font.
  if (codePoints.length === 0) return encodeGlyphRange(fontstack, start, []);

  const rasterizer = await rasterizerFor(font, String.fromCodePoint(...codePoints));
  if (coverage.webFont) codePoints = codePoints.filter((cp) => rasterizer.hasGlyph(cp));
  return encodeGlyphRange(
    fontstack,
    start,
    codePoints.map((cp) => rasterizer.glyph(cp)),
  );
}

// ---------------------------------------------------------------------------------------------
// Which codepoints a stack covers

interface DeclaredCoverage {
  /** Whether a codepoint is inside the `unicode-range` of some declared face of the stack. */
  covers(codePoint: number): boolean;
  /** Whether the stack names a family the document declares with `@font-face`. */
  webFont: boolean;
}

/**
 * A first, cheap cut from the `@font-face` rules declared for the stack's families: a fontsource
 * subset CSS file such as `400.css` gives each subset a `unicode-range`, and a codepoint outside all
 * of them would only be drawn by a fallback font. (The single-subset files, e.g. `latin-400.css`,
 * declare no range, which reads as "everything"; `Rasterizer.hasGlyph` catches those.) A family with
 * no `@font-face` may be a local font and cannot be inspected, so then everything is attempted.
 */
function declaredCoverage(font: CssFont): DeclaredCoverage {
  const families = font.families.filter((family) => !isGenericFamily(family));
  const ranges: CodePointRange[] = [];
  let undeclared = families.length === 0;
  for (const family of families) {
    const declared = declaredRanges(family);
    if (declared === null) {
      undeclared = true;
      warnOnce(`no @font-face for "${family}": map labels will use a local font if installed, else sans-serif. ` + `Import its @fontsource CSS before the map loads.`);
    } else {
      ranges.push(...declared);
    }
  }
  if (undeclared) return { covers: () => true, webFont: false };
  return { covers: (codePoint) => rangesCover(ranges, codePoint), webFont: true };
}

/** Union of the `unicode-range`s of the document's faces for `family`, or null if none exist. */
function declaredRanges(family: string): CodePointRange[] | null {
  if (typeof document === 'undefined' || !document.fonts) return null;
  const wanted = family.toLowerCase();
  const ranges: CodePointRange[] = [];
  let found = false;
  document.fonts.forEach((face) => {
    // Browsers report CSS-declared families quoted or not, depending on the engine.
    if (face.family.replace(/^["']|["']$/g, '').toLowerCase() !== wanted) return;
    found = true;
    ranges.push(...parseUnicodeRange(face.unicodeRange));
  });
  return found ? ranges : null;
}

// ---------------------------------------------------------------------------------------------
// Rasterising

interface Rasterizer {
  /**
   * Whether one of the stack's named fonts has a glyph for the codepoint, rather than a fallback.
   * Only meaningful once the fonts have loaded.
   */
  hasGlyph(codePoint: number): boolean;
  /** Draws the codepoint's SDF and metrics. */
  glyph(codePoint: number): GlyphRecord;
}

/** One TinySDF (and its font's ascent) per CSS font, created once the font has loaded. */
const rasterizers = new Map<string, Rasterizer>();

/**
 * Loads the web font faces needed for `text` and returns the rasterizer for `font`.
 *
 * `document.fonts.load` only fetches the `unicode-range` subsets that the text touches, so the
 * characters about to be drawn are passed, plus "H" so that the Latin subset, whose metrics the
 * ascent is read from, is always there. Awaiting this keeps TinySDF from caching a fallback
 * font's glyphs, as MapLibre does for its own local glyphs
 * (https://github.com/maplibre/maplibre-gl-js/issues/7307). A canvas whose font was set before a
 * later subset loaded does pick that subset up (checked in Chromium), so one TinySDF per font is
 * enough.
 */
async function rasterizerFor(font: CssFont, text: string): Promise<Rasterizer> {
  const shorthand = cssFontShorthand(font, GLYPH_FONT_SIZE);
  await loadFonts(shorthand, `H${text}`);

  let rasterizer = rasterizers.get(shorthand);
  if (!rasterizer) {
    rasterizer = createRasterizer(font, shorthand);
    rasterizers.set(shorthand, rasterizer);
  }
  return rasterizer;
}

async function loadFonts(shorthand: string, text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  try {
    await document.fonts.load(shorthand, text);
  } catch (error) {
    warnOnce(`could not load the font for map labels (${shorthand}): ${String(error)}; using a fallback font`);
  }
}

function createRasterizer(font: CssFont, shorthand: string): Rasterizer {
  const sdf = new TinySDF({
    fontSize: GLYPH_FONT_SIZE,
    buffer: GLYPH_BORDER,
    radius: SDF_RADIUS,
    cutoff: SDF_CUTOFF,
    fontFamily: font.family,
    fontWeight: String(font.weight),
    fontStyle: font.style,
  });
  const ascent = measureAscent(shorthand);

  // Two probes that differ only in the generic family after the named ones: a character the named
  // fonts have measures the same in both, one they lack falls through to two different fonts.
  const named = font.families
    .filter((family) => !isGenericFamily(family))
    .map(quoteFamily)
    .join(', ');
  const probeFont = (generic: string): string => `${font.style} ${font.weight} ${GLYPH_FONT_SIZE}px ${named}, ${generic}`;
  const serifProbe = named ? createContext(probeFont('serif')) : null;
  const monoProbe = named ? createContext(probeFont('monospace')) : null;

  return {
    hasGlyph(codePoint: number): boolean {
      if (!serifProbe || !monoProbe) return true;
      const char = String.fromCodePoint(codePoint);
      const a = serifProbe.measureText(char);
      const b = monoProbe.measureText(char);
      return (
        a.width === b.width &&
        a.actualBoundingBoxLeft === b.actualBoundingBoxLeft &&
        a.actualBoundingBoxRight === b.actualBoundingBoxRight &&
        a.actualBoundingBoxAscent === b.actualBoundingBoxAscent &&
        a.actualBoundingBoxDescent === b.actualBoundingBoxDescent
      );
    },

    glyph(codePoint: number): GlyphRecord {
      const drawn = sdf.draw(String.fromCodePoint(codePoint));
      // measureText's width is fractional; the format wants whole pixels. Rounding (fontnik
      // truncates) keeps the error unbiased, so long names are not systematically squeezed.
      const advance = Math.max(0, Math.round(drawn.glyphAdvance));

      if (drawn.glyphWidth === 0 || drawn.glyphHeight === 0) {
        // No ink (space, no-break space): advance only. fontnik leaves the bitmap out and reports
        // top as `0 - ascender` for these; the values are never drawn.
        return { id: codePoint, width: 0, height: 0, left: 0, top: -ascent, advance };
      }

      return {
        id: codePoint,
        bitmap: drawn.data,
        width: drawn.glyphWidth,
        height: drawn.glyphHeight,
        // TinySDF rasterises with the ink's left edge at glyphLeft px from the pen (floored; the
        // fraction stays in the bitmap) and its top at glyphTop px above the baseline (ceiled).
        left: drawn.glyphLeft,
        // fontnik measures `top` from an origin one ascender above the baseline
        // (`glyph.top - glyph.ascender` in node-fontnik's src/glyphs.cpp), and MapLibre's shaping
        // (SHAPING_DEFAULT_OFFSET = -17 in src/symbol/shaping.ts) is calibrated for that, so
        // labels centre on their anchor the way server-made Noto Sans glyphs would.
        top: drawn.glyphTop - ascent,
        advance,
      };
    },
  };
}

/** The primary font's ascent in whole pixels at the glyph size, as FreeType rounds it. */
function measureAscent(shorthand: string): number {
  const ctx = createContext(shorthand);
  const ascent = ctx?.measureText('H').fontBoundingBoxAscent;
  return ascent !== undefined && Number.isFinite(ascent) && ascent > 0 ? Math.round(ascent) : FALLBACK_ASCENT;
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A tiny 2D context for measuring text in `font` (a CSS shorthand), or null without a canvas. */
function createContext(font: string): Context2D | null {
  let ctx: Context2D | null = null;
  if (typeof OffscreenCanvas !== 'undefined') {
    ctx = new OffscreenCanvas(1, 1).getContext('2d');
  } else if (typeof document !== 'undefined') {
    ctx = document.createElement('canvas').getContext('2d');
  }
  if (ctx) ctx.font = font;
  return ctx;
}

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[${LOCAL_GLYPHS_PROTOCOL}] ${message}`);
}
