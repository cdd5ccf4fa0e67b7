/**
 * The analysis shown on the map as columns of the table export, for every method of the registry:
 * the kelurahan's category in the export's language, then the rows its descriptor puts in the
 * profile (emerging hot spots: the Mann-Kendall tau, trend z and p), rounded as the profile shows
 * them. Pure: the caller passes the translated words.
 */
import type { AnalysisMethod, StatisticArrays } from '../analysis/methods';
import type { CategoryMap } from '../state/cluster-categories';
import type { MessageKey, Translate } from '../i18n';
import { roundTo } from '../data/export-round';
import type { TableCell } from '../data/export-table';

export interface AnalysisColumns {
  headings: string[];
  /** The cells of each kelurahan by its code, in the order of `headings`. */
  cells: Map<string, TableCell[]>;
}

export function analysisColumns(input: {
  method: AnalysisMethod;
  categories: CategoryMap;
  /** The local statistic the categories come from (null for the TKPK quadrants). */
  result: StatisticArrays | null;
  /** Kelurahan codes in the order of the categories and the result. */
  kodes: readonly string[];
  t: Translate;
}): AnalysisColumns {
  const { method, categories, result, kodes, t } = input;
  const profile = method.kind === 'local' && result ? method.profile : [];
  const words = new Map(categories.rows.map((r) => [r.index, t(r.label)]));
  const cells = new Map<string, TableCell[]>();
  kodes.forEach((kode, i) => {
    const code = categories.codes[i];
    cells.set(kode, [code < 0 ? t('legend.noData') : (words.get(code) ?? null), ...profile.map((p) => roundTo(result![p.field][i], p.digits))]);
  });
  return {
    headings: [t('export.table.category', { method: t(method.label as MessageKey) }), ...profile.map((p) => t(p.label as MessageKey))],
    cells,
  };
}
