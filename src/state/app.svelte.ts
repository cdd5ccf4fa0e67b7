/**
 * The app's state: what the user chose, and what the database and the boundary files answered.
 * Components read it and call its methods; the map draws it; the URL is a view of it.
 * Every answer is tagged with the request it belongs to, so a late answer to an old question
 * (e.g. the user switched city twice quickly) is dropped instead of shown.
 */
import { classify, type Classification, type Scheme } from '../analysis/classify';
import { classifyChange } from '../analysis/classify-change';
import { meanRollup, rollup, type MeanRollup, type Rollup } from '../analysis/rollup';
import type { MapImagePort } from '../map/export-image';
import { classificationColors, divergingColors } from '../map/palette';
import { fetchFlatGeobuf, type AreaCollection } from '../data/boundaries';
import {
  allIndicators,
  catalog,
  cities,
  COMPOSITE_INDICATOR,
  effectiveMeasure,
  findCity,
  findIndicator,
  indicatorInRegion,
  showsSyntheticData,
  type City,
  type IndicatorDef,
  type Lang,
  type Measure,
} from '../data/catalog';
import { boundaryUrls, demoHouseholdFile } from '../data/demo';
import { firstViewKey, hintStoredView, loadFirstView, mayHaveStoredView, saveFirstView } from '../data/first-view-cache';
import { DEFAULT_VIEW } from '../data/first-view-file';
import { loadPrebuiltView } from '../data/first-view-prebuilt';
import { MARK_CHOROPLETH, MARK_DATABASE, markOnce, whenMarked } from '../map/marks';
import { openStore } from '../data/store';
import type { Database } from '../data/database';
import { fetchCitySummary, fetchProfile, fetchTrend, fetchRateParts, fetchValues, fetchYears, type CitySummary, type ProfileEntry, type TrendPoint } from '../data/indicators';
import { empiricalBayesRates } from '../analysis/eb-rate';
import { translate, type MessageKey } from '../i18n';
import { parseViewParams, type Camera, type ViewParams } from './url';
import { AnalysisState } from './analysis.svelte';
import { CompositeState } from './composite.svelte';
import { WorkspaceState } from './workspace.svelte';
import { noticeOf, type Notice } from './host';
import { ImportSession } from './import.svelte';
import { RegionLoader } from './regions.svelte';
import { parseRegionKode } from '../data/regions';
import { TargetingState } from './targeting.svelte';
import { AreasState } from './areas.svelte';
import { ViewsState } from './views.svelte';
import { isProgramIndicator, ProgramState } from './program.svelte';
import { AccessState, isAccessIndicator } from './access.svelte';
import { ReconcileState } from './reconcile.svelte';
import { NationalState } from './national.svelte';
import { mapOf } from './collections';

export const DEFAULTS = {
  // The view the build prebuilds for each demo city (data/first-view-file.ts).
  kota: DEFAULT_VIEW.kota,
  tahun: DEFAULT_VIEW.tahun,
  indikator: DEFAULT_VIEW.indikator,
  ukuran: DEFAULT_VIEW.ukuran as Measure,
  kelas: 5,
  lang: 'id' as Lang,
};

/** Indicator ids made at import: the dataset id (d + base 36) and the column. */
const IMPORTED_ID = /^d[0-9a-z]{6,}_/;

/** What a tab puts on the map while it is open (the tab registry, src/ui/panels.ts, says which). */
export interface PanelTask {
  indikator: string;
  measure: Measure;
}

export interface Hover {
  kode: string;
  x: number;
  y: number;
}

/** Per kelurahan, `a − b` (null when either is missing). */
function subtract(a: Map<string, number | null>, b: Map<string, number | null>): Map<string, number | null> {
  return new Map(
    [...a].map(([kode, v]) => {
      const w = b.get(kode);
      return [kode, v === null || w === null || w === undefined ? null : v - w];
    }),
  );
}

