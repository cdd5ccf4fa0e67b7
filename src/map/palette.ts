/**
 * Colour schemes for classes: ColorBrewer sequential schemes (Cynthia Brewer, Penn State;
 * Apache-2.0 licence), taken from d3-scale-chromatic. YlOrRd and YlGnBu are colour-blind safe
 * for 3-9 classes per colorbrewer2.org.
 */
import { schemeYlGnBu, schemeYlOrRd } from 'd3-scale-chromatic';
import type { Direction } from '../data/catalog';

/** Grey for kelurahan without a value: distinct from every class colour. */
export const NO_DATA_COLOR = '#d9d9d9';

/**
 * Colours for `classes` classes: yellow-orange-red where higher is worse (need), yellow-green-blue
 * where higher is better or neutral, so that red always means need.
 */
export function classColors(classes: number, direction: Direction): string[] {
  const scheme = direction === 'higher_worse' ? schemeYlOrRd : schemeYlGnBu;
  const three = scheme[3];
  if (classes <= 0) return [];
  // ColorBrewer starts at 3 classes; ties can leave fewer, which take the 3-class ends or middle.
  if (classes === 1) return [three[1]];
  if (classes === 2) return [three[0], three[2]];
  return [...scheme[Math.min(classes, 9)]];
}
