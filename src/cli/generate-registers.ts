/**
 * The synthetic DTSEN-like and P3KE-like registers of Surakarta for the reconciliation demo and
 * its tests, drawn from the synthetic household register (src/cli/demo/registers.ts).
 *
 *   npx tsx src/cli/generate-registers.ts [--seed N] [--out DIR]
 *
 * Writes `register_dtsen_sintetis_surakarta.csv` and `register_p3ke_sintetis_surakarta.csv`.
 * Same seed, same bytes. Run it after `npm run data:households`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED } from './demo/generate';
import { generateRegisters, renderRegisterFiles, type SyntheticRegisters } from './demo/registers';
import { PROJECT_ROOT } from './generate-demo';
import { generateHouseholdDemo, HOUSEHOLD_CITY } from './generate-households';

export const REGISTER_A_FILE = `register_dtsen_sintetis_${HOUSEHOLD_CITY.slug}.csv`;
export const REGISTER_B_FILE = `register_p3ke_sintetis_${HOUSEHOLD_CITY.slug}.csv`;

/** The two registers drawn from the demo households with `seed`. */
export function generateRegisterDemo(seed: number = DEFAULT_SEED, root: string = PROJECT_ROOT): SyntheticRegisters {
  return generateRegisters(generateHouseholdDemo(seed, root).households, HOUSEHOLD_CITY.year, seed);
}

function main(): void {
  const argv = process.argv.slice(2);
  let seed = DEFAULT_SEED;
  let out = join(PROJECT_ROOT, 'data', 'demo');
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === '--seed') seed = Number(value);
    else if (argv[i] === '--out') out = resolve(value);
    else throw new Error(`unknown argument ${argv[i]} (usage: generate-registers [--seed N] [--out DIR])`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  const registers = generateRegisterDemo(seed);
  const files = renderRegisterFiles(registers);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, REGISTER_A_FILE), files.a, 'utf8');
  writeFileSync(join(out, REGISTER_B_FILE), files.b, 'utf8');
  console.log(`Synthetic registers (seed ${seed}) written to ${out}:`);
  console.log(`  ${REGISTER_A_FILE}: ${registers.a.length} rows, ${files.a.length} bytes`);
  console.log(`  ${REGISTER_B_FILE}: ${registers.b.length} rows, ${files.b.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`generate-registers: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
