/** Indicator values as text, with their unit, in the user's language. */
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import { decimalsFor, formatNumber } from '../i18n';

/** The unit of an indicator shown as `measure` ("%", "per 100 RT", "jiwa"). */
export function unitOf(indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  return measure === 'rasio' && indicator.rate ? indicator.rate.unit[lang] : indicator.unit[lang];
}

/**
 * A number with as many decimals as its size and kind deserve. Counts from household records
 * below the user's threshold are shown as "<5", never as themselves (0 stays 0).
 */
export function formatPlain(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const threshold = indicator.suppressBelow;
  if (measure === 'jumlah' && threshold && value > 0 && value < threshold) return `<${formatNumber(threshold, lang)}`;
  const isRate = measure === 'rasio' || indicator.kind !== 'count';
  return formatNumber(value, lang, decimalsFor(value, isRate));
}

/** A value with its unit: "7,44%", "41,2 per 100 RT", "17.910 jiwa". */
export function formatValue(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  const number = formatPlain(value, indicator, measure, lang);
  if (number === '–') return number;
  const unit = unitOf(indicator, measure, lang);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
