/**
 * The demo dataset shipped with the app: synthetic kelurahan indicators (data/demo), loaded once
 * into the browser's DuckDB. Callers get the database when the tables are ready.
 */
import indikatorCsvUrl from '../../data/demo/indikator.csv?url';
import householdsCsvUrl from '../../data/demo/rumah_tangga_surakarta.csv?url';
import beneficiariesCsvUrl from '../../data/demo/penerima_bantuan_surakarta.csv?url';
import programCsvUrl from '../../data/demo/program.csv?url';
import sitesCsvUrl from '../../data/demo/lokasi_program.csv?url';
import { loadPrograms, loadSites } from './programs';
import { catalog } from './catalog';
import type { Database } from './database';
import type { ProgressListener } from './db';
import { loadIndicators } from './indicators';

let ready: Promise<Database> | undefined;

/** The database with the demo indicator tables loaded; started on first call. */
export function demoDatabase(onProgress?: ProgressListener): Promise<Database> {
  ready ??= load(onProgress).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function load(onProgress?: ProgressListener): Promise<Database> {
  // db.ts (DuckDB's JS and Apache Arrow, about 200 kB) is its own chunk, loaded when DuckDB
  // starts: after the first map, which the build's prebuilt view draws without it.
  const [db, csv] = await Promise.all([import('./db').then((m) => m.getDatabase(onProgress)), fetchText(indikatorCsvUrl)]);
  await loadIndicators(db, csv, catalog.indicators);
  return db;
}

let programsReady: Promise<void> | undefined;

/** Forgets the loaded database (its worker died): the next call starts and loads a new one. */
export function forgetDemoDatabase(): void {
  ready = undefined;
  programsReady = undefined;
}

/**
 * The demo's program data (beneficiaries and eligible per kelurahan, year and program; program
 * sites), loaded into the database the first time a program view needs it, not at start-up.
 */
export function demoPrograms(db: Database): Promise<void> {
  programsReady ??= (async () => {
    const [programs, sites] = await Promise.all([fetchText(programCsvUrl), fetchText(sitesCsvUrl)]);
    await loadPrograms(db, programs);
    await loadSites(db, sites);
  })().catch((error: unknown) => {
    programsReady = undefined;
    throw error;
  });
  return programsReady;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return response.text();
}

/** Where a city's boundary files are served (relative, so any static host and sub-path works). */
export function boundaryUrls(slug: string): { kelurahan: string; kecamatan: string } {
  const base = import.meta.env.BASE_URL;
  return { kelurahan: `${base}boundaries/kelurahan_${slug}.fgb`, kecamatan: `${base}boundaries/kecamatan_${slug}.fgb` };
}

/** The synthetic household records and beneficiary list of Surakarta, as files to import. */
export async function demoHouseholdFile(which: 'households' | 'beneficiaries'): Promise<File> {
  const url = which === 'households' ? householdsCsvUrl : beneficiariesCsvUrl;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  const name = which === 'households' ? 'rumah_tangga_surakarta (contoh sintetis).csv' : 'penerima_bantuan_surakarta (contoh sintetis).csv';
  return new File([await response.blob()], name, { type: 'text/csv' });
}
