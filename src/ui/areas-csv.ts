/**
 * The Kawasan tab's summary as a CSV file: the area, its buffer and size, each kelurahan's share,
 * and the counts apportioned to it. Rounded by the shared export rule (src/data/export-round.ts)
 * so shares read "37,5" and not "37,49999999999999" (issue 15), with the units in the headings.
 */
import { findIndicator, type Lang } from '../data/catalog';
import { toCsv, type TableCell } from '../data/export-table';
import { exportDecimals, FRACTION_DECIMALS, roundTo } from '../data/export-round';
import { translate } from '../i18n';

export interface AreaCsvInput {
  nama: string;
  bufferMetres: number;
  areaKm2: number;
  /** Shares as fractions (0..1), as src/analysis/areas.ts computes them. */
  shares: { kode: string; shareOfKelurahan: number; shareOfArea: number }[];
  /** Counts apportioned to the area by indicator id. */
  totals: { indikator: string; total: number }[];
  /** Kelurahan names by kode. */
  names: Map<string, string>;
  /** Whether synthetic (demo) data is shown, so the file says so. */
  synthetic: boolean;
}

/** The CSV text (with BOM) of an area summary in `lang`. */
export function areaCsv(input: AreaCsvInput, lang: Lang): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const percent = (share: number) => roundTo(share * 100, FRACTION_DECIMALS);
  const total = (indikator: string, value: number) => {
    const indicator = findIndicator(indikator);
    return roundTo(value, indicator ? exportDecimals(indicator, 'jumlah') : 0);
  };
  const rows: TableCell[][] = [
    [t('areas.ui.area'), input.nama],
    [t('areas.ui.buffer'), roundTo(input.bufferMetres, 0)],
    [t('areas.ui.km2'), roundTo(input.areaKm2, FRACTION_DECIMALS)],
    [],
    [t('table.kode'), t('table.kelurahan'), `${t('areas.ui.shareOfKelurahan')} (%)`, t('areas.ui.shareOfArea')],
    ...input.shares.map((s): TableCell[] => [s.kode, input.names.get(s.kode) ?? s.kode, percent(s.shareOfKelurahan), percent(s.shareOfArea)]),
    [],
    [t('areas.ui.indicator'), t('areas.ui.estimate')],
    ...input.totals.map((x): TableCell[] => [findIndicator(x.indikator)?.label[lang] ?? x.indikator, total(x.indikator, x.total)]),
    [],
    [t('areas.ui.apportionNote')],
    ...(input.synthetic ? [[t('synthetic.badge'), t('synthetic.explain')]] : []),
    [t('table.boundaries'), t('attribution.boundaries')],
  ];
  return toCsv(rows, { lang });
}
