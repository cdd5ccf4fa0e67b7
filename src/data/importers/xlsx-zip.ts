/**
 * Reading entries of a ZIP archive (an .xlsx is one) straight from a Blob: the central
 * directory is read from the end of the file, and an entry's bytes are sliced out and inflated
 * with fflate, small entries at once and the worksheet as a stream. The archive is never held
 * whole in memory. Zip64 directories are understood; encryption is not (Excel's password
 * protection is not a ZIP anyway).
 */
import { Inflate, inflateSync } from 'fflate';

/** One file in the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Thrown when the bytes are not a readable ZIP archive (cut off, damaged, not a ZIP). */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function bytesAt(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  if (start < 0 || end > blob.size || start > end) throw new ZipError('range outside the file');
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** The archive's entries by name. Throws ZipError when there is no valid central directory. */
export async function readZipDirectory(blob: Blob): Promise<Map<string, ZipEntry>> {
  try {
    return await readDirectory(blob);
  } catch (error) {
    // A damaged directory can point DataView reads past its end (lengths, extra fields).
    if (error instanceof RangeError) throw new ZipError(`damaged central directory: ${error.message}`);
    throw error;
  }
}

async function readDirectory(blob: Blob): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, blob.size - (0xffff + 22));
  const tail = await bytesAt(blob, tailStart, blob.size);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory (file cut off?)');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    const record = await bytesAt(blob, at, at + 56);
    const r = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (r.getUint32(0, true) !== EOCD64) throw new ZipError('bad zip64 directory');
    count = Number(r.getBigUint64(32, true));
    cdSize = Number(r.getBigUint64(40, true));
    cdOffset = Number(r.getBigUint64(48, true));
  }
  const cd = await bytesAt(blob, cdOffset, cdOffset + cdSize);
  const d = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || d.getUint32(p, true) !== CENTRAL) throw new ZipError('bad central directory');
    const flags = d.getUint16(p + 8, true);
    const method = d.getUint16(p + 10, true);
    let compressedSize = d.getUint32(p + 20, true);
    let size = d.getUint32(p + 24, true);
    const nameLength = d.getUint16(p + 28, true);
    const extraLength = d.getUint16(p + 30, true);
    const commentLength = d.getUint16(p + 32, true);
    let localHeaderOffset = d.getUint32(p + 42, true);
    const name = names.decode(cd.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field: the 64-bit values present are those whose 32-bit field is all ones.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = d.getUint16(e, true);
      const len = d.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(d.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(d.getBigUint64(q, true));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(d.getBigUint64(q, true));
      }
      e += 4 + len;
    }
    if (flags & 1) throw new ZipError('encrypted entry');
    entries.set(name, { name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start (after its local header). */
async function dataStart(blob: Blob, entry: ZipEntry): Promise<number> {
  const header = await bytesAt(blob, entry.localHeaderOffset, entry.localHeaderOffset + 30);
  const h = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (h.getUint32(0, true) !== LOCAL) throw new ZipError('bad local header');
  const start = entry.localHeaderOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + entry.compressedSize > blob.size) throw new ZipError('entry runs past the end of the file');
  return start;
}

/**
 * Limits on an entry's declared size. An entry read whole is allocated at that size at once,
 * and a streamed one (worksheet, shared strings) ends up held as rows and strings, so a ZIP
 * bomb (deflate reaches about 1000:1 on repeated bytes) is refused before inflating. Real shared-strings parts compress 3-20 times; small
 * entries are exempt from the ratio since even a bomb needs size to hurt.
 */
export const ENTRY_LIMITS = { maxBytes: 1024 * 1024 * 1024, maxRatio: 200, ratioExemptBytes: 16 * 1024 * 1024 } as const;

/** Refuses an entry whose declared size is beyond {@link ENTRY_LIMITS}, before anything is inflated. */
function checkEntrySize(entry: ZipEntry): void {
  if (entry.size > ENTRY_LIMITS.maxBytes) throw new ZipError(`${entry.name} declares ${entry.size} bytes`);
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size > ENTRY_LIMITS.ratioExemptBytes && ratio > ENTRY_LIMITS.maxRatio) {
    throw new ZipError(`${entry.name} inflates ${Math.round(ratio)} times (ZIP bomb?)`);
  }
}

/** The whole (decompressed) content of a small entry. */
export async function readEntry(blob: Blob, entry: ZipEntry): Promise<Uint8Array> {
  checkEntrySize(entry);
  const start = await dataStart(blob, entry);
  const raw = await bytesAt(blob, start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipError(`compression method ${entry.method}`);
  try {
    return inflateSync(raw, entry.size > 0 ? { out: new Uint8Array(entry.size) } : undefined);
  } catch (error) {
    throw new ZipError(`inflate failed: ${String(error)}`);
  }
}

/**
 * Streams an entry's decompressed bytes to `onData`, reading the archive in slices of
 * `sliceBytes`; `onProgress` gets the share of the entry's compressed bytes read so far, and
 * `between` runs after each slice (to check for cancellation).
 */
export async function streamEntry(
  blob: Blob,
  entry: ZipEntry,
  onData: (bytes: Uint8Array, final: boolean) => void,
  options: { sliceBytes?: number; onProgress?: (fraction: number) => void; between?: () => void } = {},
): Promise<void> {
  // Streamed entries (worksheets, shared strings) still end up held as rows and strings.
  checkEntrySize(entry);
  const start = await dataStart(blob, entry);
  const end = start + entry.compressedSize;
  const slice = options.sliceBytes ?? 4 << 20;
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`compression method ${entry.method}`);
  const inflate = entry.method === 8 ? new Inflate((data, final) => onData(data, final)) : null;
  if (start === end) {
    if (inflate) throw new ZipError('empty deflate stream');
    onData(new Uint8Array(0), true);
    return;
  }
  for (let at = start; at < end; at += slice) {
    const stop = Math.min(end, at + slice);
    const bytes = await bytesAt(blob, at, stop);
    const final = stop === end;
    try {
      if (inflate) inflate.push(bytes, final);
      else onData(bytes, final);
    } catch (error) {
      if (error instanceof ZipError) throw error;
      // fflate reports damaged or cut-off deflate data by throwing; anything else is ours.
      if (error instanceof Error && 'code' in error) throw new ZipError(`inflate failed: ${error.message}`);
      throw error;
    }
    options.onProgress?.((stop - start) / (end - start));
    options.between?.();
  }
}
