/**
 * The national FlatGeobuf, unzipped once into the gitignored cache (162 MB is too large to
 * commit, and a range read needs the plain file).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CACHE, NATIONAL_FGB, NATIONAL_GZ } from './paths';

/** Size stated in ../shared/data/national/SOURCES.md; a different size means a bad unzip. */
export const NATIONAL_BYTES = 161_701_720;

/** Path of the unzipped national file, unzipping it first when needed; null when the .gz is absent. */
export async function nationalFile(): Promise<string | null> {
  if (existsSync(NATIONAL_FGB) && statSync(NATIONAL_FGB).size === NATIONAL_BYTES) return NATIONAL_FGB;
  if (!existsSync(NATIONAL_GZ)) return null;
  console.log('bench: unzipping the national FlatGeobuf into tests/bench/.cache ...');
  mkdirSync(CACHE, { recursive: true });
  const partial = `${NATIONAL_FGB}.tmp`;
  await pipeline(createReadStream(NATIONAL_GZ), createGunzip(), createWriteStream(partial));
  const size = statSync(partial).size;
  if (size !== NATIONAL_BYTES) throw new Error(`unzipped national file has ${size} bytes, expected ${NATIONAL_BYTES}`);
  renameSync(partial, NATIONAL_FGB);
  return NATIONAL_FGB;
}
