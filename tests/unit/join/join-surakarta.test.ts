import { describe, expect, it } from 'vitest';
import { buildJoinReport, type JoinKey } from '../../../src/data/join';
import { keysOf, pekalongan, readFixture, surakarta } from './surakarta-targets';

const MESSY_COLUMNS = { kode: 0, nama: 1, kecamatan: 2, tahun: 3 };

describe('join report on a messy Surakarta table (tests/fixtures/import/join/surakarta-messy.csv)', () => {
  const targets = surakarta();
  const [, ...rows] = readFixture('surakarta-messy.csv');
  const keys = keysOf(rows, MESSY_COLUMNS);
  const report = buildJoinReport(keys, targets);

  it('groups 22 rows into 21 keys (the two Sangkrah rows are one key)', () => {
    expect(keys).toHaveLength(21);
    expect(keys[20]).toEqual({ kode: null, nama: 'Sangkrah', kecamatan: 'Pasar Kliwon', tahun: 2024, rows: 2, firstRow: 22 });
    expect(keys[6].nama).toBe('Kel.\u00a0Kemlayan');
    expect(keys[2].kode).toBe('’3372011003');
  });

  it('matches by code in five spellings, by name, and suggests fuzzy matches with their distance', () => {
    expect(report.matched).toEqual([
      { key: 0, kode: '33.72.01.1001', how: 'code', distance: 0 }, // 33.72.01.1001
      { key: 1, kode: '33.72.01.1002', how: 'code', distance: 0 }, // 3372011002
      { key: 2, kode: '33.72.01.1003', how: 'code', distance: 0 }, // ’3372011003
      { key: 3, kode: '33.72.01.1004', how: 'code', distance: 0 }, // 33 72 01 1004
      { key: 4, kode: '33.72.01.1005', how: 'code', distance: 0 }, // 33–72–01–1005
      { key: 6, kode: '33.72.02.1007', how: 'name', distance: 0 }, // Kel. Kemlayan
      { key: 7, kode: '33.72.02.1007', how: 'name', distance: 0 }, // KEMLAYAN (2023)
      { key: 8, kode: '33.72.03.1002', how: 'fuzzy', distance: 1 }, // Semangi → Semanggi
      { key: 9, kode: '33.72.03.1003', how: 'name', distance: 0 }, // Ps. Kliwon → Pasarkliwon
      { key: 10, kode: '33.72.03.1006', how: 'name', distance: 0 }, // Kp. Baru → Kampungbaru
      { key: 11, kode: '33.72.04.1010', how: 'name', distance: 0 }, // Djebres → Jebres
      { key: 13, kode: '33.72.01.1006', how: 'name', distance: 0 }, // 3.37201E+09 but Sriwedari
      { key: 16, kode: '33.72.05.1015', how: 'code', distance: 0 }, // Joglo
      { key: 17, kode: '33.72.05.1015', how: 'code', distance: 0 }, // Joglo again
      { key: 18, kode: '33.72.02.1006', how: 'fuzzy', distance: 1 }, // Jajengan → Jayengan
      { key: 20, kode: '33.72.03.1008', how: 'name', distance: 0 }, // Sangkrah ×2
    ]);
  });

  it('says why the others stay unmatched', () => {
    expect(report.unmatched).toEqual([
      { key: 5, reason: 'other-region', candidates: [] }, // Kota Semarang's Kauman, not Surakarta's
      { key: 12, reason: 'no-name-match', candidates: [] }, // Sukamaju
      { key: 14, reason: 'unreliable-number', candidates: [] }, // 3.37205E+09
      { key: 15, reason: 'unknown-code', candidates: [] }, // 33.72.09.1001
      { key: 19, reason: 'empty', candidates: [] },
    ]);
  });

  it('finds duplicates per kelurahan and year, and the kelurahan with no row', () => {
    expect(report.duplicates).toEqual([
      { kode: '33.72.05.1015', tahun: 2024, keys: [16, 17], rows: 2 },
      { kode: '33.72.03.1008', tahun: 2024, keys: [20], rows: 2 },
    ]);
    const joined = [
      '33.72.01.1001',
      '33.72.01.1002',
      '33.72.01.1003',
      '33.72.01.1004',
      '33.72.01.1005',
      '33.72.01.1006',
      '33.72.02.1006',
      '33.72.02.1007',
      '33.72.03.1002',
      '33.72.03.1003',
      '33.72.03.1006',
      '33.72.03.1008',
      '33.72.04.1010',
      '33.72.05.1015',
    ];
    expect(report.missing).toEqual(targets.map((t) => t.kode).filter((k) => !joined.includes(k)));
    expect(report.missing).toHaveLength(40);
    expect(report.missing.slice(0, 3)).toEqual(['33.72.01.1007', '33.72.01.1008', '33.72.01.1009']);
  });

  it('counts keys, groups and rows', () => {
    expect(report.codeSystem).toBe('kemendagri');
    expect(report.counts).toEqual({ code: 7, name: 7, fuzzy: 2, unmatched: 5, duplicates: 2, missing: 40, rows: 22 });
  });

  it('does not look for duplicates when many rows per kelurahan are expected', () => {
    const households = buildJoinReport(keys, targets, { oneRowPerKelurahan: false });
    expect(households.duplicates).toEqual([]);
    expect(households.counts.duplicates).toBe(0);
    expect(households.matched).toEqual(report.matched);
  });

  it('offers no fuzzy suggestion when the distance allowed is 0', () => {
    const strict = buildJoinReport(keys, targets, { maxFuzzyDistance: 0 });
    expect(strict.counts.fuzzy).toBe(0);
    expect(strict.unmatched.filter((u) => u.key === 8 || u.key === 18)).toEqual([
      { key: 8, reason: 'no-name-match', candidates: [] },
      { key: 18, reason: 'no-name-match', candidates: [] },
    ]);
  });
});

