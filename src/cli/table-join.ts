/**
 * The command-line tool's join of a data table to the boundaries: the app's pipeline
 * (src/data/table-pipeline.ts: key guess, raw table, distinct keys, join report, mapping) with
 * the choices the import dialog leaves to the user made by flags instead: key columns, fuzzy
 * suggestions, duplicates, kelurahan chosen by hand in a join report. Every row that does not
 * join is told on stderr, grouped by why, in English with the app's explanation.
 */
import type { AreaCollection } from '../data/boundaries';
import type { Database } from '../data/database';
import type { KeyColumns } from '../data/datasets';
import type { ImportedTable } from '../data/importers/types';
import { ImportError } from '../data/importers/types';
import { resolveJoin, type JoinDecisions, type JoinTarget, type ResolvedJoin, type UnmatchedReason } from '../data/join';
import { unmatchedReasonText } from '../data/join-report-csv';
import { JoinReportFormatError, parseJoinReportCsv, reportDecisions } from '../data/join-report-read';
import { normalizeKode, parseKode } from '../data/kode-wilayah';
import { chooseTableKeys } from '../data/key-column-sample';
import { loadTable, stageJoin, type StagedJoin } from '../data/table-pipeline';
import { describeKeyChoice } from '../data/key-column-text';
import type { KeyColumnChoice } from '../data/join-columns';
import { translate } from '../i18n';
import { featureIds, importMessage, readInput, UsageError } from './io';
import { openNodeDatabase } from './node-db';

// One DuckDB per process: starting DuckDB-WASM in Node takes seconds (compiling the module).
let database: Promise<Database> | undefined;
let tables = 0;

/** The process's DuckDB, started on first use. */
export function cliDatabase(): Promise<Database> {
  return (database ??= openNodeDatabase());
}

/** The boundaries as join targets. */
export interface Region {
  areas: AreaCollection;
  /** The boundary key of each feature (the output's `kode`), unique. */
  ids: string[];
  /** Each feature's `kelurahan` or `nama` property. */
  names: (string | null)[];
  targets: JoinTarget[];
  boundaryKey: string;
  /** Whether the key holds Kemendagri codes; otherwise data rows match it as names. */
  codes: boolean;
}

/** Names for messages and output: the boundaries' `kelurahan` or `nama` property. */
function namesOf(areas: AreaCollection): (string | null)[] {
  return areas.features.map((f) => {
    const name: unknown = f.properties?.kelurahan ?? f.properties?.nama;
    return name === undefined || name === null ? null : String(name);
  });
}

/**
 * The region's kelurahan as the app's join sees them (ImportSession.targets). A boundary key
 * that is not a Kemendagri code (a name, an id of the user's own) is matched as a name, so the
 * data's column must hold the same values.
 */
export function regionOf(areas: AreaCollection, boundaryKey: string, path: string): Region {
  const ids = featureIds(areas, boundaryKey, path);
  const names = namesOf(areas);
  const codes = ids.every((id) => normalizeKode(id) !== null);
  const targets = areas.features.map((f, i) => ({
    kode: ids[i],
    nama: codes ? (names[i] ?? '') : ids[i],
    kecamatan: String(f.properties?.kecamatan ?? ''),
  }));
  return { areas, ids, names, targets, boundaryKey, codes };
}

/** Whether most filled cells of a column's preview are codes (any spelling, or Excel-mangled). */
function holdsCodes(table: ImportedTable, column: string): boolean {
  const c = table.columns.findIndex((col) => col.name === column);
  const cells = table.preview.map((row) => (row[c] ?? '').trim()).filter((cell) => cell !== '');
  const codes = cells.filter((cell) => ['kode', 'unreliable-number'].includes(parseKode(cell).kind)).length;
  return cells.length > 0 && codes >= cells.length / 2;
}

