import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { firstViewKey, hintStoredView, loadFirstView, mayHaveStoredView, saveFirstView, type FirstViewSource } from '../../../src/data/first-view-cache';
import { openStore, resetStoreForTests } from '../../../src/data/store';

const SOURCE: FirstViewSource = {
  request: 'surakarta|2025|penduduk_miskin|rasio',
  regionKode: '33.72',
  datasets: [
    { id: 'd0abc12', created: '2026-11-20T08:00:00Z', regionKode: '33.72' },
    { id: 'd0xyz99', created: '2026-11-21T08:00:00Z', regionKode: '35.74' },
  ],
  demoFiles: ['./assets/indikator-Dgix3qff.csv', './assets/program-0covQbhB.csv'],
  build: '/assets/index-Cy4ITFYV.js',
};

describe('first view cache key', () => {
  it('is the same for the same view and data, whatever the order of the datasets', () => {
    expect(firstViewKey({ ...SOURCE, datasets: [...SOURCE.datasets].reverse() })).toBe(firstViewKey(SOURCE));
  });

  it('changes when the data changes: demo file, build, or an imported dataset of the region', () => {
    const key = firstViewKey(SOURCE);
    expect(firstViewKey({ ...SOURCE, demoFiles: ['./assets/indikator-NEWHASH1.csv', './assets/program-0covQbhB.csv'] })).not.toBe(key);
    expect(firstViewKey({ ...SOURCE, build: '/assets/index-Zz9ITFYV.js' })).not.toBe(key);
    // A dataset of the region added, removed, or replaced (same id, new creation time).
    expect(firstViewKey({ ...SOURCE, datasets: [...SOURCE.datasets, { id: 'd0new01', created: '2026-11-22T08:00:00Z', regionKode: '33.72' }] })).not.toBe(key);
    expect(firstViewKey({ ...SOURCE, datasets: SOURCE.datasets.filter((d) => d.regionKode !== '33.72') })).not.toBe(key);
    expect(firstViewKey({ ...SOURCE, datasets: SOURCE.datasets.map((d) => ({ ...d, created: '2026-11-23T00:00:00Z' })) })).not.toBe(key);
  });

  it('changes with the view asked for, and not with datasets of other regions', () => {
    const key = firstViewKey(SOURCE);
    expect(firstViewKey({ ...SOURCE, request: 'surakarta|2024|penduduk_miskin|rasio' })).not.toBe(key);
    expect(firstViewKey({ ...SOURCE, request: 'surakarta|2025|penduduk_miskin|rasio-eb' })).not.toBe(key);
    expect(firstViewKey({ ...SOURCE, datasets: [...SOURCE.datasets, { id: 'd0other', created: '2026-11-22T08:00:00Z', regionKode: '35.74' }] })).toBe(key);
  });
});

describe('first view cache store', () => {
  beforeEach(() => {
    resetStoreForTests();
    globalThis.indexedDB = new IDBFactory();
  });

  it('gives back the stored values only for the same key', async () => {
    const store = await openStore();
    const values = new Map<string, number | null>([
      ['33.72.01.1001', 7.25],
      ['33.72.01.1002', null],
      ['33.72.02.1001', 12.5],
    ]);
    expect(await loadFirstView(store, firstViewKey(SOURCE))).toBeNull();
    await saveFirstView(store, firstViewKey(SOURCE), values);
    expect(await loadFirstView(store, firstViewKey(SOURCE))).toEqual(values);
    const changed = firstViewKey({ ...SOURCE, demoFiles: ['./assets/indikator-NEWHASH1.csv'] });
    expect(await loadFirstView(store, changed)).toBeNull();
    // One view is kept: the last one drawn.
    await saveFirstView(store, changed, new Map([['33.72.01.1001', 1]]));
    expect(await loadFirstView(store, firstViewKey(SOURCE))).toBeNull();
    expect(await loadFirstView(store, changed)).toEqual(new Map([['33.72.01.1001', 1]]));
  });
});

describe('the start-up hint', () => {
  it('names the request last stored, and says nothing where there is no storage', () => {
    const saved = (globalThis as { localStorage?: unknown }).localStorage;
    try {
      delete (globalThis as { localStorage?: unknown }).localStorage;
      expect(mayHaveStoredView('surakarta|2025')).toBe(false);
      expect(() => hintStoredView('surakarta|2025')).not.toThrow();
      const items = new Map<string, string>();
      (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) };
      expect(mayHaveStoredView('surakarta|2025')).toBe(false);
      hintStoredView('surakarta|2025');
      expect(mayHaveStoredView('surakarta|2025')).toBe(true);
      expect(mayHaveStoredView('surakarta|2024')).toBe(false);
    } finally {
      (globalThis as { localStorage?: unknown }).localStorage = saved;
    }
  });
});
