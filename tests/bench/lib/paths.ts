/** Where the bench reads and writes, from the project root. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BENCH = join(ROOT, 'tests/bench');
/** Built app snapshot and bench pages (gitignored). */
export const BUILD = join(BENCH, '.build');
export const APP_BUILD = join(BUILD, 'app');
export const PAGES_BUILD = join(BUILD, 'pages');
export const LISA_BUILD = join(BUILD, 'lisa');
/** Large generated or unzipped inputs (gitignored). */
export const CACHE = join(BENCH, '.cache');
export const RESULTS = join(BENCH, 'results');
export { NATIONAL_GZ } from '../../../scripts/build-national-map';
