/**
 * The rows of the legend (colour, range or category, count) for the screen and for exports, so a
 * printed map says exactly what the screen says.
 */
import type { Classification } from '../analysis/classify';
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import { formatNumber, type Translate } from '../i18n';
import type { CategoryMap } from '../state/cluster-categories';
import { formatChangePlain, formatPlain } from './format';

/** What the class rows read of the value map on screen (the app's state has all of it). */
export interface ClassRowsSource {
  readonly classification: Classification | null;
  readonly colors: readonly string[];
  readonly values: ReadonlyMap<string, number | null> | null;
  readonly isChange: boolean;
  readonly indicator: IndicatorDef;
  readonly shownMeasure: Measure;
  readonly lang: Lang;
  readonly t: Translate;
}

/** What the category rows read: the categories on the map and the words for them. */
export interface CategoryRowsSource {
  readonly categories: CategoryMap | null;
  readonly t: Translate;
}

export interface LegendEntry {
  color: string;
  label: string;
  note: string;
  count: number;
}

/** Class rows of the value map; outer limits no wider than the data (classInt pads unique-value breaks). */
export function classRows(app: ClassRowsSource): LegendEntry[] {
  const c = app.classification;
  if (!c) return [];
  // A change map's limits are signed ("+1,2"): the unit line says they are changes.
  const format = (v: number) => (app.isChange ? formatChangePlain : formatPlain)(v, app.indicator, app.shownMeasure, app.lang);
  return rowsOfClasses(c, app.colors, app.values?.values() ?? [], format, app.t, app.lang);
}

/**
 * The rows of any classified map (the city map's, the national map's): each class's range in
 * `format`, trimmed to the data's extent at the outer ends, with its colour, count and meaning.
 */
export function rowsOfClasses(
  c: Classification,
  colors: readonly string[],
  values: Iterable<number | null>,
  format: (v: number) => string,
  t: Translate,
  lang: Lang,
): LegendEntry[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const extent = min <= max ? [min, max] : null;
  const last = c.counts.length - 1;
  return c.counts.map((count, i) => {
    let [low, high] = [c.breaks[i], c.breaks[i + 1]];
    if (extent && i === 0 && Number.isFinite(low) && count > 0) low = Math.max(low, extent[0]);
    if (extent && i === last && Number.isFinite(high) && count > 0) high = Math.min(high, extent[1]);
    // Box and manual maps may have open-ended outer classes (±Infinity when empty).
    const label = low === -Infinity ? `< ${format(high)}` : high === Infinity ? `≥ ${format(low)}` : `${format(low)} – ${format(high)}`;
    return { color: colors[i], label, note: classNote(c, i, t, lang), count };
  });
}

/** What a class means besides its range: box-map quartile or outlier, s.d. units from the mean. */
function classNote(c: Classification, i: number, t: Translate, lang: Lang): string {
  if (c.sdUnits) {
    const unit = (u: number) => (u === 0 ? t('legend.mean') : `${u > 0 ? '+' : '−'}${formatNumber(Math.abs(u), lang, 2)} ${t('legend.sdUnit')}`);
    return `${unit(c.sdUnits[i])} … ${unit(c.sdUnits[i + 1])}`;
  }
  return c.kinds ? t(`legend.kind.${c.kinds[i]}`) : '';
}

/** Category rows (analysis clusters, bivariate cells) when the map shows categories. */
export function categoryRows(app: CategoryRowsSource): LegendEntry[] {
  const rows = app.categories?.rows ?? [];
  // As on screen (Legend.svelte): a method with many categories (emerging hot spots) lists those on the map.
  return rows.filter((row) => row.count > 0 || rows.length <= 8).map((row) => ({ color: row.color, label: app.t(row.label), note: '', count: row.count }));
}
