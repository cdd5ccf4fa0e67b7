/**
 * The `Database` seam for Node (tests and command-line tools): DuckDB-WASM's blocking bundle,
 * the same engine and SQL dialect as the browser.
 */
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Database } from '../data/database';

/** Starts an in-memory DuckDB in this Node process. */
export async function openNodeDatabase(): Promise<Database> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/blocking'));
  const bindings = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await bindings.instantiate();
  const conn = bindings.connect();
  let copies = 0;
  conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
  return {
    async query(sql, params = []) {
      if (params.length === 0) return conn.query(sql);
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    },
    async exec(sql) {
      conn.query(sql);
    },
    async registerFileText(name, text) {
      bindings.registerFileText(name, text);
    },
    async registerFileBuffer(name, bytes) {
      bindings.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      bindings.dropFile(name);
    },
    async registerFileHandle(name, file) {
      // Tests hand small Blobs; the blocking bundle reads a registered buffer the same way.
      bindings.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
    },
    async run(sql) {
      conn.query(sql);
    },
    async insertArrowIpc(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async copyToCsv(select, options = {}) {
      // In Node, DuckDB writes COPY targets to the real file system: use a temporary file.
      const name = join(tmpdir(), `pkk-${process.pid}-${++copies}.csv${options.gzip ? '.gz' : ''}`);
      conn.query(`COPY (${select}) TO '${name.replaceAll("'", "''")}' (HEADER, DELIMITER ','${options.gzip ? ', COMPRESSION gzip' : ''})`);
      try {
        return new Uint8Array(readFileSync(name));
      } finally {
        rmSync(name, { force: true });
      }
    },
  };
}
