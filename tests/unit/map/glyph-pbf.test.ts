import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import {
  GLYPH_BORDER,
  cssFontShorthand,
  encodeGlyphRange,
  fontstackToCss,
  isRenderableCodePoint,
  parseFontName,
  parseGlyphRange,
  parseGlyphUrl,
  parseUnicodeRange,
  rangesCover,
  zigZag32,
} from '../../../src/map/glyph-pbf';
import type { GlyphRecord } from '../../../src/map/glyph-pbf';

// A reader written against the schema, independent of the encoder, in the way MapLibre's
// src/style/parse_glyph_pbf.ts reads the same bytes with the same `pbf` package.
interface DecodedGlyph {
  id?: number;
  bitmap?: Uint8Array;
  width?: number;
  height?: number;
  left?: number;
  top?: number;
  advance?: number;
}
interface DecodedStack {
  name?: string;
  range?: string;
  glyphs: DecodedGlyph[];
}

function readGlyph(tag: number, glyph: DecodedGlyph, pbf: PbfReader): void {
  if (tag === 1) glyph.id = pbf.readVarint();
  else if (tag === 2) glyph.bitmap = pbf.readBytes();
  else if (tag === 3) glyph.width = pbf.readVarint();
  else if (tag === 4) glyph.height = pbf.readVarint();
  else if (tag === 5) glyph.left = pbf.readSVarint();
  else if (tag === 6) glyph.top = pbf.readSVarint();
  else if (tag === 7) glyph.advance = pbf.readVarint();
  else throw new Error(`unexpected glyph field ${tag}`);
}

function readStack(tag: number, stack: DecodedStack, pbf: PbfReader): void {
  if (tag === 1) stack.name = pbf.readString();
  else if (tag === 2) stack.range = pbf.readString();
  else if (tag === 3) stack.glyphs.push(pbf.readMessage(readGlyph, {}));
  else throw new Error(`unexpected fontstack field ${tag}`);
}

function decode(bytes: Uint8Array): DecodedStack[] {
  return new PbfReader(bytes).readFields((tag: number, stacks: DecodedStack[], pbf: PbfReader) => {
    if (tag === 1) stacks.push(pbf.readMessage(readStack, { glyphs: [] }));
    else throw new Error(`unexpected glyphs field ${tag}`);
  }, []);
}

function bitmapFor(width: number, height: number, seed: number): Uint8Array {
  const bitmap = new Uint8Array((width + 2 * GLYPH_BORDER) * (height + 2 * GLYPH_BORDER));
  for (let i = 0; i < bitmap.length; i++) bitmap[i] = (i * 7 + seed) % 256;
  return bitmap;
}

