/** Indicator values as text, with their unit, in the user's language. */
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import { decimalsFor, formatNumber } from '../i18n';

/** The unit of an indicator shown as `measure` ("%", "per 100 RT", "jiwa"). */
export function unitOf(indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  return measure === 'rasio' && indicator.rate ? indicator.rate.unit[lang] : indicator.unit[lang];
}

/** A number with as many decimals as its size and kind deserve. */
export function formatPlain(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const isRate = measure === 'rasio' || indicator.kind === 'area';
  return formatNumber(value, lang, decimalsFor(value, isRate));
}

/** A value with its unit: "7,44%", "41,2 per 100 RT", "17.910 jiwa". */
export function formatValue(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  const number = formatPlain(value, indicator, measure, lang);
  if (number === '–') return number;
  const unit = unitOf(indicator, measure, lang);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
