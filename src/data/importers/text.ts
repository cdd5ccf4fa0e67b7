/**
 * Which encoding a text table is in, and decoding it chunk by chunk. Indonesian offices send
 * CSV from Excel (Windows-1252 unless "CSV UTF-8" was chosen, then UTF-8 with a BOM) and from
 * other tools (UTF-8 without BOM). A strict UTF-8 check decides: text that is valid UTF-8 is
 * UTF-8, anything else is read as Windows-1252, where every byte is some character.
 */
import { ImportError } from './types';
import type { TextEncoding } from './types';

/** The encoding found and how many BOM bytes to skip. */
export interface EncodingGuess {
  encoding: TextEncoding;
  bomLength: number;
}

/**
 * Guesses the encoding from the first bytes of a file. Unless `wholeFile`, `sample` is a slice
 * that may end in the middle of a character, which is not held against UTF-8.
 * Throws ImportError for UTF-16 (Excel's "Unicode text"), which we ask the user to re-save.
 */
export function detectEncoding(sample: Uint8Array, fileName: string, wholeFile = false): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (hasUtf16Bom(sample)) throw new ImportError('importTable.utf16', { file: fileName });
  const bad = firstInvalidUtf8(sample, !wholeFile);
  if (bad < 0) return { encoding: 'utf-8', bomLength: 0 };
  // Proper UTF-8 characters before the bad byte: two encodings in one file. Reading it as
  // Windows-1252 would garble the first part silently.
  if (hasNonAscii(sample.subarray(0, bad))) {
    throw new ImportError('importTable.mixedEncoding', { file: fileName, row: 1 + countLineFeeds(sample, bad) });
  }
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** A UTF-16 byte order mark (Excel's "Unicode text"), which these readers do not decode. */
export function hasUtf16Bom(sample: Uint8Array): boolean {
  return (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
}

/**
 * Index of the first byte that breaks UTF-8 (overlong forms, surrogates and code points above
 * U+10FFFF included), or -1. With `allowCutEnd`, a sequence cut off by the end of `bytes` is fine.
 */
export function firstInvalidUtf8(bytes: Uint8Array, allowCutEnd = false): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // Not enough bytes left: valid only if the file slice was cut here and what is there fits.
      if (!allowCutEnd) return i;
      for (let k = i + 1; k < n; k++) if ((bytes[k] & 0xc0) !== 0x80) return i;
      return -1;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True when the bytes look binary rather than text: a NUL byte, which no CSV holds. */
export function looksBinary(sample: Uint8Array): boolean {
  return sample.indexOf(0) >= 0;
}

/** Thrown by TextChunkDecoder when UTF-8 turns invalid after the sample checked at the start. */
export class InvalidUtf8 extends Error {
  constructor(
    /** Offset of the bad byte in the chunk just passed to decode. */
    readonly chunkOffset: number,
    /** Whether any non-ASCII byte was decoded before (if not, the file is simply not UTF-8). */
    readonly sawNonAscii: boolean,
  ) {
    super('Invalid UTF-8');
    this.name = 'InvalidUtf8';
  }
}

/** Windows-1252 0x80-0x9F; the five undefined bytes map to the C1 controls as WHATWG does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes a byte stream chunk by chunk without splitting characters across chunks (UTF-8
 * sequences cut by a chunk boundary wait for the next chunk). Skips `bomLength` leading bytes.
 */
export class TextChunkDecoder {
  readonly #utf8: TextDecoder | null;
  #skip: number;
  #sawNonAscii = false;

  constructor(readonly encoding: TextEncoding, bomLength = 0) {
    this.#utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
    this.#skip = bomLength;
  }

  /** Text of `bytes`; pass `final` with the last chunk. Throws InvalidUtf8 on broken UTF-8. */
  decode(bytes: Uint8Array, final = false): string {
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, bytes.length);
      bytes = bytes.subarray(skipped);
      this.#skip -= skipped;
    }
    if (!this.#utf8) return decodeCp1252(bytes);
    try {
      const text = this.#utf8.decode(bytes, { stream: !final });
      if (!this.#sawNonAscii) this.#sawNonAscii = hasNonAscii(bytes);
      return text;
    } catch {
      const at = firstInvalidUtf8(bytes, !final);
      throw new InvalidUtf8(Math.max(0, at), this.#sawNonAscii || hasNonAscii(bytes.subarray(0, Math.max(0, at))));
    }
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Windows-1252 bytes to text, in blocks so String.fromCharCode never gets too many arguments. */
export function decodeCp1252(bytes: Uint8Array): string {
  const block = 8192;
  const codes = new Uint16Array(Math.min(block, bytes.length));
  let out = '';
  for (let start = 0; start < bytes.length; start += block) {
    const end = Math.min(start + block, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode.apply(null, codes.subarray(0, end - start) as unknown as number[]);
  }
  return out;
}

/** Each byte's character in Windows-1252 (as decodeCp1252 reads it) as UTF-8: up to 3 bytes at b * 3, and how many. */
let cp1252Utf8: { bytes: Uint8Array; lengths: Uint8Array } | undefined;

function cp1252Utf8Table(): { bytes: Uint8Array; lengths: Uint8Array } {
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(256 * 3);
  const lengths = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const utf8 = encoder.encode(decodeCp1252(Uint8Array.of(b)));
    bytes.set(utf8, b * 3);
    lengths[b] = utf8.length;
  }
  return { bytes, lengths };
}

/**
 * Windows-1252 bytes as UTF-8 bytes, every character as decodeCp1252 reads it (é, ’, €, –; the
 * five bytes Windows-1252 leaves undefined as their C1 controls): for DuckDB, whose CSV reader
 * knows UTF-8 and Latin-1 but not Windows-1252 (household-file.ts). A byte is a character, so
 * chunks may be cut anywhere.
 */
export function cp1252ToUtf8(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const table = (cp1252Utf8 ??= cp1252Utf8Table());
  let length = bytes.length;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) length += table.lengths[bytes[i]] - 1;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      out[o++] = b;
      continue;
    }
    const at = b * 3;
    out[o++] = table.bytes[at];
    out[o++] = table.bytes[at + 1];
    if (table.lengths[b] === 3) out[o++] = table.bytes[at + 2];
  }
  return out;
}

/** Counts line feeds in bytes[0, end): used to say near which line decoding failed. */
export function countLineFeeds(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
