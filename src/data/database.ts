/**
 * The part of an Apache Arrow table we read. Structural on purpose: DuckDB-WASM resolves its own
 * copy of apache-arrow, whose classes are not the app's.
 */
export interface Table {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): { get(index: number): unknown } | null;
}

/**
 * The one seam to SQL. The browser implements it with DuckDB-WASM in a worker (`db.ts`);
 * tests and the CLI implement it with DuckDB-WASM's blocking Node bundle. Everything that
 * speaks SQL takes a `Database`, so the same statements run in both places.
 */
export interface Database {
  /** Runs a statement with optional positional `?` parameters and returns the result as Arrow. */
  query(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Runs statements whose result is not needed (DDL, inserts). */
  exec(sql: string): Promise<void>;
  /** Makes `text` readable by SQL under the file name `name` (e.g. for `read_csv`). */
  registerFileText(name: string, text: string): Promise<void>;
  /** Makes `bytes` readable by SQL under `name`; the buffer may be transferred (unusable after). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a registered file (its table, if one was made from it, stays). */
  dropFile(name: string): Promise<void>;
  /**
   * The result of `select` as a UTF-8 CSV with a header (DuckDB's COPY, never through JS rows);
   * with `gzip`, gzipped by DuckDB as it writes (in the browser in DuckDB's worker, not the page).
   */
  copyToCsv(select: string, options?: { gzip?: boolean }): Promise<Uint8Array>;
  /**
   * Makes a file readable by SQL under `name` where it lies, without copying it into memory
   * (the browser: a File read in slices by DuckDB's worker). Absent where an engine cannot.
   */
  registerFileHandle?(name: string, file: Blob): Promise<void>;
  /**
   * Runs a long statement that can be stopped (`signal`, then TaskCancelled) and reports the
   * share done when the engine can (the browser's: the share of a File registered by handle that
   * the statement has read, see db.ts). Absent: use `exec`.
   */
  run?(sql: string, hooks: RunHooks): Promise<void>;
  /**
   * Creates `table` from an Arrow IPC stream (a schema and its record batches). The bytes may be
   * transferred (unusable after). Absent where an engine takes no Arrow (the CLI's native DuckDB
   * reads files itself).
   */
  insertArrowIpc?(table: string, ipc: Uint8Array): Promise<void>;
}

/** Progress and cancelling of a long statement. */
export interface RunHooks {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** A plain row of a query result, with BIGINT turned into number (our counts fit in 2^53). */
export type Row = Record<string, string | number | boolean | null>;

/** Converts an Arrow result into plain rows, casting BigInt to number. */
export function toRows(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) {
      const v: unknown = columns[c]?.get(i);
      row[names[c]] = typeof v === 'bigint' ? Number(v) : (v as Row[string]);
    }
    rows[i] = row;
  }
  return rows;
}