/** Key columns from `--join-on` and `--kecamatan`, or chosen as the app chooses them. */
export function chooseKeys(
  table: ImportedTable,
  region: Region,
  flags: { joinOn?: string; kecamatan?: string },
  path: string,
): { keys: KeyColumns; choice: KeyColumnChoice | null } {
  const header = table.columns.map((c) => c.name);
  const need = (column: string, option: string) => {
    if (!header.includes(column)) throw new UsageError(`${path}: no column "${column}" (${option}); columns: ${header.join(', ')}`);
  };
  if (flags.kecamatan !== undefined) need(flags.kecamatan, '--kecamatan');
  const { keys: guess, choice } = chooseTableKeys(table, region.targets);
  let keys: KeyColumns;
  if (flags.joinOn === undefined) {
    keys = { ...guess };
    if (flags.kecamatan !== undefined) {
      for (const role of ['kode', 'nama', 'tahun'] as const) if (keys[role] === flags.kecamatan) keys[role] = null;
      keys.kecamatan = flags.kecamatan;
    }
  } else {
    need(flags.joinOn, '--join-on');
    const asCode = region.codes && holdsCodes(table, flags.joinOn);
    const other = (column: string | null) => (column === flags.joinOn ? null : column);
    keys = {
      kode: asCode ? flags.joinOn : null,
      nama: asCode ? null : flags.joinOn,
      kecamatan: flags.kecamatan ?? other(guess.kecamatan),
      tahun: other(guess.tahun),
    };
  }
  if (keys.kode === null && keys.nama === null) throw new UsageError(`${path}: ${translate('en', 'join.error.noKeyColumn')} Name it with --join-on COLUMN.`);
  return { keys, choice: flags.joinOn === undefined ? choice : null };
}

/** The app's key-column choice with its evidence, in English, for stderr. */
export function describeChoice(choice: KeyColumnChoice): string[] {
  return describeKeyChoice(choice, 'en');
}

/** "code = kode, kelurahan name = kelurahan, kecamatan = (none), year = TAHUN" */
export function describeKeys(keys: KeyColumns): string {
  const show = (c: string | null) => (c === null ? '(none)' : c);
  return `code = ${show(keys.kode)}, kelurahan name = ${show(keys.nama)}, kecamatan = ${show(keys.kecamatan)}, year = ${show(keys.tahun)}`;
}

/** A table loaded and its keys matched. */
export interface TableJoin extends StagedJoin {
  id: string;
  table: ImportedTable;
  keys: KeyColumns;
  /** Every year the table's year column holds (before any choice of year). */
  years: number[];
}

/** Loads the table and builds its join report; `year` keeps only that year's keys. */
export async function joinTable(db: Database, table: ImportedTable, region: Region, keys: KeyColumns, year?: number): Promise<TableJoin> {
  const id = `cli_${++tables}`;
  await loadTable(db, id, table);
  const years = new Set<number>();
  const staged = await stageJoin(db, id, keys, table.headerRow, region.targets, {
    oneRowPerKelurahan: true,
    keep: (key) => {
      if (key.tahun !== null) years.add(key.tahun);
      return year === undefined || key.tahun === year;
    },
  });
  return { ...staged, id, table, keys, years: [...years].sort((a, b) => a - b) };
}

/** The hand decisions of a join report CSV (`--mapping`) for this table's keys. */
export async function mappingDecisions(path: string, join: TableJoin, warn: (message: string) => void): Promise<JoinDecisions['manual']> {
  const text = new TextDecoder().decode(await readInput(path));
  let lines: ReturnType<typeof parseJoinReportCsv>;
  try {
    lines = parseJoinReportCsv(text);
  } catch (error) {
    if (error instanceof JoinReportFormatError || error instanceof ImportError) {
      throw new UsageError(
        `${path}: ${error instanceof ImportError ? importMessage(error) : error.message} (--mapping takes a join report CSV from the app or from peta-kantong join)`,
      );
    }
    throw error;
  }
  const { manual, unmatchedLines } = reportDecisions(lines, join.joinKeys, join.report);
  if (lines.length > 0 && unmatchedLines.length === lines.length) {
    throw new UsageError(`${path}: none of its ${lines.length} rows is a row of the data (code, name, kecamatan and year as written): a report of another file?`);
  }
  const decided = Object.keys(manual).length;
  if (decided > 0) warn(`${path}: ${decided} row(s) decided by hand applied`);
  return manual;
}

