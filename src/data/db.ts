/**
 * The only module that imports DuckDB-WASM in the browser. DuckDB starts once, lazily, in its
 * own worker; nothing waits for it before the first polygons are drawn.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database, RunHooks } from './database';
import { TaskCancelled } from './task-cancelled';

const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let dbPromise: Promise<Database> | undefined;

/** Share of the DuckDB WASM download done, 0 to 1 (null when the size is unknown). */
export type ProgressListener = (fraction: number | null) => void;

/**
 * The app's database, started on first use and shared afterwards. `onProgress` hears the
 * download of the first start only.
 */
export function getDatabase(onProgress: ProgressListener = () => {}): Promise<Database> {
  dbPromise ??= start(onProgress).catch((error: unknown) => {
    dbPromise = undefined; // a failed start (e.g. WASM download) may be retried
    throw error;
  });
  return dbPromise;
}

/**
 * Downloads the WASM module here first rather than only in DuckDB's worker: a refused download
 * inside the worker ends in an unhandled rejection there and instantiate() never settles, while
 * here it is an error we can report, with progress on the way. The bytes are not kept: the
 * download has filled the HTTP cache (or, on a later visit, comes from the service worker), and
 * the worker reads the same URL from there.
 *
 * Why the real URL and not a blob: V8 keeps the compiled code of a WebAssembly module only when
 * it is compiled by instantiateStreaming from a response with a URL that came from the HTTP
 * cache or Cache Storage; a blob: URL (as this module used before) is compiled from scratch on
 * every visit, about 1-3 s for DuckDB's 34 MB on a laptop.
 */
async function downloadModule(url: string, onProgress: ProgressListener): Promise<void> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${url}`);
  // Under gzip or brotli Content-Length is the compressed size while the stream yields decoded
  // bytes, so the share would be wrong: report progress as unknown then.
  const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length')) || 0;
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    onProgress(total ? Math.min(1, loaded / total) : null);
  }
}

/**
 * DuckDB's worker, started through a small classic script that hides TransformStream before
 * loading it. With TransformStream present, DuckDB's worker wraps the module's response in a
 * new Response (to report progress), which has no URL and so defeats V8's code cache (above);
 * without it, the worker takes its documented other path,
 * `WebAssembly.instantiateStreaming(fetch(mainModuleURL))` (duckdb-wasm 1.32,
 * packages/duckdb-wasm/src/bindings/bindings_browser_base.ts, instantiateWasm). Progress is
 * reported by downloadModule above instead. The worker's other code does not use TransformStream.
 */
function startWorker(workerUrl: string): { worker: Worker; release(): void } {
  const absolute = new URL(workerUrl, location.href).href;
  const source = `self.TransformStream = undefined;\n(${reportFileReads.toString()})();\n(${transferFileBuffers.toString()})();\nimportScripts(${JSON.stringify(absolute)});\n`;
  const shim = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  // The fragment (ignored when the blob is read) names the worker after DuckDB's script, for
  // DevTools and for the fault test that finds DuckDB's worker by its URL.
  const name = absolute.slice(absolute.lastIndexOf('/') + 1);
  return { worker: new Worker(`${shim}#${name}`), release: () => URL.revokeObjectURL(shim) };
}

/** How far DuckDB's worker has read a File registered by handle (reportFileReads). */
interface FileRead {
  name: string;
  size: number;
  /** The end of the furthest slice read so far, in bytes. */
  end: number;
}

/**
 * Runs inside DuckDB's worker, before DuckDB's script (its source is put in the worker's shim,
 * so it must use nothing from this module): reports how far DuckDB has read each File registered
 * by handle. DuckDB-WASM reads such a File only through `file.slice(offset, offset + n)` and
 * FileReaderSync (BROWSER_FILEREADER), in order for a CSV scan, so the end of the furthest slice
 * is the share of the file read. This is the import's progress: DuckDB's own query progress
 * needs eval, which the Content-Security-Policy refuses (runCancellable). At most five messages
 * a second, and the file's last slice always; the message is DuckDB's own PROGRESS_UPDATE type,
 * which AsyncDuckDB hands to its (unused) progress listeners instead of warning about it.
 */
