/**
 * The user's workspace: imported datasets and regions, kept in the browser across reloads and
 * replayed into DuckDB when the database starts. Adding something is all-or-nothing: it is
 * applied to DuckDB and stored, or, if either fails, removed again, so what was loaded before
 * is untouched.
 */
import { registerIndicators, unregisterIndicators, type City } from '../data/catalog';
import type { AreaCollection } from '../data/boundaries';
import type { Database } from '../data/database';
import { demoDatabase, forgetDemoDatabase } from '../data/demo';
import type { ProgressListener } from '../data/db';
import { ImportError } from '../data/importers/types';
import { TaskCancelled } from '../data/task-cancelled';
import { gunzip, openStore, type Store, type StoredDataset, type StoredRegion, type StoredView } from '../data/store';
import type { FeatureCollection, Point } from 'geojson';
import { applyStoredDataset, datasetIndicators, dropAppliedDataset, shareableDataset, type ApplyOptions } from '../data/dataset-apply';
import { readWorkspaceFile, writeWorkspaceFile } from '../data/workspace-file';
import type { FocusArea } from './areas.svelte';
import { noticeOf, type NoticeHost } from './host';
import { mapOf } from './collections';

const AREAS_KEY = 'kawasan';
const VIEWS_KEY = 'tampilan';

/** What the workspace needs from the app. */
export interface WorkspaceHost extends NoticeHost {
  regions: City[];
  readonly city: City;
  readonly areas: { list: FocusArea[]; restore(saved: FocusArea[] | undefined): Promise<void> };
  readonly views: { list: StoredView[]; restore(saved: StoredView[] | undefined): Promise<void> };
  workspaceChanged(): void;
}

