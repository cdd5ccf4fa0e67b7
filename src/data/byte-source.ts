/**
 * Byte ranges of a large file that is never read whole: over HTTP range requests (a URL) or by
 * Blob.slice (a File the user picked). Both count what they read, so the caller can report and
 * test how little of the file a region needed.
 */
import { ImportError } from './importers/types';

export interface ByteSource {
  /** File name or URL, for messages. */
  readonly name: string;
  /** Total file size; null until a server has said (Content-Range). */
  readonly size: number | null;
  /** Bytes received so far (every range counted, repeats included). */
  readonly bytesRead: number;
  /** Bytes `start` (inclusive) to `end` (exclusive); shorter only at the end of the file. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface SourceOptions {
  signal?: AbortSignal;
  /** Called with the running total of bytes read, as they arrive. */
  onProgress?: (bytes: number) => void;
}

/** The last path segment of a URL, or the URL itself: what a user recognises in a message. */
function fileLabel(url: string): string {
  const path = url.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The read was aborted', 'AbortError');
}

/** A local file (or any Blob): ranges by `slice`, no network. */
export class BlobSource implements ByteSource {
  readonly name: string;
  readonly size: number;
  bytesRead = 0;

  constructor(
    private readonly blob: Blob,
    private readonly options: SourceOptions = {},
  ) {
    this.name = (blob as File).name || 'file';
    this.size = blob.size;
  }

  async read(start: number, end: number): Promise<Uint8Array> {
    if (this.options.signal?.aborted) throw abortError(this.options.signal);
    const bytes = new Uint8Array(await this.blob.slice(start, Math.min(end, this.size)).arrayBuffer());
    if (this.options.signal?.aborted) throw abortError(this.options.signal);
    this.bytesRead += bytes.byteLength;
    this.options.onProgress?.(this.bytesRead);
    return bytes;
  }
}

/**
 * A file on a web server, read by `Range: bytes=a-b` requests. A server that ignores Range and
 * answers 200 with the whole file is cut off at once (the body is cancelled unread), because
 * going on would download the whole national file (162 MB) to show one kota.
 */
export class HttpSource implements ByteSource {
  readonly name: string;
  size: number | null = null;
  bytesRead = 0;

  constructor(
    private readonly url: string,
    private readonly options: SourceOptions = {},
  ) {
    this.name = fileLabel(url);
  }

  async read(start: number, end: number): Promise<Uint8Array> {
    const { signal } = this.options;
    if (signal?.aborted) throw abortError(signal);
    if (this.size !== null) end = Math.min(end, this.size);
    if (end <= start) return new Uint8Array(0);
    // Our own controller, so a 200 reply can be stopped without aborting the caller's signal.
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    try {
      let response: Response;
      try {
        response = await fetch(this.url, { headers: { Range: `bytes=${start}-${end - 1}` }, signal: controller.signal });
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        throw new ImportError('regions.network', { file: this.name, detail: (error as Error).message }, { cause: error });
      }
      const length = Number(response.headers.get('Content-Length') ?? NaN);
      if (response.status === 200 && start === 0 && length <= end) {
        // A whole file smaller than the range asked for: some servers answer 200, rightly.
        this.size = length;
        return await this.body(response, length);
      }
      if (response.status === 200) {
        controller.abort();
        await response.body?.cancel().catch(() => undefined);
        throw new ImportError('regions.noRangeSupport', { file: this.name });
      }
      if (response.status !== 206) {
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 416) throw new ImportError('regions.corrupt', { file: this.name, offset: start });
        throw new ImportError('regions.httpStatus', { file: this.name, status: response.status });
      }
      const total = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '');
      if (total) this.size = Number(total[1]);
      const bytes = await this.body(response, end - start);
      if (signal?.aborted) throw abortError(signal);
      // A proxy may answer a different range than asked; a short read is fine only at the end.
      const expected = (this.size === null ? end : Math.min(end, this.size)) - start;
      if (bytes.byteLength !== expected) throw new ImportError('regions.corrupt', { file: this.name, offset: start });
      return bytes;
    } finally {
      signal?.removeEventListener('abort', forward);
    }
  }

  /** Reads a body chunk by chunk, counting bytes as they arrive (for the progress line). */
  private async body(response: Response, expected: number): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        length += value.byteLength;
        this.bytesRead += value.byteLength;
        this.options.onProgress?.(this.bytesRead);
        // Never keep reading far past what was asked (a misbehaving server).
        if (length > expected + 65536) break;
      }
    } catch (error) {
      if (this.options.signal?.aborted) throw abortError(this.options.signal);
      throw new ImportError('regions.network', { file: this.name, detail: (error as Error).message }, { cause: error });
    } finally {
      reader.releaseLock();
    }
    if (length > expected) await response.body.cancel().catch(() => undefined);
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }
}
