/**
 * Emerging hot spots: are the pockets new, persistent, intensifying or fading? Gi* per kelurahan
 * and year (getis-ord.ts, binned at 90/95/99 % as ArcGIS's Gi_Bin), the Mann-Kendall trend of
 * each kelurahan's Gi* z-scores (mann-kendall.ts), and the pattern categories of ArcGIS Pro's
 * Emerging Hot Spot Analysis, "How Emerging Hot Spot Analysis works"
 * (https://pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm).
 * Pure: the app's method descriptor (methods/emerging.ts), the CLI and the rakor brief call it.
 */
import { getisOrd, hotSpots } from './getis-ord';
import { mannKendall, type MannKendall } from './mann-kendall';
import { normalTwoSided, type Correction } from './significance';
import { subsetWeights } from './subset';
import type { Weights } from './weights';

/** ArcGIS's eight patterns, in its table's order; each comes as a hot and a cold spot. */
export const EMERGING_PATTERNS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const;
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number];
/** `new-hot`, …, `historical-cold`, or `none` (ArcGIS's "No Pattern Detected"). */
export type EmergingCategory = `${EmergingPattern}-${'hot' | 'cold'}` | 'none';

/** Every category, hot ones first, in ArcGIS's order, then none. */
export const EMERGING_CATEGORIES: readonly EmergingCategory[] = [
  ...EMERGING_PATTERNS.map((p) => `${p}-hot` as const),
  ...EMERGING_PATTERNS.map((p) => `${p}-cold` as const),
  'none',
];

/** ArcGIS's share of the time steps that makes a location "a hot spot for 90 percent of the time-step intervals". */
export const PERSISTENT_SHARE = 0.9;
/** Default significance of the Mann-Kendall trend (ArcGIS's page says "statistically significant" without a level). */
export const DEFAULT_TREND_ALPHA = 0.05;

/**
 * The category of one location from its Gi_Bin series (in time order: > 0 a significant hot
 * spot, < 0 a significant cold spot, 0 not significant) and the trend of its Gi* z-scores. The
 * definitions, for hot spots (cold spots the same with hot and cold exchanged and the trend's
 * sign reversed), from ArcGIS Pro's page cited above:
 * - new: hot in the final step and never a hot spot before;
 * - consecutive: a single uninterrupted run of at least two hot bins in the final steps, never
 *   hot before the run, and fewer than 90 % of all bins hot;
 * - intensifying: hot in at least 90 % of the steps, the final one included, with a significant
 *   upward trend of the z-scores;
 * - persistent: hot in at least 90 % of the steps, with no significant trend;
 * - diminishing: as intensifying with a significant downward trend;
 * - sporadic: hot in the final step with a history of being on-again off-again hot, fewer than
 *   90 % of the steps hot, and never a significant cold spot;
 * - oscillating: hot in the final step, a significant cold spot in some earlier step, fewer than
 *   90 % of the steps hot;
 * - historical: not hot in the final step, but hot in at least 90 % of the steps.
 * The page's definitions overlap at two places, resolved here and said in the README:
 * (1) a final hot spot with an earlier cold spot fits "new" or "consecutive" (never hot before)
 * and "oscillating" (a prior cold spot): it is oscillating, the definition that names the prior
 * cold spot; (2) with 10 or more steps, "historical hot" (>= 90 % hot, final cold) and
 * "oscillating cold" can both fit: the 90 % patterns are decided first.
 * "90 % of the steps" counts bins: with five years that is all five (4.5 rounds up), so
 * historical and a persistent spot with a non-hot final year need ten or more steps.
 */
export function classifyEmerging(bins: ArrayLike<number>, trend: Pick<MannKendall, 'z' | 'p'>, trendAlpha = DEFAULT_TREND_ALPHA): EmergingCategory {
  for (const side of ['hot', 'cold'] as const) {
    const sign = side === 'hot' ? 1 : -1;
    const share = countSide(bins, sign) / bins.length;
    if (share < PERSISTENT_SHARE) continue;
    const last = Math.sign(bins[bins.length - 1]) === sign;
    const trending = trend.p <= trendAlpha ? Math.sign(trend.z) * sign : 0;
    if (!last) return `historical-${side}`;
    if (trending > 0) return `intensifying-${side}`;
    if (trending < 0) return `diminishing-${side}`;
    return `persistent-${side}`;
  }
  const final = Math.sign(bins[bins.length - 1]);
  if (final === 0) return 'none';
  const side = final > 0 ? 'hot' : 'cold';
  const before = Array.from(bins).slice(0, -1);
  if (countSide(before, -final) > 0) return `oscillating-${side}`;
  if (countSide(before, final) === 0) return `new-${side}`;
  // The final run of this side, and whether any bin of the side came before it.
  let start = bins.length - 1;
  while (start > 0 && Math.sign(bins[start - 1]) === final) start--;
  if (countSide(before.slice(0, start), final) === 0) return `consecutive-${side}`;
  return `sporadic-${side}`;
}

function countSide(bins: ArrayLike<number>, sign: number): number {
  let count = 0;
  for (let i = 0; i < bins.length; i++) if (Math.sign(bins[i]) === sign) count++;
  return count;
}

/** Settings of {@link emergingHotSpots}. */
export interface EmergingOptions {
  /** Multiple-testing correction of each year's Gi* bins (ArcGIS Pro applies FDR); default none. */
  correction?: Correction;
  /** Significance of the Mann-Kendall trend; default {@link DEFAULT_TREND_ALPHA}. */
  trendAlpha?: number;
}

