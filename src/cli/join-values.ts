/**
 * Matching the rows of a data table to the kelurahan of the boundaries and taking the value to
 * analyse from each: a column, or a column over a denominator times a factor. Every kelurahan
 * that ends without a value gets a reason, so the caller can report it; nothing is dropped silently.
 */
import type { Row } from '../data/database';
import { UsageError } from './io';

/** The column that holds the year, as in the demo data and the app. */
export const YEAR_COLUMN = 'tahun';

/** What to take from the table. */
export interface ValueSpec {
  /** Column of the value (a count or a rate). */
  value: string;
  /** Optional column to divide by (e.g. `penduduk`), making a rate. */
  denominator?: string;
  /** Factor applied to value / denominator (100 for a percentage); 1 without a denominator. */
  per: number;
  /** Key column of the table, matched to the boundaries' ids. */
  joinOn: string;
  /** Keep only rows of this year (column {@link YEAR_COLUMN}). */
  year?: number;
}

/** A kelurahan left without a value, and why. */
export interface MissingValue {
  index: number;
  reason: string;
}

/** The values in boundary order (NaN where missing) and what could not be matched. */
export interface JoinedValues {
  values: Float64Array;
  missing: MissingValue[];
  /** Keys of table rows that match no kelurahan. */
  unmatched: string[];
  /** The year analysed: the one asked for, or the table's only year; null when there is no year column. */
  year: number | null;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as a number; undefined for an empty cell, NaN for text that is not a number. */
function cellNumber(cell: Row[string] | undefined): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return Number.NaN;
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Joins `rows` (with `columns`, from `path`) to the kelurahan `ids` as `spec` says. */
export function joinValues(ids: readonly string[], rows: readonly Row[], columns: readonly string[], spec: ValueSpec, path: string): JoinedValues {
  const need = (column: string, option: string) => {
    if (!columns.includes(column)) {
      throw new UsageError(`${path}: no column "${column}" (${option}); columns: ${columns.join(', ')}`);
    }
  };
  need(spec.joinOn, '--join-on');
  need(spec.value, '--value');
  if (spec.denominator !== undefined) need(spec.denominator, '--denominator');
  const { rows: selected, year } = rowsOfYear(rows, columns, spec.year, path);

  const byKey = new Map<string, Row>();
  for (const row of selected) {
    const key = String(row[spec.joinOn] ?? '').trim();
    if (key === '') continue;
    if (byKey.has(key)) {
      const hint = columns.includes(YEAR_COLUMN) ? '' : ' (aggregate it first)';
      throw new UsageError(`${path}: ${spec.joinOn} ${key} appears in more than one row; the data needs one row per kelurahan${hint}`);
    }
    byKey.set(key, row);
  }

  const values = new Float64Array(ids.length).fill(Number.NaN);
  const missing: MissingValue[] = [];
  ids.forEach((id, index) => {
    const row = byKey.get(id);
    if (!row) return missing.push({ index, reason: 'no row in the data' });
    const value = cellNumber(row[spec.value]);
    if (value === undefined) return missing.push({ index, reason: `empty ${spec.value}` });
    if (Number.isNaN(value)) return missing.push({ index, reason: `${spec.value} is not a number ("${row[spec.value]}")` });
    if (spec.denominator === undefined) {
      values[index] = value;
      return;
    }
    const denominator = cellNumber(row[spec.denominator]);
    if (denominator === undefined) return missing.push({ index, reason: `empty ${spec.denominator}` });
    if (Number.isNaN(denominator)) return missing.push({ index, reason: `${spec.denominator} is not a number ("${row[spec.denominator]}")` });
    if (denominator === 0) return missing.push({ index, reason: `${spec.denominator} is 0` });
    values[index] = (value / denominator) * spec.per;
  });
  const known = new Set(ids);
  const unmatched = [...byKey.keys()].filter((key) => !known.has(key));
  return { values, missing, unmatched, year };
}

/**
 * The rows of the chosen year. Without --year, a table holding several years is an error rather
 * than a silent mix of years.
 */
function rowsOfYear(rows: readonly Row[], columns: readonly string[], year: number | undefined, path: string): { rows: readonly Row[]; year: number | null } {
  const hasYear = columns.includes(YEAR_COLUMN);
  if (year !== undefined && !hasYear) throw new UsageError(`${path}: --year needs a "${YEAR_COLUMN}" column; columns: ${columns.join(', ')}`);
  if (!hasYear) return { rows, year: null };
  const years = [...new Set(rows.map((r) => cellNumber(r[YEAR_COLUMN])).filter((y): y is number => y !== undefined && !Number.isNaN(y)))].sort((a, b) => a - b);
  if (year === undefined) {
    if (years.length > 1) throw new UsageError(`${path}: the data holds ${years.length} years (${years.join(', ')}); choose one with --year`);
    return { rows, year: years[0] ?? null };
  }
  const selected = rows.filter((r) => cellNumber(r[YEAR_COLUMN]) === year);
  if (selected.length === 0) throw new UsageError(`${path}: no row has ${YEAR_COLUMN} = ${year} (years in the data: ${years.join(', ') || 'none'})`);
  return { rows: selected, year };
}

/** "3 kelurahan have no value and are left out with their weights: 33.72.01.1001 Pajang (no row in the data), ..." */
export function describeMissing(missing: readonly MissingValue[], ids: readonly string[], names: readonly (string | null)[], total: number): string {
  const shown = missing.slice(0, 10).map((m) => `${ids[m.index]}${names[m.index] ? ` ${names[m.index]}` : ''} (${m.reason})`);
  const more = missing.length > 10 ? `, and ${missing.length - 10} more` : '';
  return `${missing.length} of ${total} kelurahan have no value and are left out of the analysis with their weights: ${shown.join(', ')}${more}`;
}