function reportFileReads(): void {
  const slice = Blob.prototype.slice;
  const furthest = new WeakMap<Blob, number>();
  let last = 0;
  Blob.prototype.slice = function (this: Blob, start?: number, end?: number, type?: string): Blob {
    if (this instanceof File && typeof start === 'number' && typeof end === 'number') {
      const reached = Math.max(furthest.get(this) ?? 0, Math.min(end, this.size));
      furthest.set(this, reached);
      const now = Date.now();
      if (now - last >= 200 || reached === this.size) {
        last = now;
        postMessage({ requestId: 0, type: 'PROGRESS_UPDATE', data: { pkkFileRead: { name: this.name, size: this.size, end: reached } } });
      }
    }
    return slice.call(this, start, end, type);
  };
}

/**
 * Runs inside DuckDB's worker, before DuckDB's script, as reportFileReads does: hands a file
 * DuckDB copied out (copyToCsv: a household register's stored records, tens of MB) to the page
 * by transfer instead of by copy. DuckDB-WASM posts the FILE_BUFFER reply without a transfer
 * list, so the page's thread copied the bytes as it received them (about 0.2-0.3 s for a million
 * households). The buffer is DuckDB's own copy out of its memory (copyFileToBuffer), never a
 * view of it; only a Uint8Array that is its whole buffer is moved.
 */
function transferFileBuffers(): void {
  const post = self.postMessage.bind(self) as (message: unknown, transfer?: Transferable[]) => void;
  self.postMessage = ((message: { type?: string; data?: unknown }, transfer?: Transferable[]) => {
    const bytes = message?.type === 'FILE_BUFFER' ? message.data : undefined;
    const whole = bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    post(message, whole && !transfer?.length ? [bytes.buffer] : transfer);
  }) as typeof self.postMessage;
}

async function start(onProgress: ProgressListener): Promise<Database> {
  const bundle = await duckdb.selectBundle(bundles);
  await downloadModule(bundle.mainModule, onProgress);
  const { worker, release } = startWorker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    // Absolute: the worker runs from a blob: URL, against which a relative URL cannot resolve.
    await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    release(); // the worker has long loaded its script by now
  }
  const conn = await db.connect();
  let copies = 0;
  // Offline, extensions cannot be downloaded; never let DuckDB try (see STACK-NOTES.md).
  await conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
  const lost = whenWorkerDies(worker);
  const fileReads = new Set<(read: FileRead) => void>();
  worker.addEventListener('message', (event: MessageEvent<{ type?: string; data?: { pkkFileRead?: FileRead } }>) => {
    const read = event.data?.type === 'PROGRESS_UPDATE' ? event.data.data?.pkkFileRead : undefined;
    if (read) for (const listener of fileReads) listener(read);
  });
  return {
    async query(sql, params = []) {
      if (params.length === 0) return lost.race(conn.query(sql));
      const stmt = await lost.race(conn.prepare(sql));
      try {
        return await lost.race(stmt.query(...params));
      } finally {
        await lost.race(stmt.close()).catch(() => undefined);
      }
    },
    async exec(sql) {
      await lost.race(conn.query(sql));
    },
    async registerFileText(name, text) {
      await lost.race(db.registerFileText(name, text));
    },
    async registerFileBuffer(name, bytes) {
      await lost.race(db.registerFileBuffer(name, bytes));
    },
    async dropFile(name) {
      await lost.race(db.dropFile(name));
    },
    async registerFileHandle(name, file) {
      // BROWSER_FILEREADER: DuckDB's worker reads the File in slices (FileReaderSync), so a
      // household file of gigabytes is never copied whole into either heap.
      await lost.race(db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true));
    },
    async run(sql, hooks) {
      // The share of the file the statement reads: only a statement run this way reads a File
      // registered by handle while it runs (the import's read_csv), so every read heard is its.
      const listener = (read: FileRead) => hooks.onProgress?.(read.size > 0 ? read.end / read.size : 1);
      fileReads.add(listener);
      try {
        await lost.race(runCancellable(db, sql, hooks));
      } finally {
        fileReads.delete(listener);
      }
    },
    async insertArrowIpc(table, ipc) {
      // The buffer is transferred to DuckDB's worker, not copied (a household Parquet batch).
      await lost.race(conn.insertArrowFromIPCStream(ipc, { name: table, create: true }));
    },
    async copyToCsv(select, options = {}) {
      const name = `uitvoer_${++copies}.csv${options.gzip ? '.gz' : ''}`;
      await lost.race(conn.query(`COPY (${select}) TO '${name}' (HEADER, DELIMITER ','${options.gzip ? ', COMPRESSION gzip' : ''})`));
      try {
        return await lost.race(db.copyFileToBuffer(name));
      } finally {
        await lost.race(db.dropFile(name)).catch(() => undefined);
      }
    },
  };
}

