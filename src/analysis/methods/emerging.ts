/**
 * Emerging hot spots (ArcGIS Pro's Emerging Hot Spot Analysis) as a method of the registry: the
 * one multi-year method. It reads the indicator in every year the data holds; compute gives the
 * Gi* z-score per year and the Mann-Kendall trend of that series, classify bins each year at
 * 90/95/99 % (with the correction chosen) and names the pattern (src/analysis/emerging.ts).
 */
import { EMERGING_CATEGORIES, classifySeries, giStarSeries, type EmergingCategory } from '../emerging';
import { mannKendall } from '../mann-kendall';
import type { LocalMethod, MethodCategory } from './types';

/** Colours: hot patterns in reds and oranges, cold in blues and purples, strongest darkest. */
const COLOURS: Record<EmergingCategory, string> = {
  'new-hot': '#fdd0a2',
  'consecutive-hot': '#fc9272',
  'intensifying-hot': '#99000d',
  'persistent-hot': '#cb181d',
  'diminishing-hot': '#fb6a4a',
  'sporadic-hot': '#fdae6b',
  'oscillating-hot': '#d94801',
  'historical-hot': '#fee6ce',
  'new-cold': '#deebf7',
  'consecutive-cold': '#9ecae1',
  'intensifying-cold': '#08306b',
  'persistent-cold': '#2171b5',
  'diminishing-cold': '#6baed6',
  'sporadic-cold': '#bcbddc',
  'oscillating-cold': '#6a51a3',
  'historical-cold': '#efedf5',
  none: '#f0f0f0',
};

/** ArcGIS's pattern names, for the CLI's `category` column. */
const words = (c: EmergingCategory): string =>
  c === 'none'
    ? 'No Pattern Detected'
    : c.replace(/^(\w)(\w*)-(hot|cold)$/, (_, a: string, b: string, side: string) => `${a.toUpperCase()}${b} ${side === 'hot' ? 'Hot' : 'Cold'} Spot`);

const ISLAND = EMERGING_CATEGORIES.length;
const CATEGORIES: MethodCategory[] = [
  ...EMERGING_CATEGORIES.map((c, code) => ({ code, label: `emerging.category.${c}`, words: words(c), color: COLOURS[c], explain: `emerging.explain.${c}` })),
  { code: ISLAND, label: 'cluster.isolated', words: 'Isolated', color: '#8c8c8c' },
];
const codeOf = new Map(EMERGING_CATEGORIES.map((c, code) => [c, code]));

export const emerging: LocalMethod = {
  kind: 'local',
  id: 'emerging',
  order: 60,
  label: 'analysis.method.emerging',
  note: 'analysis.note.emerging',
  secondVariable: false,
  yearly: true,
  categoryColumn: 'category',
  // The trend's p; the bins are ArcGIS's fixed 90/95/99 %: no --alpha, no permutations.
  decidesBy: 'pNormal',
  options: ['correction'],
  permutes: false,
  // Gi* bins need two years to name a pattern; Mann-Kendall's p needs three, so with two no trend is significant.
  minYears: 2,
  weightsStyle: 'binary',
  categories: CATEGORIES,
  profile: [
    { label: 'emerging.tau', field: 'statistic', digits: 3 },
    { label: 'emerging.trendZ', field: 'zScore', digits: 2 },
    { label: 'emerging.trendP', field: 'pNormal', digits: 4 },
  ],
  columns: [
    ['tau', 'statistic'],
    ['p', 'pNormal'],
    ['trend_z', 'zScore'],
  ],
  cliExtra: () => ({ statistic: 'Gi* per year, Mann-Kendall trend', bins: '90/95/99 %', trend_alpha: 0.05 }),
  compute(x, _y, weights, options, yearly) {
    if (!yearly || yearly.length < 2) throw new RangeError('emerging hot spots need the values of at least two years');
    const series = giStarSeries(yearly, weights);
    const n = x.length;
    const trends = Array.from({ length: n }, (_, i) => mannKendall(series.z.map((z) => z[i])));
    return {
      n,
      value: Float64Array.from(x),
      lag: new Float64Array(n).fill(Number.NaN),
      statistic: Float64Array.from(trends, (t) => t.tau),
      zScore: Float64Array.from(trends, (t) => t.z),
      pNormal: Float64Array.from(trends, (t) => t.p),
      pseudoP: new Float64Array(n).fill(Number.NaN),
      neighbourCount: series.neighbourCount,
      series: series.z,
      permutations: 0,
      seed: options.seed ?? 0,
      sampling: options.sampling ?? 'without-replacement',
    };
  },
  classify(s, o) {
    if (!s.series) throw new RangeError('emerging hot spots: no Gi* series to classify');
    const { categories } = classifySeries({ z: s.series, neighbourCount: Int32Array.from(s.neighbourCount, (k) => Math.max(0, k)) }, { correction: o.correction });
    const codes = Int8Array.from(categories, (c, i) => (s.neighbourCount[i] === 0 ? ISLAND : codeOf.get(c)!));
    return { codes, cutoff: Number.NaN, extra: { trend_alpha: 0.05 } };
  },
  neededCutoffs: () => [],
};
