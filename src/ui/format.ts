/** Indicator values as text, with their unit, in the user's language. */
import type { IndicatorDef, Lang, Measure } from '../data/catalog';
import { decimalsFor, formatNumber, translate } from '../i18n';

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

/**
 * The unit of a change of `indicator` shown as `measure`. A difference of percentages is in
 * percentage points ("poin persen", short "poin"/"pp"), keeping any qualifier ("poin persen luas
 * wilayah"); a difference of any other rate or count is in the same unit ("per 100 rumah
 * tangga", "jiwa").
 */
export function changeUnitOf(indicator: IndicatorDef, measure: Measure, lang: Lang, short = false): string {
  const unit = unitOf(indicator, measure, lang);
  if (!unit.startsWith('%')) return unit;
  const points = translate(lang, short ? 'change.pointsShort' : 'change.points');
  const qualifier = unit.slice(1).trim();
  return short || !qualifier ? points : `${points} ${qualifier}`;
}

/**
 * A change as a signed number: "+1,2", "-0,85", "0". The hyphen-minus, not U+2212, since the
 * PDF font subset lacks the latter; a change that rounds to zero is shown unsigned.
 */
export function formatChangePlain(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const magnitude = formatPlain(Math.abs(value), indicator, measure, lang);
  if (/^0(?:[.,]0*)?$/.test(magnitude)) return '0';
  return `${value > 0 ? '+' : '-'}${magnitude}`;
}

/** A change with its unit: "-1,78 poin persen" ("-1,78 poin" when `short`), "+2,4 per 100 rumah tangga", "+120 jiwa". */
export function formatChange(value: number | null | undefined, indicator: IndicatorDef, measure: Measure, lang: Lang, short = false): string {
  const number = formatChangePlain(value, indicator, measure, lang);
  if (number === '–') return number;
  const unit = changeUnitOf(indicator, measure, lang, short);
  return unit ? `${number} ${unit}` : number;
}
