/**
 * Focus areas (kawasan): drawn on the map, uploaded, or formed from picked kelurahan; the demo
 * ships the Semanggi area of Surakarta. For the active area: the kelurahan it touches and how
 * much of each, counts apportioned by area share (and said to be), program sites inside, and an
 * optional buffer. Areas are kept in the browser and travel in the workspace file.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import kawasanDemo from '../../data/demo/kawasan.geojson?raw';
import type { AreaError, AreaGeometry } from '../analysis/areas';
import { fetchValues } from '../data/indicators';
import { demoPrograms } from '../data/demo';
import { fetchSites, type ProgramSite } from '../data/programs';
import type { StoredArea } from '../data/store';
import { readGeoInWorker } from '../workers/import-client';
import { TaskCancelled } from '../workers/worker-client';
import type { AreaCollection } from '../data/boundaries';
import type { City, IndicatorDef } from '../data/catalog';
import type { MessageKey } from '../i18n';
import { noticeOf, type DatabaseHost, type NoticeHost } from './host';
import { mapOf, setOf } from './collections';

export type FocusArea = StoredArea;

/** Counts the summary apportions, when the region has them (demo catalog ids). */
export const AREA_INDICATORS = ['penduduk', 'rumah_tangga', 'penduduk_miskin', 'rtlh', 'rt_tanpa_air_layak', 'rt_tanpa_sanitasi_layak'];

function demoAreas(): FocusArea[] {
  const collection = JSON.parse(kawasanDemo) as { features: Feature<Polygon | MultiPolygon, { id: string; nama: string; kota: string; catatan: string }>[] };
  return collection.features.map((f) => ({
    id: f.properties.id,
    nama: f.properties.nama,
    kota: f.properties.kota,
    geometry: f.geometry,
    source: 'demo',
    note: f.properties.catatan,
  }));
}

/** What the focus areas read from the app: the region, its kelurahan and indicators, the year; where areas are kept. */
export interface AreasHost extends DatabaseHost, NoticeHost {
  readonly city: City;
  readonly tahun: number;
  readonly kelurahan: AreaCollection | null;
  readonly regionIndicators: IndicatorDef[];
  readonly workspace: DatabaseHost['workspace'] & { saveAreas(areas: FocusArea[]): Promise<void> };
  t(key: MessageKey): string;
}

export class AreasState {
  /** The user's areas (the demo's first), kept in the browser. */
  list = $state.raw<FocusArea[]>(demoAreas());
  activeId = $state<string | null>(null);
  bufferMetres = $state(0);
  /** Drawing: vertices clicked so far; picking: kelurahan clicked so far. */
  mode = $state<'none' | 'draw' | 'pick'>('none');
  draft = $state.raw<[number, number][]>([]);
  picked = $state.raw<Set<string>>(setOf());
  error = $state<AreaError | null>(null);
  sites = $state.raw<ProgramSite[]>([]);
  values = $state.raw<Map<string, Map<string, number | null>>>(mapOf());
  /** The polygon operations (turf intersect and buffer), loaded when areas are first used. */
  #geo = $state.raw<typeof import('../analysis/areas') | null>(null);

