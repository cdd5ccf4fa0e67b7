/**
 * `npm run data:demo`: regenerate the synthetic demo dataset in `data/demo/`.
 *
 *   tsx src/cli/generate-demo.ts [--seed N] [--out DIR]
 *
 * Reads `data/kota.json` and `data/boundaries/*.geojson`, writes
 * `indikator.csv`, `program.csv` and `lokasi_program.csv`, and prints city
 * totals against the published targets. Same seed, same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cityTotals, PUBLISHED_FIGURES } from './demo/calibration';
import { catalog } from './demo/catalog';
import { renderDemoFiles } from './demo/csv';
import { DEFAULT_SEED, generateDemo } from './demo/generate';
import { YEARS, type BoundariesByCity, type CityInfo, type DemoData, type KelurahanCollection } from './demo/types';

/** Project root (two levels above this file). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The generator's inputs as read from `data/`. */
export interface DemoInputs {
  cities: CityInfo[];
  boundariesByCity: BoundariesByCity;
}

/** Read `data/kota.json` and every city's boundary file under `root`. */
export function readDemoInputs(root: string = PROJECT_ROOT): DemoInputs {
  const cities = JSON.parse(readFileSync(join(root, 'data', 'kota.json'), 'utf8')) as CityInfo[];
  const boundariesByCity: BoundariesByCity = {};
  for (const city of cities) {
    const text = readFileSync(join(root, 'data', 'boundaries', city.boundaries), 'utf8');
    boundariesByCity[city.kode] = JSON.parse(text) as KelurahanCollection;
  }
  return { cities, boundariesByCity };
}

/** Parse `--seed N` and `--out DIR`. */
function parseArgs(argv: readonly string[]): { seed: number; out: string } {
  let seed = DEFAULT_SEED;
  let out = join(PROJECT_ROOT, 'data', 'demo');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
    const name = arg.split('=')[0];
    if (name === '--seed' || name === '--out') {
      if (value === undefined) throw new Error(`${name} needs a value`);
      if (!arg.includes('=')) i++;
      if (name === '--seed') {
        seed = Number(value);
        if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${value}`);
      } else {
        out = resolve(value);
      }
    } else {
      throw new Error(`unknown argument ${arg} (usage: generate-demo [--seed N] [--out DIR])`);
    }
  }
  return { seed, out };
}

/** City totals per year next to their targets, as printable lines. */
function summary(cities: readonly CityInfo[], data: DemoData): string[] {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const lines = ['kota                     tahun    penduduk   miskin (%)          ekstrem (%)       target ok'];
  for (const city of cities) {
    for (const tahun of YEARS) {
      const rows = data.indicators.filter((r) => r.kode_kota === city.kode && r.tahun === tahun);
      const sum = (key: 'penduduk' | 'penduduk_miskin' | 'penduduk_miskin_ekstrem'): number => rows.reduce((s, r) => s + r[key], 0);
      const pop = sum('penduduk');
      const poor = sum('penduduk_miskin');
      const extreme = sum('penduduk_miskin_ekstrem');
      const target = cityTotals(city.kode, tahun);
      const ok = pop === target.penduduk && poor === target.penduduk_miskin && extreme === target.penduduk_miskin_ekstrem;
      const published = PUBLISHED_FIGURES.filter((f) => f.kodeKota === city.kode && f.tahun === tahun)
        .map((f) => `${f.indicator}=${f.percent}%`)
        .join(' ');
      lines.push(
        `${city.nama.padEnd(24)} ${tahun}  ${fmt(pop).padStart(10)}  ${fmt(poor).padStart(7)} (${((100 * poor) / pop).toFixed(2)})` +
          `  ${fmt(extreme).padStart(6)} (${((100 * extreme) / pop).toFixed(2)})  ${ok ? 'yes' : 'NO '} ${published}`,
      );
    }
  }
  return lines;
}

function main(): void {
  const { seed, out } = parseArgs(process.argv.slice(2));
  const { cities, boundariesByCity } = readDemoInputs();
  const data = generateDemo(cities, boundariesByCity, seed);
  const files = renderDemoFiles(data, catalog);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text, 'utf8');

  console.log(`Synthetic demo data (seed ${seed}) written to ${out}:`);
  console.log(`  indikator.csv ${data.indicators.length} rows, program.csv ${data.programs.length} rows, lokasi_program.csv ${data.sites.length} sites`);
  for (const line of summary(cities, data)) console.log(`  ${line}`);
  if (seed !== DEFAULT_SEED) console.log(`  note: the committed files use seed ${DEFAULT_SEED}; the tests expect that.`);
}

// Run only when executed directly, so tests can import readDemoInputs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`generate-demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
