/**
 * The service worker's precache list, chosen from the files of a build, and the cache version
 * derived from them. Pure (no file system): the Vite plugin (scripts/vite-service-worker.ts)
 * lists and hashes the files, this decides.
 */

/** The DuckDB WebAssembly bundles: 34 and 39 MB, of which a browser uses one (see db.ts). */
const DUCKDB_WASM = /^assets\/duckdb-(eh|mvp|coi)-[^/]*\.wasm$/;
/**
 * The national map's prebuilt first view (about 0.9 MB, named by data/first-view-national-file.ts
 * nationalFirstViewFileName): national data, fetched when that map opens and then kept as any
 * hashed asset, not installed for every visitor who may never open it.
 */
const NATIONAL_FIRST_VIEW = /^assets\/first-view-nasional-[^/]+\.json$/;

/**
 * Whether a built file (path relative to the output folder, `/`-separated) belongs to the app
 * shell installed up front. The DuckDB WASM bundles do not: precaching both would fetch 73 MB
 * where the browser needs one; the page hands the one it used to the worker after its first
 * complete visit instead (register.ts). WOFF fonts are left out too: every browser that runs a
 * service worker reads WOFF2, so they would never be requested.
 */
export function inShell(path: string): boolean {
  if (path === 'index.html') return true;
  if (path === 'regions/regions.json') return true;
  if (/^boundaries\/[^/]+\.fgb$/.test(path)) return true;
  if (!path.startsWith('assets/') || path.slice('assets/'.length).includes('/')) return false;
  if (DUCKDB_WASM.test(path) || NATIONAL_FIRST_VIEW.test(path)) return false;
  return /\.(js|mjs|css|woff2|csv|json|wasm)$/.test(path);
}

/** A built file and a digest of its content (any hex string, e.g. SHA-256). */
export interface BuiltFile {
  path: string;
  digest: string;
}

/** The precache list: shell files in a stable order. */
export function precacheList(files: BuiltFile[]): string[] {
  return files
    .map((f) => f.path)
    .filter(inShell)
    .sort();
}

/**
 * What the cache version is computed from: every shell file's path and content digest, in a
 * stable order. Any change to the shell (a new chunk, an edited boundary file, a new index.html)
 * changes it, so the new worker installs a fresh cache and deletes the old ones. The plugin
 * hashes this text (SHA-256) into the version.
 */
export function versionSource(files: BuiltFile[]): string {
  return files
    .filter((f) => inShell(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.path}\u0000${f.digest}\n`)
    .join('');
}