/** One kelurahan's emerging hot spot result. */
export interface EmergingKelurahan {
  /** null: a value is missing in some year (the test needs every year, as a space-time cube does). */
  category: EmergingCategory | null;
  /** Gi* z-score per year (NaN where the kelurahan has no value). */
  z: number[];
  /** ArcGIS Gi_Bin per year: ±3/±2/±1 = 99/95/90 % hot/cold, 0 not significant (and islands). */
  bins: number[];
  /** Mann-Kendall of the z series (null where category is null). */
  trend: MannKendall | null;
  /** Neighbours among the kelurahan analysed (0 = island: never significant). */
  neighbours: number;
}

export interface EmergingResult {
  kelurahan: EmergingKelurahan[];
  /** How many kelurahan had a value every year. */
  analysed: number;
  correction: Correction;
  trendAlpha: number;
}

/** Gi* z-scores of every year, for the kelurahan of `weights` (all with a value every year). */
export interface GiStarSeries {
  /** z[t][i]: Gi* z-score of kelurahan i in the t-th year. */
  z: Float64Array[];
  /** Neighbours of each kelurahan (0 = island: never significant). */
  neighbourCount: Int32Array;
}

/**
 * Gi* of each year's values (`yearly[t][i]`, all finite) with binary `weights`: the analytic
 * z-score, as ArcGIS and spdep's localG report it (no permutations, so nothing random).
 */
export function giStarSeries(yearly: readonly ArrayLike<number>[], weights: Weights): GiStarSeries {
  let neighbourCount: Int32Array = new Int32Array(weights.n);
  const z = yearly.map((values) => {
    const gi = getisOrd(values, weights, { star: true, permutations: 0 });
    neighbourCount = gi.neighbourCount;
    return gi.zScore;
  });
  return { z, neighbourCount };
}

/** Per kelurahan: the Gi_Bin series, the trend, the category. */
export interface EmergingClassified {
  bins: Int8Array[];
  trends: MannKendall[];
  categories: EmergingCategory[];
}

/**
 * The categories from the z series: each year's z binned at 90/95/99 % as ArcGIS's Gi_Bin
 * (getis-ord.ts hotSpots, with the correction over that year's kelurahan; islands and NaN are
 * not significant), a bin at any level counting as "statistically significant", then the
 * Mann-Kendall trend of the z series and {@link classifyEmerging}. A kelurahan with a NaN z in
 * some year is 'none' here; callers mark it as having no data.
 */
export function classifySeries(series: GiStarSeries, options: EmergingOptions = {}): EmergingClassified {
  const correction = options.correction ?? 'none';
  const trendAlpha = options.trendAlpha ?? DEFAULT_TREND_ALPHA;
  const n = series.neighbourCount.length;
  const bins = series.z.map((z) => {
    const pNormal = Float64Array.from(z, (v) => normalTwoSided(v));
    return hotSpots({ n, neighbourCount: series.neighbourCount, zScore: z, pNormal, pseudoP: new Float64Array(n).fill(Number.NaN) }, 'z', correction).bin;
  });
  const trends: MannKendall[] = [];
  const categories: EmergingCategory[] = [];
  for (let i = 0; i < n; i++) {
    const z = series.z.map((year) => year[i]);
    if (!z.every(Number.isFinite)) {
      trends.push({ s: Number.NaN, varS: Number.NaN, tau: Number.NaN, z: Number.NaN, p: Number.NaN, n: z.length });
      categories.push('none');
      continue;
    }
    const trend = mannKendall(z);
    trends.push(trend);
    categories.push(
      classifyEmerging(
        bins.map((b) => b[i]),
        trend,
        trendAlpha,
      ),
    );
  }
  return { bins, trends, categories };
}

/**
 * Emerging hot spots of one indicator: `valuesByYear[t][i]` is kelurahan i's value in the t-th
 * year (oldest first; NaN where missing), `weights` the binary neighbours among all kelurahan.
 * Only the kelurahan with a value in every year are analysed (a complete space-time cube, as
 * ArcGIS and sfdep require); Gi* is computed among them each year.
 */
export function emergingHotSpots(valuesByYear: readonly ArrayLike<number>[], weights: Weights, options: EmergingOptions = {}): EmergingResult {
  const correction = options.correction ?? 'none';
  const trendAlpha = options.trendAlpha ?? DEFAULT_TREND_ALPHA;
  const years = valuesByYear.length;
  if (years < 2) throw new RangeError('emerging hot spots need at least two years');
  const n = weights.n;
  for (const values of valuesByYear) if (values.length !== n) throw new RangeError('every year needs one value per kelurahan of the weights');
  const keep = Array.from({ length: n }, (_, i) => valuesByYear.every((v) => Number.isFinite(v[i])));
  const { weights: among, kept } = subsetWeights(weights, keep);
  const missing = (): EmergingKelurahan => ({ category: null, z: new Array<number>(years).fill(Number.NaN), bins: new Array<number>(years).fill(0), trend: null, neighbours: 0 });
  const kelurahan = Array.from({ length: n }, missing);
  if (kept.length < 3) return { kelurahan, analysed: 0, correction, trendAlpha };
  const series = giStarSeries(
    valuesByYear.map((values) => Float64Array.from(kept, (i) => values[i])),
    among,
  );
  const classified = classifySeries(series, { correction, trendAlpha });
  kept.forEach((i, k) => {
    kelurahan[i] = {
      category: classified.categories[k],
      z: series.z.map((z) => z[k]),
      bins: classified.bins.map((b) => b[k]),
      trend: classified.trends[k],
      neighbours: series.neighbourCount[k],
    };
  });
  return { kelurahan, analysed: kept.length, correction, trendAlpha };
}
