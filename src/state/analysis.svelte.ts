/**
 * The analysis on the indicator shown: a method of the registry (src/analysis/methods), local
 * statistics run in the analysis worker or the TKPK quadrants. Changing the level or correction only re-reads the result; changing the
 * data, weights, permutations or seed runs the worker again (a newer run cancels an older one).
 */
import { DEFAULT_SNAP_METRES } from '../analysis/contiguity';
import { DEFAULT_PERMUTATIONS, DEFAULT_PERMUTATION_SEED, MAX_PERMUTATIONS, permutationPower, strictestCutoff, type Correction } from '../analysis/significance';
import { TaskCancelled } from '../workers/worker-client';
import { analysisWorker, runLocalInWorkers } from '../workers/analysis-client';
import type { LocalOutput, WeightsOutput } from '../workers/analysis-tasks';
import { findMethod, METHOD_IDS } from '../analysis/methods';
import { localCategories, quadrantCategories, sensitivity, type CategoryMap } from './cluster-categories';
import { tkpkQuadrants } from '../analysis/quadrant';
import { toGal } from '../analysis/gal';
import { demoDatabase } from '../data/demo';
import { fetchCitySummary, fetchValues } from '../data/indicators';
import type { AreaCollection } from '../data/boundaries';
import { findIndicator, indicatorInRegion, type City, type IndicatorDef, type Measure } from '../data/catalog';
import type { MessageKey } from '../i18n';
import type { AnalysisParams } from './url';

/** 'none' (the value map) or the id of a method of the registry. */
export type AnalysisMethod = string;
export const METHODS: readonly AnalysisMethod[] = ['none', ...METHOD_IDS];
/** Message key of a method's name ('none': the value map). */
export function methodLabel(id: AnalysisMethod): MessageKey {
  return (findMethod(id)?.label ?? 'analysis.method.none') as MessageKey;
}
export const ALPHAS = [0.05, 0.01, 0.001] as const;
export const CORRECTIONS: readonly Correction[] = ['none', 'bonferroni', 'fdr'];
export const PERMUTATION_CHOICES = [99, 999, 9999, 99999] as const;

/** What the analysis reads from the app: the map shown (region, year, indicator, values) and the indicators to pair it with. */
export interface AnalysisHost {
  readonly city: City;
  readonly tahun: number;
  /** The years the indicator has data for (a yearly method reads them all). */
  readonly years: number[];
  readonly kelurahan: AreaCollection | null;
  readonly indicators: IndicatorDef[];
  readonly indikator: string;
  readonly indicator: IndicatorDef;
  readonly shownMeasure: Measure;
  readonly values: Map<string, number | null> | null;
  /** The request the values answer, and the one wanted now (equal when the map is up to date). */
  readonly valuesKey: string;
  readonly wantedKey: string;
}

export class AnalysisState {
  method = $state<AnalysisMethod>('none');
  rule = $state<'queen' | 'rook'>('queen');
  toleranceMetres = $state(DEFAULT_SNAP_METRES);
  /** Give kelurahan without neighbours their nearest one (KNN, k = 1). */
  islandsToNearest = $state(false);
  permutations = $state<number>(DEFAULT_PERMUTATIONS);
  seed = $state(DEFAULT_PERMUTATION_SEED);
  alpha = $state<number>(0.05);
  correction = $state<Correction>('none');

  /** The second indicator of a two-indicator method (the first is the one on the map). */
  secondIndicator = $state('rtlh');
  /** What the second indicator can be: a directed indicator other than the one on the map. */
  secondChoices = $derived.by(() => this.host.indicators.filter((i) => i.direction !== 'neutral' && i.id !== this.host.indikator && indicatorInRegion(i, this.host.city)));
  /**
   * The second indicator in use: the chosen one, or the first choice while the chosen one is on
   * the map (comparing an indicator with itself is not a two-indicator analysis).
   */
  second = $derived(this.secondChoices.some((i) => i.id === this.secondIndicator) ? this.secondIndicator : (this.secondChoices[0]?.id ?? this.secondIndicator));
  /** Priorities 1-4 per kelurahan and the city averages they were judged against. */
  quadrant = $state.raw<{ key: string; map: CategoryMap; averages: [number, number] } | null>(null);

