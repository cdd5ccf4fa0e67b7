/**
 * The value to analyse per kelurahan, in boundary order: a column, or a column over a
 * denominator times a factor, read from the joined rows by the app's number rules
 * (src/data/table-pipeline.ts). Every kelurahan that ends without a value gets a reason, so the
 * caller can report it; nothing is dropped silently.
 */
import type { Database } from '../data/database';
import type { KeyMapping } from '../data/datasets';
import type { JoinDecisions } from '../data/join';
import { columnChoicesOf, invalidNumbers, valuesByKelurahan, type InvalidCell } from '../data/table-pipeline';
import type { Region, TableJoin } from './table-join';

/** What to take from the table. */
export interface ValueSpec {
  /** Column of the value (a count or a rate). */
  value: string;
  /** Optional column to divide by (e.g. `penduduk`), making a rate. */
  denominator?: string;
  /** Factor applied to value / denominator (100 for a percentage); 1 without a denominator. */
  per: number;
}

/** A kelurahan left without a value, and why. */
export interface MissingValue {
  index: number;
  reason: string;
}

export interface RegionValues {
  /** In boundary order; NaN where missing. */
  values: Float64Array;
  missing: MissingValue[];
  /** Filled cells of joined rows that are not numbers (counted as empty), per column. */
  invalid: { column: string; count: number; examples: InvalidCell[] }[];
}

/** The values of `spec` for each kelurahan of `region` from the rows `mapping` joins. */
export async function regionValues(
  db: Database,
  join: TableJoin,
  region: Region,
  options: { mapping: KeyMapping[]; spec: ValueSpec; duplicates: JoinDecisions['duplicates']; year?: number },
): Promise<RegionValues> {
  const { spec } = options;
  const choices = columnChoicesOf(join.table);
  const columnOf = (name: string) => choices.find((c) => c.name === name)!;
  const read = async (name: string) => {
    const column = columnOf(name);
    const rows = await valuesByKelurahan(db, join.id, { keys: join.keys, mapping: options.mapping, column, year: null, duplicates: options.duplicates });
    const invalid = await invalidNumbers(db, join.id, join.keys, column, join.table.headerRow);
    // A join of several years (a yearly method) is read one year at a time.
    const ofYear = options.year === undefined ? rows : rows.filter((r) => r.tahun === options.year);
    return { byKode: new Map(ofYear.map((r) => [r.kode, r.nilai])), invalid: { column: name, ...invalid } };
  };
  const value = await read(spec.value);
  const denominator = spec.denominator === undefined ? null : await read(spec.denominator);
  const badText = (invalid: RegionValues['invalid'][number], kode: string) => invalid.examples.find((e) => e.kode === kode)?.text;

  const values = new Float64Array(region.ids.length).fill(Number.NaN);
  const missing: MissingValue[] = [];
  const because = (column: string, invalid: RegionValues['invalid'][number], kode: string) => {
    const text = badText(invalid, kode);
    return text === undefined ? `empty ${column}` : `${column} is not a number ("${text}")`;
  };
  region.targets.forEach((target, index) => {
    const kode = target.kode;
    if (!value.byKode.has(kode)) return missing.push({ index, reason: 'no row in the data' });
    const v = value.byKode.get(kode);
    if (v === null || v === undefined) return missing.push({ index, reason: because(spec.value, value.invalid, kode) });
    if (!denominator) {
      values[index] = v;
      return;
    }
    const d = denominator.byKode.get(kode);
    if (d === null || d === undefined) return missing.push({ index, reason: because(spec.denominator!, denominator.invalid, kode) });
    if (d === 0) return missing.push({ index, reason: `${spec.denominator} is 0` });
    // As the app's SQL (indicators.ts: nilai * per / penyebut): one rounding, so ties of the
    // permutation test fall the same way on the map and here.
    values[index] = (v * spec.per) / d;
  });
  const invalid = [value.invalid, ...(denominator ? [denominator.invalid] : [])].filter((i) => i.count > 0);
  return { values, missing, invalid };
}

/** "3 kelurahan have no value and are left out of the analysis with their weights: 33.72.01.1001 Pajang (no row in the data), ..." */
export function describeMissing(missing: readonly MissingValue[], region: Region): string {
  const shown = missing.slice(0, 10).map((m) => `${region.ids[m.index]}${region.names[m.index] ? ` ${region.names[m.index]}` : ''} (${m.reason})`);
  const more = missing.length > 10 ? `, and ${missing.length - 10} more` : '';
  return `${missing.length} of ${region.ids.length} kelurahan have no value and are left out of the analysis with their weights: ${shown.join(', ')}${more}`;
}

/** "2 cell(s) of jumlah are not numbers and count as empty: row 5 "n.a.", row 9 "?"" */
export function describeInvalid(invalid: RegionValues['invalid'][number]): string {
  const shown = invalid.examples
    .slice(0, 5)
    .map((e) => `row ${e.row} "${e.text}"`)
    .join(', ');
  const more = invalid.count > 5 ? `, and ${invalid.count - 5} more` : '';
  return `${invalid.count} cell(s) of ${invalid.column} are not numbers and count as empty: ${shown}${more}`;
}
