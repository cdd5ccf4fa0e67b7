/**
 * The messy join fixtures through the whole import chain (see pipeline.ts): the join report
 * asserted whole, the user's decisions resolved, and the values read back from `ukuran`:
 * summed or averaged duplicates, a rejected fuzzy match absent, a kelurahan chosen by hand
 * present, a total row never added.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/database';
import { ImportError } from '../../../src/data/importers/types';
import { fetchYears } from '../../../src/data/indicators';
import { resolveJoin, type JoinDecisions } from '../../../src/data/join';
import { SURAKARTA, commitIndicators, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, targetsOf, valuesOf, type StagedTable } from './pipeline';

const targets = targetsOf(surakartaAreas());
const ALL = targets.map((t) => t.kode);
const except = (joined: string[]) => ALL.filter((k) => !joined.includes(k));

let db: Database;
beforeAll(async () => {
  db = await openPipelineDatabase();
}, 120_000);

describe('surakarta-messy.csv (tests/fixtures/import/join): codes in five spellings, old names, Excel numbers, other regions', () => {
  let staged: StagedTable;
  beforeAll(async () => {
    staged = await stageTable(db, 'berantakan', fixtureFile('join/surakarta-messy.csv'), targets);
  });

  it('reads Windows-1252 and groups 22 rows into 21 keys as DuckDB sees them', () => {
    expect([staged.table.encoding, staged.table.delimiter, staged.table.headerRow]).toEqual(['windows-1252', ';', 1]);
    expect(staged.keys).toEqual({ kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: 'tahun' });
    expect(staged.joinKeys).toHaveLength(21);
    expect(staged.joinKeys[2].kode).toBe('\u20193372011003'); // curly apostrophe from byte 0x92
    expect(staged.joinKeys[3].kode).toBe('33 72 01\u00a01004'); // no-break space from byte 0xA0
    expect(staged.joinKeys[6].nama).toBe('Kel.\u00a0Kemlayan');
    expect(staged.joinKeys[7]).toEqual({ kode: null, nama: 'KEMLAYAN ', kecamatan: 'Serengan', tahun: 2023, rows: 1, firstRow: 9 });
    expect(staged.joinKeys[13].kode).toBe('3.37201E+09');
    expect(staged.joinKeys[19]).toEqual({ kode: null, nama: null, kecamatan: null, tahun: 2024, rows: 1, firstRow: 21 });
    expect(staged.joinKeys[20]).toEqual({ kode: null, nama: 'Sangkrah', kecamatan: 'Pasar Kliwon', tahun: 2024, rows: 2, firstRow: 22 });
  });

  it('gives exactly the join report of the hand-checked fixture', () => {
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
    expect(staged.report).toEqual({
      matched: [
        { key: 0, kode: '33.72.01.1001', how: 'code', distance: 0 }, // 33.72.01.1001
        { key: 1, kode: '33.72.01.1002', how: 'code', distance: 0 }, // 3372011002
        { key: 2, kode: '33.72.01.1003', how: 'code', distance: 0 }, // ’3372011003
        { key: 3, kode: '33.72.01.1004', how: 'code', distance: 0 }, // 33 72 01 1004
        { key: 4, kode: '33.72.01.1005', how: 'code', distance: 0 }, // 33–72–01–1005
        { key: 6, kode: '33.72.02.1007', how: 'name', distance: 0 }, // Kel. Kemlayan
        { key: 7, kode: '33.72.02.1007', how: 'name', distance: 0 }, // KEMLAYAN (2023)
        { key: 8, kode: '33.72.03.1002', how: 'fuzzy', distance: 1 }, // Semangi
        { key: 9, kode: '33.72.03.1003', how: 'name', distance: 0 }, // Ps. Kliwon
        { key: 10, kode: '33.72.03.1006', how: 'name', distance: 0 }, // Kp. Baru
        { key: 11, kode: '33.72.04.1010', how: 'name', distance: 0 }, // Djebres
        { key: 13, kode: '33.72.01.1006', how: 'name', distance: 0 }, // 3.37201E+09 Sriwedari
        { key: 16, kode: '33.72.05.1015', how: 'code', distance: 0 }, // Joglo
        { key: 17, kode: '33.72.05.1015', how: 'code', distance: 0 }, // Joglo, other spelling of the code
        { key: 18, kode: '33.72.02.1006', how: 'fuzzy', distance: 1 }, // Jajengan
        { key: 20, kode: '33.72.03.1008', how: 'name', distance: 0 }, // Sangkrah x2
      ],
      unmatched: [
        { key: 5, reason: 'other-region', candidates: [] }, // 3374011001 Kauman (Kota Semarang)
        { key: 12, reason: 'no-name-match', candidates: [] }, // Sukamaju
        { key: 14, reason: 'unreliable-number', candidates: [] }, // 3.37205E+09
        { key: 15, reason: 'unknown-code', candidates: [] }, // 33.72.09.1001
        { key: 19, reason: 'empty', candidates: [] },
      ],
      duplicates: [
        { kode: '33.72.05.1015', tahun: 2024, keys: [16, 17], rows: 2 },
        { kode: '33.72.03.1008', tahun: 2024, keys: [20], rows: 2 },
      ],
      missing: except(joined),
      codeSystem: 'kemendagri',
      counts: { code: 7, name: 7, fuzzy: 2, unmatched: 5, duplicates: 2, missing: 40, rows: 22 },
      keyRows: Array.from({ length: 21 }, (_, key) => ({ tahun: key === 7 ? 2023 : 2024, rows: key === 20 ? 2 : 1, firstRow: key + 2 })),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  // Semangi accepted, Jajengan rejected, Sukamaju placed by hand in Mojo (written without dots).
  const decisions: JoinDecisions = { fuzzy: { 8: 'accept', 18: 'reject' }, manual: { 12: '3372031010' }, duplicates: 'sum' };

  it('resolves the decisions: rejected and unmatched keys dropped, duplicates kept for summing', () => {
    const resolved = resolveJoin(staged.report, decisions);
    expect(resolved.dropped).toEqual([
      { key: 5, why: 'unmatched' },
      { key: 14, why: 'unmatched' },
      { key: 15, why: 'unmatched' },
      { key: 18, why: 'fuzzy-rejected' },
      { key: 19, why: 'unmatched' },
    ]);
    expect(resolved.kodeOfKey[12]).toBe('33.72.03.1010');
    expect(resolved.duplicates).toEqual(staged.report.duplicates);
    expect(resolved.missing).toEqual(
      except([
        '33.72.01.1001',
        '33.72.01.1002',
        '33.72.01.1003',
        '33.72.01.1004',
        '33.72.01.1005',
        '33.72.01.1006',
        '33.72.02.1007',
        '33.72.03.1002',
        '33.72.03.1003',
        '33.72.03.1006',
        '33.72.03.1008',
        '33.72.03.1010',
        '33.72.04.1010',
        '33.72.05.1015',
      ]),
    );
  });

  it('sums duplicates, keeps 2023 apart, leaves out the rejected Jajengan and the Semarang Kauman', async () => {
    const ids = await commitIndicators(db, staged, decisions, ['jumlah_kk']);
    expect(await valuesOf(db, ids.jumlah_kk, 2024)).toEqual(
      new Map([
        ['33.72.01.1001', 812],
        ['33.72.01.1002', 301],
        ['33.72.01.1003', 95],
        ['33.72.01.1004', 240],
        ['33.72.01.1005', 188],
        ['33.72.01.1006', 99], // Sriwedari, by name despite 3.37201E+09
        ['33.72.02.1007', 133], // Kemlayan 2024
        ['33.72.03.1002', 402], // Semangi, accepted
        ['33.72.03.1003', 350],
        ['33.72.03.1006', 210],
        ['33.72.03.1008', 605], // Sangkrah 300 + 305
        ['33.72.03.1010', 64], // Sukamaju, placed by hand in Mojo
        ['33.72.04.1010', 515],
        ['33.72.05.1015', 962], // Joglo 480 + 482
      ]),
    );
    expect(await valuesOf(db, ids.jumlah_kk, 2023)).toEqual(new Map([['33.72.02.1007', 129]]));
    expect(await fetchYears(db, SURAKARTA, ids.jumlah_kk)).toEqual([2023, 2024]);
  });

  it('averages duplicates when asked, and leaves them out when rejected', async () => {
    const mean = await commitIndicators(db, { ...staged, id: 'berantakan_rata' }, { ...decisions, duplicates: 'mean' }, ['jumlah_kk']);
    const averaged = await valuesOf(db, mean.jumlah_kk);
    expect([averaged.get('33.72.05.1015'), averaged.get('33.72.03.1008'), averaged.get('33.72.01.1001')]).toEqual([481, 302.5, 812]);
    const reject = await commitIndicators(db, { ...staged, id: 'berantakan_tolak' }, { ...decisions, duplicates: 'reject' }, ['jumlah_kk']);
    const rejected = await valuesOf(db, reject.jumlah_kk);
    expect(rejected.size).toBe(12);
    expect([rejected.has('33.72.05.1015'), rejected.has('33.72.03.1008'), rejected.get('33.72.02.1007')]).toEqual([false, false, 133]);
  });
});

describe('surakarta-bps.csv: BPS codes, joined by name', () => {
  let staged: StagedTable;
  beforeAll(async () => {
    staged = await stageTable(db, 'bps', fixtureFile('join/surakarta-bps.csv'), targets);
  });

  it('guesses the BPS code column as the code, recognises the BPS system and falls back to names', () => {
    expect(staged.keys).toEqual({ kode: 'kode_desa', nama: 'nama_desa', kecamatan: null, tahun: 'tahun' });
    expect(staged.joinKeys.map((k) => k.kode)).toEqual(['3372010001', '3372010002', '33.72.020.007', '3372030002', '3372040010', '3372050015', '3372010099']);
    const joined = ['33.72.01.1001', '33.72.01.1002', '33.72.02.1007', '33.72.03.1002', '33.72.04.1010', '33.72.05.1015'];
    expect(staged.report).toEqual({
      matched: joined.map((kode, key) => ({ key, kode, how: 'name', distance: 0 })),
      unmatched: [{ key: 6, reason: 'bps-code', candidates: [] }], // 3372010099 Xyzzy
      duplicates: [],
      missing: except(joined),
      codeSystem: 'bps',
      counts: { code: 0, name: 6, fuzzy: 0, unmatched: 1, duplicates: 0, missing: 48, rows: 7 },
      keyRows: Array.from({ length: 7 }, (_, key) => ({ tahun: 2024, rows: 1, firstRow: key + 2 })),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });
});

describe('surakarta-duplicates.csv: one kelurahan twice with the same key, one under two spellings, two years', () => {
  let staged: StagedTable;
  beforeAll(async () => {
    staged = await stageTable(db, 'ganda', fixtureFile('pipeline/surakarta-duplicates.csv'), targets);
  });

  it('groups the rows into six keys and reports two duplicate groups for 2024 only', () => {
    expect(staged.keys).toEqual({ kode: 'kode_kel', nama: 'nama_kel', kecamatan: null, tahun: 'tahun' });
    expect(staged.joinKeys).toEqual([
      { kode: '33.72.04.1011', nama: 'Mojosongo', kecamatan: null, tahun: 2023, rows: 1, firstRow: 2 },
      { kode: '33.72.04.1011', nama: 'Mojosongo', kecamatan: null, tahun: 2024, rows: 2, firstRow: 3 },
      { kode: '3372041006', nama: 'Pucangsawit', kecamatan: null, tahun: 2024, rows: 1, firstRow: 4 },
      { kode: '33.72.04.1006', nama: 'Pucang Sawit', kecamatan: null, tahun: 2024, rows: 1, firstRow: 6 },
      { kode: '33.72.04.1002', nama: 'Kepatihan Wetan', kecamatan: null, tahun: 2024, rows: 1, firstRow: 7 },
      { kode: '33.72.04.1005', nama: 'Sewu', kecamatan: null, tahun: 2024, rows: 1, firstRow: 8 }, // "2024 "
    ]);
    expect(staged.report).toEqual({
      matched: ['33.72.04.1011', '33.72.04.1011', '33.72.04.1006', '33.72.04.1006', '33.72.04.1002', '33.72.04.1005'].map((kode, key) => ({ key, kode, how: 'code', distance: 0 })),
      unmatched: [],
      duplicates: [
        { kode: '33.72.04.1011', tahun: 2024, keys: [1], rows: 2 },
        { kode: '33.72.04.1006', tahun: 2024, keys: [2, 3], rows: 2 },
      ],
      missing: except(['33.72.04.1002', '33.72.04.1005', '33.72.04.1006', '33.72.04.1011']),
      codeSystem: 'kemendagri',
      counts: { code: 6, name: 0, fuzzy: 0, unmatched: 0, duplicates: 2, missing: 50, rows: 7 },
      keyRows: staged.joinKeys.map((k) => ({ tahun: k.tahun, rows: k.rows, firstRow: k.firstRow })),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  it('sums 295 + 18 for Mojosongo and 120 + 7 for Pucangsawit, Mojosongo 2023 apart, "2024 " in 2024', async () => {
    const ids = await commitIndicators(db, staged, { fuzzy: {}, manual: {}, duplicates: 'sum' }, ['jumlah_rtlh']);
    expect(await valuesOf(db, ids.jumlah_rtlh, 2024)).toEqual(
      new Map([
        ['33.72.04.1011', 313],
        ['33.72.04.1006', 127],
        ['33.72.04.1002', 64],
        ['33.72.04.1005', 51],
      ]),
    );
    expect(await valuesOf(db, ids.jumlah_rtlh, 2023)).toEqual(new Map([['33.72.04.1011', 310]]));
  });

  it('averages them, or rejects both groups and keeps Mojosongo 2023 (not a duplicate)', async () => {
    const mean = await commitIndicators(db, { ...staged, id: 'ganda_rata' }, { fuzzy: {}, manual: {}, duplicates: 'mean' }, ['jumlah_rtlh']);
    const averaged = await valuesOf(db, mean.jumlah_rtlh, 2024);
    expect([averaged.get('33.72.04.1011'), averaged.get('33.72.04.1006')]).toEqual([156.5, 63.5]);

    const decisions: JoinDecisions = { fuzzy: {}, manual: {}, duplicates: 'reject' };
    const resolved = resolveJoin(staged.report, decisions);
    expect(resolved.dropped).toEqual([
      { key: 1, why: 'duplicate-rejected' },
      { key: 2, why: 'duplicate-rejected' },
      { key: 3, why: 'duplicate-rejected' },
    ]);
    expect(resolved.duplicates).toEqual([]);
    // Mojosongo still has its 2023 row, so it is not missing.
    expect(resolved.missing).toEqual(except(['33.72.04.1002', '33.72.04.1005', '33.72.04.1011']));
    const reject = await commitIndicators(db, { ...staged, id: 'ganda_tolak' }, decisions, ['jumlah_rtlh']);
    expect(await valuesOf(db, reject.jumlah_rtlh, 2024)).toEqual(
      new Map([
        ['33.72.04.1002', 64],
        ['33.72.04.1005', 51],
      ]),
    );
    expect(await valuesOf(db, reject.jumlah_rtlh, 2023)).toEqual(new Map([['33.72.04.1011', 310]]));
  });
});

describe('surakarta-unmatched.xlsx: names only, misspelt, ambiguous, another village, a total row', () => {
  let staged: StagedTable;
  beforeAll(async () => {
    staged = await stageTable(db, 'nama', fixtureFile('pipeline/surakarta-unmatched.xlsx'), targets);
  });

  it('finds the header below the title row and takes no column for the code ("No" is a row number)', () => {
    expect([staged.table.format, staged.table.sheet, staged.table.headerRow, staged.table.rowCount]).toEqual(['xlsx', 'Penerima 2024', 2, 8]);
    expect(staged.keys).toEqual({ kode: null, nama: 'Kelurahan', kecamatan: 'Kecamatan', tahun: null });
    expect(staged.joinKeys.map((k) => [k.nama, k.kecamatan, k.firstRow])).toEqual([
      ['Kadipiro', 'Banjarsari', 3],
      ['Nusukan', 'Banjarsari', 4],
      ['Stabelan', 'Banjarsari', 5],
      ['Kestelan', 'Banjarsari', 6],
      ['Mangkubumi', 'Banjarsari', 7],
      ['Margorejo', 'Banjarsari', 8],
      ['Gilingan', 'Banjarsari', 9],
      ['Jumlah', null, 10],
    ]);
  });

  it('matches names, suggests two fuzzy matches, lists both kelurahan for Kestelan, and leaves Margorejo and Jumlah out', () => {
    expect(staged.report).toEqual({
      matched: [
        { key: 0, kode: '33.72.05.1001', how: 'name', distance: 0 }, // Kadipiro
        { key: 1, kode: '33.72.05.1002', how: 'name', distance: 0 }, // Nusukan
        { key: 2, kode: '33.72.05.1004', how: 'fuzzy', distance: 1 }, // Stabelan -> Setabelan (insert e)
        { key: 4, kode: '33.72.05.1010', how: 'fuzzy', distance: 2 }, // Mangkubumi -> Mangkubumen (i->e, +n)
        { key: 6, kode: '33.72.05.1003', how: 'name', distance: 0 }, // Gilingan
      ],
      unmatched: [
        // Kestelan: Kestalan (e->a) and Ketelan (-s) are both one edit away, both in Banjarsari.
        { key: 3, reason: 'ambiguous-name', candidates: ['33.72.05.1005', '33.72.05.1008'] },
        { key: 5, reason: 'no-name-match', candidates: [] }, // Margorejo
        { key: 7, reason: 'no-name-match', candidates: [] }, // Jumlah (the total row)
      ],
      duplicates: [],
      missing: except(['33.72.05.1001', '33.72.05.1002', '33.72.05.1003', '33.72.05.1004', '33.72.05.1010']),
      codeSystem: 'none',
      counts: { code: 0, name: 3, fuzzy: 2, unmatched: 3, duplicates: 0, missing: 49, rows: 8 },
      keyRows: Array.from({ length: 8 }, (_, key) => ({ tahun: null, rows: 1, firstRow: key + 3 })),
      oneRowPerKelurahan: true,
      targetKode: ALL,
    });
  });

  // Stabelan accepted, Mangkubumi rejected, Kestelan placed by hand in Kestalan (one of its candidates).
  const decisions: JoinDecisions = { fuzzy: { 2: 'accept', 4: 'reject' }, manual: { 3: '33.72.05.1005' }, duplicates: 'sum' };

  it('stores the accepted and hand-placed rows in the app year, without the rejected one or the total 1202', async () => {
    expect(resolveJoin(staged.report, decisions).dropped).toEqual([
      { key: 4, why: 'fuzzy-rejected' },
      { key: 5, why: 'unmatched' },
      { key: 7, why: 'unmatched' },
    ]);
    const ids = await commitIndicators(db, staged, decisions, ['Jumlah KPM']);
    const values = await valuesOf(db, ids['Jumlah KPM']);
    expect(values).toEqual(
      new Map([
        ['33.72.05.1001', 412],
        ['33.72.05.1002', 275],
        ['33.72.05.1003', 187],
        ['33.72.05.1004', 96],
        ['33.72.05.1005', 58],
      ]),
    );
    expect(values.has('33.72.05.1010')).toBe(false);
    expect([...values.values()]).not.toContain(1202);
  });

  it('refuses a hand-chosen code of another city, naming the code and the sheet row', () => {
    let error: unknown;
    try {
      resolveJoin(staged.report, { ...decisions, manual: { 5: '33.74.01.1001' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect([(error as ImportError).key, (error as ImportError).params]).toEqual(['join.error.manualUnknownKode', { kode: '33.74.01.1001', row: 8 }]);
  });
});

describe('surakarta-year-thousands.csv: a year column saved as 2.024 by Indonesian Excel', () => {
  let staged: StagedTable;
  let ids: Record<string, string>;
  beforeAll(async () => {
    staged = await stageTable(db, 'tahun_titik', fixtureFile('pipeline/surakarta-year-thousands.csv'), targets);
    ids = await commitIndicators(db, staged, { fuzzy: {}, manual: {}, duplicates: 'sum' }, ['jumlah_kk']);
  });

  it('takes the column as the year and reads "2.024" as 2024, in the join and in SQL alike', async () => {
    expect(staged.keys.tahun).toBe('tahun');
    expect(staged.joinKeys.map((k) => k.tahun)).toEqual([2024, 2024]);
    expect(staged.report.counts).toEqual({ code: 2, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 52, rows: 2 });
    expect(await fetchYears(db, SURAKARTA, ids.jumlah_kk)).toEqual([2024]);
    expect(await valuesOf(db, ids.jumlah_kk, 2024)).toEqual(
      new Map([
        ['33.72.02.1001', 1480],
        ['33.72.02.1002', 2115],
      ]),
    );
  });
});