  weights = $state.raw<WeightsOutput | null>(null);
  result = $state.raw<LocalOutput | null>(null);
  /** The inputs the current result answers; equal to `inputKey` when it is up to date. */
  resultKey = $state('');
  running = $state(false);
  progress = $state(0);
  error = $state<string | null>(null);

  #weightsKey = '';
  #run = 0;

  constructor(private readonly host: AnalysisHost) {}

  /** The registry's descriptor of the method shown (null for the value map). */
  descriptor = $derived(findMethod(this.method) ?? null);
  active = $derived(this.descriptor !== null);
  /** Message key of the method's name. */
  label = $derived(methodLabel(this.method));
  /** Local statistics (worker) as opposed to the quadrant method (SQL and arithmetic). */
  local = $derived(this.descriptor?.kind === 'local');
  /** The method reads the indicator in every year (emerging hot spots). */
  yearly = $derived(this.descriptor?.kind === 'local' && this.descriptor.yearly === true);
  /**
   * The first and last year a yearly method reads: those of its current result, else the years it
   * will read (null for a one-year method). The map's title says this span, not the year shown.
   */
  span = $derived.by((): [number, number] | null => {
    if (!this.yearly) return null;
    const r = this.result;
    const years = r && r.years?.length && this.resultKey === this.inputKey ? r.years : [...this.host.years].sort((a, b) => a - b);
    return years.length ? [years[0], years[years.length - 1]] : null;
  });
  /**
   * A yearly method on an indicator with too few years (an imported one may have one): the panel
   * says so in words and the run is not started, so the value map stays as it is.
   */
  tooFewYears = $derived.by((): { n: number; min: number; years: number[] } | null => {
    const method = this.descriptor;
    if (method?.kind !== 'local' || !method.yearly) return null;
    const min = method.minYears ?? 2;
    const years = [...this.host.years].sort((a, b) => a - b);
    return years.length < min ? { n: years.length, min, years } : null;
  });
  /** The method compares the indicator on the map with a second one. */
  bivariate = $derived(this.descriptor?.secondVariable ?? false);
  /**
   * Whether a run can start: the region's boundaries and the values wanted are both there. They
   * arrive in either order (a prebuilt first view often before the boundaries), so a run asked for
   * before then must start when this turns true, not only when `inputKey` changes.
   */
  ready = $derived.by(() => this.host.kelurahan !== null && this.host.values !== null && this.host.valuesKey === this.host.wantedKey);
  /** Everything a run depends on. */
  inputKey = $derived.by(() => {
    const second = this.bivariate ? `|${this.second}` : '';
    return this.descriptor?.kind === 'quadrant'
      ? `${this.method}|${this.host.valuesKey}${second}`
      : `${this.method}|${this.host.valuesKey}|${this.rule}|${this.toleranceMetres}|${this.islandsToNearest}|${this.permutations}|${this.seed}${second}${this.yearly ? `|${this.host.years.join(',')}` : ''}`;
  });
  categories: CategoryMap | null = $derived.by(() => {
    const method = this.descriptor;
    if (method?.kind === 'quadrant') return this.quadrant?.key === this.inputKey ? this.quadrant.map : null;
    const r = this.result;
    if (!r || method?.kind !== 'local' || r.method !== method.id || this.resultKey !== this.inputKey) return null;
    return localCategories(method, r, this.alpha, this.correction);
  });
  /** Number of kelurahan tested (with a value and at least one neighbour). */
  tested = $derived(this.result ? this.result.neighbourCount.filter((k) => k > 0).length : 0);
  /** Can the chosen cut-off be reached with these permutations? (Where the pseudo p decides.) */
  power = $derived(
    this.descriptor?.kind === 'local' && this.descriptor.decidesBy === 'pseudoP' && this.tested > 0
      ? permutationPower(strictestCutoff(this.alpha, this.correction, this.tested), this.permutations)
      : null,
  );
  sensitivityTable = $derived.by(() => {
    const r = this.result;
    const method = this.descriptor;
    if (!r || method?.kind !== 'local' || this.resultKey !== this.inputKey) return null;
    const p = r[method.decidesBy];
    return sensitivity(r, p, ALPHAS, CORRECTIONS);
  });

