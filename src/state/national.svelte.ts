/**
 * The map of all of Indonesia: every desa/kelurahan coloured by one synthetic indicator. The
 * geometry comes as vector tiles (drawn by the map, never held here); the values come from the
 * database as two parallel arrays, classified here. Clicking a desa opens its kabupaten/kota as a
 * region (read from the national FlatGeobuf), where the full tool works.
 */
import { classify, type Classification, type Scheme } from '../analysis/classify';
import { classificationColors } from '../map/palette';
import {
  fetchNationalCsv,
  fetchNationalKode,
  fetchNationalValues,
  loadNationalValues,
  nationalTilesPresent,
  NATIONAL_INDICATORS,
  type NationalIndicator,
  type NationalValues,
} from '../data/national-map';
import { loadPrebuiltNational } from '../data/first-view-prebuilt';
import { NATIONAL_DEFAULT_VIEW } from '../data/first-view-national-file';
import { loadRegionIndex, parentsOf } from '../data/regions';
import { fetchDesaNames, type DesaNames } from '../data/national-weights';
import type { Database } from '../data/database';
import type { MapImagePort } from '../map/export-image';
import { MARK_NATIONAL, whenMarked } from '../map/marks';
import { noticeOf, type DatabaseHost, type NoticeHost } from './host';
import { NationalAnalysis, type Significance } from './national-analysis.svelte';
import type { RegionLoader } from './regions.svelte';

/** Schemes offered nationally: natural breaks (Fisher-Jenks) is O(k·n²), too slow for 83,402 values. */
export const NATIONAL_SCHEMES: readonly Scheme[] = ['quantile', 'equal', 'sd', 'box'];

export interface NationalHover {
  kode: string;
  nama: string;
  kabkota: string;
  x: number;
  y: number;
}

/**
 * What the national map needs from the app: the database, notices, opening a region it was
 * clicked through to, and the city analysis panel's significance settings (the national LISA
 * and Gi* use the same ones).
 */
export interface NationalHost extends DatabaseHost, NoticeHost {
  readonly regionLoader: Pick<RegionLoader, 'open'>;
  readonly analysis: Significance;
}

export class NationalState {
  /** Whether the national map replaces the region's map. */
  active = $state(false);
  indikator = $state<NationalIndicator>(NATIONAL_DEFAULT_VIEW.indikator);
  tahun = $state(NATIONAL_DEFAULT_VIEW.tahun);
  years = $state.raw<number[]>([]);
  classes = $state(5);
  scheme = $state<Scheme>('quantile');
  /** Values on the map and the request they answer (`valuesKey`). */
  values = $state.raw<NationalValues | null>(null);
  valuesKey = $state('');
  /** Who answered the values shown: the build's prebuilt default view, or DuckDB. */
  valuesFrom = $state<'prebuilt' | 'database' | null>(null);
  /** Whether the first open drew the build's answer before DuckDB (null: not decided yet). */
  firstView = $state<'prebuilt' | 'none' | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  hover = $state.raw<NationalHover | null>(null);
  /** Set when the tiles are missing (the site was built without `npm run data:national`). */
  tilesMissing = $state(false);
  /** The national table shown over the map. */
  tableShown = $state(false);
  /** Names of every desa (for the table), read when the table first opens. */
  names = $state.raw<Map<string, DesaNames> | null>(null);
  /** LISA / Gi* of the values shown. */
  readonly analysis: NationalAnalysis = new NationalAnalysis(this);
  /** What the national map view lends the PNG/PDF export (null while no map is shown). */
  port: MapImagePort | null = null;

  readonly indicators = NATIONAL_INDICATORS;
  wantedKey: string = $derived(`${this.indikator}|${this.tahun}`);
  classification: Classification | null = $derived(this.values && this.values.nilai.length ? this.#classify(this.values.nilai) : null);
  /** Value by kode, for the tooltip (built lazily, when first read after new values). */
  byKode: Map<string, number> = $derived(new Map(this.values?.kode.map((k, i) => [k, this.values!.nilai[i]]) ?? []));
  colors: string[] = $derived(this.classification ? classificationColors(this.classification, 'higher_worse') : []);

  /** The desa of the national table, in the order of every answer (read once). */
  #loaded: Promise<string[]> | null = null;
  /** Answers by `indikator|tahun`, kept for the session. */
  #answers = new Map<string, NationalValues>();
  /** The national CSV, fetched as soon as the map opens, while DuckDB may still be starting. */
  #download: Promise<Uint8Array> | null = null;
  #request = 0;
  #opened = false;

  #names: Promise<void> | null = null;

  constructor(private readonly host: NationalHost) {}

  /** The significance settings of the city analysis panel. */
  get significance(): Significance {
    return this.host.analysis;
  }

  /** Shows or hides the national table; its names are read the first time. */
  toggleTable(): void {
    this.tableShown = !this.tableShown;
    if (this.tableShown) void this.loadNames();
  }

  /** Reads the desa names once; a failure is said once and may be retried. */
  loadNames(): Promise<void> {
    this.#names ??= fetchDesaNames().then(
      (names) => {
        this.names = names;
      },
      (error: unknown) => {
        this.#names = null;
        const notice = noticeOf(error, 'national.namesFailed');
        this.host.notify(notice.key, notice.params);
      },
    );
    return this.#names;
  }

