/**
 * The national desa/kelurahan FlatGeobuf for tests: unzipped from ../shared once, because a bbox
 * read (HTTP range requests or Blob.slice) needs the plain 162 MB file, which is too large to
 * commit. Used by the browser tests (served from the built app's folder, where
 * `npm run data:national` has usually put it already) and by the unit tests of
 * src/data/national.ts (unzipped into the OS temporary folder).
 */
import { join } from 'node:path';
import { ensureNationalFgb } from '../../scripts/build-national-map';

export { NATIONAL_FGB_BYTES, NATIONAL_FGB_NAME, NATIONAL_GZ } from '../../scripts/build-national-map';

/**
 * Path of `<distDir>/national/desa-kelurahan-indonesia.fgb`, gunzipping it from ../shared first
 * unless it is already there with the right size. Null when ../shared has no national file.
 */
export function ensureNationalFile(distDir: string): Promise<string | null> {
  return ensureNationalFgb(join(distDir, 'national'));
}
