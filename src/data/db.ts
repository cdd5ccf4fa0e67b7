/**
 * The only module that imports DuckDB-WASM in the browser. DuckDB starts once, lazily, in its
 * own worker; nothing waits for it before the first polygons are drawn.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database } from './database';

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
 * Downloads the WASM module here rather than in DuckDB's worker: a refused download inside the
 * worker ends in an unhandled rejection there and instantiate() never settles, while here it is
 * an error we can report, with progress on the way. The worker then reads a local blob URL.
 */
async function downloadModule(url: string, onProgress: ProgressListener): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${url}`);
  // Under gzip or brotli Content-Length is the compressed size while the stream yields decoded
  // bytes, so the share would be wrong: report progress as unknown then.
  const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(total ? Math.min(1, loaded / total) : null);
  }
  return URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/wasm' }));
}

async function start(onProgress: ProgressListener): Promise<Database> {
  const bundle = await duckdb.selectBundle(bundles);
  const moduleUrl = await downloadModule(bundle.mainModule, onProgress);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(moduleUrl, bundle.pthreadWorker);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    URL.revokeObjectURL(moduleUrl);
  }
  const conn = await db.connect();
  let copies = 0;
  // Offline, extensions cannot be downloaded; never let DuckDB try (see STACK-NOTES.md).
  await conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
  const lost = whenWorkerDies(worker);
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
    async copyToCsv(select) {
      const name = `uitvoer_${++copies}.csv`;
      await lost.race(conn.query(`COPY (${select}) TO '${name}' (HEADER, DELIMITER ',')`));
      try {
        return await lost.race(db.copyFileToBuffer(name));
      } finally {
        await lost.race(db.dropFile(name)).catch(() => undefined);
      }
    },
  };
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
