/**
 * Boundaries and a data table joined as the app joins them, with the dialog's choices made by
 * flags (shared by `analyze` and `join`): which columns are the keys, whether fuzzy
 * suggestions join, what several rows of one kelurahan become, and the kelurahan chosen by
 * hand in a join report. A table that cannot be joined stops here with one line per problem
 * class on stderr and nothing written.
 */
import type { KeyMapping } from '../data/datasets';
import type { JoinDecisions, ResolvedJoin } from '../data/join';
import { keyMappingOf } from '../data/table-pipeline';
import { choice, text, type RawOptions } from './args';
import { readDataTable } from './data-table';
import { readBoundaries, UsageError } from './io';
import { resolveYearColumns } from './year-columns';
import {
  chooseKeys,
  cliDatabase,
  describeChoice,
  describeKeys,
  droppedLines,
  duplicateLine,
  fuzzyLines,
  joinTable,
  mappingDecisions,
  regionOf,
  resolve,
  type Region,
  type TableJoin,
} from './table-join';

/** The options of the join, in `analyze` and `join`. */
export const JOIN_OPTION_NAMES = ['join-on', 'boundary-key', 'kecamatan', 'sheet', 'fuzzy', 'mapping', 'duplicates'] as const;

export interface JoinFlags {
  /** The data's key column: codes in any spelling, or names. */
  joinOn?: string;
  /** The boundaries' key property (default `kode`, or `--join-on` when the boundaries have it too). */
  boundaryKey?: string;
  kecamatan?: string;
  sheet?: string;
  fuzzy: 'accept' | 'reject';
  /** A join report CSV whose hand decisions apply. */
  mapping?: string;
  /** Several rows of one kelurahan and year: refused unless this says what to do. */
  duplicates?: JoinDecisions['duplicates'];
}

export function joinFlags(raw: RawOptions): JoinFlags {
  return {
    joinOn: text(raw, 'join-on'),
    boundaryKey: text(raw, 'boundary-key'),
    kecamatan: text(raw, 'kecamatan'),
    sheet: text(raw, 'sheet'),
    fuzzy: choice(raw, 'fuzzy', ['accept', 'reject'] as const, 'reject'),
    mapping: text(raw, 'mapping'),
    duplicates: choice(raw, 'duplicates', ['sum', 'mean', 'reject'] as const),
  };
}

/** The boundaries and the table, loaded, with the join report of their keys. */
export interface PreparedJoin {
  region: Region;
  join: TableJoin;
  /** The columns `options.columns` named, with columns by year resolved to the year's column. */
  columns: (string | undefined)[];
  /** The year a column named by a year decided (a table without a year column); else null. */
  yearOfColumns: number | null;
}

/**
 * Reads both files and matches the table's keys to the kelurahan. With `oneYear` (analyze),
 * only the keys of `year` are kept, and a table of several years needs `year`. The key columns
 * the app would choose are printed when `--join-on` does not name one.
 */
