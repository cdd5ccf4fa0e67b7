/**
 * `npm run data:households`: the synthetic household register and beneficiary list of Surakarta
 * (2025), consistent with the committed `data/demo/indikator.csv` and `program.csv`.
 *
 *   tsx src/cli/generate-households.ts [--seed N] [--out DIR]
 *
 * Writes `rumah_tangga_surakarta.csv` and `penerima_bantuan_surakarta.csv`. Same seed, same bytes.
 * Run it after `npm run data:demo` whenever the indicators change.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED } from './demo/generate';
import { generateHouseholds, renderHouseholdFiles, type HouseholdDemo } from './demo/households';
import type { IndicatorRow, ProgramRow } from './demo/types';
import { PROJECT_ROOT } from './generate-demo';

/** The demo city and year of the register. */
export const HOUSEHOLD_CITY = { kode: '33.72', slug: 'surakarta', year: 2025 } as const;
export const HOUSEHOLD_FILE = `rumah_tangga_${HOUSEHOLD_CITY.slug}.csv`;
export const BENEFICIARY_FILE = `penerima_bantuan_${HOUSEHOLD_CITY.slug}.csv`;

/** Rows of a demo CSV (no quoted fields in these files) as objects, numbers converted. */
function readCsv(path: string, text: readonly string[]): Record<string, string | number>[] {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, text.includes(h) ? cells[i] : Number(cells[i])]));
  });
}

/** Surakarta's indicator and program rows from the committed demo files under `root`. */
export function readHouseholdInputs(root: string = PROJECT_ROOT): { indicators: IndicatorRow[]; programs: ProgramRow[] } {
  const dir = join(root, 'data', 'demo');
  const prefix = `${HOUSEHOLD_CITY.kode}.`;
  const indicators = readCsv(join(dir, 'indikator.csv'), ['kode', 'kelurahan', 'kode_kecamatan', 'kecamatan', 'kode_kota']).filter(
    (r) => r.kode_kota === HOUSEHOLD_CITY.kode,
  ) as unknown as IndicatorRow[];
  const programs = readCsv(join(dir, 'program.csv'), ['kode', 'program']).filter((r) => String(r.kode).startsWith(prefix)) as unknown as ProgramRow[];
  return { indicators, programs };
}

/** The register and list generated from the committed demo files. */
export function generateHouseholdDemo(seed: number = DEFAULT_SEED, root: string = PROJECT_ROOT): HouseholdDemo {
  const { indicators, programs } = readHouseholdInputs(root);
  return generateHouseholds(indicators, programs, HOUSEHOLD_CITY.year, seed);
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
    else throw new Error(`unknown argument ${argv[i]} (usage: generate-households [--seed N] [--out DIR])`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  const data = generateHouseholdDemo(seed);
  const files = renderHouseholdFiles(data);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, HOUSEHOLD_FILE), files.households, 'utf8');
  writeFileSync(join(out, BENEFICIARY_FILE), files.beneficiaries, 'utf8');
  console.log(`Synthetic households (seed ${seed}) written to ${out}:`);
  console.log(`  ${HOUSEHOLD_FILE}: ${data.households.length} rows, ${files.households.length} bytes`);
  console.log(`  ${BENEFICIARY_FILE}: ${data.beneficiaries.length} rows, ${files.beneficiaries.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`generate-households: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