  #classify(nilai: Float64Array): Classification | null {
    try {
      return classify(nilai, { scheme: this.scheme, classes: this.classes });
    } catch {
      return null;
    }
  }

  /** Shows the national map and loads its values (once). */
  open(): void {
    this.active = true;
    if (this.#opened) return void this.refresh();
    this.#opened = true;
    void this.#checkTiles();
    // With the build's answer of the default view drawn, DuckDB (a 7.7 MB download, then a WASM
    // compile on both cores) and the 5 MB sample CSV start once that map is on screen, so they
    // never compete with it; without it, at once.
    void this.drawPrebuilt()
      .then((drawn) => {
        this.firstView = drawn ? 'prebuilt' : 'none';
        return drawn ? whenMarked(MARK_NATIONAL, 20_000) : undefined;
      })
      .then(() => {
        this.#startDownload();
        return this.refresh();
      });
  }

  /**
   * Draws the build's answer of the default view (data/first-view-national-file.ts), computed by
   * the same SQL when the site was built, while nothing else is shown; true when it did.
   */
  async drawPrebuilt(): Promise<boolean> {
    const request = this.wantedKey;
    const view = await loadPrebuiltNational(request);
    if (!view || this.values !== null || this.wantedKey !== request) return false;
    if (this.years.length === 0) this.years = view.years;
    this.values = { kode: view.kode, nilai: view.nilai };
    this.valuesKey = request;
    this.valuesFrom = 'prebuilt';
    this.status = 'ready';
    return true;
  }

  /** Starts the sample CSV's download (once), while DuckDB may still be starting. */
  #startDownload(): void {
    if (this.#download) return;
    this.#download = this.#fetchCsv();
    // A failed download is reported by the refresh that awaits it, not as an unhandled rejection.
    this.#download.catch(() => undefined);
  }

  /** Says once, in words, when the site was built without the national tiles. */
  async #checkTiles(): Promise<void> {
    try {
      if ((await nationalTilesPresent()) || this.tilesMissing) return;
      this.tilesMissing = true;
      this.host.notify('national.tilesMissing', {});
    } catch {
      // Offline: the tiles may still come from the browser's caches; nothing to say yet.
    }
  }

  async #fetchCsv(): Promise<Uint8Array> {
    return fetchNationalCsv();
  }

  close(): void {
    this.active = false;
    this.hover = null;
    this.tableShown = false;
  }

  /** Reads the national CSV into the database once; a failure may be retried. */
  #load(db: Database): Promise<string[]> {
    this.#loaded ??= (async () => {
      const bytes = await (this.#download ??= this.#fetchCsv());
      this.years = await loadNationalValues(db, bytes);
      if (!this.years.includes(this.tahun)) this.tahun = this.years.at(-1) ?? this.tahun;
      return fetchNationalKode(db);
    })().catch((error: unknown) => {
      this.#loaded = null;
      this.#download = null;
      throw error;
    });
    return this.#loaded;
  }

  /** Asks the database for the current indicator and year. */
  async refresh(): Promise<void> {
    const request = ++this.#request;
    const key = this.wantedKey;
    const kept = this.#answers.get(key);
    if (kept) {
      this.values = kept;
      this.valuesKey = key;
      this.valuesFrom = 'database';
      this.status = 'ready';
      return;
    }
    this.status = 'loading';
    try {
      const db = await this.host.workspace.database();
      const kode = await this.#load(db);
      // The first load may have moved the year to one the file has.
      const asked = this.wantedKey;
      const values = await this.#answer(db, kode, this.indikator, this.tahun);
      if (request !== this.#request) return;
      this.values = values;
      this.valuesKey = asked;
      this.valuesFrom = 'database';
      this.status = 'ready';
      void this.#prefetch(db, kode);
    } catch (error) {
      if (request !== this.#request) return;
      this.status = 'failed';
      const notice = noticeOf(error, 'national.loadFailed');
      this.host.notify(notice.key, notice.params);
    }
  }

  /** One indicator and year from the database, kept for the session (the data does not change). */
  async #answer(db: Database, kode: string[], indikator: NationalIndicator, tahun: number): Promise<NationalValues> {
    const key = `${indikator}|${tahun}`;
    const values = this.#answers.get(key) ?? (await fetchNationalValues(db, kode, indikator, tahun));
    this.#answers.set(key, values);
    return values;
  }

  /**
   * Every other indicator and year, read after the first map is drawn: a later change of
   * indicator or year then recolours without a query (83,402 × 6 numbers, about 4 MB).
   */
  async #prefetch(db: Database, kode: string[]): Promise<void> {
    try {
      for (const indikator of NATIONAL_INDICATORS) for (const tahun of this.years) await this.#answer(db, kode, indikator, tahun);
    } catch {
      // Each change asks again when it is needed.
    }
  }

  setIndicator(indikator: NationalIndicator): void {
    this.indikator = indikator;
    void this.refresh();
  }

  setYear(tahun: number): void {
    this.tahun = tahun;
    void this.refresh();
  }

  /** Opens the kabupaten/kota of a desa (its first five code characters) as a region. */
  async openKabkota(kode: string): Promise<void> {
    try {
      const index = await loadRegionIndex();
      const region = index.byKode.get(kode.slice(0, 5));
      if (!region) return this.host.notify('national.unknownRegion', { kode });
      this.close();
      await this.host.regionLoader.open({ region, parents: parentsOf(index, region), score: 0 });
    } catch (error) {
      const notice = noticeOf(error, 'regions.loadFailed');
      this.host.notify(notice.key, notice.params);
    }
  }
}
