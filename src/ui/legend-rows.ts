/**
 * The rows of the legend (colour, range or category, count) for the screen and for exports, so a
 * printed map says exactly what the screen says.
 */
import { formatNumber } from '../i18n';
import type { AppState } from '../state/app.svelte';
import { formatPlain } from './format';

export interface LegendEntry {
  color: string;
  label: string;
  note: string;
  count: number;
}

/** Class rows of the value map; outer limits no wider than the data (classInt pads unique-value breaks). */
export function classRows(app: AppState): LegendEntry[] {
  const c = app.classification;
  if (!c) return [];
  const finite = [...(app.values?.values() ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  const extent = finite.length ? [Math.min(...finite), Math.max(...finite)] : null;
  const value = (v: number) => formatPlain(v, app.indicator, app.shownMeasure, app.lang);
  const last = c.counts.length - 1;
  return c.counts.map((count, i) => {
    let [low, high] = [c.breaks[i], c.breaks[i + 1]];
    if (extent && i === 0 && Number.isFinite(low) && count > 0) low = Math.max(low, extent[0]);
    if (extent && i === last && Number.isFinite(high) && count > 0) high = Math.min(high, extent[1]);
    // Box and manual maps may have open-ended outer classes (±Infinity when empty).
    const label = low === -Infinity ? `< ${value(high)}` : high === Infinity ? `≥ ${value(low)}` : `${value(low)} – ${value(high)}`;
    return { color: app.colors[i], label, note: classNote(app, i), count };
  });
}

/** What a class means besides its range: box-map quartile or outlier, s.d. units from the mean. */
function classNote(app: AppState, i: number): string {
  const c = app.classification!;
  if (c.sdUnits) {
    const unit = (u: number) => (u === 0 ? app.t('legend.mean') : `${u > 0 ? '+' : '−'}${formatNumber(Math.abs(u), app.lang, 2)} ${app.t('legend.sdUnit')}`);
    return `${unit(c.sdUnits[i])} … ${unit(c.sdUnits[i + 1])}`;
  }
  return c.kinds ? app.t(`legend.kind.${c.kinds[i]}`) : '';
}

/** Category rows (analysis clusters, bivariate cells) when the map shows categories. */
export function categoryRows(app: AppState): LegendEntry[] {
  return (app.categories?.rows ?? []).map((row) => ({ color: row.color, label: app.t(row.label), note: '', count: row.count }));
}
