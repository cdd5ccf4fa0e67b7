/**
 * The indicators an imported table starts with, before the user corrects them in the dialog:
 * which number columns become indicators, what each measures (count, rate, score: see
 * column-units.ts) and which columns named by years are read as one indicator over years (see
 * wide-years.ts). Pure, so the import pipeline tests run the same proposal the dialog shows.
 */
import { guessColumnUnit } from './column-units';
import { findRateParts } from './rate-parts';
import type { ImportedIndicator } from './datasets';
import type { NumberFormat } from './importers/types';
import { findYearGroups, type YearGroup } from './wide-years';

/** Header words that say a column is a key, not an indicator. */
const KEY_WORDS = /^(no|nomor|id|kode|kd|kelurahan|desa|nama|kecamatan|kec|tahun|year|kab|kota)(_|$)/i;

/** What the proposal needs of a column: its name, its type and whether its cells carried `%`. */
export interface ColumnFacts {
  name: string;
  type: string;
  percent?: boolean;
  numberFormat?: NumberFormat | null;
}

/** A column name turned into the id part of an indicator. */
export function slugOf(text: string, taken: Set<string>): string {
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'kolom';
  let slug = /^[a-z]/.test(base) ? base : `k_${base}`;
  for (let n = 2; taken.has(slug); n++) slug = `${base}_${n}`;
  taken.add(slug);
  return slug;
}

/** Ids already used by `indicators` (their part after `<prefix>_`). */
function takenIds(indicators: ImportedIndicator[], prefix: string): Set<string> {
  return new Set(indicators.map((i) => i.id.slice(prefix.length + 1)));
}

/** One column as an indicator, its kind and unit guessed from the header and cells. */
export function columnIndicator(column: ColumnFacts, prefix: string, taken: Set<string>): ImportedIndicator {
  const guess = guessColumnUnit(column.name, column.percent ?? false);
  return {
    column: column.name,
    id: `${prefix}_${slugOf(column.name, taken)}`,
    label: column.name,
    unit: guess.unit,
    direction: 'higher_worse',
    denominator: null,
    per: guess.per,
    kind: guess.kind,
    numerator: null,
    weight: null,
    years: null,
  };
}

/** A group of year columns as one indicator; `fallbackLabel` names it when the headers hold only years. */
export function groupIndicator(group: YearGroup, columns: ColumnFacts[], prefix: string, taken: Set<string>, fallbackLabel: string): ImportedIndicator {
  const label = group.label ?? fallbackLabel;
  const members = group.columns.map((y) => columns.find((c) => c.name === y.column));
  const guess = guessColumnUnit(`${label} ${group.unit ?? ''}`, members.every((c) => c?.percent));
  return {
    column: group.columns[0].column,
    id: `${prefix}_${slugOf(label, taken)}`,
    label,
    unit: group.unit ?? guess.unit,
    direction: 'higher_worse',
    denominator: null,
    per: guess.per,
    kind: guess.kind,
    numerator: null,
    weight: null,
    years: group.columns,
  };
}

export interface IndicatorProposal {
  indicators: ImportedIndicator[];
  /** Year groups found among the candidate columns (read as one indicator only without a year column). */
  groups: YearGroup[];
}

/**
 * The starting indicators of a table: every number column that is not a key or personal column.
 * Year groups are one indicator each, unless the table has a year column: then the year column
 * wins and each year column stays an indicator of its own, so no value is counted in two years.
 */
export function proposeIndicators(options: {
  columns: ColumnFacts[];
  exclude: Set<string>;
  prefix: string;
  yearColumn: string | null;
  fallbackLabel: string;
  /** The table's cells as written (in the order of `columns`): a rate's numerator and denominator are looked for in them. */
  rows?: readonly (readonly string[])[];
}): IndicatorProposal {
  const numbers = options.columns.filter((c) => c.type === 'number' && !options.exclude.has(c.name));
  const groups = findYearGroups(numbers);
  const grouped = new Set(groups.flatMap((g) => g.columns.map((y) => y.column)));
  const taken = new Set<string>();
  const indicators: ImportedIndicator[] = [];
  for (const column of numbers) {
    const group = groups.find((g) => g.columns[0].column === column.name);
    if (group && options.yearColumn === null) indicators.push(groupIndicator(group, options.columns, options.prefix, taken, options.fallbackLabel));
    else if (grouped.has(column.name) ? options.yearColumn !== null : !KEY_WORDS.test(column.name)) indicators.push(columnIndicator(column, options.prefix, taken));
  }
  if (options.rows) withRateParts(indicators, numbers, options.columns.map((c) => c.name), options.rows);
  return { indicators, groups };
}

/**
 * Fills in the numerator and denominator of each rate column that the file's own count columns
 * reproduce (see rate-parts.ts), so its kecamatan and city values come from summed counts.
 */
function withRateParts(indicators: ImportedIndicator[], numbers: ColumnFacts[], header: string[], rows: readonly (readonly string[])[]): void {
  const counts = numbers.filter((c) => guessColumnUnit(c.name, c.percent ?? false).kind === 'count');
  for (const indicator of indicators) {
    if (indicator.kind !== 'rate' || indicator.years?.length) continue;
    const column = numbers.find((c) => c.name === indicator.column);
    if (!column) continue;
    const parts = findRateParts({ ...column, per: indicator.per }, counts, header, rows);
    if (parts) Object.assign(indicator, { numerator: parts.numerator, denominator: parts.denominator, per: parts.per });
  }
}

/** Whether a year group is read as one indicator in `indicators`. */
export function groupIsOn(indicators: ImportedIndicator[], group: YearGroup): boolean {
  return indicators.some((i) => i.years?.length && i.column === group.columns[0].column);
}

/**
 * Reads a year group as one indicator (`on`) or as one indicator per column, in place of
 * whatever its columns were before.
 */
export function setYearGroup(
  indicators: ImportedIndicator[],
  group: YearGroup,
  on: boolean,
  options: { columns: ColumnFacts[]; prefix: string; fallbackLabel: string },
): ImportedIndicator[] {
  const members = new Set(group.columns.map((y) => y.column));
  const others = indicators.filter((i) => !members.has(i.column));
  const taken = takenIds(others, options.prefix);
  if (on) return [...others, groupIndicator(group, options.columns, options.prefix, taken, options.fallbackLabel)];
  const facts = group.columns.map((y) => options.columns.find((c) => c.name === y.column) ?? { name: y.column, type: 'number' });
  return [...others, ...facts.map((c) => columnIndicator(c, options.prefix, taken))];
}