/** The region's change between two years: each figure of `a` minus that of `b` (null when either is missing). */
function subtractSummary(a: CitySummary, b: CitySummary): CitySummary {
  const minus = (x: number | null | undefined, y: number | null | undefined) => (x === null || x === undefined || y === null || y === undefined ? null : x - y);
  return {
    ...a,
    jumlah: minus(a.jumlah, b.jumlah),
    rasio: minus(a.rasio, b.rasio),
    mean: a.mean && b.mean ? { value: minus(a.mean.value, b.mean.value), weighted: a.mean.weighted } : null,
  };
}

/** Rates smoothed towards the city rate where the denominator is small (EB, as GeoDa and spdep EBest). */
async function smoothedRates(db: Database, query: { kodeKota: string; tahun: number; indikator: string }): Promise<Map<string, number | null>> {
  const parts = await fetchRateParts(db, query);
  const { rates } = empiricalBayesRates(parts.jumlah, parts.penyebut);
  return new Map(parts.kode.map((kode, i) => [kode, Number.isFinite(rates[i]) ? rates[i] * parts.per : null]));
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class AppState {
  lang = $state<Lang>(DEFAULTS.lang);
  city = $state.raw<City>(findCity(DEFAULTS.kota)!);
  tahun = $state(DEFAULTS.tahun);
  indikator = $state(DEFAULTS.indikator);
  measure = $state<Measure>(DEFAULTS.ukuran);
  classes = $state(DEFAULTS.kelas);
  /** Empirical-Bayes smoothing of rates (GeoDa's EB rate, spdep EBest), on request. */
  smoothing = $state(false);
  scheme = $state<Scheme>('quantile');
  /** Cut points for manual breaks (between classes). */
  manualBreaks = $state.raw<number[] | null>(null);
  basemap = $state(false);
  /** Lent by the map view: renders the map as an image for exports (null before the map exists). */
  mapPort: MapImagePort | null = null;
  /** The year a change map compares with (null: a plain map of `tahun`). */
  compareYear = $state<number | null>(null);
  /** The side panel's open tab (an id of src/ui/panels.ts, the one list of tabs). */
  #panel = $state('peta');
  /** The map the user had before a task tab (Sasaran RTLH, Program) put its own indicator on it. */
  #mapBeforeTask: PanelTask | null = null;
  get panel(): string {
    return this.#panel;
  }
  /**
   * Opens a tab. A tab with a task (Sasaran RTLH ranks RTLH, Program measures coverage) maps what
   * that task is about while it is open; leaving it restores the map the user had.
   */
  openPanel(next: string, task: PanelTask | null): void {
    if (next === this.#panel) return;
    this.#panel = next;
    if (task && !this.regionIndicators.some((i) => i.id === task.indikator)) return;
    const shown = task ?? this.#mapBeforeTask;
    if (task) this.#mapBeforeTask ??= { indikator: this.indikator, measure: this.measure };
    else this.#mapBeforeTask = null;
    if (!shown || (shown.indikator === this.indikator && shown.measure === this.measure)) return;
    this.measure = shown.measure;
    this.setIndicator(shown.indikator);
  }
  tableShown = $state(false);
  /** The camera the user moved to; null means "fit the city". */
  camera = $state.raw<Camera | null>(null);
  /** A part of the region to frame instead of the whole ([west, south, east, north]), e.g. a kecamatan. */
  focus = $state.raw<[number, number, number, number] | null>(null);

  kelurahan = $state.raw<AreaCollection | null>(null);
  kecamatan = $state.raw<AreaCollection | null>(null);
  years = $state.raw<number[]>([]);
  /** Values on the map and the request they answer (`valuesKey`). */
  values = $state.raw<Map<string, number | null> | null>(null);
  valuesKey = $state('');
  /** Who answered the values shown: the build's prebuilt file, the last visit's stored answer, or DuckDB. */
  valuesFrom = $state<'prebuilt' | 'stored' | 'database' | null>(null);
  /** What the start-up drew before DuckDB answered (null until it decided). */
  firstView = $state<'prebuilt' | 'stored' | 'none' | null>(null);
  /** City total and rate of the indicator shown (their change on a change map); null for the composite index. */
  summary = $state.raw<CitySummary | null>(null);
  selected = $state<string | null>(null);
  profile = $state.raw<ProfileEntry[] | null>(null);
  /** The selected kelurahan's current indicator over the years, beside its kecamatan and city. */
  trend = $state.raw<TrendPoint[] | null>(null);
  hover = $state.raw<Hover | null>(null);
  loadingBoundaries = $state(false);
  loadingData = $state(false);
  /** Share of the database download done (null: unknown size), shown while it loads. */
  databaseProgress = $state<number | null>(null);
  /** The database could not start: indicator values are unavailable until a reload. */
  databaseFailed = $state(false);
  /** The selected kelurahan's profile could not be loaded. */
  profileFailed = $state(false);
  notices = $state.raw<Notice[]>([]);

  readonly analysis: AnalysisState = new AnalysisState(this);
  readonly composite = new CompositeState();
  readonly areas: AreasState = new AreasState(this);
  readonly views: ViewsState = new ViewsState(this);
  readonly workspace: WorkspaceState = new WorkspaceState(this);
  readonly importSession: ImportSession = new ImportSession(this);
  readonly regionLoader: RegionLoader = new RegionLoader(this);
  readonly targeting: TargetingState = new TargetingState(this);
  readonly program: ProgramState = new ProgramState(this);
  readonly access: AccessState = new AccessState(this);
  /** Two household registers side by side (the data tab): held here so the panel never reaches the database. */
  readonly reconcile: ReconcileState = new ReconcileState(this);
  /** The map of all of Indonesia, shown instead of the region's map when opened. */
  readonly national: NationalState = new NationalState(this);
  /** Every indicator known: the catalog's and those of imported datasets. */
  indicators = $state.raw<IndicatorDef[]>(allIndicators());
  /** Regions the user loaded from the national file or imported, kept in the browser. */
  regions = $state.raw<City[]>([]);
  /** The demo cities, then the user's regions. */
  cities: City[] = $derived([...cities, ...this.regions]);
  /** The indicators with data in the region shown. */
  regionIndicators: IndicatorDef[] = $derived(this.indicators.filter((i) => indicatorInRegion(i, this.city)));

  indicator: IndicatorDef = $derived(findIndicator(this.indikator) ?? findIndicator(DEFAULTS.indikator)!);
  shownMeasure: Measure = $derived(effectiveMeasure(this.indicator, this.measure));
  /** Smoothing applies to rates only. */
  smoothed = $derived.by(() => this.smoothing && this.shownMeasure === 'rasio' && !this.isChange);
  isComposite = $derived(this.indikator === COMPOSITE_INDICATOR.id);
  /**
   * Program coverage and water/sanitation gaps: values computed in the app, not rows of `nilai`,
   * so they have no yearly change, no kecamatan sums and no trend of their own.
   */
  isComputed = $derived(isProgramIndicator(this.indikator) || isAccessIndicator(this.indikator));
  /** Whether the map shows the demo's synthetic numbers (and must say so), not the user's data. */
  shownSynthetic = $derived(showsSyntheticData(this.indicator, this.city));
  /** The scheme in use: manual breaks fall back to quantiles until some are typed. */
  shownScheme: Scheme = $derived(this.scheme === 'manual' && !this.manualBreaks ? 'quantile' : this.scheme);
  /** A change between two years is shown: values are `tahun` minus `compareYear`. */
  isChange = $derived(this.compareYear !== null && this.compareYear !== this.tahun && !this.isComposite && !this.isComputed);
  classification: Classification | null = $derived.by(() => {
    if (!this.values) return null;
    if (this.isChange) return classifyChange(this.values.values(), this.classes);
    const options = this.shownScheme === 'manual' ? { scheme: 'manual' as const, breaks: this.manualBreaks! } : { scheme: this.shownScheme, classes: this.classes };
    return classify(this.values.values(), options);
  });
  /** The colour of each class: diverging around no change for a change map. */
  colors: string[] = $derived.by(() => {
    const c = this.classification;
    if (!c) return [];
    return this.isChange ? divergingColors(c.counts.length, this.indicator.direction) : classificationColors(c, this.indicator.direction);
  });
  /** The key of what the user asked for; when it equals `valuesKey` the map shows it. */
  wantedKey = $derived(
    `${this.city.slug}|${this.tahun}|${this.indikator}|${this.shownMeasure}${this.smoothed ? '-eb' : ''}${this.isComposite ? `|${this.composite.key}` : ''}${
      isAccessIndicator(this.indikator) ? `|target-${this.access.target.air}-${this.access.target.sanitasi}` : ''
    }${this.isChange ? `|banding-${this.compareYear}` : ''}`,
  );
  view: ViewParams = $derived({
    kota: this.city.slug,
    tahun: this.tahun,
    indikator: this.indikator,
    ukuran: this.measure,
    kelas: this.classes,
    skema: this.scheme,
    batas: this.manualBreaks,
    eb: this.smoothing,
    analisis: this.analysis.params,
    lang: this.lang,
    peta: this.camera,
    banding: this.compareYear,
  });
  /** What the map colours by category: an analysis, else the program's bivariate map. */
  categories = $derived(this.analysis.categories ?? this.program.categories);
  /** Changes only when the pointer enters another kelurahan, not on every move. */
  hoverKode: string | null = $derived(this.hover?.kode ?? null);
  kelurahanByKode = $derived(mapOf((this.kelurahan?.features ?? []).map((f) => [f.properties.kode, f.properties] as const)));

  /** The city whose years `years` lists (they change only with the city). */
  #yearsOf = '';
  #boundaryRequest = 0;
  #valueRequest = 0;
  #profileRequest = 0;

  t = (key: MessageKey, params: Record<string, string | number> = {}): string => translate(this.lang, key, params);

  /**
   * Applies a link's view and starts loading; unusable link values become a notice. The demo
   * city's boundaries start at once; a region or indicator from the user's workspace waits for
   * the browser store (a few milliseconds).
   */
  async start(search: string): Promise<void> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the start link, read once here and dropped; nothing watches it.
    const link = new URLSearchParams(search);
    const kota = link.get('kota');
    const indikator = link.get('indikator');
    if ((kota && !findCity(kota)) || (indikator && !findIndicator(indikator))) await this.workspace.open();
    else void this.workspace.open();
    const { params, problems } = parseViewParams(search, {
      citySlugs: this.cities.map((c) => c.slug),
      indicatorIds: [...this.indicators.map((i) => i.id), COMPOSITE_INDICATOR.id],
    });
    if (params.kota) this.city = this.#findRegion(params.kota)!;
    // A region of the national file this browser has not kept (a provinsi, kab/kota or several):
    // read it again; the linked indicator and camera apply once it is shown.
    const regionLink = problems.find((p) => p.name === 'kota' && parseRegionKode(p.value) !== null);
    if (regionLink) void this.#openLinkedRegion(regionLink.value, params);
    if (params.tahun) this.tahun = params.tahun;
    if (params.indikator && !regionLink) this.indikator = params.indikator;
    if (params.ukuran) this.measure = params.ukuran;
    if (params.kelas) this.classes = params.kelas;
    if (params.skema) this.scheme = params.skema;
    if (params.eb) this.smoothing = true;
    if (params.analisis) this.analysis.apply(params.analisis);
    if (params.batas) this.manualBreaks = params.batas;
    if (params.lang) this.lang = params.lang;
    if (params.peta) this.camera = params.peta;
    if (params.banding) this.compareYear = params.banding;
    // A link to imported data (an indicator id made at import, a region the national file gave)
    // says what is missing and where to get it, rather than "unknown value".
    this.notices = problems
      .filter((p) => p !== regionLink)
      .map((p): Notice =>
        p.name === 'indikator' && IMPORTED_ID.test(p.value)
          ? { key: 'error.linkImported', params: { value: p.value } }
          : p.name === 'kota' && /^\d\d\.\d\d(-impor)?$/.test(p.value)
            ? { key: 'error.linkRegion', params: { value: p.value } }
            : { key: 'error.link', params: { name: p.name, value: p.value } },
      );
    void this.loadBoundaries();
    // With the build's answer (a demo city's default view) or the last visit's drawn, DuckDB (a
    // 7.7 MB download, then a 34 MB WASM compile on both cores) starts once that choropleth is on
    // screen, so it never competes with the first map; without either, at once.
    void this.#drawFirstView()
      .then((drawn) => (drawn ? whenMarked(MARK_CHOROPLETH, 10_000) : undefined))
      .then(() => this.refresh());
  }

  /** Draws a first view before DuckDB: the prebuilt one, else the stored one; true when it did. */
  async #drawFirstView(): Promise<boolean> {
    const drawn = (await this.drawPrebuiltView()) ? 'prebuilt' : mayHaveStoredView(this.wantedKey) && (await this.drawStoredView()) ? 'stored' : 'none';
    this.firstView = drawn;
    return drawn !== 'none';
  }

  /**
   * Draws the build's answer for this view (data/first-view-file.ts): a demo city's default view,
   * computed by the same SQL at build time; true when it did.
   */
  async drawPrebuiltView(): Promise<boolean> {
    const request = this.wantedKey;
    const view = await loadPrebuiltView(this.city.slug, request);
    if (!view || this.values !== null || this.wantedKey !== request) return false;
    this.values = view.values;
    this.summary = view.summary;
    this.years = view.years;
    this.valuesKey = request;
    this.valuesFrom = 'prebuilt';
    return true;
  }

  // --- First view from the previous visit's answer (data/first-view-cache.ts explains why). ---
  #firstViewKey(request: string): string {
    return firstViewKey({ request, regionKode: this.city.kode, datasets: this.workspace.datasets });
  }

  /**
   * Draws the values computed on the last visit for this exact view and data, until DuckDB
   * answers; true when it did.
   */
  async drawStoredView(): Promise<boolean> {
    const request = this.wantedKey;
    try {
      await this.workspace.open();
      const values = await loadFirstView(await openStore(), this.#firstViewKey(request));
      // Only while nothing newer is shown and the same view is still wanted.
      if (values && this.values === null && this.wantedKey === request) {
        this.values = values;
        this.valuesKey = request;
        this.valuesFrom = 'stored';
        return true;
      }
    } catch {
      // No storage: the map waits for DuckDB, as on a first visit.
    }
    return false;
  }

  #storeView(request: string, values: Map<string, number | null>): void {
    if (!this.workspace.persistent) return;
    void openStore()
      .then((store) => saveFirstView(store, this.#firstViewKey(request), values))
      .then(() => hintStoredView(request))
      .catch(() => undefined);
  }
  // --- end of first view ---

  async #openLinkedRegion(kode: string, params: Partial<ViewParams>): Promise<void> {
    if (!(await this.regionLoader.openKode(kode))) return;
    if (params.indikator) this.setIndicator(params.indikator);
    if (params.peta) this.camera = params.peta;
  }

  #findRegion(slugOrKode: string): City | undefined {
    return this.cities.find((c) => c.slug === slugOrKode || c.kode === slugOrKode);
  }

  /** Shows a saved or linked view: everything the link holds, then one refresh. */
  applyView(view: ViewParams): void {
    const city = this.#findRegion(view.kota);
    const cityChanged = city !== undefined && city !== this.city;
    if (city) this.city = city;
    this.tahun = view.tahun;
    if (findIndicator(view.indikator)) this.indikator = view.indikator;
    this.measure = view.ukuran;
    this.classes = view.kelas;
    this.scheme = view.skema;
    this.manualBreaks = view.batas;
    this.smoothing = view.eb;
    if (view.analisis) this.analysis.apply(view.analisis);
    else this.analysis.method = 'none';
    this.compareYear = view.banding;
    this.camera = view.peta;
    this.focus = null;
    if (cityChanged) {
      this.closeProfile();
      void this.loadBoundaries();
    }
    void this.refresh();
  }

  selectCity(slug: string): void {
    const city = this.#findRegion(slug);
    if (!city || city === this.city) return;
    this.city = city;
    this.camera = null;
    this.focus = null;
    this.closeProfile();
    this.hover = null;
    if (!indicatorInRegion(this.indicator, city)) this.indikator = this.regionIndicators[0]?.id ?? DEFAULTS.indikator;
    void this.loadBoundaries();
    void this.refresh();
  }

  /** A file the user dropped or picked: tables open the import dialog. */
  importFile(file: File): void {
    void this.importSession.begin(file);
  }

  /** Opens the synthetic demo household records (or beneficiary list) of Surakarta in the import dialog. */
  async tryDemoHouseholds(which: 'households' | 'beneficiaries'): Promise<void> {
    try {
      this.importFile(await demoHouseholdFile(which));
    } catch (error) {
      this.notify('import.failed', { detail: detail(error) });
    }
  }

  /** The workspace file's bytes and name, or null (with a notice) when it cannot be made. */
  async workspaceFile(): Promise<{ bytes: Uint8Array; name: string } | null> {
    try {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- today's date turned into the file's name at once; no Date is kept.
      return { bytes: await this.workspace.exportFile(), name: `ruang-kerja-peta-kantong-${new Date().toISOString().slice(0, 10)}.pkk` };
    } catch (error) {
      const notice = noticeOf(error, 'workspace.exportFailed');
      this.notify(notice.key, notice.params);
      return null;
    }
  }

  /** Replaces the workspace with a file's; a bad file changes nothing. */
  async openWorkspace(file: File): Promise<void> {
    try {
      await this.workspace.openFile(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (error) {
      const notice = noticeOf(error, 'workspace.openFailed');
      this.notify(notice.key, notice.params);
    }
  }

  /**
   * The indicator on screen summed by kecamatan and for the whole region: counts added up, rates
   * recomputed from summed counts and denominators (never a mean of kelurahan rates). Null for
   * what cannot be added (the composite index, scores such as M0, computed program maps).
   */
  async kecamatanRollup(): Promise<Rollup | null> {
    if (this.isComposite || this.isComputed || this.indicator.kind === 'index' || this.isChange) return null;
    const db = await this.workspace.database();
    const parts = await fetchRateParts(db, { kodeKota: this.city.kode, tahun: this.tahun, indikator: this.indikator });
    const rows = parts.kode.map((kode, i) => ({
      group: this.kelurahanByKode.get(kode)?.kecamatan ?? kode.slice(0, 8),
      count: Number.isFinite(parts.jumlah[i]) ? parts.jumlah[i] : null,
      denominator: Number.isFinite(parts.penyebut[i]) ? parts.penyebut[i] : null,
    }));
    return rollup(rows, Number.isFinite(parts.per) ? parts.per : 100);
  }

  /**
   * Each kelurahan's count and denominator behind the rate on screen, so exports can show a rate
   * beside what it was computed from. Null when the map shows no plain rate of the data.
   */
  async rateParts(): Promise<Map<string, { count: number | null; denominator: number | null }> | null> {
    if (!this.indicator.rate || this.shownMeasure !== 'rasio' || this.isComposite || this.isComputed || this.isChange) return null;
    const db = await this.workspace.database();
    const parts = await fetchRateParts(db, { kodeKota: this.city.kode, tahun: this.tahun, indikator: this.indikator });
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    return mapOf(parts.kode.map((kode, i) => [kode, { count: finite(parts.jumlah[i]), denominator: finite(parts.penyebut[i]) }] as const));
  }

  /**
   * Kecamatan and region means of an indicator that is never summed (a score such as M0, or an
   * imported rate without its count and denominator): weighted by its named population, else
   * plain means of kelurahan values, labelled so. Null for what has its own roll-up or none.
   */
  async kecamatanMeans(): Promise<MeanRollup | null> {
    if (this.isComposite || this.isComputed || this.indicator.kind !== 'index' || this.isChange) return null;
    const db = await this.workspace.database();
    const parts = await fetchRateParts(db, { kodeKota: this.city.kode, tahun: this.tahun, indikator: this.indikator });
    if (parts.kode.length === 0) return null;
    const rows = parts.kode.map((kode, i) => ({
      group: this.kelurahanByKode.get(kode)?.kecamatan ?? kode.slice(0, 8),
      value: Number.isFinite(parts.jumlah[i]) ? parts.jumlah[i] : null,
      weight: Number.isFinite(parts.bobot[i]) ? parts.bobot[i] : null,
    }));
    return meanRollup(rows, parts.weighted);
  }

  /**
   * The current indicator's rate over the years for a kecamatan (by name) or, with null, the
   * whole region: read through any of its kelurahan, whose kecamatan and city lines it carries.
   */
  async regionTrend(kecamatan: string | null): Promise<TrendPoint[] | null> {
    if (!this.indicator.rate || this.isComputed || this.isComposite) return null;
    const member = (this.kelurahan?.features ?? []).find((f) => kecamatan === null || f.properties.kecamatan === kecamatan);
    if (!member) return null;
    const db = await this.workspace.database();
    return fetchTrend(db, { kode: member.properties.kode, indikator: this.indikator });
  }

  /** A program's name in the user's language. */
  programLabel(id: string): string {
    return catalog.programs.find((p) => p.id === id)?.label[this.lang] ?? id;
  }

  /** Frames a part of the region (the map fits it once the region is drawn). */
  focusBounds(bounds: [number, number, number, number]): void {
    this.camera = null;
    this.focus = bounds;
  }

  /** After the workspace changed (a dataset or region added or removed). */
  workspaceChanged(): void {
    this.indicators = allIndicators();
    if (!this.#findRegion(this.city.slug)) return this.selectCity(DEFAULTS.kota);
    if (!findIndicator(this.indikator) || !indicatorInRegion(this.indicator, this.city)) {
      this.indikator = this.regionIndicators[0]?.id ?? DEFAULTS.indikator;
    }
    void this.refresh();
  }

  setIndicator(id: string): void {
    if (!findIndicator(id)) return;
    this.indikator = id;
    void this.refresh();
    if (this.selected) void this.loadProfile(this.selected);
  }

  setMeasure(measure: Measure): void {
    this.measure = measure;
    void this.refresh();
  }

  /** Shows the change from `year` to the year on screen, or (null) the plain map. */
  setCompareYear(year: number | null): void {
    this.compareYear = year;
    void this.refresh();
  }

  setYear(tahun: number): void {
    this.tahun = tahun;
    void this.refresh();
    if (this.selected) void this.loadProfile(this.selected);
  }

  setClasses(classes: number): void {
    this.classes = Math.min(9, Math.max(3, Math.round(classes)));
  }

  setSmoothing(on: boolean): void {
    this.smoothing = on;
    void this.refresh();
  }

  setScheme(scheme: Scheme): void {
    this.scheme = scheme;
  }

  /** Manual cut points; invalid input keeps the previous breaks and returns false. */
  setManualBreaks(breaks: number[] | null): boolean {
    if (!breaks) return false;
    this.manualBreaks = breaks;
    return true;
  }

  select(kode: string | null): void {
    if (kode === null) return this.closeProfile();
    this.selected = kode;
    void this.loadProfile(kode);
  }

  closeProfile(): void {
    this.selected = null;
    this.profile = null;
    this.#profileRequest++;
  }

  #basemapReported = false;

  setBasemap(on: boolean): void {
    this.basemap = on;
    this.#basemapReported = false;
  }

  /** The online basemap could not be loaded (offline, blocked): one notice per switch-on. */
  reportBasemapUnavailable(): void {
    if (this.#basemapReported || !this.basemap) return;
    this.#basemapReported = true;
    this.notify('error.basemap', {});
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }

  notify(key: MessageKey, params: Record<string, string | number>): void {
    this.notices = [...this.notices, { key, params }];
  }

  async loadBoundaries(): Promise<void> {
    const request = ++this.#boundaryRequest;
    const city = this.city;
    this.loadingBoundaries = true;
    try {
      const [kelurahan, kecamatan] = city.source
        ? [await this.workspace.regionAreas(city.kode), null]
        : await Promise.all([fetchFlatGeobuf(boundaryUrls(city.slug).kelurahan), fetchFlatGeobuf(boundaryUrls(city.slug).kecamatan)]);
      if (request !== this.#boundaryRequest) return;
      this.kelurahan = kelurahan;
      this.kecamatan = kecamatan;
    } catch (error) {
      if (request === this.#boundaryRequest) this.notify('error.boundaries', { kota: city.nama, detail: detail(error) });
    } finally {
      if (request === this.#boundaryRequest) this.loadingBoundaries = false;
    }
  }

  /** Asks the database for the values, summary and years of the current choice. */
  async refresh(): Promise<void> {
    const request = ++this.#valueRequest;
    const measure = this.shownMeasure;
    const smoothed = this.smoothed;
    const composite = this.isComposite;
    this.loadingData = true;
    let db;
    try {
      db = await this.workspace.database((fraction) => (this.databaseProgress = fraction));
    } catch (error) {
      if (request === this.#valueRequest) {
        this.loadingData = false;
        if (!this.databaseFailed) this.notify('error.database', { detail: detail(error) });
        this.databaseFailed = true;
      }
      return;
    }
    try {
      // Years belong to the indicator (an imported one may have a single year); the composite
      // index has the city's years. A year without data moves to the latest one with data.
      await this.regionLoader.sampleReady(db, this.city);
      const kodeKota = this.city.kode;
      const program = isProgramIndicator(this.indikator);
      const access = isAccessIndicator(this.indikator);
      const yearsOf = composite ? kodeKota : program ? `${kodeKota}|program` : `${kodeKota}|${this.indikator}`;
      const years =
        this.#yearsOf === yearsOf
          ? this.years
          : program
            ? await this.program.years(db, kodeKota)
            : await fetchYears(db, kodeKota, composite ? undefined : access ? 'rumah_tangga' : this.indikator);
      if (request !== this.#valueRequest) return;
      this.years = years;
      this.#yearsOf = yearsOf;
      if (years.length > 0 && !years.includes(this.tahun)) this.tahun = years[years.length - 1];
      const key = this.wantedKey;
      const query = { kodeKota, tahun: this.tahun, indikator: this.indikator };
      const compare = this.isChange ? this.compareYear : null;
      const [values, summary] =
        program || access
          ? await (program ? this.program : this.access).compute(db, query).then((r) => [r.values, r.summary] as const)
          : await Promise.all([
              composite ? this.composite.compute(db, query) : smoothed ? smoothedRates(db, query) : fetchValues(db, { ...query, measure }),
              composite ? Promise.resolve(null) : fetchCitySummary(db, query),
            ]);
      // A change map: this year's values and region line minus those of the year compared with.
      const [before, summaryBefore] =
        compare === null
          ? [null, null]
          : await Promise.all([fetchValues(db, { ...query, tahun: compare, measure }), summary ? fetchCitySummary(db, { ...query, tahun: compare }) : null]);
      const shown = before ? subtract(values, before) : values;
      if (request !== this.#valueRequest) return;
      this.values = shown;
      this.summary = compare === null ? summary : summary && summaryBefore ? subtractSummary(summary, summaryBefore) : null;
      this.valuesKey = key;
      this.valuesFrom = 'database';
      markOnce(MARK_DATABASE);
      this.#storeView(key, shown);
    } catch (error) {
      // A dead database worker is replaced on the next question; what is shown stays.
      // By name: data/db.ts is loaded only once DuckDB starts (data/demo.ts), not at start-up.
      if (error instanceof Error && error.name === 'DatabaseLost') this.workspace.forgetDatabase();
      if (request === this.#valueRequest) this.notify('error.query', { detail: detail(error) });
    } finally {
      if (request === this.#valueRequest) this.loadingData = false;
    }
  }

  async loadProfile(kode: string): Promise<void> {
    const request = ++this.#profileRequest;
    this.profile = null;
    this.profileFailed = false;
    try {
      const db = await this.workspace.database();
      const [profile, trend] = await Promise.all([
        fetchProfile(db, kode, this.tahun),
        this.isComposite ? Promise.resolve(null) : fetchTrend(db, { kode, indikator: this.indikator }),
      ]);
      if (request !== this.#profileRequest) return;
      this.profile = profile;
      this.trend = trend;
    } catch {
      // The reason is already in a notice when the database failed to start.
      if (request === this.#profileRequest) this.profileFailed = true;
    }
  }
}
