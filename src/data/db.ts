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

/** The app's database, started on first use and shared afterwards. */
export function getDatabase(): Promise<Database> {
  dbPromise ??= start().catch((error: unknown) => {
    dbPromise = undefined; // a failed start (e.g. WASM download) may be retried
    throw error;
  });
  return dbPromise;
}

async function start(): Promise<Database> {
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  // Offline, extensions cannot be downloaded; never let DuckDB try (see STACK-NOTES.md).
  await conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
  return {
    async query(sql, params = []) {
      if (params.length === 0) return conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    },
    async exec(sql) {
      await conn.query(sql);
    },
    async registerFileText(name, text) {
      await db.registerFileText(name, text);
    },
  };
}
