/**
 * The synthetic DTSEN-like and P3KE-like registers of Surakarta for the reconciliation demo and
 * its tests, drawn from the synthetic household register (src/cli/demo/registers.ts).
 *
 *   npx tsx src/cli/generate-registers.ts [--seed N] [--out DIR]
 *
 * Writes `register_dtsen_sintetis_surakarta.csv` and `register_p3ke_sintetis_surakarta.csv`.
 * Same seed, same bytes. Run it after `npm run data:households`.
 */
import { join } from 'node:path';
import { DEFAULT_SEED } from './demo/generate';
import { generateRegisters, renderRegisterFiles, type SyntheticRegisters } from './demo/registers';
import { runDemoGenerator } from './demo/run-generator';
import { PROJECT_ROOT } from './generate-demo';
import { generateHouseholdDemo, HOUSEHOLD_CITY } from './generate-households';

export const REGISTER_A_FILE = `register_dtsen_sintetis_${HOUSEHOLD_CITY.slug}.csv`;
export const REGISTER_B_FILE = `register_p3ke_sintetis_${HOUSEHOLD_CITY.slug}.csv`;

/** The two registers drawn from the demo households with `seed`. */
export function generateRegisterDemo(seed: number = DEFAULT_SEED, root: string = PROJECT_ROOT): SyntheticRegisters {
  return generateRegisters(generateHouseholdDemo(seed, root).households, HOUSEHOLD_CITY.year, seed);
}

runDemoGenerator(
  import.meta.url,
  {
    name: 'generate-registers',
    title: 'Synthetic registers',
    generate(seed) {
      const registers = generateRegisterDemo(seed);
      const files = renderRegisterFiles(registers);
      return [
        { name: REGISTER_A_FILE, text: files.a, rows: registers.a.length },
        { name: REGISTER_B_FILE, text: files.b, rows: registers.b.length },
      ];
    },
  },
  join(PROJECT_ROOT, 'data', 'demo'),
);
