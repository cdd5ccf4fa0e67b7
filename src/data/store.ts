/**
 * Persistence of the user's workspace in the browser (IndexedDB): imported datasets with their
 * mappings and choices, regions loaded from the national file or imported, and small settings.
 * Every write is one IndexedDB transaction, so a failure (storage full, tab closed mid-write)
 * leaves the previous state whole: nothing is ever half-written.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection } from './boundaries';
import type { City } from './catalog';
import { ImportError } from './importers/types';

const DB_NAME = 'peta-kantong-kemiskinan';
const VERSION = 1;
const DATASETS = 'datasets';
const REGIONS = 'regions';
const SETTINGS = 'settings';

export type DatasetKind = 'indicators' | 'households' | 'beneficiaries' | 'points' | 'boundaries';

/** An imported dataset as stored: the file's normalised content plus everything the user chose. */
export interface StoredDataset {
  id: string;
  kind: DatasetKind;
  /** The name the user sees (defaults to the file name). */
  name: string;
  file: string;
  /** The kab/kota it was joined to. */
  regionKode: string;
  created: string;
  /** Column types, roles, indicator definitions, join decisions: plain JSON owned by the state. */
  meta: unknown;
  /** The normalised table (gzipped UTF-8 CSV) or GeoJSON, as imported. */
  payload: Uint8Array | null;
}

/** A region whose boundaries did not come with the app (read from the national file, or imported). */
export interface StoredRegion {
  kode: string;
  region: City;
  areas: AreaCollection;
  savedAt: string;
}

/** A focus area (kawasan) the user drew, uploaded or formed from kelurahan. */
export interface StoredArea {
  id: string;
  nama: string;
  /** The kab/kota it belongs to. */
  kota: string;
  geometry: Polygon | MultiPolygon;
  source: 'demo' | 'drawn' | 'uploaded' | 'picked';
  note?: string;
}

/**
 * A saved view: what the link holds plus the tab's extras, with a title and a note. The store
 * keeps the link's parameters as they are (src/state/url.ts defines them as `ViewParams`); it
 * reads only their region.
 */
export interface StoredView<Params extends { kota: string } = { kota: string }> {
  id: string;
  title: string;
  note: string;
  params: Params;
  /** The focus area shown, if any. */
  area: string | null;
  /** The program's need × coverage map, if shown. */
  bivariate: { choice: string; need: string } | null;
  panel: string;
}

export interface Store {
  listDatasets(): Promise<StoredDataset[]>;
  putDataset(dataset: StoredDataset): Promise<void>;
  deleteDataset(id: string): Promise<void>;
  getRegion(kode: string): Promise<StoredRegion | undefined>;
  listRegions(): Promise<StoredRegion[]>;
  putRegion(region: StoredRegion): Promise<void>;
  deleteRegion(kode: string): Promise<void>;
  getSetting<T>(key: string): Promise<T | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  /**
   * Replaces the whole workspace in one transaction (importing a workspace file): either all of
   * it is stored or, on failure, the previous workspace is kept.
   */
  replaceAll(content: { datasets: StoredDataset[]; regions: StoredRegion[] }): Promise<void>;
}

let opened: Promise<Store> | undefined;

/** The browser's store, opened once; rejects with an ImportError when storage is unavailable. */
export function openStore(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<Store> {
  opened ??= open(factory).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** For tests: forget the memoised store. */
export function resetStoreForTests(): void {
  opened = undefined;
}

function open(factory: IDBFactory | undefined): Promise<Store> {
  if (!factory) return Promise.reject(new ImportError('workspace.storageUnavailable'));
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, VERSION);
    } catch (error) {
      // Some private modes throw synchronously (SecurityError).
      return reject(new ImportError('workspace.storageUnavailable', {}, { cause: error }));
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DATASETS)) db.createObjectStore(DATASETS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(REGIONS)) db.createObjectStore(REGIONS, { keyPath: 'kode' });
      if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
    };
    request.onerror = () => reject(new ImportError('workspace.storageUnavailable', {}, { cause: request.error }));
    request.onblocked = () => reject(new ImportError('workspace.storageBlocked'));
    request.onsuccess = () => resolve(wrap(request.result));
  });
}

/** Turns storage failures into messages a user can act on. */
function storageError(error: unknown): ImportError {
  const name = (error as DOMException | null)?.name;
  if (name === 'QuotaExceededError') return new ImportError('workspace.storageFull', {}, { cause: error });
  return new ImportError('workspace.storageFailed', { detail: name ?? String(error) }, { cause: error });
}

