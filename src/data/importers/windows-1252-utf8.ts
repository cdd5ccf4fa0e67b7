/**
 * A Windows-1252 file (an office PC's Excel CSV) as a UTF-8 copy, chunk by chunk, for DuckDB's
 * CSV reader: DuckDB knows UTF-8 and Latin-1, and its Latin-1 refuses the bytes 0x80-0x9F that
 * Windows-1252 gives the curly quotes, the euro sign and the dashes (checked on DuckDB-WASM 1.4.3
 * and native 1.5; `encoding = 'windows-1252'` needs the `encodings` extension, which cannot be
 * installed offline). Every letter lands as the JavaScript reader reads it (text.ts).
 *
 * The browser builds a Blob of the chunks in the import worker (src/workers); the command line
 * writes them to a file. Measured in Chromium 156 (a 600 MB Blob of 8 MB chunks built in a
 * worker): one Blob per chunk keeps the worker at one chunk (renderer +55 MB) while the Blob's
 * bytes sit in the browser process (+600 MB); one Blob of the array of chunks held the whole
 * copy in the worker's heap as well (renderer +640 MB).
 */
import type { RunHooks } from '../database';
import { TaskCancelled } from '../task-cancelled';
import { cp1252ToUtf8 } from './text';

/** Bytes read and converted at a time. */
export const TRANSCODE_CHUNK_BYTES = 8 * 1024 * 1024;

/** The UTF-8 bytes of a Windows-1252 file, one chunk at a time; progress is the share of `file` read. */
export async function* windows1252Utf8Chunks(file: Blob, hooks: RunHooks = {}): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  for (let at = 0; at < file.size; at += TRANSCODE_CHUNK_BYTES) {
    if (hooks.signal?.aborted) throw new TaskCancelled();
    const bytes = new Uint8Array(await file.slice(at, at + TRANSCODE_CHUNK_BYTES).arrayBuffer());
    yield cp1252ToUtf8(bytes);
    hooks.onProgress?.(Math.min(1, (at + bytes.length) / file.size));
  }
}

/** A Windows-1252 file as a UTF-8 Blob, built of one Blob per chunk (see above for why). */
export async function windows1252ToUtf8Blob(file: Blob, hooks: RunHooks = {}): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const chunk of windows1252Utf8Chunks(file, hooks)) parts.push(new Blob([chunk]));
  return new Blob(parts, { type: 'text/csv' });
}