  async #geometry(): Promise<typeof import('../analysis/areas')> {
    this.#geo ??= await import('../analysis/areas');
    return this.#geo;
  }

  constructor(private readonly host: AreasHost) {}

  regionAreas = $derived.by(() => this.list.filter((a) => a.kota === this.host.city.kode));
  active = $derived.by(() => this.list.find((a) => a.id === this.activeId && a.kota === this.host.city.kode) ?? null);
  /** The active area, buffered when asked. */
  shape = $derived.by((): { geometry: AreaGeometry | null; error: AreaError | null } => {
    const area = this.active;
    const geo = this.#geo;
    if (!area || !geo) return { geometry: null, error: null };
    return this.bufferMetres > 0 ? geo.bufferArea(area.geometry, this.bufferMetres) : { geometry: area.geometry, error: null };
  });
  shares = $derived.by(() => {
    const shape = this.shape.geometry;
    const kelurahan = this.host.kelurahan;
    if (!shape || !kelurahan || !this.#geo) return null;
    return this.#geo.areaShares(shape, kelurahan.features);
  });
  /** Apportioned counts of the summary indicators the region has. */
  totals = $derived.by(() => {
    const shares = this.shares;
    const geo = this.#geo;
    if (!shares || shares.error || !geo) return [];
    return [...this.values].map(([indikator, values]) => ({ indikator, ...geo.apportion(shares.shares, values) }));
  });
  sitesInside = $derived.by(() => {
    const shape = this.shape.geometry;
    if (!shape || !this.#geo) return [];
    const points = this.sites.map((s) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [s.lon, s.lat] }, properties: s }));
    return this.#geo.pointsInside(shape, points).map((p) => p.properties);
  });

  /** Loads saved areas from the browser (the demo area stays first). */
  async restore(saved: FocusArea[] | undefined): Promise<void> {
    if (saved?.length) this.list = [...demoAreas(), ...saved.filter((a) => a.source !== 'demo')];
  }

  async #save(): Promise<void> {
    await this.host.workspace.saveAreas(this.list.filter((a) => a.source !== 'demo'));
  }

  select(id: string | null): void {
    this.activeId = id;
    this.error = null;
    void this.loadSummary();
  }

  /** Reads the counts and program sites the summary needs for the region and year. */
  async loadSummary(): Promise<void> {
    if (!this.active) return;
    await this.#geometry();
    const db = await this.host.workspace.database();
    const query = { kodeKota: this.host.city.kode, tahun: this.host.tahun };
    const ids = AREA_INDICATORS.filter((id) => this.host.regionIndicators.some((i) => i.id === id));
    const entries = await Promise.all(ids.map(async (id) => [id, await fetchValues(db, { ...query, indikator: id, measure: 'jumlah' })] as const));
    this.values = mapOf(entries);
    if (!this.host.city.source) {
      await demoPrograms(db);
      this.sites = await fetchSites(db, query.kodeKota);
    } else this.sites = [];
  }

  startDrawing(): void {
    this.mode = 'draw';
    this.draft = [];
    this.error = null;
  }

  startPicking(): void {
    this.mode = 'pick';
    this.picked = setOf();
    this.error = null;
  }

  cancel(): void {
    this.mode = 'none';
    this.draft = [];
    this.picked = setOf();
  }

  /** A click on the map while drawing or picking. */
  click(lngLat: [number, number], kode: string | null): void {
    if (this.mode === 'draw') this.draft = [...this.draft, lngLat];
    else if (this.mode === 'pick' && kode) {
      // A new set, not the held one changed: Svelte sees `picked` replaced.
      this.picked = setOf(this.picked.has(kode) ? [...this.picked].filter((k) => k !== kode) : [...this.picked, kode]);
    }
  }

  /** Finishes a drawing or a pick into a new area with `nama`. */
  async finish(nama: string): Promise<void> {
    let geometry: unknown;
    let source: FocusArea['source'];
    if (this.mode === 'draw') {
      if (this.draft.length < 3) return void (this.error = 'too-small');
      geometry = { type: 'Polygon', coordinates: [[...this.draft, this.draft[0]]] };
      source = 'drawn';
    } else {
      const chosen = (this.host.kelurahan?.features ?? []).filter((f) => this.picked.has(f.properties.kode));
      if (chosen.length === 0) return void (this.error = 'empty');
      geometry = {
        type: 'MultiPolygon',
        coordinates: chosen.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)),
      };
      source = 'picked';
    }
    await this.#add(geometry, nama, source);
  }

  /** An area from a GeoJSON, Shapefile or FlatGeobuf file: its polygons together. */
  async upload(file: File): Promise<void> {
    try {
      const read = await readGeoInWorker(file);
      if (read.kind !== 'areas') return void (this.error = 'empty');
      const polygons = read.boundaries.areas.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
      await this.#add({ type: 'MultiPolygon', coordinates: polygons }, file.name.replace(/\.[^.]+$/, ''), 'uploaded');
    } catch (error) {
      // A newer file superseded this read; that one reports.
      if (error instanceof TaskCancelled) return;
      const notice = noticeOf(error, 'import.failed');
      this.host.notify(notice.key, notice.params);
    }
  }

  async #add(geometry: unknown, nama: string, source: FocusArea['source']): Promise<void> {
    const checked = (await this.#geometry()).checkArea(geometry);
    if (!checked.geometry) return void (this.error = checked.error);
    const area: FocusArea = {
      id: `kawasan-${Date.now().toString(36)}`,
      nama: nama.trim() || this.host.t('areas.ui.unnamed'),
      kota: this.host.city.kode,
      geometry: checked.geometry,
      source,
    };
    this.list = [...this.list, area];
    this.cancel();
    this.select(area.id);
    await this.#save().catch((error: unknown) => {
      const notice = noticeOf(error, 'workspace.storageFailed');
      this.host.notify(notice.key, notice.params);
    });
  }

  async remove(id: string): Promise<void> {
    this.list = this.list.filter((a) => a.id !== id || a.source === 'demo');
    if (this.activeId === id) this.activeId = null;
    await this.#save().catch(() => undefined);
  }
}