  /** The weights as a GeoDa .gal file (kelurahan codes as ids), for GeoDa, R spdep or the CLI. */
  galText(): string | null {
    const w = this.weights;
    const features = this.host.kelurahan?.features;
    if (!w || !features || features.length !== w.n) return null;
    const weights = { n: w.n, offsets: w.offsets, indices: w.indices, values: new Float64Array(w.indices.length).fill(1), rowStandardised: false };
    return toGal(
      weights,
      features.map((f) => f.properties.kode),
      { idVariable: 'kode', layerName: `kelurahan_${this.host.city.slug}` },
    );
  }

  /** The settings a link carries (null when no analysis is shown). */
  get params(): AnalysisParams | null {
    if (!this.active) return null;
    return {
      metode: this.method,
      permutasi: this.permutations,
      seed: this.seed,
      alpha: this.alpha,
      koreksi: this.correction,
      bobot: this.rule,
      toleransi: this.toleranceMetres,
      kedua: this.bivariate ? this.second : null,
    };
  }

  /** Restores the settings of a link. */
  apply(params: AnalysisParams): void {
    this.method = params.metode;
    this.permutations = params.permutasi;
    this.seed = params.seed;
    this.alpha = params.alpha;
    this.correction = params.koreksi;
    this.rule = params.bobot;
    this.toleranceMetres = params.toleransi;
    if (params.kedua) this.secondIndicator = params.kedua;
  }

  /** Neighbours (indices into the city's kelurahan) of one kelurahan. */
  neighboursOf(index: number): number[] {
    const w = this.weights;
    if (!w || index < 0 || index >= w.n) return [];
    return Array.from(w.indices.subarray(w.offsets[index], w.offsets[index + 1]));
  }

  setPermutations(permutations: number): void {
    this.permutations = Math.min(MAX_PERMUTATIONS, Math.max(0, Math.round(permutations)));
  }

