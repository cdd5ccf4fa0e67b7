/**
 * The `Database` seam over native DuckDB (@duckdb/node-api), for command-line work on files too
 * large for DuckDB-WASM: a province's or the nation's household register. The same src/data SQL
 * runs on it unchanged, so results come back in the shape the WASM seam returns (an Arrow-like
 * table, BIGINT as BigInt, which `toRows` turns into numbers). HUGEINT (an uncast integer sum)
 * comes as BigInt too, where WASM gives Arrow's decimal words; the app casts such sums anyway.
 *
 * Native DuckDB reads the real file system. Files "registered" by name are written to a private
 * temporary folder that is on DuckDB's `file_search_path`, so `read_csv('name.csv')` finds them
 * as it does in the browser. Extensions are never loaded or installed on demand (no network):
 * parquet and json are built into this build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue, type JS } from '@duckdb/node-api';
import type { Database, Table } from '../data/database';

/** What DuckDB reports while a statement runs: share done (0-100, -1 when unknown) and rows read. */
export interface NativeProgress {
  percentage: number;
  rowsProcessed: number;
  totalRows: number;
}

/** A native `Database`, plus what only the command line needs. */
export interface NativeDatabase extends Database {
  /** The running statement's progress (poll it while awaiting a query). */
  progress(): NativeProgress;
  /** This database's private temporary folder (removed by close), e.g. for a scratch database file. */
  readonly scratch: string;
  /** Frees DuckDB and removes the temporary folder. */
  close(): void;
}

export interface NativeOptions {
  /** Worker threads (default: DuckDB's, one per core). */
  threads?: number;
  /** DuckDB's memory limit, e.g. "4GB" (default: DuckDB's, 80 % of RAM). */
  memoryLimit?: string;
}

/** Arrow-like values as DuckDB-WASM gives them: dates as epoch milliseconds, the rest as is. */
function arrowValue(value: JS): unknown {
  return value instanceof Date ? value.getTime() : value;
}

/** A materialised result in the structural `Table` shape the app reads. */
function tableOf(names: readonly string[], columns: readonly JS[][]): Table {
  const numRows = columns[0]?.length ?? 0;
  return {
    numRows,
    schema: { fields: names.map((name) => ({ name })) },
    getChild(name) {
      const index = names.indexOf(name);
      if (index < 0) return null;
      const column = columns[index];
      return { get: (i: number) => arrowValue(column[i]) };
    },
  };
}

/** Opens an in-memory native DuckDB in this process. */
export async function openNativeDatabase(options: NativeOptions = {}): Promise<NativeDatabase> {
  const files = mkdtempSync(join(tmpdir(), 'pkk-native-'));
  const config: Record<string, string> = {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    // Large GROUP BYs may spill here rather than fail.
    temp_directory: join(files, 'spill'),
  };
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', config);
  const conn: DuckDBConnection = await instance.connect();
  await conn.run(`SET file_search_path = '${files.replaceAll("'", "''")}'`);
  // Progress is tracked (for progress()) but never printed by DuckDB itself.
  await conn.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  let copies = 0;
  // Registered names are plain file names in the private folder, never paths elsewhere.
  const registered = (name: string): string => join(files, basename(name));

  return {
    scratch: files,
    async query(sql, params = []) {
      const reader = await conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
      return tableOf(reader.columnNames(), reader.getColumnsJS());
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async registerFileText(name, text) {
      writeFileSync(registered(name), text);
    },
    async registerFileBuffer(name, bytes) {
      writeFileSync(registered(name), bytes);
    },
    async dropFile(name) {
      rmSync(registered(name), { force: true });
    },
    async copyToCsv(select, options = {}) {
      const path = join(files, `copy-${++copies}.csv${options.gzip ? '.gz' : ''}`);
      await conn.run(`COPY (${select}) TO '${path.replaceAll("'", "''")}' (HEADER, DELIMITER ','${options.gzip ? ', COMPRESSION gzip' : ''})`);
      try {
        return new Uint8Array(readFileSync(path));
      } finally {
        rmSync(path, { force: true });
      }
    },
    progress() {
      const p = conn.progress;
      return { percentage: p.percentage, rowsProcessed: Number(p.rows_processed), totalRows: Number(p.total_rows_to_process) };
    },
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
