/**
 * The UTF-8 copy of a Windows-1252 file that DuckDB reads (importers/windows-1252-utf8.ts and
 * cp1252ToUtf8 in text.ts): every byte becomes the letter the JavaScript reader reads, the copy
 * made chunk by chunk equals the whole file converted at once, and a cancel stops it.
 */
import { describe, expect, it } from 'vitest';
import { cp1252ToUtf8, decodeCp1252 } from '../../../../src/data/importers/text';
import { TRANSCODE_CHUNK_BYTES, windows1252ToUtf8Blob } from '../../../../src/data/importers/windows-1252-utf8';
import { TaskCancelled } from '../../../../src/data/task-cancelled';
import { WINDOWS_1252_HIGH, windows1252 } from '../../../fixtures/windows-1252';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

describe('Windows-1252 as UTF-8', () => {
  it('gives every byte the letter the JavaScript reader reads, the 27 of 0x80-0x9F by the code page', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    expect(utf8(cp1252ToUtf8(all))).toBe(decodeCp1252(all));
    for (const [byte, letter] of WINDOWS_1252_HIGH) expect(utf8(cp1252ToUtf8(Uint8Array.of(byte)))).toBe(letter);
    // The five bytes the code page leaves undefined stay their C1 controls, as WHATWG's decoder reads them.
    expect(utf8(cp1252ToUtf8(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d)))).toBe('\u0081\u008d\u008f\u0090\u009d');
    expect(utf8(cp1252ToUtf8(windows1252('José “Joko” – Rp€ 1.500')))).toBe('José “Joko” – Rp€ 1.500');
  });

  it('builds the same bytes chunk by chunk as at once, with progress to the end', async () => {
    // Over one chunk, with a three-byte letter across the chunk boundary in the output.
    const line = windows1252('3372031002;Sri’ah – Rp€;Ya\r\n');
    const bytes = new Uint8Array(TRANSCODE_CHUNK_BYTES + 3 * line.length);
    for (let at = 0; at < bytes.length; at += line.length) bytes.set(line.subarray(0, Math.min(line.length, bytes.length - at)), at);
    const fractions: number[] = [];
    const blob = await windows1252ToUtf8Blob(new Blob([bytes]), { onProgress: (f) => fractions.push(f) });
    // Compared as Buffers: a deep equality of 8 MB arrays element by element takes minutes.
    expect(Buffer.from(await blob.arrayBuffer()).equals(cp1252ToUtf8(bytes))).toBe(true);
    expect(blob.size).toBeGreaterThan(bytes.length);
    expect(fractions).toEqual([TRANSCODE_CHUNK_BYTES / bytes.length, 1]);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(windows1252ToUtf8Blob(new Blob([windows1252('a€\n')]), { signal: abort.signal })).rejects.toBeInstanceOf(TaskCancelled);
  });
});