/**
 * A statement run as a pending query (startPendingQuery, then pollPendingQuery), which DuckDB's
 * worker executes in steps between messages, so the map's queries are answered meanwhile and a
 * cancel reaches it between two steps. DuckDB's own share of the query is not used: it tracks
 * progress only with its progress bar on, and duckdb-wasm 1.32 reports that bar through
 * emscripten_run_script, a string evaluated as JavaScript, which the app's Content-Security-Policy
 * (no 'unsafe-eval') refuses; the share comes from the bytes of the File read (reportFileReads).
 */
async function runCancellable(db: duckdb.AsyncDuckDB, sql: string, hooks: RunHooks): Promise<void> {
  const { signal } = hooks;
  if (signal?.aborted) throw new TaskCancelled();
  // A connection of its own: between two steps the worker answers the app's other queries, and a
  // query on the same connection would end this one's pending result.
  const conn = await db.connect();
  await conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
  // The bindings' own calls rather than conn.send(): a DDL statement's result is never read.
  const id = conn.useUnsafe((_, connection) => connection);
  try {
    let header = await db.startPendingQuery(id, sql);
    while (header === null) {
      if (signal?.aborted) {
        await db.cancelPendingQuery(id).catch(() => undefined);
        throw new TaskCancelled();
      }
      header = await db.pollPendingQuery(id);
    }
  } catch (error) {
    if (signal?.aborted) throw new TaskCancelled();
    throw error;
  } finally {
    await conn.close().catch(() => undefined);
  }
  if (signal?.aborted) throw new TaskCancelled();
}

/** Thrown by every call on the database once its worker has died (crashed, out of memory). */
export class DatabaseLost extends Error {
  constructor(detail: string) {
    super(`DuckDB worker stopped: ${detail}`);
    this.name = 'DatabaseLost';
  }
}

/**
 * Watches DuckDB's worker: when it dies (an uncaught error in it, e.g. out of memory), AsyncDuckDB
 * forgets its pending requests without settling them, so every query in flight would wait
 * forever. `race` makes each call reject with DatabaseLost instead, and the next getDatabase()
 * starts a new worker (what the old one held must be loaded again by whoever holds it).
 */
function whenWorkerDies(worker: Worker): { race<T>(work: Promise<T>): Promise<T> } {
  let died: DatabaseLost | null = null;
  const listeners = new Set<(error: DatabaseLost) => void>();
  worker.addEventListener('error', (event: ErrorEvent) => {
    if (died) return;
    died = new DatabaseLost(event.message || 'error');
    dbPromise = undefined;
    worker.terminate();
    for (const listener of listeners) listener(died);
    listeners.clear();
  });
  return {
    race<T>(work: Promise<T>): Promise<T> {
      if (died) return Promise.reject(died);
      return new Promise<T>((resolve, reject) => {
        const onDeath = (error: DatabaseLost) => reject(error);
        listeners.add(onDeath);
        work.then(resolve, reject).finally(() => listeners.delete(onDeath));
      });
    },
  };
}
