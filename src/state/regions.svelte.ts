/**
 * Opening any region of Indonesia from the national FlatGeobuf (by bounding box, over HTTP range
 * requests or from a local file): a kabupaten/kota, shown like a demo city, or a wider region (a
 * whole provinsi, or several kab/kota together) that also carries the national synthetic sample
 * as indicators, so a TKPK Provinsi can run every tool across its kab/kota. Regions are kept in
 * the workspace; a failed read leaves the current map as it was.
 */
import type { City } from '../data/catalog';
import type { Database } from '../data/database';
import { readSelectionFeatures } from '../data/national';
import { loadRegionSample } from '../data/national-values';
import { loadRegionIndex, parentsOf, parseRegionKode, resolveRegionSelection, type Region, type RegionIndex, type RegionResult, type RegionSelection } from '../data/regions';
import type { AreaCollection } from '../data/boundaries';
import type { MessageKey } from '../i18n';
import { noticeOf, type NoticeHost } from './host';

/** Where the national file is looked for unless the user chose another URL or a local file. */
export function defaultNationalUrl(): string {
  return `${import.meta.env.BASE_URL}national/desa-kelurahan-indonesia.fgb`;
}

/** What opening a region needs from the app: the regions known, where new ones are kept, and showing one. */
export interface RegionLoaderHost extends NoticeHost {
  readonly cities: City[];
  readonly workspace: { addRegion(region: City, areas: AreaCollection): Promise<void>; database(): Promise<Database> };
  selectCity(slug: string): void;
  focusBounds(bounds: [number, number, number, number]): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

/** What a wide region's loading is doing, for the progress line over the map. */
export type LoadingStage = 'reading' | 'converting' | 'values';

export class RegionLoader {
  /** The region being read, and the bytes read so far. */
  loading = $state.raw<{ kode: string; nama: string; count: number } | null>(null);
  bytesRead = $state(0);
  stage = $state<LoadingStage>('reading');
  /** Desa converted so far, of how many (while `stage` is 'converting'). */
  converted = $state(0);
  toConvert = $state(0);
  /** A local copy of the national file the user opened (kept for the session only). */
  localFile = $state.raw<File | null>(null);
  url = $state(defaultNationalUrl());
  #abort: AbortController | null = null;
  /** Sample values already in a database, by region kode (a new database after a crash loads them again). */
  #samples = new WeakMap<Database, Map<string, Promise<void>>>();

  constructor(private readonly host: RegionLoaderHost) {}