export class WorkspaceState {
  datasets = $state.raw<StoredDataset[]>([]);
  /** Imported points per dataset id (decoded once). */
  #points = $state.raw<Map<string, FeatureCollection<Point>>>(mapOf());
  /** The points of the region shown, for the map. */
  regionPoints: FeatureCollection<Point> = $derived({
    type: 'FeatureCollection',
    features: this.datasets.filter((d) => d.kind === 'points' && d.regionKode === this.host.city.kode).flatMap((d) => this.#points.get(d.id)?.features ?? []),
  });
  /** False when the browser cannot store anything (private window): imports last for the session. */
  persistent = $state(true);

  #store: Store | null = null;
  #opened: Promise<void> | undefined;
  #database: Promise<Database> | undefined;
  /** Regions in memory: those added this session, and every one when storage is unavailable. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache read only inside async methods, never by a template or a $derived.
  #memoryRegions = new Map<string, StoredRegion>();

  constructor(private readonly host: WorkspaceHost) {}

  /** Reads the stored workspace once: regions for the city list, datasets' indicators for the catalog. */
  open(): Promise<void> {
    this.#opened ??= this.#open();
    return this.#opened;
  }

  async #open(): Promise<void> {
    try {
      this.#store = await openStore();
      const [regions, datasets] = await Promise.all([this.#store.listRegions(), this.#store.listDatasets()]);
      this.host.regions = regions.map((r) => r.region);
      this.datasets = datasets;
      await this.host.areas.restore(await this.#store.getSetting<FocusArea[]>(AREAS_KEY));
      await this.host.views.restore(await this.#store.getSetting<StoredView[]>(VIEWS_KEY));
      for (const dataset of datasets) registerIndicators(dataset.id, datasetIndicators(dataset));
      void this.#decodePoints(datasets);
      if (datasets.length || regions.length) this.host.workspaceChanged();
    } catch (error) {
      this.persistent = false;
      const notice = noticeOf(error, 'workspace.storageFailed');
      this.host.notify(notice.key, notice.params);
    }
  }

  /** The database with the demo and every stored dataset loaded (once). */
  database(onProgress?: ProgressListener): Promise<Database> {
    this.#database ??= (async () => {
      const db = await demoDatabase(onProgress);
      await this.open();
      for (const dataset of this.datasets) {
        try {
          await applyStoredDataset(db, dataset);
        } catch (error) {
          // One broken dataset must not take the others (or the demo) down with it.
          await dropAppliedDataset(db, dataset.id).catch(() => undefined);
          this.host.notify('workspace.replayFailed', { name: dataset.name, detail: error instanceof Error ? error.message : String(error) });
        }
      }
      return db;
    })().catch((error: unknown) => {
      this.#database = undefined;
      throw error;
    });
    return this.#database;
  }

  /** Keeps the user's focus areas (the demo's are not stored). */
  async saveAreas(areas: FocusArea[]): Promise<void> {
    if (this.#store) await this.#store.putSetting(AREAS_KEY, areas);
  }

  /** Keeps the saved views' sequence. */
  async saveViews(views: StoredView[]): Promise<void> {
    if (this.#store) await this.#store.putSetting(VIEWS_KEY, views);
  }

  #salt: Promise<string> | undefined;

  /**
   * A random secret of this workspace, mixed into household ids before they are hashed and
   * stored, so a beneficiary list can be matched later without keeping the ids themselves.
   */
  salt(): Promise<string> {
    this.#salt ??= (async () => {
      await this.open();
      const stored = await this.#store?.getSetting<string>('salt').catch(() => undefined);
      if (stored) return stored;
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      const salt = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      await this.#store?.putSetting('salt', salt).catch(() => undefined);
      return salt;
    })();
    return this.#salt;
  }

  /**
   * After the database's worker died: forget it, so the next question starts a new one and
   * replays the demo and every stored dataset into it.
   */
  forgetDatabase(): void {
    this.#database = undefined;
    forgetDemoDatabase();
  }

  /** The boundaries of a region that does not ship with the app. */
  async regionAreas(kode: string): Promise<AreaCollection> {
    await this.open();
    const stored = this.#memoryRegions.get(kode) ?? (await this.#store?.getRegion(kode));
    if (!stored) throw new ImportError('workspace.regionMissing', { kode });
    return stored.areas;
  }

  /** Keeps a region's boundaries (read from the national file or imported) and lists it. */
  async addRegion(region: City, areas: AreaCollection): Promise<void> {
    await this.open();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp turned into text at once; no Date is kept.
    const stored: StoredRegion = { kode: region.kode, region, areas, savedAt: new Date().toISOString() };
    if (this.#store) await this.#store.putRegion(stored);
    // Also in memory, so the map does not clone it back from the store at once (a provinsi is tens of MB).
    this.#memoryRegions.set(region.kode, stored);
    this.host.regions = [...this.host.regions.filter((r) => r.kode !== region.kode), region];
  }

  /**
   * Applies a new dataset to DuckDB and stores it. On any failure the dataset is taken out of
   * DuckDB again and the error is rethrown: the workspace is as it was.
   */
  async addDataset(dataset: StoredDataset, options: ApplyOptions = {}): Promise<void> {
    const db = await this.database();
    try {
      await applyStoredDataset(db, dataset, options);
      if (options.signal?.aborted) throw new TaskCancelled();
      if (this.#store) await this.#store.putDataset(dataset);
    } catch (error) {
      await dropAppliedDataset(db, dataset.id).catch(() => undefined);
      throw error;
    }
    registerIndicators(dataset.id, datasetIndicators(dataset));
    this.datasets = [...this.datasets.filter((d) => d.id !== dataset.id), dataset];
    void this.#decodePoints([dataset]);
    this.host.workspaceChanged();
  }

  async #decodePoints(datasets: StoredDataset[]): Promise<void> {
    for (const dataset of datasets) {
      if (dataset.kind !== 'points' || !dataset.payload || this.#points.has(dataset.id)) continue;
      try {
        const points = JSON.parse(new TextDecoder().decode(await gunzip(dataset.payload))) as FeatureCollection<Point>;
        this.#points = mapOf([...this.#points, [dataset.id, points] as const]);
      } catch {
        // Counts still show; only the dots are missing.
      }
    }
  }

  async removeDataset(id: string): Promise<void> {
    if (this.#store) await this.#store.deleteDataset(id);
    const db = await this.database();
    await dropAppliedDataset(db, id);
    unregisterIndicators(id);
    this.datasets = this.datasets.filter((d) => d.id !== id);
    this.host.workspaceChanged();
  }

  /** The workspace as one file; household-level data leaves only as kelurahan aggregates. */
  async exportFile(): Promise<Uint8Array> {
    await this.open();
    const db = await this.database();
    const regions = this.#store ? await this.#store.listRegions() : [...this.#memoryRegions.values()];
    const datasets = await Promise.all(this.datasets.map((d) => shareableDataset(db, d)));
    const areas = this.host.areas.list.filter((a) => a.source !== 'demo');
    return writeWorkspaceFile({ datasets, regions, areas, views: this.host.views.list });
  }

  /** Opens a workspace file in place of the current workspace (checked before anything is replaced). */
  async openFile(bytes: Uint8Array, name: string): Promise<void> {
    const content = await readWorkspaceFile(bytes, name);
    await this.replaceWith(content);
    await this.saveAreas(content.areas);
    await this.host.areas.restore(content.areas);
    await this.saveViews(content.views);
    await this.host.views.restore(content.views);
  }

  /**
   * Replaces the workspace with a file's content: checked first, stored in one transaction, then
   * applied. If storing fails the current workspace stays as it was.
   */
  async replaceWith(content: { datasets: StoredDataset[]; regions: StoredRegion[] }): Promise<void> {
    if (this.#store) await this.#store.replaceAll(content);
    else for (const region of content.regions) this.#memoryRegions.set(region.kode, region);
    const db = await this.database();
    for (const dataset of this.datasets) {
      await dropAppliedDataset(db, dataset.id);
      unregisterIndicators(dataset.id);
    }
    this.datasets = [];
    this.host.regions = content.regions.map((r) => r.region);
    for (const dataset of content.datasets) {
      try {
        await applyStoredDataset(db, dataset);
        registerIndicators(dataset.id, datasetIndicators(dataset));
        this.datasets = [...this.datasets, dataset];
      } catch (error) {
        await dropAppliedDataset(db, dataset.id).catch(() => undefined);
        this.host.notify('workspace.replayFailed', { name: dataset.name, detail: error instanceof Error ? error.message : String(error) });
      }
    }
    void this.#decodePoints(this.datasets);
    this.host.workspaceChanged();
  }
}
