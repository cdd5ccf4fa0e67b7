import { describe, expect, it } from 'vitest';
import { buildJoinReport, resolveJoin } from '../../../src/data/join';
import { ImportError } from '../../../src/data/importers/types';
import { keysOf, readFixture, surakarta } from './surakarta-targets';

const targets = surakarta();
const [, ...rows] = readFixture('surakarta-messy.csv');
const keys = keysOf(rows, { kode: 0, nama: 1, kecamatan: 2, tahun: 3 });
const report = buildJoinReport(keys, targets);
const allKode = targets.map((t) => t.kode);

describe('resolveJoin on the messy Surakarta report', () => {
  it('applies fuzzy and manual decisions and rejects duplicates', () => {
    const resolved = resolveJoin(report, {
      fuzzy: { 8: 'accept', 18: 'reject' },
      manual: { 12: '3372031010', 5: null }, // Sukamaju → Mojo by hand; the Semarang row stays out
      duplicates: 'reject',
    });
    expect(resolved.kodeOfKey).toEqual([
      '33.72.01.1001',
      '33.72.01.1002',
      '33.72.01.1003',
      '33.72.01.1004',
      '33.72.01.1005',
      null, // other region
      '33.72.02.1007',
      '33.72.02.1007',
      '33.72.03.1002', // Semangi accepted
      '33.72.03.1003',
      '33.72.03.1006',
      '33.72.04.1010',
      '33.72.03.1010', // Sukamaju chosen by hand, written the table's way, stored the target's way
      '33.72.01.1006',
      null,
      null,
      null,
      null, // Joglo ×2 rejected
      null, // Jajengan rejected
      null,
      null, // Sangkrah ×2 rejected
    ]);
    expect(resolved.dropped).toEqual([
      { key: 5, why: 'unmatched' },
      { key: 14, why: 'unmatched' },
      { key: 15, why: 'unmatched' },
      { key: 16, why: 'duplicate-rejected' },
      { key: 17, why: 'duplicate-rejected' },
      { key: 18, why: 'fuzzy-rejected' },
      { key: 19, why: 'unmatched' },
      { key: 20, why: 'duplicate-rejected' },
    ]);
    expect(resolved.duplicates).toEqual([]);
    const joined = new Set(resolved.kodeOfKey.filter((k) => k !== null));
    expect(resolved.missing).toEqual(allKode.filter((k) => !joined.has(k)));
    expect(resolved.missing).toHaveLength(54 - 12);
  });

  it('keeps duplicates to be summed, leaves undecided fuzzy matches out, and counts new duplicates made by hand', () => {
    const resolved = resolveJoin(report, { fuzzy: {}, manual: { 12: '33.72.01.1001' }, duplicates: 'sum' });
    expect(resolved.kodeOfKey[8]).toBeNull();
    expect(resolved.kodeOfKey[18]).toBeNull();
    expect(resolved.kodeOfKey[16]).toBe('33.72.05.1015');
    expect(resolved.dropped.filter((d) => d.why === 'fuzzy-rejected')).toEqual([
      { key: 8, why: 'fuzzy-rejected' },
      { key: 18, why: 'fuzzy-rejected' },
    ]);
    expect(resolved.duplicates).toEqual([
      { kode: '33.72.01.1001', tahun: 2024, keys: [0, 12], rows: 2 },
      { kode: '33.72.05.1015', tahun: 2024, keys: [16, 17], rows: 2 },
      { kode: '33.72.03.1008', tahun: 2024, keys: [20], rows: 2 },
    ]);
  });

  it('lets a hand choice override a match, and refuses a kode outside the region', () => {
    const resolved = resolveJoin(report, { fuzzy: { 8: 'accept' }, manual: { 8: '33.72.02.1001', 0: null }, duplicates: 'mean' });
    expect(resolved.kodeOfKey[8]).toBe('33.72.02.1001');
    expect(resolved.kodeOfKey[0]).toBeNull();
    expect(resolved.dropped[0]).toEqual({ key: 0, why: 'unmatched' });

    let error: unknown;
    try {
      resolveJoin(report, { fuzzy: {}, manual: { 12: '33.74.01.1001' }, duplicates: 'sum' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).key).toBe('join.error.manualUnknownKode');
    expect((error as ImportError).params).toEqual({ kode: '33.74.01.1001', row: 14 });
  });
});
