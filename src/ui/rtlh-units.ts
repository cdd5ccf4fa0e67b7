/**
 * The indicators offered as "Jumlah RTLH dari": counts of dwellings, since the targeting panel
 * adds them up as houses to repair. Program coverage ("Cakupan PKH", a percentage registered as a
 * count so it can be mapped), people and households make no sense there (issue 15, item 8).
 */
import type { IndicatorDef } from '../data/catalog';

/** Units that name a dwelling, in either language (the catalog's RTLH and houses say "unit"). */
const DWELLING_UNIT = /^(unit|units|rumah|bangunan|dwellings?|houses?)$/i;
/** An imported indicator labelled as uninhabitable houses, whatever unit its file gave. */
const RTLH_LABEL = /\brtlh\b|tidak layak huni|uninhabitable/i;
/** Units of a share rather than a count: percentages and "per …" rates. */
const SHARE_UNIT = /%|persen|percent|\bper\b/i;

const isCount = (i: IndicatorDef) => i.kind === 'count' && i.theme !== 'program' && !SHARE_UNIT.test(`${i.unit.id} ${i.unit.en}`);

/**
 * Dwelling counts among `indicators`; when a region has none (an imported dataset with other
 * units), every count that is not a share or a program figure, so the panel is never empty.
 */
export function rtlhUnitIndicators(indicators: IndicatorDef[]): IndicatorDef[] {
  const counts = indicators.filter(isCount);
  const dwellings = counts.filter((i) => DWELLING_UNIT.test(i.unit.id.trim()) || DWELLING_UNIT.test(i.unit.en.trim()) || RTLH_LABEL.test(`${i.label.id} ${i.label.en}`));
  return dwellings.length ? dwellings : counts;
}