describe('encodeGlyphRange', () => {
  it('round-trips every glyph field through a pbf reader, including negative offsets', () => {
    const glyphs: GlyphRecord[] = [
      { id: 65, bitmap: bitmapFor(15, 17, 1), width: 15, height: 17, left: 0, top: -9, advance: 16 },
      { id: 106, bitmap: bitmapFor(6, 23, 2), width: 6, height: 23, left: -2, top: -8, advance: 6 },
      { id: 32, width: 0, height: 0, left: 0, top: -26, advance: 6 },
      // Extremes of the field types.
      { id: 255, bitmap: bitmapFor(1, 1, 3), width: 1, height: 1, left: -2147483648, top: 2147483647, advance: 4294967295 },
    ];
    const stacks = decode(encodeGlyphRange('Noto Sans Regular', 0, glyphs));

    expect(stacks).toHaveLength(1);
    expect(stacks[0].name).toBe('Noto Sans Regular');
    expect(stacks[0].range).toBe('0-255');
    expect(stacks[0].glyphs).toEqual([
      { ...glyphs[0] },
      { ...glyphs[1] },
      // No bitmap field at all for inkless glyphs, as fontnik writes them.
      { id: 32, width: 0, height: 0, left: 0, top: -26, advance: 6 },
      { ...glyphs[3] },
    ]);
    expect(stacks[0].glyphs[1].top).toBeLessThan(0);
    expect(stacks[0].glyphs[1].left).toBe(-2);
  });

  it('writes the range string of higher ranges and non-ASCII names as UTF-8', () => {
    const stacks = decode(encodeGlyphRange('Noto Sans SemiBold,Ärial', 256, [{ id: 256, bitmap: bitmapFor(2, 3, 0), width: 2, height: 3, left: 1, top: -5, advance: 4 }]));
    expect(stacks[0].name).toBe('Noto Sans SemiBold,Ärial');
    expect(stacks[0].range).toBe('256-511');
    expect(stacks[0].glyphs[0].id).toBe(256);
  });

  it('encodes an empty range as a fontstack without glyphs', () => {
    const stacks = decode(encodeGlyphRange('Noto Sans Regular', 0x4e00, []));
    expect(stacks).toEqual([{ name: 'Noto Sans Regular', range: '19968-20223', glyphs: [] }]);
  });

  it('writes the expected bytes for a tiny message', () => {
    const bytes = encodeGlyphRange('A', 0, [{ id: 1, width: 0, height: 0, left: -1, top: 1, advance: 300 }]);
    // glyphs.stacks(1, len) { name(1)="A", range(2)="0-255", glyph(3, len) {...} }
    const glyph = [0x08, 1, 0x18, 0, 0x20, 0, 0x28, 1, 0x30, 2, 0x38, 0xac, 0x02];
    const stack = [0x0a, 1, 0x41, 0x12, 5, ...Array.from('0-255', (c) => c.charCodeAt(0)), 0x1a, glyph.length, ...glyph];
    expect(Array.from(bytes)).toEqual([0x0a, stack.length, ...stack]);
  });

  it('rejects bitmaps that do not match width × height plus the 3px border', () => {
    expect(() => encodeGlyphRange('X', 0, [{ id: 65, bitmap: new Uint8Array(10 * 10), width: 10, height: 10, left: 0, top: 0, advance: 10 }])).toThrow(/expected 256/);
  });

  it('rejects ids outside the range, misaligned ranges and non-integer metrics', () => {
    expect(() => encodeGlyphRange('X', 0, [{ id: 256, width: 0, height: 0, left: 0, top: 0, advance: 0 }])).toThrow(RangeError);
    expect(() => encodeGlyphRange('X', 100, [])).toThrow(RangeError);
    expect(() => encodeGlyphRange('X', 0, [{ id: 65, width: 0, height: 0, left: 0, top: 0, advance: 6.5 }])).toThrow(/advance/);
    expect(() => encodeGlyphRange('X', 0, [{ id: 65, width: -1, height: 0, left: 0, top: 0, advance: 6 }])).toThrow(/width/);
  });
});

describe('zigZag32', () => {
  it('maps signed to unsigned as protobuf sint32 does', () => {
    expect([0, -1, 1, -2, 2, 2147483647, -2147483648].map(zigZag32)).toEqual([0, 1, 2, 3, 4, 4294967294, 4294967295]);
  });
});

describe('parseGlyphRange', () => {
  it('maps "0-255" to start 0', () => {
    expect(parseGlyphRange('0-255')).toEqual({ start: 0, end: 255 });
  });

  it('accepts higher ranges and a .pbf suffix', () => {
    expect(parseGlyphRange('256-511')).toEqual({ start: 256, end: 511 });
    expect(parseGlyphRange('65280-65535.pbf')).toEqual({ start: 65280, end: 65535 });
  });

  it('rejects ranges MapLibre never requests', () => {
    for (const bad of ['', '0', '0-254', '1-256', '256-255', 'a-b', '-0-255']) {
      expect(() => parseGlyphRange(bad), bad).toThrow(RangeError);
    }
  });
});

