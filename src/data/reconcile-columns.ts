/**
 * The reconciliation's per-kelurahan counts by their snake_case column names, once: the CLI's
 * and the app's table (reconcile.ts) and the map indicators (reconcile-indicator.ts) both read
 * this list, so a count renamed or added is one line here.
 */
import type { ReconcileCounts } from '../analysis/reconcile';

/** A count of ReconcileCounts (not the kelurahan's code, nor the desil denominator, which is no column). */
export type ReconcileCountField = Exclude<keyof ReconcileCounts, 'kode' | 'desilCompared'>;

/** The counts in the table's column order. */
export const RECONCILE_COUNT_COLUMNS = [
  { column: 'both', field: 'both' },
  { column: 'only_a', field: 'onlyA' },
  { column: 'only_b', field: 'onlyB' },
  { column: 'moved_in', field: 'movedIn' },
  { column: 'moved_out', field: 'movedOut' },
  { column: 'duplicates_a', field: 'duplicatesA' },
  { column: 'duplicates_b', field: 'duplicatesB' },
  { column: 'desil_same', field: 'desilSame' },
  { column: 'desil_differs_2plus', field: 'desilDiffers2plus' },
] as const satisfies readonly { column: string; field: ReconcileCountField }[];

export type ReconcileCountColumn = (typeof RECONCILE_COUNT_COLUMNS)[number]['column'];

/** The count a column holds, by its column name. */
export const countOfColumn = Object.fromEntries(RECONCILE_COUNT_COLUMNS.map(({ column, field }) => [column, (c: ReconcileCounts) => c[field]])) as Record<
  ReconcileCountColumn,
  (c: ReconcileCounts) => number
>;
