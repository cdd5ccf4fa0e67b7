/** Finds the analysis module exporting Local Moran's I, which another part of the project writes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

const CANDIDATES = ['src/analysis/local-moran.ts', 'src/analysis/autocorrelation.ts'];

/** The project-relative path of a module exporting `localMoran`, or null when none does yet. */
export function findLisaModule(): string | null {
  for (const rel of CANDIDATES) {
    const file = join(ROOT, rel);
    if (existsSync(file) && /export\s+(async\s+)?function\s+localMoran\b|export\s*\{[^}]*\blocalMoran\b/.test(readFileSync(file, 'utf8'))) return rel;
  }
  return null;
}
