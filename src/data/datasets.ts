/**
 * Imported tables in DuckDB. A file's normalised CSV becomes a table of text columns
 * (`mentah_<id>`); the join's decisions become a mapping from the key as written to a kelurahan
 * code (`peta_<id>`); typed, aggregated values go into `nilai` through `replaceDataset`. The
 * same steps replay a stored dataset after a reload, so what the user sees after a reload is
 * computed exactly as it was at import.
 */
import type { Database, Row } from './database';
import { toRows } from './database';
import type { Direction, IndicatorDef } from './catalog';
import type { ColumnType, NumberFormat } from './importers/types';
import { booleanSql, numberSql } from './importers/numbers';
import { removeDataset, replaceDataset, type MeasureDef } from './indicators';
import { sqlIdentifier, sqlLiteral } from './sql';
import type { ColumnKind } from './column-units';
import type { YearColumn } from './wide-years';

/** The columns that identify a kelurahan (and a year) in a table; null when the table has none. */
export interface KeyColumns {
  kode: string | null;
  nama: string | null;
  kecamatan: string | null;
  tahun: string | null;
}

/** One distinct key as written in the file, with its rows. */
export interface KeyRow {
  kode: string | null;
  nama: string | null;
  kecamatan: string | null;
  tahun: string | null;
  rows: number;
  /** 1-based row in the file (the header's row + the data row). */
  firstRow: number;
}

/** A key as written and the kelurahan it was joined to. */
export interface KeyMapping {
  key: [string | null, string | null, string | null, string | null];
  kode: string;
}

export interface ColumnChoice {
  name: string;
  type: ColumnType;
  numberFormat: NumberFormat | null;
}

/**
 * An indicator column of an imported table, described by the user. Fields after `per` were
 * added later: a dataset stored before them is a count read from one column.
 */
export interface ImportedIndicator {
  column: string;
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  /**
   * The column of its denominator, and the multiplier. A count with a denominator is a rate as
   * the catalog defines one; so is a rate column with `numerator` and `denominator`, whose
   * kelurahan, kecamatan and city values are then the summed numerator over the summed
   * denominator.
   */
  denominator: string | null;
  per: number;
  /** A count (summed), a rate or a score (never summed). */
  kind?: ColumnKind;
  /** A rate's numerator column (a count), used only with `denominator`. */
  numerator?: string | null;
  /** A population column that weights the mean of a rate or score without numerator and denominator. */
  weight?: string | null;
  /** Columns named by years read as this one indicator (`column` is the first); see wide-years.ts. */
  years?: YearColumn[] | null;
}

export const SAFE_ID = /^[a-z][a-z0-9_]*$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`Not a safe dataset id: ${id}`);
  return id;
}

export const rawTable = (id: string) => `mentah_${checkId(id)}`;
export const mappingTable = (id: string) => `peta_${checkId(id)}`;

/** Loads a normalised CSV (all columns as text) into `mentah_<id>`. The buffer is handed over. */
export async function loadRawTable(db: Database, id: string, csv: Uint8Array): Promise<void> {
  const file = `impor_${checkId(id)}.csv`;
  await db.registerFileBuffer(file, csv);
  try {
    await db.exec(
      `CREATE OR REPLACE TABLE ${rawTable(id)} AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true,
         delim = ',', quote = '"', escape = '"', normalize_names = false, null_padding = true)`,
    );
  } finally {
    await db.dropFile(file);
  }
}

/** The distinct keys of a raw table, in file order; `headerRow` turns data rows into file rows. */
export async function fetchKeys(db: Database, id: string, keys: KeyColumns, headerRow: number): Promise<KeyRow[]> {
  const column = (name: string | null) => (name === null ? 'NULL::VARCHAR' : sqlIdentifier(name));
  const rows = toRows(
    await db.query(`
      SELECT ${column(keys.kode)} AS kode, ${column(keys.nama)} AS nama, ${column(keys.kecamatan)} AS kecamatan,
             ${column(keys.tahun)} AS tahun, count(*) AS n, min(rowid) AS first
      FROM ${rawTable(id)} GROUP BY ALL ORDER BY first`),
  );
  const text = (v: Row[string]) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    kode: text(r.kode),
    nama: text(r.nama),
    kecamatan: text(r.kecamatan),
    tahun: text(r.tahun),
    rows: Number(r.n),
    firstRow: headerRow + 1 + Number(r.first),
  }));
}

