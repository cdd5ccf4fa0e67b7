/**
 * The national desa/kelurahan FlatGeobuf for tests: unzipped from ../shared once, because a bbox
 * read (HTTP range requests or Blob.slice) needs the plain 162 MB file, which is too large to
 * commit. Used by the browser test (served from the built app's folder) and by the unit tests of
 * src/data/national.ts (unzipped into the OS temporary folder).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/** The gzipped national file shipped beside the project (read-only). */
export const NATIONAL_GZ = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/national/desa-kelurahan-indonesia.fgb.gz');

/** Unzipped size stated in ../shared/data/national/SOURCES.md; any other size is a broken unzip. */
export const NATIONAL_FGB_BYTES = 161_701_720;

/** The file name under `<distDir>/national/`, as the app would be pointed at it. */
export const NATIONAL_FGB_NAME = 'desa-kelurahan-indonesia.fgb';

/**
 * Path of `<distDir>/national/desa-kelurahan-indonesia.fgb`, gunzipping it from ../shared first
 * unless it is already there with the right size. Streams (never holds the file in memory) into a
 * uniquely named partial file renamed at the end, so two processes preparing it at once cannot
 * leave a half-written file. Returns null when ../shared has no national file.
 */
export async function ensureNationalFile(distDir: string): Promise<string | null> {
  const target = join(distDir, 'national', NATIONAL_FGB_NAME);
  if (existsSync(target) && statSync(target).size === NATIONAL_FGB_BYTES) return target;
  if (!existsSync(NATIONAL_GZ)) return null;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(createReadStream(NATIONAL_GZ), createGunzip(), createWriteStream(partial));
    const size = statSync(partial).size;
    if (size !== NATIONAL_FGB_BYTES) throw new Error(`unzipped national file has ${size} bytes, expected ${NATIONAL_FGB_BYTES}`);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}