  /** Values of the second indicator (its rate where it has one) in the city and year shown. */
  async #secondValues(): Promise<Map<string, number | null>> {
    const second = findIndicator(this.second);
    if (!second) throw new Error(`unknown indicator ${this.second}`);
    const db = await demoDatabase();
    return fetchValues(db, { kodeKota: this.host.city.kode, tahun: this.host.tahun, indikator: second.id, measure: second.rate ? 'rasio' : 'jumlah' });
  }

  /** A yearly method's values: the indicator shown, in each of its years, in the order of the kelurahan. */
  async #yearlyValues(): Promise<{ years: number[]; values: Float64Array[] }> {
    const host = this.host;
    const years = [...host.years].sort((a, b) => a - b);
    const db = await demoDatabase();
    const features = host.kelurahan!.features;
    const maps = await Promise.all(years.map((tahun) => fetchValues(db, { kodeKota: host.city.kode, tahun, indikator: host.indikator, measure: host.shownMeasure })));
    return { years, values: maps.map((m) => Float64Array.from(features, (f) => m.get(f.properties.kode) ?? Number.NaN)) };
  }

  /**
   * TKPK quadrants: the indicator on the map and a second one, each against its city-wide rate
   * (summed counts over summed denominators, from SQL), directions from the catalog.
   */
  async #runQuadrant(key: string): Promise<void> {
    const host = this.host;
    const first = host.indicator;
    const second = findIndicator(this.second);
    if (!second || !host.kelurahan || !host.values) return;
    const run = ++this.#run;
    this.error = null;
    try {
      const db = await demoDatabase();
      const query = { kodeKota: host.city.kode, tahun: host.tahun };
      const measure = second.rate ? 'rasio' : 'jumlah';
      const [secondValues, firstCity, secondCity] = await Promise.all([
        fetchValues(db, { ...query, indikator: second.id, measure }),
        fetchCitySummary(db, { ...query, indikator: first.id }),
        fetchCitySummary(db, { ...query, indikator: second.id }),
      ]);
      if (run !== this.#run) return;
      const features = host.kelurahan.features;
      const direction = (d: string) => (d === 'higher_better' ? 'higher_better' : 'higher_worse') as 'higher_worse' | 'higher_better';
      const average = (s: typeof firstCity, m: string) => (m === 'rasio' ? s.rasio : s.jumlah !== null ? s.jumlah / Math.max(1, s.kelurahanWithData) : null) ?? undefined;
      const a1 = average(firstCity, host.shownMeasure);
      const a2 = average(secondCity, measure);
      const priorities = tkpkQuadrants(
        { values: Float64Array.from(features, (f) => host.values!.get(f.properties.kode) ?? Number.NaN), direction: direction(first.direction), average: a1 },
        { values: Float64Array.from(features, (f) => secondValues.get(f.properties.kode) ?? Number.NaN), direction: direction(second.direction), average: a2 },
      );
      this.quadrant = { key, map: quadrantCategories(priorities), averages: [a1 ?? Number.NaN, a2 ?? Number.NaN] };
    } catch (error) {
      if (run === this.#run) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Runs the analysis for the current inputs, unless the result already answers them. */
  async run(): Promise<void> {
    const host = this.host;
    const key = this.inputKey;
    if (!this.active || !this.ready || !host.kelurahan || !host.values) return;
    const descriptor = this.descriptor!;
    if (descriptor.kind === 'quadrant') {
      if (this.quadrant?.key !== key) await this.#runQuadrant(key);
      return;
    }
    if (key === this.resultKey) return;
    const run = ++this.#run;
    if (this.tooFewYears) {
      // A newer run number cancels one in flight; nothing is sent to the worker.
      this.running = false;
      this.error = null;
      return;
    }
    const features = host.kelurahan.features;
    const method = descriptor.id;
    this.running = true;
    this.progress = 0;
    this.error = null;
    try {
      const weightsKey = `${host.city.slug}|${this.rule}|${this.toleranceMetres}|${this.islandsToNearest}`;
      if (weightsKey !== this.#weightsKey || !this.weights) {
        const weights = await analysisWorker().run('weights', {
          geometries: features.map((f) => f.geometry),
          rule: this.rule,
          toleranceMetres: this.toleranceMetres,
          islandsToNearest: this.islandsToNearest,
        });
        if (run !== this.#run) return;
        this.weights = weights;
        this.#weightsKey = weightsKey;
      }
      const values = Float64Array.from(features, (f) => host.values!.get(f.properties.kode) ?? Number.NaN);
      const yearly = descriptor.yearly ? await this.#yearlyValues() : undefined;
      if (run !== this.#run) return;
      let values2: Float64Array | undefined;
      if (descriptor.secondVariable) {
        const second = await this.#secondValues();
        if (run !== this.#run) return;
        values2 = Float64Array.from(features, (f) => second.get(f.properties.kode) ?? Number.NaN);
      }
      const result = await runLocalInWorkers(
        {
          method,
          values,
          values2,
          yearly: yearly?.values,
          years: yearly?.years,
          ids: features.map((f) => f.properties.kode),
          offsets: this.weights!.offsets,
          indices: this.weights!.indices,
          permutations: this.permutations,
          seed: this.seed,
          islandCentroids: this.islandsToNearest ? this.weights!.centroids : undefined,
        },
        { onProgress: (fraction) => run === this.#run && (this.progress = fraction) },
      );
      if (run !== this.#run) return;
      this.result = result;
      this.resultKey = key;
    } catch (error) {
      if (error instanceof TaskCancelled || run !== this.#run) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (run === this.#run) this.running = false;
    }
  }
}
