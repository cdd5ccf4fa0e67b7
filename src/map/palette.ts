/**
 * Colour schemes for classes: ColorBrewer schemes (Cynthia Brewer, Penn State; Apache-2.0
 * licence), taken from d3-scale-chromatic. Colour-blind safe per colorbrewer2.org: sequential
 * YlOrRd and YlGnBu for 3-9 classes, diverging RdBu and PuOr for 3-11 classes.
 */
import { interpolatePuOr, interpolateRdBu, schemePuOr, schemeRdBu, schemeYlGnBu, schemeYlOrRd } from 'd3-scale-chromatic';
import { BOX_KINDS } from '../analysis/box-map';
import type { ClassKind, Classification } from '../analysis/classify';
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

/**
 * Diverging colours from low to high values, light in the middle: blue to red where higher is
 * worse, red to blue where higher is better (red always means need), purple to orange (PuOr, no
 * judgement) for neutral indicators. ColorBrewer's own colours for 3-11 classes; beyond 11 the
 * same scheme's continuous ramp is sampled at class centres.
 */
export function divergingColors(classes: number, direction: Direction): string[] {
  if (classes <= 0) return [];
  const neutral = direction === 'neutral';
  const scheme = neutral ? schemePuOr : schemeRdBu;
  const interpolate = neutral ? interpolatePuOr : interpolateRdBu;
  let colours: string[];
  if (classes === 1) colours = [scheme[3][1]];
  else if (classes === 2) colours = [scheme[3][0], scheme[3][2]];
  else if (classes <= 11) colours = [...scheme[classes]];
  else colours = Array.from({ length: classes }, (_, i) => interpolate((i + 0.5) / classes));
  // d3 lists RdBu from red to blue; low values are blue where higher is worse.
  return direction === 'higher_worse' ? colours.reverse() : colours;
}

/**
 * Colours for classes that carry kinds (box and standard-deviation maps). A box-map class takes
 * the colour of its GeoDa category in a 6-class diverging scheme, so dropping a tied category
 * does not shift the others. Standard-deviation classes are centred on the mean: with b classes
 * below it and a above, they take the middle of a 2·max(a, b) diverging scheme, so one standard
 * deviation has the same lightness on both sides.
 */
export function kindColors(kinds: readonly ClassKind[], direction: Direction): string[] {
  const box = divergingColors(BOX_KINDS.length, direction);
  const below = kinds.filter((k) => k === 'below_mean').length;
  const above = kinds.filter((k) => k === 'above_mean').length;
  const half = Math.max(below, above);
  const sd = divergingColors(2 * half, direction);
  let belowSeen = 0;
  let aboveSeen = 0;
  return kinds.map((kind) => {
    if (kind === 'below_mean') return sd[half - below + belowSeen++];
    if (kind === 'above_mean') return sd[half + aboveSeen++];
    return box[BOX_KINDS.indexOf(kind)];
  });
}

/** The colours for a classification: by kind when its classes have kinds, else sequential. */
export function classificationColors(classification: Pick<Classification, 'counts' | 'kinds'>, direction: Direction): string[] {
  return classification.kinds ? kindColors(classification.kinds, direction) : classColors(classification.counts.length, direction);
}
