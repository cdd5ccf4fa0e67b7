/**
 * Which columns of a household file the aggregation reads, chosen by one set of rules for the
 * app's import dialog and for `peta-kantong households`: the desil column, the household id,
 * the yes/no deprivations, and the personal-data columns (src/data/personal-data.ts) that are
 * never used. Decided from the header and a sample of rows; the whole file is then typed in SQL
 * (household-read-sql.ts).
 */
import { ColumnProfiler, type TableColumnProfile } from './importers/columns';
import type { NumberFormat } from './importers/types';
import { flagPersonalColumns, type PersonalColumnFlag } from './personal-data';

/** Headers of the deprivations the app proposes for the Alkire-Foster measure. */
export const DEPRIVATION_WORDS = /rtlh|air|sanitasi|jamban|sekolah|penghasilan|listrik|lantai|dinding|atap|kesehatan|bpjs|gizi|stunting/i;

const DESIL_HEADER = /desil/;
const HOUSEHOLD_ID_HEADER = /^(id|no|nomor)_?(rt|ruta|keluarga|kk|art)?$|id_rt|idrt|id_keluarga/;

/** The first column whose header names a desil, or undefined. */
export function findDesilColumn(header: readonly string[]): string | undefined {
  return header.find((h) => DESIL_HEADER.test(h.toLowerCase()));
}

/** The first column whose header names a household id (id_rt, no_kk, id_keluarga, ...), or undefined. */
export function findHouseholdIdColumn(header: readonly string[]): string | undefined {
  return header.find((h) => HOUSEHOLD_ID_HEADER.test(h.toLowerCase()));
}

/** Whether a profiled column is proposed as a deprivation: yes/no cells and a deprivation word in its header. */
export function isProposedDeprivation(column: { name: string; type: string }): boolean {
  return column.type === 'boolean' && DEPRIVATION_WORDS.test(column.name);
}

/** Rows the personal-data flags are decided on: the import preview's size. */
export const PERSONAL_SAMPLE_ROWS = 50;

/** What a sample of a household file says about its columns. */
export interface HouseholdColumnProposal {
  /** Each column's type and number convention over the sample, as the import profiles them. */
  profiles: TableColumnProfile[];
  desil: string | null;
  id: string | null;
  deprivations: string[];
  /** Columns that look like personal data: never read beyond the sample, never chosen. */
  personal: PersonalColumnFlag[];
}

/**
 * The columns proposed for a household file from its header and sample rows (text cells).
 * @param fallbackFormat number convention of columns whose numbers are all ambiguous: `id` for
 *   CSV typed by people, `en` for cells a program wrote (Parquet), as the importers do
 */
export function proposeHouseholdColumns(header: readonly string[], sample: readonly (readonly string[])[], fallbackFormat: NumberFormat = 'id'): HouseholdColumnProposal {
  const profiles = header.map((name, c) => {
    const profiler = new ColumnProfiler(name, fallbackFormat);
    sample.forEach((row, r) => profiler.add(row[c] ?? '', r + 2));
    return profiler.finish();
  });
  const personal = flagPersonalColumns(header, sample.slice(0, PERSONAL_SAMPLE_ROWS));
  const personalNames = new Set(personal.map((p) => header[p.column]));
  const usable = (name: string | undefined) => (name !== undefined && !personalNames.has(name) ? name : null);
  return {
    profiles,
    desil: usable(findDesilColumn(header)),
    id: findHouseholdIdColumn(header) ?? null,
    deprivations: profiles.filter((p) => isProposedDeprivation(p) && !personalNames.has(p.name)).map((p) => p.name),
    personal,
  };
}
