/**
 * gzip -9 of a file, computed once per content and kept in memory. The server sends these bytes
 * (precompressed, as a static host with `gzip_static` would, so compressing never shows up in a
 * timed request) and the download-weight measure reports their sizes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
/** By path and version, then by content: the app and the bench pages share the DuckDB WASM. */
const byFile = new Map<string, Promise<Buffer>>();
const byContent = new Map<string, Promise<Buffer>>();

/** The gzip -9 bytes of `file` (re-computed when its size or mtime changes). */
export async function gzipFile(file: string): Promise<Buffer> {
  const s = await stat(file);
  const key = `${file}:${s.size}:${s.mtimeMs}`;
  let entry = byFile.get(key);
  if (!entry) {
    entry = readFile(file).then((bytes) => {
      const digest = createHash('sha1').update(bytes).digest('hex');
      let compressed = byContent.get(digest);
      if (!compressed) {
        compressed = gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
        byContent.set(digest, compressed);
      }
      return compressed;
    });
    byFile.set(key, entry);
  }
  return entry;
}

/** Compresses every file with one of `extensions` under `dir` ahead of the timed requests. */
export async function prewarmGzip(dir: string, extensions: ReadonlySet<string>): Promise<void> {
  if (!existsSync(dir)) return;
  const files: string[] = [];
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (extensions.has(extname(name))) files.push(full);
    }
  };
  visit(dir);
  await Promise.all(files.map(gzipFile));
}
