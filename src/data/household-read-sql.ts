/**
 * A household file (CSV or Parquet; one file, a list or a glob) turned into the typed
 * `households` view that src/data/households.ts aggregates, entirely in DuckDB SQL: the file is
 * read by DuckDB's own reader where it lies and never passes through JavaScript rows. One module
 * for two engines: the browser calls it on a file registered by name (DuckDB-WASM), the
 * command line on paths and globs (native DuckDB, src/cli/native-db.ts); the same SQL gives the
 * same typed values on both.
 *
 * The typing rules are the app's own, reused from their homes: numbers and yes/no words
 * (importers/numbers.ts: numberSql, booleanSql), years (datasets.ts: yearSql), the desil as the
 * import stores it (TRY_CAST of the number to INTEGER). Kode wilayah in any spelling become
 * Kemendagri's PP.KK.CC.DDDD by kodeSql, the SQL twin of kode-wilayah.ts (a test holds the two
 * to the same answers).
 *
 * Typical use:
 *   const source = { files: ['dtsen.csv'], format: 'csv' };
 *   const probe = await probeHouseholdFile(db, source);          // header, types, sample rows
 *   const proposal = proposeHouseholdColumns(probe.header, probe.sample); // household-columns.ts
 *   await createHouseholdsView(db, 'households', source, probe, { kode: 'kode_kelurahan', ... });
 *   await aggregateHouseholds(db, { view: 'households', ... });    // households.ts
 */
import { toRows, type Database } from './database';
import { yearSql } from './datasets';
import { booleanSql, numberSql } from './importers/numbers';
import type { NumberFormat } from './importers/types';
import { sqlIdentifier, sqlLiteral } from './sql';

export type HouseholdFileFormat = 'csv' | 'parquet';

/** Where the household rows are, as DuckDB names files. */
export interface HouseholdSource {
  /** Paths, globs (`dtsen_*.csv`, native only) or names registered with the Database. */
  files: readonly string[];
  format: HouseholdFileFormat;
  /**
   * CSV: the delimiter; detected by DuckDB's sniffer when omitted. CSV files are read as UTF-8
   * (a byte-order mark is skipped); a Windows-1252 file is read from its UTF-8 copy
   * (importers/windows-1252-utf8.ts), since DuckDB's Latin-1 refuses its curly quotes and euro sign.
   */
  delimiter?: string;
}

/**
 * The table function reading `source`. CSV columns come as text (VARCHAR, cells as written,
 * empty cells NULL) so the app's rules type them; a row with fewer or more cells than the header
 * is an error, never padded (a truncated file must not pass as complete). Parquet columns keep
 * their types. Several files are matched by column name.
 */
export function householdSourceSql(source: HouseholdSource): string {
  if (source.files.length === 0) throw new RangeError('a household source needs at least one file');
  const files = source.files.length === 1 ? sqlLiteral(source.files[0]) : `[${source.files.map(sqlLiteral).join(', ')}]`;
  if (source.format === 'parquet') return `read_parquet(${files}, union_by_name = true)`;
  const options = [
    'header = true',
    'all_varchar = true',
    "quote = '\"'",
    "escape = '\"'",
    'normalize_names = false',
    'null_padding = false',
    'union_by_name = true',
  ];
  if (source.delimiter !== undefined) options.push(`delim = ${sqlLiteral(source.delimiter)}`);
  return `read_csv(${files}, ${options.join(', ')})`;
}

/** The start of a household file as SQL sees it. */
export interface HouseholdFileProbe {
  /** Column names as in the file. */
  header: string[];
  /** DuckDB's type of each column (always VARCHAR for CSV). */
  types: string[];
  /** The first rows as text cells ('' for empty), for the column choice and the personal-data flags. */
  sample: string[][];
}

/** Text of a sampled cell as the importers give it: '' for empty, booleans and numbers as DuckDB writes them. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Reads the header, the column types and the first `rows` rows of `source` (cheap: DuckDB stops early). */
export async function probeHouseholdFile(db: Database, source: HouseholdSource, rows = 1000): Promise<HouseholdFileProbe> {
  const from = householdSourceSql(source);
  const described = toRows(await db.query(`DESCRIBE SELECT * FROM ${from}`));
  const header = described.map((r) => String(r.column_name));
  const types = described.map((r) => String(r.column_type).toUpperCase());
  const select = header.map((h) => `CAST(${sqlIdentifier(h)} AS VARCHAR) AS ${sqlIdentifier(h)}`).join(', ');
  const table = await db.query(`SELECT ${select} FROM ${from} LIMIT ${Math.max(0, Math.floor(rows))}`);
  const columns = header.map((h) => table.getChild(h));
  const sample: string[][] = [];
  for (let i = 0; i < table.numRows; i++) sample.push(columns.map((c) => cellText(c?.get(i))));
  return { header, types, sample };
}

