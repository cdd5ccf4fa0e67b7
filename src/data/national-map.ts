/**
 * The map of all of Indonesia: where its vector tiles are, and its values through the database.
 * The files are made by `npm run data:national` (scripts/build-national-map.ts) into
 * `national/` beside the app. The values are synthetic (src/cli/national/synthetic.ts).
 */
import type { Database } from './database';
import { fetchBytes, urlAnswers } from './http';
import { sqlIdentifier } from './sql';

/** The synthetic indicators of the national file, in menu order (column names of its CSV). */
export const NATIONAL_INDICATORS = ['penduduk_miskin', 'rtlh', 'tanpa_air_layak'] as const;
export type NationalIndicator = (typeof NATIONAL_INDICATORS)[number];

/** The tiles' layer and the zooms they were built for (drawn overzoomed beyond the last). */
export const NATIONAL_LAYER = 'desa';
export const NATIONAL_TILE_ZOOMS = { min: 3, max: 10 } as const;
/** Indonesia's desa/kelurahan extent (../shared/data/national/SOURCES.md), [west, south, east, north]. */
export const NATIONAL_BOUNDS: [number, number, number, number] = [94.97, -11.01, 141.03, 6.08];

/** The folder of the national files, absolute (MapLibre fetches tiles from its worker). */
export function nationalBase(baseUri = document.baseURI): string {
  return new URL(`${import.meta.env?.BASE_URL ?? './'}national/`, baseUri).href;
}

/** MapLibre's tile URL template for the national tiles. */
export function nationalTileTemplate(base = nationalBase()): string {
  return `${base}tiles/{z}/{x}/{y}.pbf`;
}

/** The national sample values (CSV bytes); throws `HTTP <status> <url>` when missing. */
export function fetchNationalCsv(base = nationalBase()): Promise<Uint8Array> {
  return fetchBytes(`${base}contoh-nilai.csv`);
}

/** Whether the site was built with the national tiles; rejects when offline. */
export function nationalTilesPresent(base = nationalBase()): Promise<boolean> {
  return urlAnswers(`${base}tiles/metadata.json`);
}

/** Values of one indicator and year for every desa, as two parallel arrays (NaN: no value). */
export interface NationalValues {
  kode: readonly string[];
  nilai: Float64Array;
}

const TABLE = 'nasional_contoh';
const FILE = 'nasional_contoh.csv';

/** Reads the national CSV into the database (replacing an earlier copy); returns the years it holds. */
export async function loadNationalValues(db: Database, bytes: Uint8Array): Promise<number[]> {
  await db.registerFileBuffer(FILE, bytes);
  try {
    // Kode stays text (never a number), whatever the sniffer would think.
    const columns = ["'kode': 'VARCHAR'", "'tahun': 'INTEGER'", ...NATIONAL_INDICATORS.map((c) => `'${c}': 'DOUBLE'`)].join(', ');
    await db.exec(`CREATE OR REPLACE TABLE ${TABLE} AS SELECT * FROM read_csv('${FILE}', header = true, columns = {${columns}})`);
  } finally {
    await db.dropFile(FILE).catch(() => undefined);
  }
  const years = await db.query(`SELECT DISTINCT tahun FROM ${TABLE} ORDER BY tahun`);
  const column = years.getChild('tahun')!;
  return Array.from({ length: years.numRows }, (_, i) => Number(column.get(i)));
}

/** Every desa of the national table, in the order `fetchNationalValues` returns values. */
export async function fetchNationalKode(db: Database): Promise<string[]> {
  const table = await db.query(`SELECT DISTINCT kode FROM ${TABLE} ORDER BY kode`);
  const column = table.getChild('kode')!;
  return Array.from({ length: table.numRows }, (_, i) => String(column.get(i)));
}

/**
 * One indicator in one year, aligned with `kode` (from `fetchNationalKode`): NaN where the desa
 * has no row or no value. Only numbers cross from the worker, not 83,402 codes each time.
 */
export async function fetchNationalValues(db: Database, kode: readonly string[], indikator: NationalIndicator, tahun: number): Promise<NationalValues> {
  if (!NATIONAL_INDICATORS.includes(indikator)) throw new Error(`unknown national indicator ${indikator}`);
  const table = await db.query(
    `SELECT ${sqlIdentifier(indikator)} AS nilai FROM (SELECT DISTINCT kode FROM ${TABLE}) k
     LEFT JOIN ${TABLE} t ON t.kode = k.kode AND t.tahun = ? ORDER BY k.kode`,
    [tahun],
  );
  const column = table.getChild('nilai')!;
  const nilai = new Float64Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const v = column.get(i) as number | null;
    nilai[i] = v === null ? NaN : v;
  }
  if (nilai.length !== kode.length) throw new Error(`national values: ${nilai.length} rows for ${kode.length} desa`);
  return { kode, nilai };
}