/**
 * A dataset as IndexedDB keeps it: its payload as a Blob. Put as bytes, the payload (tens of MB
 * for a million households) was serialised by the page's thread inside `put`, 0.6-0.8 s of frozen
 * page; a Blob is stored by reference, its bytes written off the page's thread. The Blob is made
 * of 1 MB parts, one per task: making a Blob copies its bytes on the page's thread, about 15 ms
 * per MB on this machine under load (4 MB parts took up to 0.15 s, the whole payload at once
 * 0.17-0.5 s). Datasets stored before keep their bytes and read back as they are.
 */
interface KeptDataset extends Omit<StoredDataset, 'payload'> {
  payload: Blob | Uint8Array | null;
}

const BLOB_PART_BYTES = 1024 * 1024;

async function toKept(dataset: StoredDataset): Promise<KeptDataset> {
  const { payload } = dataset;
  if (!payload) return { ...dataset, payload };
  const parts: Blob[] = [];
  for (let start = 0; start < payload.length; start += BLOB_PART_BYTES) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    parts.push(new Blob([payload.subarray(start, start + BLOB_PART_BYTES) as BlobPart]));
  }
  return { ...dataset, payload: new Blob(parts) };
}

async function fromKept(kept: KeptDataset): Promise<StoredDataset> {
  const { payload } = kept;
  return { ...kept, payload: payload instanceof Blob ? new Uint8Array(await payload.arrayBuffer()) : payload };
}

function wrap(db: IDBDatabase): Store {
  function run<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(stores, mode);
      } catch (error) {
        return reject(storageError(error));
      }
      let result: T;
      let request: IDBRequest<T> | void;
      try {
        request = work(tx);
      } catch (error) {
        tx.abort();
        return reject(storageError(error));
      }
      if (request) request.onsuccess = () => (result = request.result);
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => reject(storageError(tx.error));
      tx.onerror = (event) => {
        event.preventDefault();
        reject(storageError(tx.error ?? (event.target as IDBRequest | null)?.error));
      };
    });
  }

  return {
    listDatasets: async () => {
      const kept = await run<KeptDataset[]>([DATASETS], 'readonly', (tx) => tx.objectStore(DATASETS).getAll());
      const list = await Promise.all(kept.map(fromKept)).catch((error: unknown) => Promise.reject(storageError(error)));
      return list.sort((a, b) => a.created.localeCompare(b.created));
    },
    putDataset: async (dataset) => {
      const kept = await toKept(dataset);
      return run([DATASETS], 'readwrite', (tx) => void tx.objectStore(DATASETS).put(kept));
    },
    deleteDataset: (id) => run([DATASETS], 'readwrite', (tx) => void tx.objectStore(DATASETS).delete(id)),
    getRegion: (kode) => run<StoredRegion | undefined>([REGIONS], 'readonly', (tx) => tx.objectStore(REGIONS).get(kode)),
    listRegions: () => run<StoredRegion[]>([REGIONS], 'readonly', (tx) => tx.objectStore(REGIONS).getAll()),
    putRegion: (region) => run([REGIONS], 'readwrite', (tx) => void tx.objectStore(REGIONS).put(region)),
    deleteRegion: (kode) => run([REGIONS], 'readwrite', (tx) => void tx.objectStore(REGIONS).delete(kode)),
    getSetting: <T>(key: string) => run<T | undefined>([SETTINGS], 'readonly', (tx) => tx.objectStore(SETTINGS).get(key)),
    putSetting: (key, value) => run([SETTINGS], 'readwrite', (tx) => void tx.objectStore(SETTINGS).put(value, key)),
    replaceAll: async (content) => {
      const kept: KeptDataset[] = [];
      for (const d of content.datasets) kept.push(await toKept(d));
      return run([DATASETS, REGIONS], 'readwrite', (tx) => {
        const datasets = tx.objectStore(DATASETS);
        const regions = tx.objectStore(REGIONS);
        datasets.clear();
        regions.clear();
        for (const d of kept) datasets.put(d);
        for (const r of content.regions) regions.put(r);
      });
    },
  };
}

/** Gzips bytes with the platform's CompressionStream (browsers and Node 20). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Thrown by {@link gunzip} when the content inflates beyond the limit asked for. */
export class GunzipLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`gzip content larger than ${limit} bytes`);
    this.name = 'GunzipLimitExceeded';
  }
}

/**
 * Inflates gzip bytes. With `maxBytes`, stops and throws GunzipLimitExceeded as soon as more
 * would come out (a gzip bomb of 1 MB can hold 1 GB of zeros): nothing beyond the limit is kept.
 */
export async function gunzip(bytes: Uint8Array, maxBytes = Infinity): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  if (maxBytes === Infinity) return new Uint8Array(await new Response(stream).arrayBuffer());
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new GunzipLimitExceeded(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
