/**
 * The two DuckDB engines side by side, for tests that run the same src/data SQL on both and
 * compare: DuckDB-WASM as the browser runs it (src/cli/node-db.ts) and native DuckDB as the CLI
 * runs it (src/cli/native-db.ts), plus a private folder for files native DuckDB reads by path.
 * One helper so every comparison opens them the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openNativeDatabase, type NativeDatabase } from '../../src/cli/native-db';
import { openNodeDatabase } from '../../src/cli/node-db';
import type { Database } from '../../src/data/database';

export interface BothEngines {
  wasm: Database;
  native: NativeDatabase;
  /** A temporary folder, removed after the suite. */
  dir: string;
}

/**
 * Opens both engines before the enclosing suite's tests (generous timeout: DuckDB-WASM starts in
 * seconds on a loaded machine) and closes native DuckDB and the folder after them. Read the
 * fields inside tests, not at collection time.
 */
export function useBothEngines(prefix: string): BothEngines {
  const engines = {} as BothEngines;
  beforeAll(async () => {
    engines.wasm = await openNodeDatabase();
    engines.native = await openNativeDatabase();
    engines.dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  }, 120_000);
  afterAll(() => {
    engines.native?.close();
    if (engines.dir) rmSync(engines.dir, { recursive: true, force: true });
  });
  return engines;
}
