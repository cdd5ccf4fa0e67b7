/**
 * Pure helpers for serving MapLibre glyph ranges generated in the browser.
 *
 * Nothing in here touches the DOM, so it runs (and is unit-tested) under Node. The browser half,
 * which rasterises the glyphs, lives in `./glyphs.ts`.
 *
 * The wire format is the one MapLibre parses in `src/style/parse_glyph_pbf.ts`
 * (https://github.com/maplibre/maplibre-gl-js/blob/main/src/style/parse_glyph_pbf.ts), originally
 * defined by node-fontnik's `proto/glyphs.proto`:
 *
 * ```proto
 * message glyph     { required uint32 id = 1; optional bytes bitmap = 2; required uint32 width = 3;
 *                     required uint32 height = 4; required sint32 left = 5; required sint32 top = 6;
 *                     required uint32 advance = 7; }
 * message fontstack { required string name = 1; required string range = 2; repeated glyph glyphs = 3; }
 * message glyphs    { repeated fontstack stacks = 1; }
 * ```
 */

/** Codepoints per glyph range file; MapLibre requests `floor(codePoint / 256)` ranges. */
export const GLYPH_RANGE_SIZE = 256;

/**
 * Padding, in pixels, around every glyph bitmap. MapLibre hard-codes it as `GLYPH_PBF_BORDER = 3`
 * when it rebuilds the bitmap from `width`/`height`, so a bitmap must be exactly
 * `(width + 6) × (height + 6)` bytes or MapLibre throws "mismatched image size".
 */
export const GLYPH_BORDER = 3;

/** Font size, in pixels, at which glyph ranges are rasterised (fontnik and MapLibre's ONE_EM). */
export const GLYPH_FONT_SIZE = 24;

/** Highest Unicode codepoint. */
const MAX_CODE_POINT = 0x10ffff;

/** One glyph as stored in a range file, in pixels at {@link GLYPH_FONT_SIZE}. */
export interface GlyphRecord {
  /** Unicode codepoint. */
  id: number;
  /**
   * Signed distance field of `(width + 6) × (height + 6)` bytes, row-major. Omitted (or empty)
   * for glyphs without ink such as spaces, in which case `width`/`height` should be 0.
   */
  bitmap?: ArrayLike<number> | null;
  /** Ink width, without the border. */
  width: number;
  /** Ink height, without the border. */
  height: number;
  /** Horizontal offset of the ink's left edge from the pen position (may be negative). */
  left: number;
  /**
   * Vertical offset of the ink's top edge, relative to an origin one ascender above the baseline
   * (fontnik's `bbox.ymax - ascender`), so usually negative.
   */
  top: number;
  /** Horizontal advance to the next pen position. */
  advance: number;
}

// ---------------------------------------------------------------------------------------------
// Protobuf encoding
// ---------------------------------------------------------------------------------------------

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

/** A growable byte buffer with just the protobuf primitives the glyph format needs. */
class ProtoWriter {
  private buf = new Uint8Array(1024);
  private pos = 0;

