/**
 * Getis-Ord Gi and Gi* hot spots as method descriptors: spdep's localG statistic and z-score,
 * binned as ArcGIS bins them (90/95/99 % confidence) with ColorBrewer RdBu colours.
 */
import { getisOrd, hotSpots, HOT_SPOT_LEVELS } from '../getis-ord';
import { strictestCutoff } from '../significance';
import type { LocalMethod, MethodCategory } from './types';

/** Legend order, hot strongest first; code = place in this list (bins -3..3 and islands). */
const ROWS: { bin: number; label: string; words: string; color: string }[] = [
  { bin: 3, label: 'hotspot.hot99', words: 'Hot spot 99%', color: '#b2182b' },
  { bin: 2, label: 'hotspot.hot95', words: 'Hot spot 95%', color: '#ef8a62' },
  { bin: 1, label: 'hotspot.hot90', words: 'Hot spot 90%', color: '#fddbc7' },
  { bin: 0, label: 'hotspot.ns', words: 'Not significant', color: '#f0f0f0' },
  { bin: -1, label: 'hotspot.cold90', words: 'Cold spot 90%', color: '#d1e5f0' },
  { bin: -2, label: 'hotspot.cold95', words: 'Cold spot 95%', color: '#67a9cf' },
  { bin: -3, label: 'hotspot.cold99', words: 'Cold spot 99%', color: '#2166ac' },
];
const ISLAND = ROWS.length;
const CATEGORIES: MethodCategory[] = [
  ...ROWS.map((r, code) => ({ code, label: r.label, words: r.words, color: r.color })),
  { code: ISLAND, label: 'cluster.isolated', words: 'Isolated', color: '#8c8c8c' },
];
const codeOfBin = new Map(ROWS.map((r, code) => [r.bin, code]));

function hotSpotMethod(star: boolean): LocalMethod {
  return {
    kind: 'local',
    id: star ? 'gistar' : 'gi',
    order: star ? 20 : 30,
    label: star ? 'analysis.method.gistar' : 'analysis.method.gi',
    note: 'analysis.note.gi',
    secondVariable: false,
    decidesBy: 'pNormal',
    // Hot spots come at fixed 90/95/99 % confidence, as ArcGIS bins them: no --alpha.
    options: ['correction', 'basis'],
    weightsStyle: 'binary',
    categories: CATEGORIES,
    profile: [
      { label: 'panel.statistic.gi', field: 'statistic', digits: 5 },
      { label: 'panel.zScore', field: 'zScore', digits: 2 },
      { label: 'panel.pNormal', field: 'pNormal', digits: 4 },
      { label: 'panel.pseudoP', field: 'pseudoP', digits: 4 },
    ],
    columns: [
      ['G', 'statistic'],
      ['z', 'zScore'],
      ['p', 'pseudoP'],
      ['p_normal', 'pNormal'],
    ],
    cliExtra: (o) => ({ statistic: star ? 'Gi*' : 'Gi', basis: o.basis ?? 'z' }),
    compute(x, _y, weights, options) {
      const r = getisOrd(x, weights, { ...options, star });
      return { ...r, value: Float64Array.from(x), lag: new Float64Array(r.n).fill(Number.NaN), statistic: r.G };
    },
    classify(s, o) {
      const spots = hotSpots(s, o.basis ?? 'z', o.correction);
      const codes = Int8Array.from(spots.bin, (bin, i) => (s.neighbourCount[i] === 0 ? ISLAND : codeOfBin.get(bin)!));
      return { codes, cutoff: spots.cutoffs[95], extra: { cutoffs: spots.cutoffs } };
    },
    // A confidence c needs twice the folded pseudo p at or below 1 - c (getis-ord.ts hotSpots).
    neededCutoffs: (o, tests) =>
      o.basis === 'permutation' ? HOT_SPOT_LEVELS.map((level) => ({ cutoff: strictestCutoff(level.alpha, o.correction, tests) / 2, confidence: level.confidence })) : [],
  };
}

export const gistar = hotSpotMethod(true);
export const gi = hotSpotMethod(false);
