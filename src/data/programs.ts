/**
 * Program data in SQL: beneficiaries (penerima) and eligible (sasaran) per kelurahan, year and
 * program (`program`), and program sites as points (`lokasi_program`). Coverage, repairs already
 * made and the "which programs reach which kelurahan" table are read from there. Codes are read
 * as text: `33.72` must not become the number 33.72.
 */
import type { Database, Row } from './database';
import { toRows } from './database';
import { sqlLiteral } from './sql';

const num = (v: Row[string] | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** A city's kelurahan codes start with the city code and a dot (33.72 -> 33.72.03.1002). */
const cityPrefix = (kodeKota: string) => `${kodeKota}.`;

/** Loads the program CSV (kode,tahun,program,penerima,sasaran) into table `program`, replacing it. */
export async function loadPrograms(db: Database, csvText: string): Promise<void> {
  await db.registerFileText('program.csv', csvText);
  await db.exec(
    `CREATE OR REPLACE TABLE program AS SELECT * FROM read_csv('program.csv', header = true,
       columns = {'kode': 'VARCHAR', 'tahun': 'INTEGER', 'program': 'VARCHAR', 'penerima': 'DOUBLE', 'sasaran': 'DOUBLE'})`,
  );
  await db.dropFile('program.csv');
}

/** Years with program data for a city, oldest first. */
export async function fetchProgramYears(db: Database, kodeKota: string): Promise<number[]> {
  const rows = toRows(await db.query('SELECT DISTINCT tahun FROM program WHERE starts_with(kode, ?) ORDER BY tahun', [cityPrefix(kodeKota)]));
  return rows.map((r) => Number(r.tahun));
}

/**
 * Beneficiaries and eligible per kelurahan of a city in a year, summed over the chosen programs
 * (a Permendagri 53/2020 group is passed as its programs). Adding eligible counts of different
 * programs counts a household once per program: a group's coverage is "program places filled
 * over program places needed", not households reached. Sorted by kode; the shape `coverage()` takes.
 */
export async function fetchCoverage(
  db: Database,
  query: { kodeKota: string; tahun: number; programs: string[] },
): Promise<{ kode: string; beneficiaries: number | null; eligible: number | null }[]> {
  if (query.programs.length === 0) return [];
  const rows = toRows(
    await db.query(
      `SELECT kode, sum(penerima) AS penerima, sum(sasaran) AS sasaran
       FROM program
       WHERE starts_with(kode, ?) AND tahun = ? AND program IN (${query.programs.map(sqlLiteral).join(', ')})
       GROUP BY kode ORDER BY kode`,
      [cityPrefix(query.kodeKota), query.tahun],
    ),
  );
  return rows.map((r) => ({ kode: String(r.kode), beneficiaries: num(r.penerima), eligible: num(r.sasaran) }));
}

/** The program id of RTLH repairs in the catalog. */
export const RTLH_REPAIR_PROGRAM = 'perbaikan_rtlh';

/**
 * Houses repaired per kelurahan over the years fromYear..toYear (inclusive): the beneficiaries
 * of `perbaikan_rtlh`. Kelurahan without rows are absent (read them as 0).
 */
export async function fetchRepaired(
  db: Database,
  query: { kodeKota: string; fromYear: number; toYear: number },
): Promise<Map<string, number>> {
  const rows = toRows(
    await db.query(
      `SELECT kode, coalesce(sum(penerima), 0) AS diperbaiki
       FROM program
       WHERE starts_with(kode, ?) AND program = ? AND tahun BETWEEN ? AND ?
       GROUP BY kode`,
      [cityPrefix(query.kodeKota), RTLH_REPAIR_PROGRAM, query.fromYear, query.toYear],
    ),
  );
  return new Map(rows.map((r) => [String(r.kode), Number(r.diperbaiki)]));
}

/** One cell of the kelurahan × program table. */
export interface ProgramCell {
  kode: string;
  program: string;
  penerima: number | null;
  sasaran: number | null;
  /** The program has at least one beneficiary in the kelurahan that year. */
  reached: boolean;
}

/**
 * Which programs reach which kelurahan in a year, for the table of overlaps and gaps between
 * OPD: one cell per kelurahan and program with a row, sorted by kode then program.
 */
export async function fetchProgramMatrix(db: Database, query: { kodeKota: string; tahun: number }): Promise<ProgramCell[]> {
  const rows = toRows(
    await db.query(
      `SELECT kode, program, penerima, sasaran, coalesce(penerima > 0, false) AS reached
       FROM program WHERE starts_with(kode, ?) AND tahun = ? ORDER BY kode, program`,
      [cityPrefix(query.kodeKota), query.tahun],
    ),
  );
  return rows.map((r) => ({
    kode: String(r.kode),
    program: String(r.program),
    penerima: num(r.penerima),
    sasaran: num(r.sasaran),
    reached: Boolean(r.reached),
  }));
}

/** A program site: a point where a program is delivered (a post, a bank sampah, a PMT post). */
export interface ProgramSite {
  id: string;
  program: string;
  nama: string;
  kode: string;
  lat: number;
  lon: number;
  /** The year the site started. */
  tahun: number | null;
}

/** Loads the sites CSV (id,program,nama,kode,lat,lon,tahun) into table `lokasi_program`, replacing it. */
export async function loadSites(db: Database, csvText: string): Promise<void> {
  await db.registerFileText('lokasi_program.csv', csvText);
  await db.exec(
    `CREATE OR REPLACE TABLE lokasi_program AS SELECT * FROM read_csv('lokasi_program.csv', header = true,
       columns = {'id': 'VARCHAR', 'program': 'VARCHAR', 'nama': 'VARCHAR', 'kode': 'VARCHAR', 'lat': 'DOUBLE', 'lon': 'DOUBLE', 'tahun': 'INTEGER'})`,
  );
  await db.dropFile('lokasi_program.csv');
}

/** The program sites of a city, by id. */
export async function fetchSites(db: Database, kodeKota: string): Promise<ProgramSite[]> {
  const rows = toRows(
    await db.query('SELECT id, program, nama, kode, lat, lon, tahun FROM lokasi_program WHERE starts_with(kode, ?) ORDER BY id', [cityPrefix(kodeKota)]),
  );
  return rows.map((r) => ({
    id: String(r.id),
    program: String(r.program),
    nama: String(r.nama),
    kode: String(r.kode),
    lat: Number(r.lat),
    lon: Number(r.lon),
    tahun: num(r.tahun),
  }));
}