describe('join report on BPS codes for the same kelurahan (surakarta-bps.csv)', () => {
  const [, ...rows] = readFixture('surakarta-bps.csv');
  const report = buildJoinReport(keysOf(rows, { kode: 0, nama: 1, kecamatan: null, tahun: 2 }), surakarta());

  it('recognises BPS codes, joins none by code, and falls back to the names', () => {
    expect(report.codeSystem).toBe('bps');
    expect(report.matched).toEqual([
      { key: 0, kode: '33.72.01.1001', how: 'name', distance: 0 },
      { key: 1, kode: '33.72.01.1002', how: 'name', distance: 0 },
      { key: 2, kode: '33.72.02.1007', how: 'name', distance: 0 },
      { key: 3, kode: '33.72.03.1002', how: 'name', distance: 0 },
      { key: 4, kode: '33.72.04.1010', how: 'name', distance: 0 },
      { key: 5, kode: '33.72.05.1015', how: 'name', distance: 0 },
    ]);
    expect(report.unmatched).toEqual([{ key: 6, reason: 'bps-code', candidates: [] }]);
    expect(report.counts).toEqual({ code: 0, name: 6, fuzzy: 0, unmatched: 1, duplicates: 0, missing: 48, rows: 7 });
  });

  it('calls a table with both kinds of code mixed', () => {
    const key = (kode: string, nama: string | null): JoinKey => ({ kode, nama, kecamatan: null, tahun: null, rows: 1, firstRow: 2 });
    const mixed = buildJoinReport([key('3372031002', null), key('3372010001', null)], surakarta());
    expect(mixed.codeSystem).toBe('mixed');
    expect(mixed.unmatched).toEqual([{ key: 1, reason: 'bps-code', candidates: [] }]);
    expect(buildJoinReport([key('', 'Jebres')], surakarta()).codeSystem).toBe('none');
  });
});

describe('equal names in two cities (Surakarta and Pekalongan both have a Kauman)', () => {
  const targets = [...surakarta(), ...pekalongan()];
  const key = (nama: string, kecamatan: string | null): JoinKey => ({ kode: null, nama, kecamatan, tahun: null, rows: 1, firstRow: 2 });
  const report = buildJoinReport(
    [
      key('Kauman', null),
      key('Kauman', 'Pasar Kliwon'),
      key('Kel. Kauman', 'Kec. Pekalongan Timur'),
      key('Kauman', '33.75.02'),
      key('Kauman', 'Jebres'),
      key('Kaumen', 'Ps. Kliwon'),
      key('Kaumen', null),
    ],
    targets,
  );

  it('tells them apart by kecamatan (name or code), and lists both when it cannot', () => {
    expect(report.matched).toEqual([
      { key: 1, kode: '33.72.03.1009', how: 'name', distance: 0 },
      { key: 2, kode: '33.75.02.1004', how: 'name', distance: 0 },
      { key: 3, kode: '33.75.02.1004', how: 'name', distance: 0 },
      { key: 5, kode: '33.72.03.1009', how: 'fuzzy', distance: 1 },
    ]);
    expect(report.unmatched).toEqual([
      { key: 0, reason: 'ambiguous-name', candidates: ['33.72.03.1009', '33.75.02.1004'] },
      // Jebres has no Kauman: Surakarta's lies in Pasar Kliwon, a conflict for the user;
      // Pekalongan's is a namesake in another city, not a candidate (this was 'ambiguous-name'
      // with both before kecamatan-first).
      { key: 4, reason: 'other-kecamatan', candidates: ['33.72.03.1009'] },
      { key: 6, reason: 'ambiguous-name', candidates: ['33.72.03.1009', '33.75.02.1004'] },
    ]);
  });
});
