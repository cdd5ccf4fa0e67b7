/**
 * The map's title, one wording for the legend, the table, the export panel's placeholder and the
 * printed page: the indicator and its year, the two years of a change map, or the span of years a
 * multi-year analysis read (emerging hot spots: "2021–2025"), since its map is not one year's.
 */
import type { Translate } from '../i18n';

export interface MapTitleInput {
  indicator: string;
  tahun: number;
  /** The earlier year of a change map (null when the map is not a change). */
  compareYear: number | null;
  isChange: boolean;
  /** The first and last year a multi-year analysis used (null for a one-year map). */
  span: readonly [number, number] | null;
}

export function mapTitle(t: Translate, a: MapTitleInput): string {
  if (a.span && a.span[0] !== a.span[1]) return t('legend.spanTitle', { indicator: a.indicator, from: a.span[0], to: a.span[1] });
  if (a.isChange) return t('legend.changeTitle', { indicator: a.indicator, from: a.compareYear ?? '', to: a.tahun });
  return t('legend.title', { indicator: a.indicator, tahun: a.tahun });
}