export async function prepareJoin(
  boundariesPath: string,
  dataPath: string,
  flags: JoinFlags,
  warn: (message: string) => void,
  options: { year?: number; oneYear: boolean; columns?: [string | undefined, string][] },
): Promise<PreparedJoin> {
  const areas = await readBoundaries(boundariesPath);
  const sameName = flags.joinOn !== undefined && areas.features.some((f) => Object.hasOwn(f.properties ?? {}, flags.joinOn!));
  const region = regionOf(areas, flags.boundaryKey ?? (sameName ? flags.joinOn! : 'kode'), boundariesPath);
  const table = await readDataTable(dataPath, { sheet: flags.sheet });
  const { keys, choice } = chooseKeys(table, region, flags, dataPath);
  const header = table.columns.map((c) => c.name);
  const named = options.columns ?? [];
  const byYear = keys.tahun === null ? resolveYearColumns(table, named, options.year) : { columns: named.map(([c]) => c), tahun: null, notes: [] };
  byYear.columns.forEach((column, i) => {
    if (column !== undefined && !header.includes(column)) throw new UsageError(`${dataPath}: no column "${column}" (${named[i][1]}); columns: ${header.join(', ')}`);
  });
  for (const note of byYear.notes) warn(note);
  if (choice) {
    warn(`key columns chosen as the app chooses them: ${describeKeys(keys)} (name them with --join-on, --kecamatan)`);
    for (const line of describeChoice(choice)) warn(`  ${line}`);
  }
  if (options.year !== undefined && keys.tahun === null && byYear.tahun === null) {
    throw new UsageError(`${dataPath}: --year needs a year column, and none was found; columns: ${header.join(', ')}`);
  }
  const join = await joinTable(await cliDatabase(), table, region, keys, options.oneYear && keys.tahun !== null ? options.year : undefined);
  if (options.oneYear && options.year === undefined && join.years.length > 1) {
    throw new UsageError(`${dataPath}: the data holds ${join.years.length} years (${join.years.join(', ')}); choose one with --year`);
  }
  if (options.year !== undefined && join.joinKeys.length === 0) {
    throw new UsageError(`${dataPath}: no row has ${keys.tahun} = ${options.year} (years in the data: ${join.years.join(', ') || 'none'})`);
  }
  return { region, join, columns: byYear.columns, yearOfColumns: byYear.tahun };
}

/** The join after the flags' decisions: what `analyze` reads its values through. */
export interface DecidedJoin extends PreparedJoin {
  decisions: JoinDecisions;
  resolved: ResolvedJoin;
  mapping: KeyMapping[];
  /** The year analysed: the one asked for, or the table's only year; null without a year column. */
  year: number | null;
}

/**
 * Applies `--fuzzy`, `--mapping` and `--duplicates` and reports every row left out, grouped by
 * why. Throws (nothing joined) when no row joins, or when rows repeat a kelurahan and
 * `--duplicates` does not say what to do with them.
 */
export async function decideJoin(prepared: PreparedJoin, flags: JoinFlags, warn: (message: string) => void, dataPath: string, year?: number): Promise<DecidedJoin> {
  const { region, join } = prepared;
  const fuzzy = Object.fromEntries(join.report.matched.filter((m) => m.how === 'fuzzy').map((m) => [m.key, flags.fuzzy]));
  const manual = flags.mapping ? await mappingDecisions(flags.mapping, join, warn) : {};
  const decisions: JoinDecisions = { fuzzy, manual, duplicates: flags.duplicates ?? 'sum' };
  const resolved = resolve(join, decisions, flags.mapping);
  for (const line of fuzzyLines(join, decisions, region)) warn(line);
  for (const line of droppedLines(join, resolved, region)) warn(line);
  const duplicates = duplicateLine(join, resolved, region);
  if (duplicates && flags.duplicates === undefined) {
    warn(duplicates);
    throw new UsageError(`${dataPath}: the data needs one row per kelurahan${join.keys.tahun ? ' and year' : ''}; aggregate it first, or choose --duplicates sum, mean or reject`);
  }
  if (duplicates) warn(`${duplicates}: ${flags.duplicates === 'mean' ? 'averaged' : 'summed'} (--duplicates ${flags.duplicates})`);
  if (resolved.kodeOfKey.every((kode) => kode === null)) {
    throw new UsageError(`${dataPath}: no row joins a kelurahan of the boundaries (${describeKeys(join.keys)}); nothing is analysed`);
  }
  const mapping = keyMappingOf(join.keyRows, join.report, decisions);
  return { ...prepared, decisions, resolved, mapping, year: year ?? prepared.yearOfColumns ?? (join.years.length === 1 ? join.years[0] : null) };
}

/** {@link prepareJoin} then {@link decideJoin}, for one year. */
export async function joinData(
  boundariesPath: string,
  dataPath: string,
  flags: JoinFlags,
  warn: (message: string) => void,
  options: { year?: number; columns?: [string | undefined, string][] },
): Promise<DecidedJoin> {
  const prepared = await prepareJoin(boundariesPath, dataPath, flags, warn, { ...options, oneYear: true });
  return decideJoin(prepared, flags, warn, dataPath, options.year);
}
