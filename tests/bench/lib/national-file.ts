/**
 * The national FlatGeobuf, unzipped once into the gitignored bench cache (162 MB is too large to
 * commit, and a range read needs the plain file), the same way `npm run data:national` does.
 */
import { ensureNationalFgb } from '../../../scripts/build-national-map';
import { CACHE } from './paths';

/** Path of the unzipped national file, unzipping it first when needed; null when the .gz is absent. */
export function nationalFile(): Promise<string | null> {
  return ensureNationalFgb(CACHE);
}
