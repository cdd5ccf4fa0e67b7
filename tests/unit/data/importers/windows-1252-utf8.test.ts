/**
 * The UTF-8 copy of a Windows-1252 file that DuckDB reads (importers/windows-1252-utf8.ts and
 * cp1252ToUtf8 in text.ts): every byte becomes the letter the JavaScript reader reads, the copy
 * made chunk by chunk equals the whole file converted at once, and a cancel stops it; a file
 * whose head read as UTF-8 is checked to its end by the JavaScript reader's rule.
 */
import { describe, expect, it } from 'vitest';
import { cp1252ToUtf8, decodeCp1252 } from '../../../../src/data/importers/text';
import { encodingToTheEnd, TRANSCODE_CHUNK_BYTES, utf8ForDuckDb, windows1252ToUtf8Blob } from '../../../../src/data/importers/windows-1252-utf8';
import { readTable } from '../../../../src/data/importers/read-table';
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

/** `lines` copies of an ASCII line, then `tail` (bytes): a file whose first chunk is plain ASCII. */
function asciiThen(tail: Uint8Array, lines = 300_000): Uint8Array<ArrayBuffer> {
  const line = new TextEncoder().encode('3372031002,RT3372031002-000001,Budi Santoso,Ya,Tidak,3\n');
  const bytes = new Uint8Array(line.length * lines + tail.length);
  for (let i = 0; i < lines; i++) bytes.set(line, i * line.length);
  bytes.set(tail, line.length * lines);
  return bytes;
}

describe('a file whose head read as UTF-8, checked to its end', () => {
  it('is UTF-8 when it is, and is then given to DuckDB as it is', async () => {
    const file = new File([asciiThen(new TextEncoder().encode('3372031002,RT-2,José “Joko”,Ya,Tidak,3\n'))], 'rt.csv');
    expect(file.size).toBeGreaterThan(TRANSCODE_CHUNK_BYTES);
    expect(await encodingToTheEnd(file, file.name)).toBe('utf-8');
    expect(await utf8ForDuckDb(file, 'utf-8', 4 << 20)).toBe(file);
  });

  it('is Windows-1252 when its first non-ASCII byte is not UTF-8, as the JavaScript reader reads it, and is copied', async () => {
    const bytes = asciiThen(windows1252('3372031002,RT-2,José “Joko” – Rp€,Ya,Tidak,3\n'));
    const file = new File([bytes], 'rt.csv');
    expect((await readTable(file)).encoding).toBe('windows-1252');
    expect(await encodingToTheEnd(file, file.name)).toBe('windows-1252');
    const copy = await utf8ForDuckDb(file, 'utf-8', 4 << 20);
    expect(Buffer.from(await copy.arrayBuffer()).equals(cp1252ToUtf8(bytes))).toBe(true);
  });

  it('takes a byte-order mark for no letter, as the JavaScript reader does', async () => {
    const bytes = asciiThen(windows1252('3372031002,RT-2,José,Ya,Tidak,3\n'));
    const file = new File([Uint8Array.of(0xef, 0xbb, 0xbf), bytes], 'rt.csv');
    expect((await readTable(file)).encoding).toBe('windows-1252');
    expect(await encodingToTheEnd(file, file.name)).toBe('windows-1252');
  });

  it('refuses UTF-8 letters followed by a byte that is not UTF-8 with the JavaScript reader’s message and row', async () => {
    const line = new TextEncoder().encode('3372031002,RT-1,José,Ya,Tidak,3\n');
    const bytes = asciiThen(windows1252('3372031002,RT-2,Sri’ah,Ya,Tidak,3\n'));
    const file = new File([line, bytes], 'campur.csv');
    const javascript = await readTable(file).catch((error: unknown) => error);
    expect(javascript).toMatchObject({ key: 'importTable.mixedEncoding' });
    await expect(encodingToTheEnd(file, file.name)).rejects.toMatchObject({ key: 'importTable.mixedEncoding', params: (javascript as { params: object }).params });
  });
});
