/**
 * The demo dataset shipped with the app: synthetic kelurahan indicators (data/demo), loaded once
 * into the browser's DuckDB. Callers get the database when the tables are ready.
 */
import indikatorCsvUrl from '../../data/demo/indikator.csv?url';
import householdsCsvUrl from '../../data/demo/rumah_tangga_surakarta.csv?url';
import beneficiariesCsvUrl from '../../data/demo/penerima_bantuan_surakarta.csv?url';
import { catalog } from './catalog';
import type { Database } from './database';
import { getDatabase, type ProgressListener } from './db';
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
  const [db, csv] = await Promise.all([getDatabase(onProgress), fetchText(indikatorCsvUrl)]);
  await loadIndicators(db, csv, catalog.indicators);
  return db;
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
