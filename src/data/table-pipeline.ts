/**
 * The steps from a read table to values per kelurahan, shared by the app's import dialog
 * (src/state/import.svelte.ts) and the command-line tool (src/cli), so the two front ends
 * cannot drift apart (issue 13: "one pipeline, two front ends"):
 *
 *   ImportedTable -> key columns (chosen by evidence) -> loadRawTable -> fetchKeys ->
 *   JoinKey -> buildJoinReport -> resolveJoin -> key mapping -> values per kelurahan and year.
 *
 * Reading the file (src/data/importers/read-table.ts) and the join itself (join.ts) stay where
 * they are; this module only chains them the one way both front ends use them.
 */
import type { AreaCollection } from './boundaries';
import { toRows, type Database, type Row } from './database';
import type { IndicatorsMeta, SourceInfo } from './dataset-apply';
import {
  fetchKeys,
  loadMapping,
  loadRawTable,
  mappedRows,
  parseYear,
  typedColumn,
  yearSql,
  type ColumnChoice,
  type KeyColumns,
  type KeyMapping,
  type KeyRow,
} from './datasets';
import { emptySql } from './importers/numbers';
import type { ImportedTable } from './importers/types';
import { buildJoinReport, resolveJoin, type JoinDecisions, type JoinKey, type JoinReport, type JoinTarget } from './join';
import { sqlIdentifier } from './sql';
import { gzip, type StoredDataset } from './store';

/** The kelurahan of a region as rows can join to them (code, name and kecamatan). */
export function joinTargets(areas: AreaCollection | null): JoinTarget[] {
  return (areas?.features ?? []).map((f) => ({ kode: f.properties.kode, nama: f.properties.kelurahan, kecamatan: f.properties.kecamatan }));
}

/** Where a dataset came from and how its rows joined, as the workspace keeps it beside the data. */
export function sourceInfoOf(table: ImportedTable, report: JoinReport | null, decisions: JoinDecisions): SourceInfo {
  const resolved = report ? resolveJoin(report, decisions) : null;
  return {
    file: table.file,
    format: table.format,
    sheet: table.sheet,
    headerRow: table.headerRow,
    rowCount: table.rowCount,
    joined: {
      code: report?.counts.code ?? 0,
      name: report?.counts.name ?? 0,
      fuzzy: Object.values(decisions.fuzzy).filter((d) => d === 'accept').length,
      manual: Object.values(decisions.manual).filter((d) => d !== null).length,
      unmatched: resolved?.dropped.length ?? 0,
      missing: resolved?.missing.length ?? 0,
    },
  };
}

/**
 * An indicator table as the workspace stores it: the file's CSV gzipped, with how its columns,
 * keys and join were read, so applying it again (dataset-apply.ts) gives the same values.
 */
export async function indicatorDataset(
  base: { id: string; regionKode: string; created: string },
  table: ImportedTable,
  meta: Omit<IndicatorsMeta, 'kind'>,
): Promise<StoredDataset> {
  const full: IndicatorsMeta = { kind: 'indicators', ...meta };
  return { ...base, name: table.file, file: table.file, kind: 'indicators', meta: full, payload: await gzip(table.csv) };
}

/** The column choices a table starts with: the types and number formats the reader detected. */
export function columnChoicesOf(table: ImportedTable): ColumnChoice[] {
  return table.columns.map((c) => ({ name: c.name, type: c.type, numberFormat: c.numberFormat }));
}

/** A key as DuckDB returned it (text) as the join reads it: the year only when it reads as one. */
export function joinKeyOf(k: KeyRow): JoinKey {
  return { kode: k.kode, nama: k.nama, kecamatan: k.kecamatan, tahun: parseYear(k.tahun), rows: k.rows, firstRow: k.firstRow };
}

/** Loads a table's normalised CSV into `mentah_<id>` (a copy: the table keeps its bytes for storing). */
export async function loadTable(db: Database, id: string, table: ImportedTable): Promise<void> {
  await loadRawTable(db, id, table.csv.slice());
}

/** The distinct keys of a loaded table and their join report. */
export interface StagedJoin {
  keyRows: KeyRow[];
  joinKeys: JoinKey[];
  report: JoinReport;
}

/**
 * Groups the loaded table's rows into distinct keys and matches them to `targets`. `keep`
 * narrows the keys first (the command-line tool analyses one year); the report's key indices
 * are those of the returned arrays.
 */