  private reserve(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Unsigned LEB128. Uses arithmetic, not bit shifts, so values up to 2^53 stay exact. */
  varint(value: number): void {
    this.reserve(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  uint32Field(field: number, value: number): void {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
  }

  /** sint32 uses ZigZag so that small negative numbers stay one byte long. */
  sint32Field(field: number, value: number): void {
    this.tag(field, WIRE_VARINT);
    this.varint(zigZag32(value));
  }

  bytesField(field: number, bytes: ArrayLike<number>): void {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  stringField(field: number, text: string): void {
    this.bytesField(field, utf8.encode(text));
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const utf8 = new TextEncoder();

/** ZigZag-maps a signed 32-bit integer onto an unsigned one (0, -1, 1, -2 → 0, 1, 2, 3). */
export function zigZag32(value: number): number {
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

function assertUint32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`glyph ${name} must be a uint32, got ${value}`);
  }
}

function assertSint32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`glyph ${name} must be a sint32, got ${value}`);
  }
}

function encodeGlyph(glyph: GlyphRecord): Uint8Array {
  assertUint32('id', glyph.id);
  assertUint32('width', glyph.width);
  assertUint32('height', glyph.height);
  assertSint32('left', glyph.left);
  assertSint32('top', glyph.top);
  assertUint32('advance', glyph.advance);

  const w = new ProtoWriter();
  w.uint32Field(1, glyph.id);
  const bitmap = glyph.bitmap;
  if (bitmap && bitmap.length > 0) {
    const expected = (glyph.width + 2 * GLYPH_BORDER) * (glyph.height + 2 * GLYPH_BORDER);
    // Fail here, with the codepoint in the message, rather than deep inside MapLibre's AlphaImage.
    if (bitmap.length !== expected) {
      throw new RangeError(`glyph ${glyph.id} bitmap has ${bitmap.length} bytes, expected ${expected} ` + `for ${glyph.width}×${glyph.height} plus a ${GLYPH_BORDER}px border`);
    }
    w.bytesField(2, bitmap);
  }
  w.uint32Field(3, glyph.width);
  w.uint32Field(4, glyph.height);
  w.sint32Field(5, glyph.left);
  w.sint32Field(6, glyph.top);
  w.uint32Field(7, glyph.advance);
  return w.finish();
}

/**
 * Encodes one glyph range file: a `glyphs` message holding a single `fontstack`.
 *
 * @param name - the font stack name, echoed into the file (MapLibre ignores it, fontnik writes it)
 * @param rangeStart - first codepoint of the range, a multiple of 256
 * @param glyphs - the glyphs to include; every id must fall inside the range. Codepoints left out
 *   are treated by MapLibre as absent from the font and simply not drawn.
 * @returns the protobuf bytes MapLibre's `parseGlyphPbf` reads
 * @throws RangeError on a misaligned range, an id outside it, non-integer metrics, or a bitmap
 *   whose length does not match its bordered size
 */
export function encodeGlyphRange(name: string, rangeStart: number, glyphs: readonly GlyphRecord[]): Uint8Array {
  if (!Number.isInteger(rangeStart) || rangeStart < 0 || rangeStart > MAX_CODE_POINT || rangeStart % GLYPH_RANGE_SIZE !== 0) {
    throw new RangeError(`glyph range start must be a multiple of ${GLYPH_RANGE_SIZE}, got ${rangeStart}`);
  }
  const rangeEnd = rangeStart + GLYPH_RANGE_SIZE - 1;

  const stack = new ProtoWriter();
  stack.stringField(1, name);
  stack.stringField(2, `${rangeStart}-${rangeEnd}`);
  for (const glyph of glyphs) {
    if (glyph.id < rangeStart || glyph.id > rangeEnd) {
      throw new RangeError(`glyph ${glyph.id} is outside range ${rangeStart}-${rangeEnd}`);
    }
    stack.bytesField(3, encodeGlyph(glyph));
  }

  const file = new ProtoWriter();
  file.bytesField(1, stack.finish());
  return file.finish();
}

// ---------------------------------------------------------------------------------------------
// Request URLs
// ---------------------------------------------------------------------------------------------

/** A glyph range request, as parsed from the URL MapLibre builds from the style's `glyphs`. */
export interface GlyphRangeRequest {
  /** The font stack: `text-font` names joined with commas, e.g. `"Noto Sans Regular"`. */
  fontstack: string;
  /** First codepoint of the range. */
  start: number;
  /** Last codepoint of the range (`start + 255`). */
  end: number;
}

/**
 * Parses a `{range}` value such as `"0-255"` or `"256-511.pbf"`.
 *
 * @throws RangeError unless it is a 256-aligned range of exactly 256 codepoints, which is the only
 *   kind MapLibre asks for (see `GlyphManager._loadGlyphRange`).
 */
export function parseGlyphRange(range: string): { start: number; end: number } {
  const match = /^(\d+)-(\d+)(?:\.pbf)?$/.exec(range.trim());
  if (!match) throw new RangeError(`not a glyph range: "${range}"`);
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (start % GLYPH_RANGE_SIZE !== 0 || end !== start + GLYPH_RANGE_SIZE - 1 || start > MAX_CODE_POINT) {
    throw new RangeError(`glyph range must span ${GLYPH_RANGE_SIZE} aligned codepoints: "${range}"`);
  }
  return { start, end };
}

/** Percent-decodes if the URL was encoded somewhere on its way, tolerating stray `%` signs. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Parses a glyph URL built from a `"<protocol>://{fontstack}/{range}"` template.
 *
 * MapLibre substitutes the font stack verbatim (spaces and commas unescaped), so everything between
 * `://` and the last `/` is the font stack. A percent-encoded stack is decoded too.
 *
 * @throws RangeError if the URL has no scheme, no font stack or no valid range
 */
export function parseGlyphUrl(url: string): GlyphRangeRequest {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd < 0) throw new RangeError(`not a glyph URL: "${url}"`);
  const rest = url.slice(schemeEnd + 3).replace(/[?#].*$/, '');
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) throw new RangeError(`glyph URL has no font stack: "${url}"`);
  const fontstack = safeDecode(rest.slice(0, slash)).trim();
  if (!fontstack) throw new RangeError(`glyph URL has no font stack: "${url}"`);
  const { start, end } = parseGlyphRange(safeDecode(rest.slice(slash + 1)));
  return { fontstack, start, end };
}

// ---------------------------------------------------------------------------------------------
// Font stacks to CSS
// ---------------------------------------------------------------------------------------------

/** A CSS font selection derived from a MapLibre font stack. */
export interface CssFont {
  /** Family names in stack order, unquoted and de-duplicated (style words stripped). */
  families: string[];
  /** CSS numeric weight, taken from the first font in the stack. */
  weight: number;
  /** CSS font style, taken from the first font in the stack. */
  style: 'normal' | 'italic' | 'oblique';
  /** A CSS `font-family` list: the families quoted, plus a generic fallback. */
  family: string;
}

/**
 * Weight names as they appear at the end of font names, mapped to OpenType `usWeightClass`
 * (https://learn.microsoft.com/en-us/typography/opentype/spec/os2#usweightclass). Keys are
 * lower-cased with spaces and hyphens removed, so "SemiBold", "Semi Bold" and "semi-bold" match.
 */
const WEIGHTS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    thin: 100,
    hairline: 100,
    extralight: 200,
    ultralight: 200,
    light: 300,
    regular: 400,
    normal: 400,
    book: 400,
    medium: 500,
    semibold: 600,
    demibold: 600,
    bold: 700,
    extrabold: 800,
    ultrabold: 800,
    black: 900,
    heavy: 900,
  }),
);

