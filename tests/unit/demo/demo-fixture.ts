/**
 * Shared fixture for the demo-data tests: the real inputs from `data/` and one
 * generation with the default seed, computed once per test file.
 */
import { generateDemo, DEFAULT_SEED } from '../../../src/cli/demo/generate';
import { readDemoInputs, type DemoInputs } from '../../../src/cli/generate-demo';
import type { DemoData, IndicatorRow } from '../../../src/cli/demo/types';

let inputs: DemoInputs | undefined;
let data: DemoData | undefined;

/** Inputs read from the project's `data/` folder. */
export function demoInputs(): DemoInputs {
  inputs ??= readDemoInputs();
  return inputs;
}

/** The demo data generated with the default seed (what is committed). */
export function defaultDemo(): DemoData {
  if (!data) {
    const { cities, boundariesByCity } = demoInputs();
    data = generateDemo(cities, boundariesByCity, DEFAULT_SEED);
  }
  return data;
}

/** Indicator rows of one city and year. */
export function cityYear(rows: readonly IndicatorRow[], kodeKota: string, tahun: number): IndicatorRow[] {
  return rows.filter((r) => r.kode_kota === kodeKota && r.tahun === tahun);
}

/** Sum of one numeric column. */
export function total(rows: readonly IndicatorRow[], key: 'penduduk' | 'penduduk_miskin' | 'penduduk_miskin_ekstrem' | 'rtlh'): number {
  return rows.reduce((s, r) => s + r[key], 0);
}

/** Percentage rounded to two decimals, as BPS publishes it. */
export function percent2(part: number, whole: number): number {
  return Math.round((10_000 * part) / whole) / 100;
}
