/**
 * `npm run data:households`: the synthetic household register and beneficiary list of Surakarta
 * (2025), consistent with the committed `data/demo/indikator.csv` and `program.csv`.
 *
 *   tsx src/cli/generate-households.ts [--seed N] [--out DIR]
 *
 * Writes `rumah_tangga_surakarta.csv` and `penerima_bantuan_surakarta.csv`. Same seed, same bytes.
 * Run it after `npm run data:demo` whenever the indicators change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED } from './demo/generate';
import { generateHouseholds, renderHouseholdFiles, type HouseholdDemo } from './demo/households';
import { runDemoGenerator } from './demo/run-generator';
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

runDemoGenerator(
  import.meta.url,
  {
    name: 'generate-households',
    title: 'Synthetic households',
    generate(seed) {
      const data = generateHouseholdDemo(seed);
      const files = renderHouseholdFiles(data);
      return [
        { name: HOUSEHOLD_FILE, text: files.households, rows: data.households.length },
        { name: BENEFICIARY_FILE, text: files.beneficiaries, rows: data.beneficiaries.length },
      ];
    },
  },
  join(PROJECT_ROOT, 'data', 'demo'),
);
