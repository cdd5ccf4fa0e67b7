/**
 * Entry point of the synthetic demo generator: pure, no file I/O.
 *
 * For each city: build its fixed kelurahan traits (latent need field, density,
 * program reach), then walk the years, drawing indicators, then programs, and
 * feeding each year's RTLH repairs into next year's RTLH stock. Every city and
 * purpose draws from its own seeded stream, so output depends only on the
 * seed and the inputs.
 */
import { createRandom, deriveSeed } from '../../analysis/random';
import { catalog } from './catalog';
import { buildCityModel, compareKode } from './city-model';
import { cityIndicatorsForYear, initialState } from './indicators';
import { buildProgramTraits, kelurahanProgramsForYear, PROGRAM_IDS } from './programs';
import { citySites } from './sites';
import { INDICATOR_KEY_COLUMNS, YEARS, type BoundariesByCity, type CityInfo, type DemoData, type IndicatorRow, type ProgramRow, type SiteRow } from './types';

/** Seed used by `npm run data:demo` unless `--seed` is given. */
export const DEFAULT_SEED = 20250707;

/**
 * Generate the whole demo dataset.
 * @param cities the entries of `data/kota.json`
 * @param boundariesByCity kelurahan polygons keyed by kode kota
 * @param seed any integer; the same seed and inputs give identical rows
 * @returns rows sorted as written: indicators and programs by kode then tahun, sites by id
 * @throws Error if inputs are incomplete or the catalog and generator disagree
 */
export function generateDemo(cities: readonly CityInfo[], boundariesByCity: BoundariesByCity, seed: number): DemoData {
  const indicators: IndicatorRow[] = [];
  const programs: ProgramRow[] = [];
  const sites: SiteRow[] = [];

  for (const city of cities) {
    const boundaries = boundariesByCity[city.kode];
    if (!boundaries) throw new Error(`no boundaries for ${city.nama} (${city.kode})`);
    const model = buildCityModel(city, boundaries, createRandom(deriveSeed(seed, city.kode, 'model')));
    const traits = buildProgramTraits(model, createRandom(deriveSeed(seed, city.kode, 'program-traits')));
    const yearRandom = createRandom(deriveSeed(seed, city.kode, 'years'));
    const programRandom = createRandom(deriveSeed(seed, city.kode, 'programs'));
    const state = initialState(model);
    const cityIndicators: IndicatorRow[] = [];
    const cityPrograms: ProgramRow[] = [];

    for (const tahun of YEARS) {
      const rows = cityIndicatorsForYear(model, tahun, state, yearRandom);
      const yearPrograms = rows.map((row, i) => kelurahanProgramsForYear(row, traits[i], programRandom));
      // Houses repaired this year leave next year's RTLH stock.
      state.repaired = yearPrograms.map((list) => list.find((p) => p.program === 'perbaikan_rtlh')!.penerima);
      cityIndicators.push(...rows);
      cityPrograms.push(...yearPrograms.flat());
    }
    indicators.push(...cityIndicators);
    programs.push(...cityPrograms);
    sites.push(...citySites(model, cityIndicators, cityPrograms, createRandom(deriveSeed(seed, city.kode, 'sites'))));
  }

  checkAgainstCatalog(indicators[0]);
  const programOrder = new Map(PROGRAM_IDS.map((id, i) => [id, i]));
  indicators.sort((a, b) => compareKode(a.kode, b.kode) || a.tahun - b.tahun);
  programs.sort((a, b) => compareKode(a.kode, b.kode) || a.tahun - b.tahun || programOrder.get(a.program)! - programOrder.get(b.program)!);
  sites.sort((a, b) => compareKode(a.id, b.id));
  return { indicators, programs, sites };
}

/** The catalog must describe exactly the generated columns and programs. */
function checkAgainstCatalog(sample: IndicatorRow | undefined): void {
  if (!sample) return;
  const keys = new Set<string>(INDICATOR_KEY_COLUMNS);
  const produced = Object.keys(sample)
    .filter((k) => !keys.has(k))
    .sort();
  const described = catalog.indicators.map((i) => i.id).sort();
  if (produced.join() !== described.join()) {
    throw new Error(`catalog indicators [${described}] differ from generated columns [${produced}]`);
  }
  const programs = catalog.programs.map((p) => p.id);
  if (programs.join() !== PROGRAM_IDS.join()) {
    throw new Error(`catalog programs [${programs}] differ from generated programs [${PROGRAM_IDS}]`);
  }
}