const GENERIC_FAMILIES = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'math',
  'emoji',
  'fangsong',
]);

/** Whether `name` is a CSS generic family keyword, which must not be quoted. */
export function isGenericFamily(name: string): boolean {
  return GENERIC_FAMILIES.has(name.toLowerCase());
}

/**
 * Quotes a family name for CSS. Names are always quoted, so ones like "Noto Sans 2" stay valid;
 * generic keywords never are, since quoting turns them into (missing) family names.
 */
export function quoteFamily(name: string): string {
  return isGenericFamily(name) ? name.toLowerCase() : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Splits one font name like `"Noto Sans SemiBold Italic"` into its family, weight and style by
 * peeling known style words off the end. A name that is nothing but a style word is kept as is.
 */
export function parseFontName(fontName: string): { family: string; weight: number; style: CssFont['style'] } {
  const words = fontName.trim().split(/\s+/);
  const key = (parts: string[]): string => parts.join('').toLowerCase().replace(/-/g, '');
  let weight = 400;
  let style: CssFont['style'] = 'normal';

  const last = words[words.length - 1].toLowerCase();
  if (words.length > 1 && (last === 'italic' || last === 'oblique')) {
    style = last;
    words.pop();
  }
  // Two-word weights ("Semi Bold", "Extra Light") before one-word ones ("Bold").
  const pairWeight = words.length > 2 ? WEIGHTS.get(key(words.slice(-2))) : undefined;
  const singleWeight = words.length > 1 ? WEIGHTS.get(key(words.slice(-1))) : undefined;
  if (pairWeight !== undefined) {
    weight = pairWeight;
    words.splice(-2, 2);
  } else if (singleWeight !== undefined) {
    weight = singleWeight;
    words.pop();
  }
  return { family: words.join(' '), weight, style };
}

/**
 * Maps a MapLibre font stack (`text-font` names joined with commas) to a CSS font selection.
 *
 * `"Noto Sans Regular"` → family `"Noto Sans"`, weight 400; `"Noto Sans SemiBold"` → weight 600.
 * CSS can select only one weight and style per font string, so the first font decides them.
 * `sans-serif` is appended, as MapLibre does for its own locally drawn glyphs, unless the stack
 * already ends in a generic family.
 */
export function fontstackToCss(fontstack: string): CssFont {
  const names = fontstack
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) throw new RangeError(`empty font stack: "${fontstack}"`);

  const parsed = names.map(parseFontName);
  const families: string[] = [];
  for (const { family } of parsed) {
    if (!families.some((f) => f.toLowerCase() === family.toLowerCase())) families.push(family);
  }
  const cssFamilies = families.map(quoteFamily);
  if (!isGenericFamily(families[families.length - 1])) cssFamilies.push('sans-serif');

  return { families, weight: parsed[0].weight, style: parsed[0].style, family: cssFamilies.join(', ') };
}

