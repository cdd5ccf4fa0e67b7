/**
 * Reconciling two household registers end to end, the one pipeline the app and the CLI share
 * (issue 19): both raw tables read and hashed with one salt (register-rows.ts), matched by
 * household id or, when the two registers share no id, by the head's NIK with the kelurahan,
 * counted by src/analysis/reconcile.ts, and written as the per-kelurahan table (small counts
 * suppressed) and the verification worklist (kelurahan, kind and row numbers, no person).
 */
import { reconcile, type Discrepancy, type ReconcileCounts, type Reconciliation } from '../analysis/reconcile';
import { formatNumber, translate } from '../i18n';
import type { Lang } from './catalog';
import type { Database } from './database';
import { toCsv, type TableCell } from './export-table';
import { RECONCILE_COUNT_COLUMNS } from './reconcile-columns';
import { keyedByNik, readRegister, sharedKeys, type RegisterSpec } from './register-rows';
import { formatSuppressed } from './suppression';
import { writeXlsx } from './xlsx-writer';

/** How households were matched: by household id, or by the head's NIK with the kelurahan. */
export type MatchBy = 'id' | 'nik';

export interface RegisterReconciliation extends Reconciliation {
  matchedBy: MatchBy;
  /** The kab/kota both registers lie in (4 digits). */
  region: ReconcileCounts;
  regionCode: string;
  files: { a: string; b: string };
}

/**
 * Reads and reconciles registers A and B (their raw tables already loaded). Ids are matched when
 * the registers share any, else NIK with kelurahan (`matchBy` forces one). B must lie in A's
 * region, or in `region` when given. Throws ImportError `reconcile.*` for a register that
 * cannot be reconciled; nothing is kept then.
 */
export async function reconcileRegisters(
  db: Database,
  a: RegisterSpec,
  b: RegisterSpec,
  options: { salt: string; region?: string; matchBy?: MatchBy },
): Promise<RegisterReconciliation> {
  const readA = await readRegister(db, a, options.salt, options.region ?? null);
  const readB = await readRegister(db, b, options.salt, readA.region);
  const matchBy = options.matchBy ?? (sharedKeys(readA.register, readB.register) > 0 ? 'id' : 'nik');
  const [ra, rb] = matchBy === 'id' ? [readA.register, readB.register] : [keyedByNik(readA.register), keyedByNik(readB.register)];
  const result = reconcile(ra.rows, rb.rows);
  const regionCode = `${readA.region.slice(0, 2)}.${readA.region.slice(2)}`;
  return { ...result, region: { ...result.region, kode: regionCode }, matchedBy: matchBy, regionCode, files: { a: a.file, b: b.file } };
}

/** The columns of the per-kelurahan table (CLI `reconcile --out`, the app's download). */
export const RECONCILE_COLUMNS: readonly string[] = ['kode', ...RECONCILE_COUNT_COLUMNS.map((c) => c.column)];

/** The counts of one kelurahan in column order (true counts). */
export function reconcileValues(c: ReconcileCounts): number[] {
  return RECONCILE_COUNT_COLUMNS.map(({ field }) => c[field]);
}

/**
 * The per-kelurahan table as rows of text cells: counts from 1 to `minCount` - 1 as "<minCount"
 * (the app's small-cell rule), `minCount` 0 for none (a data owner's own use).
 */
export function reconcileTable(result: Reconciliation, minCount: number): string[][] {
  const threshold = Math.max(1, minCount);
  return [[...RECONCILE_COLUMNS], ...result.kelurahan.map((c) => [c.kode, ...reconcileValues(c).map((n) => formatSuppressed(n, threshold))])];
}

/** Worklist order: by kelurahan, then kind, then row. */
const KIND_ORDER: Discrepancy['kind'][] = ['moved', 'only_a', 'only_b', 'duplicate_a', 'duplicate_b', 'desil_differs_2plus'];

/**
 * The verification worklist: one row per discrepancy with the kelurahan, the kind in words, the
 * row in each file ("baris 1.234 di P3KE_2024.xlsx") and, for moves, the other kelurahan; for
 * duplicates the earlier row. No id, NIK or name: officers look the person up in their own file.
 */
export function worklistRows(result: RegisterReconciliation, lang: Lang): TableCell[][] {
  const { a, b } = result.files;
  const names = { a, b };
  const at = (row: number, file: string) => translate(lang, 'reconcile.row', { row: formatNumber(row, lang), file });
  const sorted = [...result.discrepancies].sort(
    (x, y) => (x.kode < y.kode ? -1 : x.kode > y.kode ? 1 : 0) || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || (x.rowA ?? x.rowB ?? 0) - (y.rowA ?? y.rowB ?? 0),
  );
  const header: TableCell[] = [
    translate(lang, 'reconcile.worklist.kode'),
    translate(lang, 'reconcile.worklist.kind'),
    translate(lang, 'reconcile.worklist.rowIn', { file: a }),
    translate(lang, 'reconcile.worklist.rowIn', { file: b }),
    translate(lang, 'reconcile.worklist.where'),
    translate(lang, 'reconcile.worklist.other'),
  ];
  return [
    header,
    ...sorted.map((d) => {
      const where = [d.rowA === null ? null : at(d.rowA, a), d.rowB === null ? null : at(d.rowB, b)].filter((t) => t !== null).join('; ');
      const firstFile = d.kind === 'duplicate_a' ? a : b;
      const other = d.otherKode ?? (d.firstRow !== undefined ? at(d.firstRow, firstFile) : null);
      return [d.kode, translate(lang, `reconcile.kind.${d.kind}`, names), d.rowA, d.rowB, where, other];
    }),
  ];
}

/** The worklist as CSV for `lang`'s Excel (";" and BOM for Indonesian Excel). */
export function worklistCsv(result: RegisterReconciliation, lang: Lang): string {
  return toCsv(worklistRows(result, lang), { lang });
}

/** The worklist as an .xlsx workbook (row numbers as numeric cells). */
export function worklistXlsx(result: RegisterReconciliation, lang: Lang): Uint8Array {
  return writeXlsx([{ name: translate(lang, 'reconcile.worklist.sheet'), rows: worklistRows(result, lang), columnWidths: [16, 34, 14, 14, 60, 24] }]);
}
