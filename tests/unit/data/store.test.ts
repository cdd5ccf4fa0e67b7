import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { gunzip, gzip, openStore, resetStoreForTests, type StoredDataset, type StoredRegion } from '../../../src/data/store';
import { ImportError } from '../../../src/data/importers/types';

const dataset = (id: string, created: string): StoredDataset => ({
  id,
  kind: 'indicators',
  name: `${id}.csv`,
  file: `${id}.csv`,
  regionKode: '33.72',
  created,
  meta: { columns: ['a'] },
  payload: new Uint8Array([1, 2, 3]),
});
const region = (kode: string): StoredRegion => ({
  kode,
  region: { kode, slug: kode, nama: `Kota ${kode}`, provinsi: 'Jawa Timur', kelurahan: 1, boundaries: '' },
  areas: { type: 'FeatureCollection', features: [] },
  savedAt: '2026-11-22',
});

describe('workspace store (IndexedDB)', () => {
  beforeEach(() => {
    resetStoreForTests();
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps datasets, regions and settings, in creation order, across reopening', async () => {
    const store = await openStore();
    await store.putDataset(dataset('b', '2026-11-22T10:00:00Z'));
    await store.putDataset(dataset('a', '2026-11-22T09:00:00Z'));
    await store.putRegion(region('35.72'));
    await store.putSetting('nationalUrl', 'https://example.org/x.fgb');
    resetStoreForTests();
    const again = await openStore();
    expect((await again.listDatasets()).map((d) => d.id)).toEqual(['a', 'b']);
    expect((await again.listDatasets())[0].payload).toEqual(new Uint8Array([1, 2, 3]));
    expect((await again.getRegion('35.72'))?.region.nama).toBe('Kota 35.72');
    expect(await again.getSetting('nationalUrl')).toBe('https://example.org/x.fgb');
    await again.deleteDataset('a');
    expect((await again.listDatasets()).map((d) => d.id)).toEqual(['b']);
  });

  it("keeps a payload as a Blob (stored off the page's thread) and reads it back as bytes; a payload kept as bytes before still reads", async () => {
    const store = await openStore();
    // Above one 1 MB part: the Blob is made of several.
    const bytes = new Uint8Array(2_500_000).map((_, i) => (i * 7) % 251);
    await store.putDataset({ ...dataset('groot', '2026-12-04'), payload: bytes });
    // What IndexedDB holds, read past the store.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('peta-kantong-kemiskinan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rawGet = <T>(work: (s: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode = 'readonly') =>
      new Promise<T>((resolve, reject) => {
        const request = work(raw.transaction('datasets', mode).objectStore('datasets'));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const kept = await rawGet<{ payload: unknown }>((s) => s.get('groot') as IDBRequest<{ payload: unknown }>);
    expect(kept.payload).toBeInstanceOf(Blob);
    // A dataset written by an earlier version, its payload as bytes.
    await rawGet((s) => s.put({ ...dataset('lama', '2026-11-01'), payload: new Uint8Array([9, 8, 7]) }), 'readwrite');
    raw.close();
    const list = await store.listDatasets();
    expect(list.map((d) => d.id)).toEqual(['lama', 'groot']);
    expect(list[0].payload).toEqual(new Uint8Array([9, 8, 7]));
    expect(list[1].payload).toBeInstanceOf(Uint8Array);
    // Byte for byte (a deep toEqual of 9 million numbers takes minutes).
    expect(Buffer.compare(Buffer.from(list[1].payload!), Buffer.from(bytes))).toBe(0);
  });

  it('replaces the whole workspace atomically: a failing item leaves the previous one intact', async () => {
    const store = await openStore();
    await store.putDataset(dataset('old', '2026-01-01'));
    const broken = { ...region('33.72'), kode: undefined } as unknown as StoredRegion; // no key: DataError mid-transaction
    await expect(store.replaceAll({ datasets: [dataset('new', '2026-02-02')], regions: [broken] })).rejects.toBeInstanceOf(ImportError);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['old']);
    await store.replaceAll({ datasets: [dataset('new', '2026-02-02')], regions: [region('34.04')] });
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['new']);
    expect((await store.listRegions()).map((r) => r.kode)).toEqual(['34.04']);
  });

  it('says storage is unavailable when the browser has none (private windows)', async () => {
    // A factory that throws like Firefox's private mode did.
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const refused = await openStore(throwing).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).key).toBe('workspace.storageUnavailable');
  });

  it('reports a full disk as such and keeps what was stored', async () => {
    const store = await openStore();
    await store.putDataset(dataset('kept', '2026-01-01'));
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const failure = await store.putDataset(dataset('big', '2026-01-02')).catch((e: unknown) => e);
      expect((failure as ImportError).key).toBe('workspace.storageFull');
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['kept']);
  });

  it('gzips and restores bytes', async () => {
    const text = new TextEncoder().encode('kode,nilai\n'.repeat(1000));
    const packed = await gzip(text);
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(await gunzip(packed)).toEqual(text);
  });
});
