/**
 * LISA and Gi* hot spots of the national values, over every desa of Indonesia: queen weights
 * built with the tiles (src/data/national-weights.ts), the permutations split across the app's
 * analysis workers (runLocalInWorkers) with progress, and the city panel's significance settings
 * (permutations, seed, alpha, correction). The map draws the categories as palette slots, as it
 * draws classes; the table lists each desa's category.
 */
import { openMapColours } from '../analysis/open-map-colours';
import { localMethod } from '../analysis/methods';
import type { Correction } from '../analysis/significance';
import { alignValues, fetchNationalWeights, type NationalWeights } from '../data/national-weights';
import type { NationalValues } from '../data/national-map';
import { localWorkerCount, runLocalInWorkers } from '../workers/analysis-client';
import type { LocalOutput } from '../workers/analysis-tasks';
import { TaskCancelled } from '../workers/worker-client';
import { localCategories, type CategoryMap } from './cluster-categories';
import { watchFrameGaps } from './frame-gaps';

/** The national map's analyses: the value map, LISA clusters, Gi* hot spots. */
export const NATIONAL_METHODS = ['none', 'lisa', 'gistar'] as const;
export type NationalMethod = (typeof NATIONAL_METHODS)[number];

/** The settings that decide significance, as the city analysis panel holds them. */
export interface Significance {
  permutations: number;
  seed: number;
  alpha: number;
  correction: Correction;
}

/** What the analysis reads: the values on the map and the settings. */
export interface NationalAnalysisHost {
  readonly values: NationalValues | null;
  readonly valuesKey: string;
  readonly significance: Significance;
}

/** One finished run: its inputs' key, output, the kode of its observations and how it went. */
export interface NationalRun {
  key: string;
  output: LocalOutput;
  kode: readonly string[];
  ms: number;
  workers: number;
  /** Longest gap between animation frames on the main thread during the run, ms. */
  frameGap: number;
}

export class NationalAnalysis {
  method = $state<NationalMethod>('none');
  running = $state(false);
  progress = $state(0);
  error = $state<string | null>(null);
  last = $state.raw<NationalRun | null>(null);

  #weights: Promise<NationalWeights> | null = null;
  #abort: AbortController | null = null;

  constructor(private readonly host: NationalAnalysisHost) {}

  /** Everything a run depends on (alpha and correction only re-read a result). */
  inputKey = $derived.by(() => `${this.method}|${this.host.valuesKey}|${this.host.significance.permutations}|${this.host.significance.seed}`);
  /** The current run's result, null when none answers the current inputs. */
  current = $derived(this.last && this.method !== 'none' && this.last.key === this.inputKey ? this.last : null);
  /** Each observation's category at the current significance level and correction. */
  categories: CategoryMap | null = $derived.by(() => {
    const run = this.current;
    if (!run) return null;
    const { alpha, correction } = this.host.significance;
    const categories = localCategories(localMethod(run.output.method), run.output, alpha, correction);
    // Map, legend, table and export all read these rows: one colour for "not significant" in each.
    return { ...categories, rows: openMapColours(categories.rows) };
  });
  /** Category code by kode, for the table (built when first read after a new map). */
  categoryByKode: Map<string, number> = $derived.by(() => {
    const run = this.current;
    const categories = this.categories;
    return new Map(run && categories ? run.kode.map((k, i) => [k, categories.codes[i]]) : []);
  });

  /** Runs the chosen method on the values shown, unless a run already answers them. */
  async run(): Promise<void> {
    const values = this.host.values;
    const method = this.method;
    const key = this.inputKey;
    if (method === 'none' || !values || this.last?.key === key) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const { permutations, seed } = this.host.significance;
    this.running = true;
    this.progress = 0;
    this.error = null;
    try {
      this.#weights ??= fetchNationalWeights();
      const weights = await this.#weights.catch((error: unknown) => {
        this.#weights = null;
        throw error;
      });
      if (abort.signal.aborted) return;
      const stop = watchFrameGaps();
      const started = performance.now();
      const output = await runLocalInWorkers(
        {
          method,
          values: alignValues(values.nilai, values.kode, weights.kode),
          ids: weights.kode,
          offsets: weights.offsets,
          indices: weights.indices,
          permutations,
          seed,
        },
        { signal: abort.signal, onProgress: (fraction) => !abort.signal.aborted && (this.progress = fraction) },
      );
      const ms = performance.now() - started;
      const frameGap = stop();
      if (abort.signal.aborted) return;
      this.last = { key, output, kode: weights.kode, ms, workers: localWorkerCount(), frameGap };
      // For the bench and anyone watching the console: how long, and whether the page kept drawing.
      console.info(
        `national ${method}: ${weights.kode.length} desa, ${permutations} permutations, ${Math.round(ms)} ms in ${localWorkerCount()} workers; longest main-thread frame gap ${Math.round(frameGap)} ms`,
      );
    } catch (error) {
      if (error instanceof TaskCancelled || abort.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.#abort === abort) {
        this.running = false;
        this.#abort = null;
      }
    }
  }

  /** Stops a run in progress (the map keeps what it showed). */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.running = false;
  }
}
