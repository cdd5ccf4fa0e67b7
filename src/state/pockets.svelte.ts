/**
 * Pockets year by year for the indicator on the map (issue 18, item 2): LISA is run in the
 * analysis worker for every year the indicator has, with the analysis panel's weights,
 * permutations, seed, level and correction (the same settings each year), and the pure
 * src/analysis/pockets.ts counts and tracks the connected High-High groups. Emerging hot spot
 * categories (src/analysis/emerging.ts) come with it for the brief. Run on request, not on every
 * change: five LISA runs are work the user asks for.
 */
import { pocketSensitivity, pocketsByYear, type LisaYear, type PocketYear, type SensitivityRow } from '../analysis/pockets';
import { emergingHotSpots, type EmergingResult } from '../analysis/emerging';
import { fetchValues } from '../data/indicators';
import type { AreaCollection } from '../data/boundaries';
import type { City, Measure } from '../data/catalog';
import type { Correction } from '../analysis/significance';
import { analysisWorker } from '../workers/analysis-client';
import type { WeightsOutput } from '../workers/analysis-tasks';
import type { DatabaseHost } from './host';

/** What pockets read from the app: region, kelurahan, indicator and its years, the analysis settings. */
export interface PocketsHost extends DatabaseHost {
  readonly city: City;
  readonly kelurahan: AreaCollection | null;
  readonly indikator: string;
  readonly shownMeasure: Measure;
  readonly years: number[];
  readonly analysis: {
    readonly rule: 'queen' | 'rook';
    readonly toleranceMetres: number;
    readonly islandsToNearest: boolean;
    readonly permutations: number;
    readonly seed: number;
    readonly alpha: number;
    readonly correction: Correction;
  };
}

/** One run's inputs and outputs, kept together so a view never mixes two runs. */
export interface PocketsResult {
  key: string;
  indikator: string;
  measure: Measure;
  years: number[];
  /** Kelurahan codes and names in the weights' (boundary file's) order. */
  kode: string[];
  names: string[];
  lisa: LisaYear[];
  weights: WeightsOutput;
  permutations: number;
  seed: number;
  rule: 'queen' | 'rook';
  /** Emerging hot spot categories per kelurahan (null with fewer than two years). */
  emerging: EmergingResult | null;
}

export class PocketsState {
  result = $state.raw<PocketsResult | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  #run = 0;

  constructor(private readonly host: PocketsHost) {}

  /** Everything a run depends on (level and correction only re-read it). */
  inputKey = $derived.by(() => {
    const a = this.host.analysis;
    return `${this.host.city.kode}|${this.host.indikator}|${this.host.shownMeasure}|${this.host.years.join(',')}|${a.rule}|${a.toleranceMetres}|${a.islandsToNearest}|${a.permutations}|${a.seed}|${this.host.kelurahan?.features.length ?? 0}`;
  });
  /** The result answers what is chosen now. */
  current = $derived(this.result !== null && this.result.key === this.inputKey);

  /** Pockets per year at the analysis panel's level and correction. */
  byYear: PocketYear[] | null = $derived.by(() => {
    const r = this.result;
    if (!r) return null;
    return pocketsByYear(
      r.weights,
      r.years.map((year, k) => ({ year, lisa: r.lisa[k] })),
      this.host.analysis.alpha,
      this.host.analysis.correction,
    );
  });
  sensitivity: SensitivityRow[] | null = $derived.by(() => {
    const r = this.result;
    return r
      ? pocketSensitivity(
          r.weights,
          r.years.map((year, k) => ({ year, lisa: r.lisa[k] })),
        )
      : null;
  });

  /** Runs LISA for every year (unless the result already answers the inputs). */
  async run(): Promise<PocketsResult | null> {
    const host = this.host;
    const key = this.inputKey;
    if (this.current) return this.result;
    const features = host.kelurahan?.features;
    if (!features || features.length < 3 || host.years.length === 0) return null;
    const run = ++this.#run;
    this.running = true;
    this.error = null;
    try {
      const a = host.analysis;
      const weights = await analysisWorker().run('weights', {
        geometries: features.map((f) => f.geometry),
        rule: a.rule,
        toleranceMetres: a.toleranceMetres,
        islandsToNearest: a.islandsToNearest,
      });
      const db = await host.workspace.database();
      const kode = features.map((f) => f.properties.kode);
      const years = [...host.years];
      const valuesByYear: Float64Array[] = [];
      const lisa: LisaYear[] = [];
      for (const tahun of years) {
        const values = await fetchValues(db, { kodeKota: host.city.kode, tahun, indikator: host.indikator, measure: host.shownMeasure });
        const x = Float64Array.from(kode, (k) => values.get(k) ?? Number.NaN);
        valuesByYear.push(x);
        const out = await analysisWorker().run('local', {
          method: 'lisa',
          values: x,
          ids: kode,
          offsets: weights.offsets,
          indices: weights.indices,
          permutations: a.permutations,
          seed: a.seed,
          islandCentroids: a.islandsToNearest ? weights.centroids : undefined,
        });
        if (run !== this.#run) return null;
        lisa.push({ n: out.n, neighbourCount: out.neighbourCount, pseudoP: out.pseudoP, value: out.value, lag: out.lag });
      }
      const binary = { n: weights.n, offsets: weights.offsets, indices: weights.indices, values: new Float64Array(weights.indices.length).fill(1), rowStandardised: false };
      let emerging: EmergingResult | null = null;
      try {
        emerging = years.length >= 2 ? emergingHotSpots(valuesByYear, binary) : null;
      } catch {
        // Too few kelurahan with a value every year: the brief then names no categories.
      }
      const result: PocketsResult = {
        key,
        indikator: host.indikator,
        measure: host.shownMeasure,
        years,
        kode,
        names: features.map((f) => f.properties.kelurahan),
        lisa,
        weights,
        permutations: a.permutations,
        seed: a.seed,
        rule: a.rule,
        emerging,
      };
      this.result = result;
      return result;
    } catch (error) {
      if (run === this.#run) this.error = error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      if (run === this.#run) this.running = false;
    }
  }
}