/** The join after the decisions; a kode chosen by hand that is not a kelurahan of the boundaries is a usage error. */
export function resolve(join: TableJoin, decisions: JoinDecisions, mappingPath?: string): ResolvedJoin {
  try {
    return resolveJoin(join.report, decisions);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${mappingPath ?? '--mapping'}: ${importMessage(error)}`);
    throw error;
  }
}

/** Short names of the reasons a key stays unmatched; a reason added to join.ts later shows as its id. */
const REASON_LABEL: Partial<Record<UnmatchedReason | 'other-kecamatan' | 'outside-region', string>> = {
  'other-region': 'code of another kabupaten/kota',
  'unknown-code': 'code not in this region',
  'bps-code': 'BPS code and no kelurahan name that matches',
  'no-name-match': 'no kelurahan of that name in this region',
  'ambiguous-name': 'name of more than one kelurahan',
  'unreliable-number': 'code mangled by Excel (scientific notation)',
  empty: 'no code and no name',
  'other-kecamatan': 'name found only in another kecamatan (a conflict, not joined)',
  'outside-region': 'kecamatan not in this region',
};
const reasonLabel = (reason: string) => REASON_LABEL[reason as UnmatchedReason] ?? reason;

const EXAMPLES = 5;

/** "row 7 (3374011001, Kauman)" */
function rowLabel(join: TableJoin, key: number): string {
  const k = join.joinKeys[key];
  const written = [k.kode === null ? '' : String(k.kode).trim(), k.nama?.trim() ?? '', k.kecamatan?.trim() ?? ''].filter((s) => s !== '');
  const rows = k.rows > 1 ? ` x${k.rows}` : '';
  return `row ${k.firstRow}${written.length ? ` (${written.join(', ')})` : ''}${rows}`;
}

function listed(join: TableJoin, keys: number[]): string {
  const shown = keys
    .slice(0, EXAMPLES)
    .map((k) => rowLabel(join, k))
    .join('; ');
  return keys.length > EXAMPLES ? `${shown}; and ${keys.length - EXAMPLES} more` : shown;
}

const rowsOf = (join: TableJoin, keys: number[]) => keys.reduce((sum, k) => sum + join.joinKeys[k].rows, 0);

/**
 * One line per class of rows left out (unmatched by reason, left out by the mapping file,
 * rejected duplicates), each with example rows and the app's explanation of the first.
 */
export function droppedLines(join: TableJoin, resolved: ResolvedJoin, region: Region): string[] {
  const reasonOf = new Map(join.report.unmatched.map((u) => [u.key, u]));
  const classes = new Map<string, number[]>();
  for (const { key, why } of resolved.dropped) {
    if (why === 'fuzzy-rejected') continue;
    const miss = reasonOf.get(key);
    const label = why === 'duplicate-rejected' ? 'duplicate rows rejected (--duplicates reject)' : miss ? reasonLabel(miss.reason) : 'left out by the mapping file';
    classes.set(label, [...(classes.get(label) ?? []), key]);
  }
  return [...classes].map(([label, keys]) => {
    const miss = reasonOf.get(keys[0]);
    const why =
      miss && label === reasonLabel(miss.reason) ? ` Row ${join.joinKeys[keys[0]].firstRow}: ${unmatchedReasonText('en', join.joinKeys[keys[0]], miss, region.targets)}` : '';
    return `${rowsOf(join, keys)} row(s) not joined, ${label}: ${listed(join, keys)}.${why}`;
  });
}

/** One line per fuzzy suggestion: the row, the kelurahan it resembles, the distance and what was done. */
export function fuzzyLines(join: TableJoin, decisions: JoinDecisions, region: Region): string[] {
  const nameOf = new Map(region.targets.map((t, i) => [t.kode, region.names[i] ?? t.nama]));
  return join.report.matched
    .filter((m) => m.how === 'fuzzy' && !(m.key in decisions.manual))
    .map((m) => {
      const accepted = decisions.fuzzy[m.key] === 'accept';
      const k = join.joinKeys[m.key];
      const where = k.kecamatan ? ` (kecamatan ${k.kecamatan.trim()})` : '';
      return `fuzzy: row ${k.firstRow} "${k.nama?.trim()}"${where} is spelled like ${nameOf.get(m.kode)} ${m.kode}, distance ${m.distance}: ${accepted ? 'accepted' : 'rejected (--fuzzy accept joins it)'}`;
    });
}

/** One line naming every kelurahan (and year) with more than one row. */
export function duplicateLine(join: TableJoin, resolved: ResolvedJoin, region: Region): string | null {
  if (resolved.duplicates.length === 0) return null;
  const nameOf = new Map(region.targets.map((t, i) => [t.kode, region.names[i] ?? t.nama]));
  const groups = resolved.duplicates.slice(0, EXAMPLES).map((g) => {
    const keys = g.keys.map((k) => join.joinKeys[k]);
    const where =
      keys.length === 1
        ? `in row ${keys[0].firstRow} and ${keys[0].rows - 1} more row(s) written the same`
        : `in rows ${keys.map((k) => (k.rows > 1 ? `${k.firstRow} (+${k.rows - 1} written the same)` : String(k.firstRow))).join(', ')}`;
    return `${nameOf.get(g.kode) ?? ''} ${g.kode}${g.tahun === null ? '' : ` ${g.tahun}`} ${where}`;
  });
  const more = resolved.duplicates.length > EXAMPLES ? `; and ${resolved.duplicates.length - EXAMPLES} more` : '';
  return `${resolved.duplicates.length} kelurahan have more than one row: ${groups.join('; ')}${more}`;
}
