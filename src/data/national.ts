/**
 * Any kabupaten/kota (or kecamatan, or provinsi) of Indonesia from the national desa/kelurahan
 * FlatGeobuf, read by the region's bbox from a URL (HTTP range requests) or a local file
 * (Blob.slice), so a kota costs a few hundred kilobytes of a 162 MB file. The features are kept
 * by kode prefix and given the property schema of the demo city files
 * (public/boundaries/kelurahan_<slug>.fgb), so the rest of the app treats them the same.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection, AreaFeature } from './boundaries';
import { BlobSource, HttpSource, type ByteSource } from './byte-source';
import { readBBox, type BBoxReadOptions } from './fgb-bbox';
import { ImportError } from './importers/types';
import { repairPolygon } from './polygon-repair';
import { kodePrefix } from './regions';

/** Upstream of the national file (../shared/data/national/SOURCES.md); MIT, attribution required. */
const UPSTREAM = 'github.com/cahyadsn/wilayah_boundaries@3c5a7960f4d2';

/** The `source` property of a converted feature, in the form the demo city files use. */
export function sourceFor(kode: string): string {
  const provinsi = kode.slice(0, 2);
  const kabkota = kode.slice(0, 5);
  return `${UPSTREAM} db/kel/${provinsi}/wilayah_boundaries_kel_${kabkota}.sql (MIT, (c) Cahya DSN)`;
}

/**
 * National properties (nama, kode_kabkota, kabkota, ...) renamed to the city files' schema
 * (kelurahan, kode_kota, kota, ...), plus `source`.
 */
export function toCityProperties(p: Record<string, unknown>): Record<string, string> {
  const text = (key: string) => (p[key] === null || p[key] === undefined ? '' : String(p[key]));
  return {
    kode: text('kode'),
    kelurahan: text('nama'),
    kode_kecamatan: text('kode_kecamatan'),
    kecamatan: text('kecamatan'),
    kode_kota: text('kode_kabkota'),
    kota: text('kabkota'),
    kode_provinsi: text('kode_provinsi'),
    provinsi: text('provinsi'),
    jenis: text('jenis'),
    source: sourceFor(text('kode')),
  };
}

export interface RegionRead {
  areas: AreaCollection;
  /** Bytes received from the file (HTTP bodies or Blob slices), every range counted. */
  bytesRead: number;
  /** Size of the whole file; null when a server did not say. */
  fileBytes: number | null;
  /** Features whose polygons were repaired (see polygon-repair.ts). */
  repaired: number;
  /** Features of the region left out because nothing drawable remained. */
  skipped: number;
}

export interface RegionReadOptions {
  /** Running total of bytes read, as they arrive. */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
  /** Tuning of range merging, for measurement; the defaults suit the national file. */
  tuning?: BBoxReadOptions;
  /** Features converted so far, of how many (only for regions large enough to be converted in steps). */
  onConverted?: (done: number, total: number) => void;
}

/** Features converted between two turns of the page's event loop. */
const CONVERT_CHUNK = 400;

/**
 * Reads the desa/kelurahan of `region` from the national FlatGeobuf at `source` (a URL, or a
 * File/Blob the user opened): only the index nodes and features inside `region.bbox` are fetched,
 * then features whose kode starts with `<region.kode>.` are kept, converted to the city-file
 * schema and repaired or skipped when invalid. Throws ImportError (messages in
 * src/i18n/modules/regions.ts) for a server without range support, a gzipped or non-FlatGeobuf
 * file, a network failure, or a region with no features in the file; an aborted `signal`
 * rejects with its reason.
 */
export async function readRegionFeatures(
  source: string | Blob,
  region: { kode: string; bbox: [number, number, number, number] },
  options: RegionReadOptions = {},
): Promise<RegionRead> {
  const sourceOptions = { signal: options.signal, onProgress: options.onProgress };
  const bytes: ByteSource = typeof source === 'string' ? new HttpSource(source, sourceOptions) : new BlobSource(source, sourceOptions);
  if (/\.gz$/i.test(bytes.name)) throw new ImportError('regions.gzipped', { file: bytes.name });
  const prefix = kodePrefix(region.kode);
  const { features: raw } = await readBBox(bytes, region.bbox, (p) => String(p.kode ?? '').startsWith(prefix), options.tuning);
  const features: AreaFeature[] = [];
  let repaired = 0;
  let skipped = 0;
  for (const [i, feature] of raw.entries()) {
    // A provinsi has thousands of desa: give the page a turn now and then, and say how far.
    if (i > 0 && i % CONVERT_CHUNK === 0) {
      options.onConverted?.(i, raw.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
    }
    const fixed = repairPolygon(feature.geometry());
    if (!fixed.geometry) {
      skipped++;
      continue;
    }
    if (fixed.repaired) repaired++;
    features.push({ type: 'Feature', geometry: fixed.geometry as Polygon | MultiPolygon, properties: toCityProperties(feature.properties) });
  }
  if (raw.length === 0) throw new ImportError('regions.noFeatures', { file: bytes.name, kode: region.kode });
  features.sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : a.properties.kode > b.properties.kode ? 1 : 0));
  return { areas: { type: 'FeatureCollection', features }, bytesRead: bytes.bytesRead, fileBytes: bytes.size, repaired, skipped };
}

/**
 * The desa/kelurahan of several regions (a provinsi alone, or kab/kota chosen together), read one
 * after another and joined in kode order; progress counts the bytes of every read so far.
 */
export async function readSelectionFeatures(
  source: string | Blob,
  parts: readonly { kode: string; bbox: [number, number, number, number] }[],
  options: RegionReadOptions = {},
): Promise<RegionRead> {
  const reads: RegionRead[] = [];
  let before = 0;
  for (const part of parts) {
    const read = await readRegionFeatures(source, part, { ...options, onProgress: (bytes) => options.onProgress?.(before + bytes) });
    before += read.bytesRead;
    reads.push(read);
  }
  const features = reads.flatMap((r) => r.areas.features);
  features.sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : a.properties.kode > b.properties.kode ? 1 : 0));
  const sum = (key: 'bytesRead' | 'repaired' | 'skipped') => reads.reduce((total, r) => total + r[key], 0);
  return { areas: { type: 'FeatureCollection', features }, bytesRead: sum('bytesRead'), fileBytes: reads[0]?.fileBytes ?? null, repaired: sum('repaired'), skipped: sum('skipped') };
}
