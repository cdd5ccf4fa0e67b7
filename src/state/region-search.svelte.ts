/**
 * The region picker's search (src/ui/RegionPicker.svelte): the national region index, fetched
 * through src/data the first time the field is used (not with the page), and what the user's
 * text matches in it. The picker keeps only its text, focus and list; the network stays behind
 * the state, so the UI imports nothing from src/data at run time for it.
 */
import { describeRegion, loadRegionIndex, searchRegions, searchSelection, type Region, type RegionIndex, type RegionResult } from '../data/regions';

export class RegionSearch {
  #index = $state.raw<RegionIndex | null>(null);
  loading = $state(false);
  /** Why the index could not be read (shown; the next keystroke tries again). */
  loadError = $state<string | null>(null);
  readonly #load: () => Promise<RegionIndex>;

  /** `load` reads the index (default: regions.json through src/data; a test passes its own). */
  constructor(load: () => Promise<RegionIndex> = () => loadRegionIndex()) {
    this.#load = load;
  }

  /** Whether the index has been read. */
  get ready(): boolean {
    return this.#index !== null;
  }

  /** Reads the index once; a failure is kept in `loadError` and tried again on the next call. */
  async ensure(): Promise<void> {
    if (this.#index || this.loading) return;
    this.loading = true;
    this.loadError = null;
    try {
      this.#index = await this.#load();
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading = false;
    }
  }

  /** The regions `query` names, best first (none before the index is read or for an empty query). */
  matches(query: string, limit: number): RegionResult[] {
    return this.#index && query.trim() !== '' ? searchRegions(this.#index, query, limit) : [];
  }

  /** The kab/kota a comma-separated query names, to open together; null when it is not sure of every one. */
  selection(query: string): Region[] | null {
    return this.#index ? searchSelection(this.#index, query) : null;
  }

  /** Where a result lies, in words: its parents ("Kota Surakarta, Jawa Tengah"). */
  context(result: RegionResult, kecamatanName: (nama: string) => string): string {
    return describeRegion({ ...result, region: result.parents[0] ?? result.region, parents: result.parents.slice(1) }, kecamatanName);
  }
}
