/**
 * The SQL an import session runs on its temporary table (`mentah_<id>`), kept here so that
 * src/state only decides and never writes SQL: the rows of a point table, the reduced
 * household and beneficiary records that are stored, the program values, and the clean-up.
 */
import { toRows, type Database, type RunHooks } from './database';
import { desilSql } from './household-read-sql';
import { mappedRows, mappingTable, rawTable, typedColumn, yearSql, type ColumnChoice, type KeyColumns } from './datasets';
import { sqlIdentifier, sqlLiteral } from './sql';

/** Every row of the import's raw table, as plain objects. */
export async function rawTableRows(db: Database, id: string): Promise<Record<string, unknown>[]> {
  return toRows(await db.query(`SELECT * FROM ${rawTable(id)}`));
}

/** The import's raw table as CSV (header first), for storing a table whose rows DuckDB read from the file. */
export function rawTableCsv(db: Database, id: string): Promise<Uint8Array> {
  return db.copyToCsv(`SELECT * FROM ${rawTable(id)}`);
}

/** What is kept of household records: the id to hash, the desil and the deprivation columns. */
export interface HouseholdRecordsSpec {
  id: string;
  keys: KeyColumns;
  salt: string;
  idColumn: string;
  /** The desil column as the user typed it; null when the file has none. */
  desil: ColumnChoice | null;
  /** Each deprivation's column as typed, read as yes/no, stored under `column`. */
  deprivations: { source: ColumnChoice; column: string }[];
}

/**
 * The SELECT reducing household records to kelurahan code, salted id hash, desil and yes/no
 * deprivations: only what the aggregation needs, no name, no identity number. The desil is read
 * by the household module's rule (desilSql: plain digits at once, else the app's number rule).
 */
export function householdRecordsSql(spec: HouseholdRecordsSpec): string {
  const desil = spec.desil ? desilSql(`m.${sqlIdentifier(spec.desil.name)}`, spec.desil.numberFormat) : 'NULL::INTEGER';
  const deprivations = spec.deprivations.map((d) => `${typedColumn({ ...d.source, type: 'boolean' })} AS ${sqlIdentifier(d.column)}`);
  return `SELECT p.kode, sha256(${sqlLiteral(spec.salt)} || trim(m.${sqlIdentifier(spec.idColumn)})) AS id_rt, ${desil} AS desil, ${deprivations.join(', ')}
        FROM ${mappedRows(spec.id, spec.keys, true)}`;
}

/**
 * Creates `target` from the reduced household records inside DuckDB (in the browser its worker:
 * a register of a million households never passes through the page), as one statement that
 * `hooks.signal` stops; stopped or failed, DuckDB creates no table.
 */
export async function createHouseholdRecords(db: Database, spec: HouseholdRecordsSpec, target: string, hooks: RunHooks = {}): Promise<void> {
  const sql = `CREATE OR REPLACE TABLE ${sqlIdentifier(target)} AS ${householdRecordsSql(spec)}`;
  if (db.run) await db.run(sql, hooks);
  else await db.exec(sql);
}

/** A household table as the store keeps it: CSV gzipped by DuckDB as it writes (in the browser in its worker). */
export function householdRecordsGz(db: Database, table: string): Promise<Uint8Array> {
  return db.copyToCsv(`SELECT * FROM ${sqlIdentifier(table)}`, { gzip: true });
}

/** Drops a household table made by createHouseholdRecords (a commit that stopped before storing it). */
export async function dropHouseholdRecords(db: Database, table: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${sqlIdentifier(table)}`);
}

/** The columns of a beneficiary list, and the year of every row when it has no year column. */
export interface BeneficiaryRecordsSpec {
  id: string;
  salt: string;
  idColumn: string;
  programColumn: string;
  yearColumn: string | null;
  year: number;
}

/** A beneficiary list reduced to salted id hash, program and year, as CSV (gzipped by DuckDB with `gzip`). */
export function beneficiaryRecordsCsv(db: Database, spec: BeneficiaryRecordsSpec, options: { gzip?: boolean } = {}): Promise<Uint8Array> {
  const year = spec.yearColumn ? yearSql(`m.${sqlIdentifier(spec.yearColumn)}`) : String(spec.year);
  const select = `SELECT sha256(${sqlLiteral(spec.salt)} || trim(m.${sqlIdentifier(spec.idColumn)})) AS id_rt, trim(m.${sqlIdentifier(spec.programColumn)}) AS program, ${year} AS tahun FROM ${rawTable(spec.id)} m`;
  return db.copyToCsv(select, options);
}

/** The distinct non-empty program values of a beneficiary list, sorted. */
export async function programValues(db: Database, id: string, programColumn: string): Promise<string[]> {
  const program = sqlIdentifier(programColumn);
  const rows = toRows(await db.query(`SELECT DISTINCT trim(${program}) AS p FROM ${rawTable(id)} WHERE trim(${program}) <> '' ORDER BY p`));
  return rows.map((r) => String(r.p));
}

/** Drops an import's raw and mapping tables (a cancelled or committed import). */
export async function dropImportTables(db: Database, id: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${rawTable(id)}; DROP TABLE IF EXISTS ${mappingTable(id)};`);
}