describe('parseGlyphUrl', () => {
  it('splits the URL MapLibre builds from "pkk-glyphs://{fontstack}/{range}"', () => {
    expect(parseGlyphUrl('pkk-glyphs://Noto Sans Regular/0-255')).toEqual({
      fontstack: 'Noto Sans Regular',
      start: 0,
      end: 255,
    });
  });

  it('keeps comma-separated stacks whole and decodes percent-encoding', () => {
    expect(parseGlyphUrl('pkk-glyphs://Noto Sans SemiBold,Noto Sans Regular/256-511')).toMatchObject({
      fontstack: 'Noto Sans SemiBold,Noto Sans Regular',
      start: 256,
    });
    expect(parseGlyphUrl('pkk-glyphs://Noto%20Sans%20Regular/512-767.pbf')).toMatchObject({
      fontstack: 'Noto Sans Regular',
      start: 512,
    });
  });

  it('rejects URLs without a scheme, stack or range', () => {
    expect(() => parseGlyphUrl('Noto Sans Regular/0-255')).toThrow(RangeError);
    expect(() => parseGlyphUrl('pkk-glyphs://0-255')).toThrow(RangeError);
    expect(() => parseGlyphUrl('pkk-glyphs:///0-255')).toThrow(RangeError);
    expect(() => parseGlyphUrl('pkk-glyphs://Noto Sans Regular/{range}')).toThrow(RangeError);
  });
});

describe('font names to CSS', () => {
  it('strips weight and style words', () => {
    expect(parseFontName('Noto Sans Regular')).toEqual({ family: 'Noto Sans', weight: 400, style: 'normal' });
    expect(parseFontName('Noto Sans SemiBold')).toEqual({ family: 'Noto Sans', weight: 600, style: 'normal' });
    expect(parseFontName('Noto Sans Semi Bold')).toEqual({ family: 'Noto Sans', weight: 600, style: 'normal' });
    expect(parseFontName('Noto Sans Bold Italic')).toEqual({ family: 'Noto Sans', weight: 700, style: 'italic' });
    expect(parseFontName('Noto Sans Italic')).toEqual({ family: 'Noto Sans', weight: 400, style: 'italic' });
    expect(parseFontName('Open Sans Extra-Bold')).toEqual({ family: 'Open Sans', weight: 800, style: 'normal' });
    expect(parseFontName('Noto Sans')).toEqual({ family: 'Noto Sans', weight: 400, style: 'normal' });
  });

  it('does not strip a name down to nothing or treat inherited object keys as weights', () => {
    expect(parseFontName('Bold')).toEqual({ family: 'Bold', weight: 400, style: 'normal' });
    expect(parseFontName('Foo constructor')).toEqual({ family: 'Foo constructor', weight: 400, style: 'normal' });
  });

  it('maps a stack to a quoted family list with a generic fallback, weight from the first font', () => {
    const font = fontstackToCss('Noto Sans SemiBold, Noto Sans Regular,Arial Unicode MS Regular');
    expect(font).toEqual({
      families: ['Noto Sans', 'Arial Unicode MS'],
      weight: 600,
      style: 'normal',
      family: '"Noto Sans", "Arial Unicode MS", sans-serif',
    });
    expect(cssFontShorthand(font)).toBe('normal 600 24px "Noto Sans", "Arial Unicode MS", sans-serif');
  });

  it('does not quote generic families nor add a second fallback', () => {
    expect(fontstackToCss('Noto Sans Regular,serif').family).toBe('"Noto Sans", serif');
    expect(() => fontstackToCss(' , ')).toThrow(RangeError);
  });
});

describe('unicode-range coverage', () => {
  it('parses the forms FontFace.unicodeRange reports', () => {
    const ranges = parseUnicodeRange('U+0000-00FF, U+0131, U+4??, u+1f600-1F64f, bogus');
    expect(ranges).toEqual([
      { start: 0, end: 255 },
      { start: 0x131, end: 0x131 },
      { start: 0x400, end: 0x4ff },
      { start: 0x1f600, end: 0x1f64f },
    ]);
    expect(rangesCover(ranges, 0x131)).toBe(true);
    expect(rangesCover(ranges, 0x130)).toBe(false);
    expect(rangesCover(ranges, 0x4ff)).toBe(true);
  });

  it('leaves controls, format characters and unassigned codepoints out', () => {
    expect(isRenderableCodePoint(0x41)).toBe(true);
    expect(isRenderableCodePoint(0x20)).toBe(true);
    expect(isRenderableCodePoint(0xa0)).toBe(true);
    expect(isRenderableCodePoint(0x0a)).toBe(false);
    expect(isRenderableCodePoint(0xad)).toBe(false);
    expect(isRenderableCodePoint(0xd800)).toBe(false);
    expect(isRenderableCodePoint(0x0378)).toBe(false);
  });
});