export async function stageJoin(
  db: Database,
  id: string,
  keys: KeyColumns,
  headerRow: number,
  targets: JoinTarget[],
  options: { oneRowPerKelurahan?: boolean; keep?: (key: JoinKey) => boolean } = {},
): Promise<StagedJoin> {
  let keyRows = await fetchKeys(db, id, keys, headerRow);
  let joinKeys = keyRows.map(joinKeyOf);
  if (options.keep) {
    const kept = joinKeys.map(options.keep);
    keyRows = keyRows.filter((_, i) => kept[i]);
    joinKeys = joinKeys.filter((_, i) => kept[i]);
  }
  const report = buildJoinReport(joinKeys, targets, { oneRowPerKelurahan: options.oneRowPerKelurahan ?? true });
  return { keyRows, joinKeys, report };
}

/** The key -> kelurahan mapping after the user's decisions: one entry per joined key, as written. */
export function keyMappingOf(keyRows: KeyRow[], report: JoinReport, decisions: JoinDecisions): KeyMapping[] {
  const { kodeOfKey } = resolveJoin(report, decisions);
  const mapping: KeyMapping[] = [];
  kodeOfKey.forEach((kode, i) => {
    if (kode === null) return;
    const k = keyRows[i];
    mapping.push({ key: [k.kode, k.nama, k.kecamatan, k.tahun], kode });
  });
  return mapping;
}

/** One kelurahan's value of one column in one year (null when every cell was empty or not a number). */
export interface KelurahanValue {
  kode: string;
  tahun: number | null;
  nilai: number | null;
  /** Rows that went into the value (more than one only when duplicates were summed or averaged). */
  rows: number;
}

/** A filled cell that is not a number, in a row that joined: the value reads it as empty. */
export interface InvalidCell {
  column: string;
  /** The kelurahan the row joined. */
  kode: string;
  /** 1-based row in the file. */
  row: number;
  text: string;
}

/**
 * Values of `column` per kelurahan and year, read by the app's number rules (the column's
 * detected format, so "0,71" is 0.71) from the rows the mapping joins, several rows of one
 * kelurahan and year summed or averaged as decided. Stores the mapping as `peta_<id>`. The year
 * of a table without a year column is `year`.
 */
export async function valuesByKelurahan(
  db: Database,
  id: string,
  options: { keys: KeyColumns; mapping: KeyMapping[]; column: ColumnChoice; year: number | null; duplicates: JoinDecisions['duplicates'] },
): Promise<KelurahanValue[]> {
  const { keys, column } = options;
  await loadMapping(db, id, options.mapping);
  const tahun = keys.tahun ? yearSql(`m.${sqlIdentifier(keys.tahun)}`) : String(options.year ?? 'NULL');
  const aggregate = options.duplicates === 'mean' ? 'avg' : 'sum';
  const rows = toRows(
    await db.query(`SELECT p.kode, ${tahun} AS tahun, ${aggregate}(${typedColumn({ ...column, type: 'number' })}) AS nilai, count(*) AS n
      FROM ${mappedRows(id, keys)} GROUP BY ALL ORDER BY p.kode, tahun`),
  );
  const number = (v: Row[string]) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({ kode: String(r.kode), tahun: number(r.tahun), nilai: number(r.nilai), rows: Number(r.n) }));
}

/**
 * Filled cells of `column` that the number rules do not read, in the rows the mapping joins
 * (call after {@link valuesByKelurahan}), in file order: what would otherwise silently count as empty.
 */
export async function invalidNumbers(db: Database, id: string, keys: KeyColumns, column: ColumnChoice, headerRow: number, limit = 20): Promise<{ count: number; examples: InvalidCell[] }> {
  const ref = `m.${sqlIdentifier(column.name)}`;
  const where = `NOT ${emptySql(ref)} AND ${typedColumn({ ...column, type: 'number' })} IS NULL`;
  const from = `${mappedRows(id, keys)} WHERE ${where}`;
  const count = Number(toRows(await db.query(`SELECT count(*) AS n FROM ${from}`))[0]?.n ?? 0);
  const examples = toRows(await db.query(`SELECT m.rowid AS r, p.kode AS k, ${ref} AS t FROM ${from} ORDER BY m.rowid LIMIT ${limit}`)).map((r) => ({
    column: column.name,
    kode: String(r.k),
    row: headerRow + 1 + Number(r.r),
    text: String(r.t),
  }));
  return { count, examples };
}
