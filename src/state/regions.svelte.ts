/**
 * Opening any kabupaten/kota of Indonesia: its desa/kelurahan are read from the national
 * FlatGeobuf (by bounding box, over HTTP range requests or from a local file), kept in the
 * workspace, and shown like a demo city. A failed read leaves the current map as it was.
 */
import type { City } from '../data/catalog';
import { readRegionFeatures } from '../data/national';
import type { Region, RegionResult } from '../data/regions';
import type { AreaCollection } from '../data/boundaries';
import { noticeOf, type NoticeHost } from './host';

/** Where the national file is looked for unless the user chose another URL or a local file. */
export function defaultNationalUrl(): string {
  return `${import.meta.env.BASE_URL}national/desa-kelurahan-indonesia.fgb`;
}

/** What opening a region needs from the app: the regions known, where new ones are kept, and showing one. */
export interface RegionLoaderHost extends NoticeHost {
  readonly cities: City[];
  readonly workspace: { addRegion(region: City, areas: AreaCollection): Promise<void> };
  selectCity(slug: string): void;
  focusBounds(bounds: [number, number, number, number]): void;
}

export class RegionLoader {
  /** The region being read, and the bytes read so far. */
  loading = $state.raw<Region | null>(null);
  bytesRead = $state(0);
  /** A local copy of the national file the user opened (kept for the session only). */
  localFile = $state.raw<File | null>(null);
  url = $state(defaultNationalUrl());
  #abort: AbortController | null = null;

  constructor(private readonly host: RegionLoaderHost) {}

  /** Loads the picked region (a kecamatan loads its kab/kota and zooms to the kecamatan). */
  async open(result: RegionResult): Promise<void> {
    const { region, parents } = result;
    if (region.level === 'provinsi') return this.host.notify('import.pickKabkota', { nama: region.nama });
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
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = kabkota;
    this.bytesRead = 0;
    try {
      const read = await readRegionFeatures(this.localFile ?? this.url, kabkota, { signal: abort.signal, onProgress: (bytes) => (this.bytesRead = bytes) });
      if (abort.signal.aborted) return;
      const city: City = {
        kode: kabkota.kode,
        slug: kabkota.kode,
        nama: kabkota.nama,
        provinsi: provinsi?.nama ?? '',
        kelurahan: read.areas.features.length,
        boundaries: '',
        source: 'national',
        bbox: kabkota.bbox,
      };
      await this.host.workspace.addRegion(city, read.areas);
      this.host.selectCity(city.slug);
      if (focus) this.host.focusBounds(focus);
      if (read.repaired || read.skipped) this.host.notify('regions.repairedNotice', { repaired: read.repaired, skipped: read.skipped });
    } catch (error) {
      if (abort.signal.aborted) return;
      const notice = noticeOf(error, 'regions.loadFailed');
      this.host.notify(notice.key, notice.params);
    } finally {
      if (this.#abort === abort) this.loading = null;
    }
  }

  cancel(): void {
    this.#abort?.abort();
    this.loading = null;
  }
}