/** Which columns become the typed view's columns. */
export interface HouseholdColumnSpec {
  /** The kode wilayah column (any spelling; read by kodeSql). */
  kode: string;
  /** The household id column; null when the file has none (every id_rt is then NULL). */
  id: string | null;
  /** The desil column and its number convention (null: `id`, as the import reads text); null when the file has none. */
  desil: { column: string; numberFormat: NumberFormat | null } | null;
  /** Yes/no deprivation columns: `source` in the file, `column` in the view. */
  deprivations: readonly { source: string; column: string }[];
  /** An optional year column, read by the app's year rule into `tahun`. */
  tahun?: string | null;
  /**
   * With a salt, id_rt is sha256(salt || trimmed id), as the app stores it; without, the
   * trimmed id (for a run that writes only aggregates, faster on very large files).
   */
  idSalt?: string | null;
}

/** JavaScript's whitespace (String.prototype.trim and \s) as an RE2 class, for the kode rule. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** kode-wilayah.ts APOSTROPHES: quotes Excel and people put around a code, with their Latin-1 misreadings. */
const KODE_QUOTES = "'‘’`´\"“”\\x{91}-\\x{94}";
/** kode-wilayah.ts SEPARATORS between the digit groups. */
const KODE_SEPARATORS = `${JS_SPACE}.\\-‐‑‒–—_/\\x{96}\\x{97}`;

/**
 * kode-wilayah.ts's rule in SQL for any cell (VARCHAR expression `expr`): trimmed of spaces and
 * quotes, then scientific notation, `NNNNNNNNNN.0` or digit groups with separators, ten digits
 * dotted as PP.KK.CC.DDDD, else NULL. Its lambdas bind the intermediate texts once (DuckDB-WASM
 * 1.4 and native 1.5 both take them). kodeSql runs it only where the plain spellings do not answer.
 */
export function kodeRuleSql(expr: string): string {
  const q = (s: string) => s.replaceAll("'", "''");
  const trimmed = `regexp_replace(regexp_replace(regexp_replace(CAST(${expr} AS VARCHAR), '^[${q(JS_SPACE)}]+|[${q(JS_SPACE)}]+$', '', 'g'), '^[${q(KODE_QUOTES)}]+|[${q(KODE_QUOTES)}]+$', '', 'g'), '^[${q(JS_SPACE)}]+|[${q(JS_SPACE)}]+$', '', 'g')`;
  const scientific = '^[+]?([0-9]+)(?:[.,]([0-9]+))?[eE]\\+?([0-9]+)$';
  const sciDigits = `ltrim(regexp_extract(t, '${scientific}', 1) || regexp_extract(t, '${scientific}', 2), '0')`;
  const sciShift = `TRY_CAST(regexp_extract(t, '${scientific}', 3) AS BIGINT) - length(regexp_extract(t, '${scientific}', 2))`;
  const grouped = `^[${q(KODE_SEPARATORS)}]*[0-9]+(?:[${q(KODE_SEPARATORS)}]+[0-9]+)*[${q(KODE_SEPARATORS)}]*$`;
  const digits = `CASE
      WHEN regexp_matches(t, '${scientific}') THEN CASE WHEN ${sciShift} = 0 AND length(${sciDigits}) = 10 THEN ${sciDigits} END
      WHEN regexp_matches(t, '^[0-9]{10}[.,]0+$') THEN left(t, 10)
      WHEN regexp_matches(t, '${grouped}') AND length(regexp_replace(t, '[^0-9]', '', 'g')) = 10 THEN regexp_replace(t, '[^0-9]', '', 'g')
    END`;
  const dotted = `CASE WHEN d IS NOT NULL THEN substr(d, 1, 2) || '.' || substr(d, 3, 2) || '.' || substr(d, 5, 2) || '.' || substr(d, 7, 4) END`;
  return `list_transform([list_transform([${trimmed}], t -> ${digits})[1]], d -> ${dotted})[1]`;
}

