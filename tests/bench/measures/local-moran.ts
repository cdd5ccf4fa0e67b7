/**
 * Measure 6: Local Moran's I. The LISA code is being written in src/analysis by someone else;
 * until it exports a function the bench can call, this row says so instead of measuring.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { ROOT } from '../lib/paths';
import type { Row } from '../lib/report';
import { localMoranPlaceholder } from './placeholders';

const CANDIDATES = ['src/analysis/autocorrelation.ts', 'src/analysis/local-moran.ts'];

/** The candidate file exporting a local Moran function, if any. */
export function findLisaModule(): string | null {
  for (const rel of CANDIDATES) {
    const file = join(ROOT, rel);
    if (existsSync(file) && /export\s+(async\s+)?function\s+\w*(localMoran|lisa)\w*/i.test(readFileSync(file, 'utf8'))) return rel;
  }
  return null;
}

/** Runs measure 6, or reports why it cannot run yet. */
export async function measureLocalMoran(_ctx: BenchContext): Promise<{ rows: Row[]; notes: string[] }> {
  const module = findLisaModule();
  if (!module) return { rows: localMoranPlaceholder(), notes: [] };
  return {
    rows: localMoranPlaceholder(),
    notes: [`6: ${module} now exports a LISA function; the bench page for it is not written yet.`],
  };
}
