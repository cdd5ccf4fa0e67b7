/**
 * A household CSV made ready for DuckDB's reader, which reads UTF-8 (and Latin-1, whose reading
 * refuses the bytes 0x80-0x9F that Windows-1252 gives the curly quotes, the euro sign and the
 * dashes; checked on DuckDB-WASM 1.4.3 and native 1.5; `encoding = 'windows-1252'` needs the
 * `encodings` extension, which cannot be installed offline). A Windows-1252 file (an office PC's
 * Excel CSV) is copied to UTF-8 chunk by chunk, every letter as the JavaScript reader reads it
 * (text.ts). A file whose head read as UTF-8 is checked to the end first, by the JavaScript
 * reader's rule (delimited-file.ts): a plain ASCII start followed by a byte that is not UTF-8 is
 * Windows-1252 (Indonesian names are nearly all ASCII: the first é may come after the head), and
 * UTF-8 letters before such a byte are two encodings in one file, refused with the row before
 * DuckDB spends minutes on it.
 *
 * The browser builds a Blob of the chunks in the import worker (src/workers); the command line
 * writes them to a file (src/cli/household-files.ts). Measured in Chromium 156 (a 600 MB Blob of
 * 8 MB chunks built in a worker): one Blob per chunk keeps the worker at one chunk (renderer
 * +55 MB) while the Blob's bytes sit in the browser process (+600 MB); one Blob of the array of
 * chunks held the whole copy in the worker's heap as well (renderer +640 MB).
 */
import type { RunHooks } from '../database';
import { TaskCancelled } from '../task-cancelled';
import { countLineFeeds, cp1252ToUtf8, InvalidUtf8, TextChunkDecoder } from './text';
import { ImportError, type TextEncoding } from './types';

/** Bytes read (and converted) at a time. */
export const TRANSCODE_CHUNK_BYTES = 8 * 1024 * 1024;

/** The chunks of `file` in order, with progress as the share read and a check for cancel between them. */
async function* chunksOf(file: Blob, hooks: RunHooks): AsyncGenerator<{ at: number; bytes: Uint8Array }> {
  for (let at = 0; at < file.size; at += TRANSCODE_CHUNK_BYTES) {
    if (hooks.signal?.aborted) throw new TaskCancelled();
    const bytes = new Uint8Array(await file.slice(at, at + TRANSCODE_CHUNK_BYTES).arrayBuffer());
    yield { at, bytes };
    hooks.onProgress?.(Math.min(1, (at + bytes.length) / file.size));
  }
}

/** A Windows-1252 file as a UTF-8 Blob, built of one Blob per chunk (see above for why). */
export async function windows1252ToUtf8Blob(file: Blob, hooks: RunHooks = {}): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const { bytes } of chunksOf(file, hooks)) parts.push(new Blob([cp1252ToUtf8(bytes)]));
  return new Blob(parts, { type: 'text/csv' });
}

/**
 * The encoding of a file whose head read as UTF-8, from all of its bytes: `utf-8`, or
 * `windows-1252` when a byte that is not UTF-8 follows nothing but ASCII.
 * @throws ImportError `importTable.mixedEncoding` (with the row) when UTF-8 letters come before such a byte
 */
export async function encodingToTheEnd(file: Blob, name: string, hooks: RunHooks = {}): Promise<TextEncoding> {
  // Plain ASCII (nearly every byte of a register) is passed over by a bare loop; the decoder
  // starts at the first other byte (two to three times faster than decoding everything).
  let decoder: TextChunkDecoder | null = null;
  for await (const { at, bytes } of chunksOf(file, hooks)) {
    // A byte-order mark is no letter: the JavaScript reader skips it too.
    let from = at === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    if (!decoder) {
      while (from < bytes.length && bytes[from] < 0x80) from++;
      if (from === bytes.length) continue;
      decoder = new TextChunkDecoder('utf-8');
    }
    try {
      decoder.decode(bytes.subarray(from), at + bytes.length >= file.size);
    } catch (error) {
      if (!(error instanceof InvalidUtf8)) throw error;
      if (!error.sawNonAscii) return 'windows-1252';
      let row = 1 + countLineFeeds(bytes, from + error.chunkOffset);
      for await (const before of chunksOf(file.slice(0, at), {})) row += countLineFeeds(before.bytes, before.bytes.length);
      throw new ImportError('importTable.mixedEncoding', { file: name, row }, { cause: error });
    }
  }
  return 'utf-8';
}

/**
 * A household CSV as DuckDB is to read it, in UTF-8: a Windows-1252 file's UTF-8 copy; a file whose
 * head read as UTF-8 itself, once checked to the end (a Windows-1252 file with a plain ASCII head
 * is copied). `headBytes`: how much of the file the head's reading already checked.
 */
export async function utf8ForDuckDb(file: File, encoding: TextEncoding, headBytes: number, hooks: RunHooks = {}): Promise<Blob> {
  const { signal, onProgress } = hooks;
  if (encoding === 'utf-8' && file.size > headBytes) {
    encoding = await encodingToTheEnd(file, file.name, { signal, onProgress: onProgress && ((f) => onProgress(f / 2)) });
    if (encoding === 'windows-1252') return windows1252ToUtf8Blob(file, { signal, onProgress: onProgress && ((f) => onProgress(0.5 + f / 2)) });
  }
  return encoding === 'windows-1252' ? windows1252ToUtf8Blob(file, hooks) : file;
}
