/**
 * The shape of an analysis method: one descriptor that the analysis panel, the legend, the
 * kelurahan profile, the URL, the worker and the CLI all read, so that a new method is one file
 * here (plus its messages and tests) rather than a branch in each of them. Pure: the message keys
 * are plain strings (checked against src/i18n by tests/unit/analysis/methods/registry.test.ts).
 */
import type { Weights } from '../weights';
import type { PermutationOptions, Sampling } from '../conditional-permutation';
import type { Correction } from '../significance';
import type { HotSpotBasis } from '../getis-ord';

/** A local statistic per observation, in the observations' order (NaN where undefined). */
export interface LocalStatistic {
  n: number;
  /** Standardised value (LISA, Geary, bivariate: of the first variable); Gi: the value. */
  value: Float64Array;
  /** Spatial lag (row-standardised) of the standardised value, or of the second variable; NaN for Gi. */
  lag: Float64Array;
  /** I_i, C_i or G_i. */
  statistic: Float64Array;
  /** Analytic z-score where the method has one (NaN otherwise). */
  zScore: Float64Array;
  /** Two-sided normal p-value where the method has one (NaN otherwise). */
  pNormal: Float64Array;
  /** GeoDa's folded pseudo p-value from conditional permutations. */
  pseudoP: Float64Array;
  /** Neighbours (0 = island; -1 in the app's output = no value). */
  neighbourCount: Int32Array;
  /** Expected statistic under conditional randomisation, where the categories need it (Geary). */
  expectation?: Float64Array;
  /** A multi-year method's statistic per year (emerging hot spots: Gi* z), oldest year first. */
  series?: Float64Array[];
  permutations: number;
  seed: number;
  sampling: Sampling;
}

/** What classify reads: the statistic without its run settings (the worker's output has these too). */
export type StatisticArrays = Pick<LocalStatistic, 'n' | 'value' | 'lag' | 'statistic' | 'zScore' | 'pNormal' | 'pseudoP' | 'neighbourCount' | 'expectation' | 'series'>;

/** Numeric fields of a LocalStatistic a profile row or an output column can show. */
export type StatisticField = 'value' | 'lag' | 'statistic' | 'zScore' | 'pNormal' | 'pseudoP';

/** One map category, in legend order. */
export interface MethodCategory {
  /** What `classify` returns for it (stored in feature-state). */
  code: number;
  /** Message key of its name in the legend and profile. */
  label: string;
  /** Its name in the CLI's `cluster` column (English, as GeoDa and spdep write it). */
  words: string;
  color: string;
  /** Message key of a sentence saying what the category means for a kelurahan (shown in the profile). */
  explain?: string;
}

/** The settings that decide significance. */
export interface ClassifyOptions {
  alpha: number;
  correction: Correction;
  /** Hot spots only: analytic z (the map) or permutation p (the CLI may ask). */
  basis?: HotSpotBasis;
}

export interface Classified {
  /** Category code of each observation. */
  codes: ArrayLike<number>;
  /** The p cut-off applied (for hot spots the 95 % one). */
  cutoff: number;
  /** Extra settings and results for the CLI's JSON (e.g. the hot spots' three cut-offs). */
  extra?: Record<string, unknown>;
}

/** A pseudo p cut-off the map needs reachable: `confidence` for hot spots' fixed levels. */
export interface NeededCutoff {
  cutoff: number;
  confidence?: number;
}

/** A local statistic with permutation inference, run by the analysis worker and the CLI. */
export interface LocalMethod {
  kind: 'local';
  /** The name in the app, in the URL (`analisis=`) and in the CLI (`--method`). */
  id: string;
  /** Where the panel lists it (ascending; the registry sorts by it, since it finds the methods by their files). */
  order: number;
  /** Message keys: the method's name, the legend's note on its inference, its statistic's name. */
  label: string;
  note: string;
  /** A second indicator is chosen (bivariate methods): `--value2` in the CLI, `kedua` in the URL. */
  secondVariable: boolean;
  /** Which p decides the map (the sensitivity table counts by it; pseudo p needs enough permutations). */
  decidesBy: 'pseudoP' | 'pNormal';
  /** The CLI options that mean something for it, besides weights and permutations (the panel shows only these). */
  options: readonly ('alpha' | 'correction' | 'basis')[];
  /**
   * False when the method draws no permutations (emerging hot spots: analytic Gi* z and the
   * Mann-Kendall trend), so the panel hides the permutations and seed; true if left out.
   */
  permutes?: boolean;
  weightsStyle: 'row-standardised' | 'binary';
  /** Global Moran's I and the Moran scatter plot come with it (LISA). */
  moranScatter?: boolean;
  categories: readonly MethodCategory[];
  /** Rows of the kelurahan profile: message key, field, decimals. */
  profile: readonly { label: string; field: StatisticField; digits: number }[];
  /** CLI output columns (before `cluster` and `neighbours`), in order; the first is the statistic. */
  columns: readonly (readonly [string, StatisticField])[];
  /** Extra CLI JSON settings. */
  cliExtra?: (options: ClassifyOptions) => Record<string, unknown>;
  /**
   * The method reads the indicator in every year the data holds (emerging hot spots): the worker
   * and the CLI pass `yearly` to compute (oldest year first, every value finite; x is then the
   * last year's), its `series` is shown per year in the profile and written as `z_<year>` columns.
   */
  yearly?: boolean;
  /** A yearly method's fewest years: with fewer the app says so instead of running (the worker refuses). */
  minYears?: number;
  /** The CLI's name of the category column: 'cluster' unless said. */
  categoryColumn?: string;
  /**
   * The statistic on values x (and y for a bivariate method) that are all finite, with binary
   * weights among them (the method row-standardises itself if it needs to).
   */
  compute(x: Float64Array, y: Float64Array | null, weights: Weights, options: PermutationOptions, yearly?: readonly Float64Array[]): LocalStatistic;
  /** The category of each observation at a significance setting. */
  classify(statistic: StatisticArrays, options: ClassifyOptions): Classified;
  /** The pseudo p cut-offs the map needs, for the permutation power warning (empty if none). */
  neededCutoffs(options: ClassifyOptions, tests: number): NeededCutoff[];
}

/** The TKPK quadrant method: two indicators against their city averages, no weights. */
export interface QuadrantMethod {
  kind: 'quadrant';
  id: string;
  order: number;
  label: string;
  secondVariable: true;
  categories: readonly MethodCategory[];
}

export type AnalysisMethod = LocalMethod | QuadrantMethod;