  /** Loads the picked region (a kecamatan loads its kab/kota and zooms to the kecamatan; a provinsi opens whole). */
  async open(result: RegionResult): Promise<void> {
    const { region, parents } = result;
    if (region.level === 'provinsi') return this.#openWide(await loadRegionIndex(), [region.kode]);
    const kabkota = region.level === 'kabkota' ? region : parents.find((p) => p.level === 'kabkota');
    const provinsi = parents.find((p) => p.level === 'provinsi');
    if (!kabkota) return;
    const focus = region.level === 'kecamatan' ? region.bbox : null;
    const known = this.host.cities.find((c) => c.kode === kabkota.kode);
    if (known) {
      this.host.selectCity(known.slug);
      if (focus) this.host.focusBounds(focus);
      return;
    }
    await this.#read(kabkota, [kabkota], false, (areas) => ({
      kode: kabkota.kode,
      slug: kabkota.kode,
      nama: kabkota.nama,
      provinsi: provinsi?.nama ?? '',
      kelurahan: areas.features.length,
      boundaries: '',
      source: 'national',
      bbox: kabkota.bbox,
    }));
    if (focus && this.host.cities.some((c) => c.kode === kabkota.kode)) this.host.focusBounds(focus);
  }

  /**
   * Opens a region by the codes a link or the picker gives: `33` (a provinsi), `33.72` (a
   * kab/kota) or `33.72,33.11` (several kab/kota as one region). True when it is shown.
   */
  async openKode(text: string): Promise<boolean> {
    const kodes = parseRegionKode(text);
    let index: RegionIndex;
    try {
      index = await loadRegionIndex();
    } catch (error) {
      this.host.notify('regions.loadFailed', { detail: error instanceof Error ? error.message : String(error) });
      return false;
    }
    const selection = kodes && resolveRegionSelection(index, kodes, (n) => this.host.t('regions.selectionMore', { n }));
    if (!kodes || !selection) {
      this.host.notify('regions.unknownKode', { value: text });
      return false;
    }
    if (kodes.length === 1 && selection.parts[0].level === 'kabkota') {
      const region = selection.parts[0];
      await this.open({ region, parents: parentsOf(index, region), score: 0 });
    } else await this.#openWide(index, kodes);
    return this.host.cities.some((c) => c.kode === selection.kode);
  }

  /** A provinsi, or several kab/kota, as one region with the national sample as its indicators. */
  async #openWide(index: RegionIndex, kodes: string[]): Promise<void> {
    const selection = resolveRegionSelection(index, kodes, (n) => this.host.t('regions.selectionMore', { n }));
    if (!selection) return this.host.notify('regions.unknownKode', { value: kodes.join(',') });
    const provinces = [...new Set(selection.parts.map((p) => (p.level === 'provinsi' ? p : parentsOf(index, p).find((q) => q.level === 'provinsi'))?.nama ?? ''))];
    await this.#read(selection, selection.parts, true, (areas) => ({
      kode: selection.kode,
      slug: selection.kode,
      nama: selection.nama,
      provinsi: provinces.join(', '),
      kelurahan: areas.features.length,
      boundaries: '',
      source: 'national',
      bbox: selection.bbox,
      nationalValues: true,
    }));
  }

  /** Reads `parts` from the national file, keeps the region made of them, and shows it. */
  async #read(
    target: Pick<RegionSelection, 'kode' | 'nama'> & { count?: number; kelurahan?: number; desa?: number },
    parts: Region[],
    sample: boolean,
    cityOf: (areas: AreaCollection) => City,
  ): Promise<void> {
    const known = this.host.cities.find((c) => c.kode === target.kode);
    if (known) return this.host.selectCity(known.slug);
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = { kode: target.kode, nama: target.nama, count: target.count ?? (target.kelurahan ?? 0) + (target.desa ?? 0) };
    this.stage = 'reading';
    this.bytesRead = 0;
    this.converted = 0;
    this.toConvert = 0;
    try {
      const read = await readSelectionFeatures(this.localFile ?? this.url, parts, {
        signal: abort.signal,
        onProgress: (bytes) => (this.bytesRead = bytes),
        onConverted: (done, total) => {
          this.stage = 'converting';
          this.converted = done;
          this.toConvert = total;
        },
      });
      if (abort.signal.aborted) return;
      const city = cityOf(read.areas);
      if (sample) {
        this.stage = 'values';
        await this.sampleReady(await this.host.workspace.database(), city);
        if (abort.signal.aborted) return;
      }
      await this.host.workspace.addRegion(city, read.areas);
      this.host.selectCity(city.slug);
      if (read.repaired || read.skipped) this.host.notify('regions.repairedNotice', { repaired: read.repaired, skipped: read.skipped });
    } catch (error) {
      if (abort.signal.aborted) return;
      const notice = noticeOf(error, 'regions.loadFailed');
      this.host.notify(notice.key, notice.params);
    } finally {
      if (this.#abort === abort) this.loading = null;
    }
  }

  /**
   * Makes sure the national sample values of `city` are in `db` (once per database and region):
   * a wide region reopened after a reload, or after the database worker was replaced, needs them
   * again. Nothing to do for other regions.
   */
  sampleReady(db: Database, city: City): Promise<void> {
    if (!city.nationalValues) return Promise.resolve();
    const loaded = this.#samples.get(db) ?? new Map<string, Promise<void>>();
    this.#samples.set(db, loaded);
    let ready = loaded.get(city.kode);
    if (!ready) {
      ready = loadRegionSample(db, city.kode, parseRegionKode(city.kode) ?? [city.kode]).then(() => undefined);
      // A failure is not kept: the next refresh tries again.
      ready.catch(() => loaded.delete(city.kode));
      loaded.set(city.kode, ready);
    }
    return ready;
  }

  cancel(): void {
    this.#abort?.abort();
    this.loading = null;
  }
}