/**
 * A DuckDB expression (VARCHAR) reading a kode wilayah cell exactly as
 * formatKemendagri(normalizeKode(cell)) does (kode-wilayah.ts): `3372031002`, `33.72.03.1002`,
 * `33 72 03 1002`, `'3372031002`, `3372031002.0`, `3.372031002E+09` all give `33.72.03.1002`;
 * anything that is not ten digits (and Excel's rounded `3.37203E+09`) gives NULL.
 */
export function kodeSql(expr: string): string {
  // The two spellings of nearly every cell (Kemendagri's dotted form, ten plain digits) are
  // answered by one match each; only other cells take the full rule. Ten times faster on a
  // register than the full rule on every cell.
  const text = `CAST(${expr} AS VARCHAR)`;
  return `(CASE WHEN regexp_full_match(${text}, '[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}') THEN ${text}
    WHEN regexp_full_match(${text}, '[0-9]{10}') THEN substr(${text}, 1, 2) || '.' || substr(${text}, 3, 2) || '.' || substr(${text}, 5, 2) || '.' || substr(${text}, 7, 4)
    ELSE ${kodeRuleSql(expr)} END)`;
}

/** The desil rule for a text cell: the app's number rule (numbers.ts) in `format`, as the import stores it (an INTEGER). */
export function desilRuleSql(text: string, format: NumberFormat | null): string {
  return `TRY_CAST(${numberSql(text, format ?? 'id')} AS INTEGER)`;
}

/** desilRuleSql with plain digits (nearly every desil cell, read the same by any rule) cast at once. */
export function desilSql(text: string, format: NumberFormat | null): string {
  return `(CASE WHEN regexp_full_match(${text}, '[0-9]{1,9}') THEN CAST(${text} AS INTEGER) ELSE ${desilRuleSql(text, format)} END)`;
}

/** Whether a DuckDB type is a whole or decimal number type. */
function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(type);
}

/**
 * The SELECT giving the typed households rows of `source`:
 *   kode VARCHAR (PP.KK.CC.DDDD, NULL when the cell is not a code), id_rt VARCHAR,
 *   desil INTEGER, one BOOLEAN per deprivation, and tahun INTEGER when a year column is given.
 * Text cells are typed by the app's rules; Parquet's typed numbers and booleans are taken as
 * they are (the same values the rules give their text).
 * @param types DuckDB's type of each column by name (from probeHouseholdFile); text when absent
 */
export function householdsSelectSql(source: HouseholdSource, spec: HouseholdColumnSpec, types: ReadonlyMap<string, string> = new Map()): string {
  const col = (name: string) => sqlIdentifier(name);
  const typeOf = (name: string) => types.get(name) ?? 'VARCHAR';
  const asText = (name: string) => (typeOf(name) === 'VARCHAR' ? col(name) : `CAST(${col(name)} AS VARCHAR)`);
  const idText = spec.id === null ? null : `trim(${asText(spec.id)})`;
  const id = idText === null ? 'NULL::VARCHAR' : spec.idSalt ? `sha256(${sqlLiteral(spec.idSalt)} || ${idText})` : idText;
  let desil = 'NULL::INTEGER';
  if (spec.desil !== null) {
    const { column, numberFormat } = spec.desil;
    desil = isNumericType(typeOf(column)) ? `TRY_CAST(${col(column)} AS INTEGER)` : desilSql(asText(column), numberFormat);
  }
  const deprivations = spec.deprivations.map((d) => {
    const value = typeOf(d.source) === 'BOOLEAN' ? col(d.source) : booleanSql(asText(d.source));
    return `${value} AS ${sqlIdentifier(d.column)}`;
  });
  const tahun = spec.tahun ? [`${yearSql(asText(spec.tahun))} AS tahun`] : [];
  const select = [`${kodeSql(asText(spec.kode))} AS kode`, `${id} AS id_rt`, `${desil} AS desil`, ...deprivations, ...tahun];
  return `SELECT ${select.join(', ')} FROM ${householdSourceSql(source)}`;
}

/**
 * Creates (or replaces) the view `view` of typed household rows over `source`: a view, so each
 * query streams the file again and no row is held. Checks nothing itself: a missing column
 * fails in DuckDB; callers check the columns against the probe first.
 */
export async function createHouseholdsView(db: Database, view: string, source: HouseholdSource, spec: HouseholdColumnSpec, probe?: Pick<HouseholdFileProbe, 'header' | 'types'>): Promise<void> {
  const types = new Map(probe ? probe.header.map((h, i) => [h, probe.types[i]] as const) : []);
  await db.exec(`CREATE OR REPLACE VIEW ${sqlIdentifier(view)} AS ${householdsSelectSql(source, spec, types)}`);
}
