/**
 * The indicators offered as "Jumlah RTLH dari" and "Jumlah rumah tangga dari": counts of dwellings
 * for the first, since the targeting panel adds them up as houses to repair, and counts of
 * households for the second, the denominator of "RTLH per 100 rumah tangga". Program coverage
 * ("Cakupan PKH", a percentage registered as a count so it can be mapped), shares and counts of
 * another unit (people for households, households for dwellings) make no sense there (issue 15,
 * item 8). The evidence is the indicator's unit, or its label when an imported file gave none.
 */
import type { IndicatorDef } from './catalog';

/** Units that name a dwelling, in either language (the catalog's RTLH and houses say "unit"). */
const DWELLING_UNIT = /^(unit|units|rumah|bangunan|dwellings?|houses?)$/i;
/** An imported indicator labelled as uninhabitable houses, whatever unit its file gave. */
const RTLH_LABEL = /\brtlh\b|tidak layak huni|uninhabitable/i;
/** Units that name a household (or family, as a kartu keluarga count), in either language. */
const HOUSEHOLD_UNIT = /^(rumah ?tangga|rt|ruta|kk|keluarga|kepala keluarga|households?|famil(y|ies))$/i;
/** An imported indicator labelled as a household count, whatever unit its file gave. */
const HOUSEHOLD_LABEL = /\b(rumah ?tangga|ruta|kepala keluarga|households?)\b/i;
/** Units of a share rather than a count: percentages and "per …" rates. */
const SHARE_UNIT = /%|persen|percent|\bper\b/i;

/**
 * A count of the data, not a figure the app derives from others: program coverage and access
 * targets ("akses:air", "program:cakupan:pkh") are computed in the browser and carry a ':' in
 * their id, which no catalog or imported indicator has.
 */
const isCount = (i: IndicatorDef) => i.kind === 'count' && i.theme !== 'program' && !i.id.includes(':') && !SHARE_UNIT.test(`${i.unit.id} ${i.unit.en}`);

/**
 * Dwelling counts among `indicators`; when a region has none (an imported dataset with other
 * units), every count that is not a share or a program figure, so the panel is never empty.
 */
export function rtlhUnitIndicators(indicators: IndicatorDef[]): IndicatorDef[] {
  const counts = indicators.filter(isCount);
  const dwellings = counts.filter((i) => DWELLING_UNIT.test(i.unit.id.trim()) || DWELLING_UNIT.test(i.unit.en.trim()) || RTLH_LABEL.test(`${i.label.id} ${i.label.en}`));
  return dwellings.length ? dwellings : counts;
}

/**
 * Household counts among `indicators` (the catalog's "Jumlah rumah tangga" and its household
 * subsets); when a region has none, every count that is not a share or a program figure, so the
 * panel is never empty.
 */
export function householdCountIndicators(indicators: IndicatorDef[]): IndicatorDef[] {
  const counts = indicators.filter(isCount);
  const unitOf = (i: IndicatorDef) => [i.unit.id.trim(), i.unit.en.trim()];
  const households = counts.filter(
    (i) => unitOf(i).some((u) => HOUSEHOLD_UNIT.test(u)) || (unitOf(i).every((u) => u === '') && HOUSEHOLD_LABEL.test(`${i.label.id} ${i.label.en}`)),
  );
  return households.length ? households : counts;
}

/**
 * What the panel should count from when the chosen indicator is not offered in this region (a
 * provinsi carries the national sample's counts, not the city's `rtlh`): the chosen one while it
 * is offered, else an option labelled RTLH, else the first; null when there is none.
 */
export function offeredIndicator(chosen: string, options: IndicatorDef[]): string | null {
  if (options.some((i) => i.id === chosen)) return chosen;
  return (options.find((i) => RTLH_LABEL.test(`${i.label.id} ${i.label.en}`)) ?? options[0])?.id ?? null;
}