/**
 * Builds a CSS `font` shorthand (as for `CanvasRenderingContext2D.font` and `FontFaceSet.load`).
 */
export function cssFontShorthand(font: CssFont, sizePx: number = GLYPH_FONT_SIZE): string {
  return `${font.style} ${font.weight} ${sizePx}px ${font.family}`;
}

// ---------------------------------------------------------------------------------------------
// Codepoint coverage
// ---------------------------------------------------------------------------------------------

/** An inclusive range of codepoints. */
export interface CodePointRange {
  start: number;
  end: number;
}

/**
 * Parses a CSS `unicode-range` value (`"U+0000-00FF, U+0131, U+4??"`), as reported by
 * `FontFace.unicodeRange`. Entries that do not parse are ignored.
 */
export function parseUnicodeRange(value: string): CodePointRange[] {
  const ranges: CodePointRange[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const wildcard = /^u\+([0-9a-f]{0,5})(\?{1,6})$/i.exec(entry);
    const explicit = /^u\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(entry);
    let start: number;
    let end: number;
    if (wildcard && wildcard[1].length + wildcard[2].length <= 6) {
      start = parseInt(wildcard[1] + '0'.repeat(wildcard[2].length), 16);
      end = parseInt(wildcard[1] + 'f'.repeat(wildcard[2].length), 16);
    } else if (explicit) {
      start = parseInt(explicit[1], 16);
      end = explicit[2] === undefined ? start : parseInt(explicit[2], 16);
    } else {
      continue;
    }
    if (start <= end && start <= MAX_CODE_POINT) ranges.push({ start, end: Math.min(end, MAX_CODE_POINT) });
  }
  return ranges;
}

/** Whether any of `ranges` contains `codePoint`. */
export function rangesCover(ranges: readonly CodePointRange[], codePoint: number): boolean {
  return ranges.some((r) => codePoint >= r.start && codePoint <= r.end);
}

/**
 * Whether a codepoint can have a visible or spacing glyph worth rasterising. Controls (Cc),
 * format characters (Cf, e.g. soft hyphen and joiners, which MapLibre treats as invisible and
 * non-spacing), surrogates (Cs), private use (Co) and unassigned codepoints (Cn) are left out of
 * the range file, which makes MapLibre skip them without advancing.
 */
export function isRenderableCodePoint(codePoint: number): boolean {
  return !/^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u.test(String.fromCodePoint(codePoint));
}
