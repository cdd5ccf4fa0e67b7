/**
 * The map of all of Indonesia: where its vector tiles are, and its values through the database.
 * The files are made by `npm run data:national` (scripts/build-national-map.ts) into
 * `national/` beside the app. The values are synthetic (src/cli/national/synthetic.ts).
 */
import type { Database } from './database';
import { sqlIdentifier } from './sql';

/** The synthetic indicators of the national file, in menu order (column names of its CSV). */
export const NATIONAL_INDICATORS = ['penduduk_miskin', 'rtlh', 'tanpa_air_layak'] as const;
export type NationalIndicator = (typeof NATIONAL_INDICATORS)[number];

/** The tiles' layer and the zooms they were built for (drawn overzoomed beyond the last). */
export const NATIONAL_LAYER = 'desa';
export const NATIONAL_TILE_ZOOMS = { min: 4, max: 10 } as const;
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

/** Values of one indicator and year for every desa, as two parallel arrays. */
export interface NationalValues {
  kode: string[];
  nilai: (number | null)[];
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

/** One indicator in one year, for every desa in the file (null where the value is missing). */
export async function fetchNationalValues(db: Database, indikator: NationalIndicator, tahun: number): Promise<NationalValues> {
  if (!NATIONAL_INDICATORS.includes(indikator)) throw new Error(`unknown national indicator ${indikator}`);
  const table = await db.query(`SELECT kode, ${sqlIdentifier(indikator)} AS nilai FROM ${TABLE} WHERE tahun = ? ORDER BY kode`, [tahun]);
  const kodes = table.getChild('kode')!;
  const values = table.getChild('nilai')!;
  const kode: string[] = new Array(table.numRows);
  const nilai: (number | null)[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    kode[i] = String(kodes.get(i));
    const v = values.get(i) as number | null;
    nilai[i] = v === null || !Number.isFinite(v) ? null : v;
  }
  return { kode, nilai };
}