/** Stores the join's result as `peta_<id>`: key as written -> kelurahan code. */
export async function loadMapping(db: Database, id: string, mapping: KeyMapping[]): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${mappingTable(id)} (k_kode VARCHAR, k_nama VARCHAR, k_kec VARCHAR, k_tahun VARCHAR, kode VARCHAR)`);
  for (let start = 0; start < mapping.length; start += 1000) {
    const values = mapping.slice(start, start + 1000).map((m) => `(${[...m.key, m.kode].map(sqlLiteral).join(', ')})`);
    await db.exec(`INSERT INTO ${mappingTable(id)} VALUES ${values.join(', ')}`);
  }
}

/** SQL matching raw rows `m` to mapping rows `p` on the key columns (absent ones are NULL in `p`). */
export function keyCondition(keys: KeyColumns): string {
  return (
    [
      [keys.kode, 'k_kode'],
      [keys.nama, 'k_nama'],
      [keys.kecamatan, 'k_kec'],
      [keys.tahun, 'k_tahun'],
    ] as const
  )
    .map(([column, mapped]) => (column === null ? `p.${mapped} IS NULL` : `m.${sqlIdentifier(column)} IS NOT DISTINCT FROM p.${mapped}`))
    .join(' AND ');
}

/** SQL joining the raw rows `m` to their kelurahan `p`: rows whose key was not mapped drop out (or stay, with `left`). */
export function mappedRows(id: string, keys: KeyColumns, left = false): string {
  return `${rawTable(id)} m ${left ? 'LEFT ' : ''}JOIN ${mappingTable(id)} p ON ${keyCondition(keys)}`;
}

/**
 * A year as written in a file: `2024`, `2024 `, `2.024` or `2,024` (Indonesian Excel formats a
 * year cell as a number), `2024.0`; null unless it is a plausible year. `yearSql` is the same
 * rule in SQL, so the join and the stored values agree on every row's year.
 */
export function parseYear(text: string | null): number | null {
  if (text === null) return null;
  const match = /^\s*(\d)[.,]?(\d{3})(?:[.,]0+)?\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[1] + match[2]);
  return year >= 1900 && year <= 2100 ? year : null;
}

export function yearSql(expr: string): string {
  const pattern = `'^\\s*(\\d)[.,]?(\\d{3})(?:[.,]0+)?\\s*$'`;
  const year = `TRY_CAST(regexp_replace(${expr}, ${pattern}, '\\1\\2') AS INTEGER)`;
  return `(CASE WHEN regexp_matches(${expr}, ${pattern}) AND ${year} BETWEEN 1900 AND 2100 THEN ${year} END)`;
}

/** The SQL value of a column as the user typed it (number, yes/no or text). */
export function typedColumn(column: ColumnChoice, alias = 'm'): string {
  const ref = `${alias}.${sqlIdentifier(column.name)}`;
  if (column.type === 'number') return numberSql(ref, column.numberFormat ?? 'id');
  if (column.type === 'boolean') return booleanSql(ref);
  return ref;
}

/**
 * The id under which a denominator or weight column that is not itself an indicator is stored
 * for one indicator; the double underscore keeps it apart from indicator ids (`<dataset>_<slug>`).
 */
function partId(indicator: ImportedIndicator, role: 'penyebut' | 'bobot'): string {
  return `${indicator.id}__${role}`;
}

/** Whether an imported indicator is a rate read from its numerator and denominator columns. */
function hasRateParts(indicator: ImportedIndicator): boolean {
  return indicator.kind === 'rate' && Boolean(indicator.numerator) && Boolean(indicator.denominator);
}

/** A rate without its parts, or a score: values that are never added up. */
export function isUnsummable(indicator: ImportedIndicator): boolean {
  return (indicator.kind === 'rate' || indicator.kind === 'score') && !hasRateParts(indicator);
}

/**
 * Puts an indicator table's columns into `nilai`. Several rows for one kelurahan and year are
 * summed or averaged as the user chose (rows rejected as duplicates were left out of the mapping);
 * a rate or score is always averaged, never summed. An indicator over year columns is unpivoted
 * here, one SELECT per year column. A denominator or weight column that is not an indicator
 * itself is stored as a hidden series (see `partId`) so `ukuran` can divide and weight by it.
 */
export async function applyIndicatorTable(
  db: Database,
  options: {
    id: string;
    keys: KeyColumns;
    columns: ColumnChoice[];
    indicators: ImportedIndicator[];
    year: number | null;
    duplicates: 'sum' | 'mean' | 'reject';
  },
): Promise<void> {
  const { id, keys, columns, indicators } = options;
  if (keys.tahun && indicators.some((i) => i.years?.length)) {
    // The session never builds this: with a year column, the year column wins (see ImportSession).
    throw new Error('Year columns read as one indicator cannot be combined with a year column');
  }
  const rowYear = keys.tahun ? yearSql(`m.${sqlIdentifier(keys.tahun)}`) : String(options.year ?? 'NULL');
  const byColumn = new Map(indicators.map((i) => [i.column, i]));
  // A series: the year columns of a wide indicator, or one column whose year is the row's.
  const seriesOf = (column: string): YearColumn[] | [{ column: string; tahun: null }] => byColumn.get(column)?.years ?? [{ column, tahun: null }];
  const hidden = new Map<string, string>();
  const seriesId = (indicator: ImportedIndicator, role: 'penyebut' | 'bobot'): string => {
    const column = role === 'penyebut' ? indicator.denominator! : indicator.weight!;
    const own = byColumn.get(column);
    if (own) return own.id;
    hidden.set(partId(indicator, role), column);
    return partId(indicator, role);
  };
  const selectsOf = (column: string, indikator: string, aggregate: 'sum' | 'avg'): string[] => {
    return seriesOf(column).map((part) => {
      const choice = columns.find((c) => c.name === part.column);
      if (!choice) throw new Error(`No column ${part.column}`);
      return `SELECT p.kode, left(p.kode, 5) AS kode_kota, ${part.tahun ?? rowYear} AS tahun, ${sqlLiteral(indikator)} AS indikator,
                ${aggregate}(${typedColumn({ ...choice, type: 'number' })}) AS nilai
              FROM ${mappedRows(id, keys)} GROUP BY ALL`;
    });
  };
  const summing = options.duplicates === 'mean' ? 'avg' : 'sum';
  const selects: string[] = [];
  const defs: MeasureDef[] = [];
  for (const indicator of indicators) {
    const parts = hasRateParts(indicator);
    const unsummable = isUnsummable(indicator);
    selects.push(...selectsOf(parts ? indicator.numerator! : indicator.column, indicator.id, unsummable ? 'avg' : summing));
    const denominator = indicator.denominator && (parts || (!unsummable && byColumn.has(indicator.denominator))) ? seriesId(indicator, 'penyebut') : null;
    const weight = unsummable && indicator.weight ? seriesId(indicator, 'bobot') : null;
    defs.push({
      id: indicator.id,
      rate: denominator ? { denominator, per: indicator.per, unit: { id: '', en: '' } } : null,
      kind: unsummable ? 'index' : 'count',
      weight,
    });
  }
  for (const [series, column] of hidden) {
    selects.push(...selectsOf(column, series, summing));
    defs.push({ id: series, rate: null });
  }
  await replaceDataset(db, id, selects.length ? selects.join(' UNION ALL ') : 'SELECT NULL AS kode, NULL AS kode_kota, NULL AS tahun, NULL AS indikator, NULL AS nilai WHERE false', defs);
}

/** The catalog entry of an imported indicator, so it is shown like the demo's. */
export function indicatorDef(
  indicator: ImportedIndicator,
  all: ImportedIndicator[],
  context: { dataset: string; regionKode: string; file: string; suppressBelow?: number },
): IndicatorDef {
  const text = (value: string) => ({ id: value, en: value });
  const columns = indicator.years?.length ? indicator.years.map((y) => y.column).join('", "') : indicator.column;
  const base = {
    id: indicator.id,
    label: text(indicator.label),
    theme: 'impor' as const,
    direction: indicator.direction,
    definition: { id: `Kolom "${columns}" dari berkas ${context.file}.`, en: `Column "${columns}" of the file ${context.file}.` },
    source: { id: `Data impor: ${context.file}`, en: `Imported data: ${context.file}` },
    dataset: context.dataset,
    regionKode: context.regionKode,
    ...(context.suppressBelow ? { suppressBelow: context.suppressBelow } : {}),
  };
  if (hasRateParts(indicator)) {
    // The demo's model of a rate: a count (the numerator) with a denominator and a multiplier.
    const perUnit = indicator.unit || (indicator.per === 100 ? '%' : `per ${indicator.per.toLocaleString('id-ID')}`);
    const denominator = all.find((i) => i.column === indicator.denominator)?.id ?? partId(indicator, 'penyebut');
    return { ...base, unit: text(''), kind: 'count', rate: { denominator, per: indicator.per, unit: text(perUnit) } };
  }
  if (isUnsummable(indicator)) return { ...base, unit: text(indicator.unit), kind: 'index', rate: null };
  const denominator = indicator.denominator ? all.find((i) => i.column === indicator.denominator) : undefined;
  const perUnit = denominator ? `per ${indicator.per} ${denominator.label}` : '';
  return {
    ...base,
    unit: text(indicator.unit),
    kind: 'count',
    rate: denominator ? { denominator: denominator.id, per: indicator.per, unit: text(perUnit) } : null,
  };
}

/** Drops a dataset's tables and values. */
export async function dropDataset(db: Database, id: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${rawTable(id)}; DROP TABLE IF EXISTS ${mappingTable(id)};`);
  await removeDataset(db, id);
}
