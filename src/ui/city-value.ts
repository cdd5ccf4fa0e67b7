/**
 * The region's line under the legend ("Seluruh Kota Surakarta: …"). It exists apart from the
 * legend so one rule decides it and a test can read it: a count is summed, a rate with its
 * parts is summed numerators over summed denominators, and a rate or score without them is
 * never summed: it shows a population-weighted mean, or a mean of kelurahan values that says
 * plainly it is not the city's rate. On a change map the same line holds the change of each
 * (this year's summary minus the other year's), written as a change: "-1,2 poin persen".
 */
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import type { CitySummary } from '../data/indicators';
import type { MessageKey } from '../i18n';
import { formatChange, formatValue as formatLevel } from './format';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The region's line for `indicator` shown as `measure`, or null when there is none to show. */
export function cityValueLine(
  summary: CitySummary | null,
  indicator: IndicatorDef,
  measure: Measure,
  context: { lang: Lang; region: string; t: Translate; change?: boolean },
): string | null {
  if (!summary) return null;
  const { lang, region, t } = context;
  const formatValue = context.change ? formatChange : formatLevel;
  if (indicator.kind === 'index' && measure === 'jumlah') {
    const mean = summary.mean;
    if (!mean || mean.value === null) return null;
    const value = formatValue(mean.value, indicator, measure, lang);
    return t(mean.weighted ? 'units.cityWeightedMean' : 'units.cityMean', { value, region });
  }
  const main = measure === 'rasio' ? summary.rasio : summary.jumlah;
  const value = formatValue(main, indicator, measure, lang);
  if (measure === 'rasio' && summary.jumlah !== null) {
    const total = formatValue(summary.jumlah, indicator, 'jumlah', lang);
    return t('legend.cityValueWithTotal', { value, total, region });
  }
  return t('legend.cityValue', { value, region });
}
