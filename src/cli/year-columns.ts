/**
 * Columns named by a year (`t_2016 … t_2019`, `2016`, `Tahun 2016`) in the CLI: the same groups
 * the import dialog offers as one indicator over years (src/data/wide-years.ts), read one year at
 * a time. `--value` may name any column of a group, or the group by what its headers share
 * ("Jumlah penduduk" for "Jumlah penduduk 2016 … 2019"); `--year` then picks that year's column,
 * and without `--year` a named column's own year is the year analysed, never "no year".
 */
import type { ImportedTable } from '../data/importers/types';
import { compact } from '../data/join-columns';
import { findYearGroups, yearRange, type YearGroup } from '../data/wide-years';
import { UsageError } from './io';

/** A column the options name, after the year groups are applied. */
export interface YearResolved {
  /** The columns to read, in the order asked (undefined stays undefined). */
  columns: (string | undefined)[];
  /** The year the columns hold, when a year group decided it; else null. */
  tahun: number | null;
  /** What was read as years, for stderr. */
  notes: string[];
}

function groupOf(groups: YearGroup[], column: string): YearGroup | undefined {
  return groups.find((g) => g.columns.some((c) => c.column === column) || (g.label !== null && compact(g.label) === compact(column)));
}

/**
 * Applies the year groups of a table without a year column to the named columns. With `year`,
 * each named group gives its column of that year (an error lists the years it has); without,
 * a named column gives its own year, and all named columns must agree on it.
 */
export function resolveYearColumns(table: Pick<ImportedTable, 'columns' | 'file'>, named: [string | undefined, string][], year: number | undefined): YearResolved {
  const groups = findYearGroups(table.columns);
  const notes: string[] = [];
  let tahun: number | null = null;
  const columns = named.map(([column, option]) => {
    if (column === undefined) return undefined;
    const group = groupOf(groups, column);
    if (!group) return column;
    const range = `${group.columns[0].column} … ${group.columns.at(-1)!.column}`;
    const own = group.columns.find((c) => c.column === column);
    const wanted = year ?? own?.tahun;
    if (wanted === undefined) {
      throw new UsageError(`${table.file}: ${option} ${column} is one indicator in columns by year (${range}); choose the year with --year (${yearRange(group.columns)})`);
    }
    const member = group.columns.find((c) => c.tahun === wanted);
    if (!member) throw new UsageError(`${table.file}: ${option} ${column} has no column for ${wanted} (years ${group.columns.map((c) => c.tahun).join(', ')})`);
    if (tahun !== null && tahun !== member.tahun)
      throw new UsageError(`${table.file}: ${option} ${column} is of ${member.tahun}, another column named is of ${tahun}: name columns of one year`);
    tahun = member.tahun;
    notes.push(`${option} ${column}: columns ${range} are one indicator by year (as the app reads them); ${member.tahun} is read from ${member.column}`);
    return member.column;
  });
  return { columns, tahun, notes };
}
