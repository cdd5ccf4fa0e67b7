import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { catalog } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import { fetchValues, fetchYears, loadIndicators } from '../../../src/data/indicators';
import { gunzip, gzip, type StoredDataset } from '../../../src/data/store';
import { applyStoredDataset, datasetIndicators, dropAppliedDataset, shareableDataset, type HouseholdsMeta, type IndicatorsMeta } from '../../../src/data/dataset-apply';
import { toRows } from '../../../src/data/database';
import { readFileSync } from 'node:fs';

const encode = (text: string) => new TextEncoder().encode(text);
const source = { file: 'x.csv', format: 'csv', sheet: null, headerRow: 1, rowCount: 0, joined: { code: 0, name: 0, fuzzy: 0, manual: 0, unmatched: 0, missing: 0 } };

async function database(): Promise<Database> {
  const db = await openNodeDatabase();
  await loadIndicators(db, readFileSync('data/demo/indikator.csv', 'utf8'), catalog.indicators);
  return db;
}

const values = async (db: Database, indikator: string, measure: 'jumlah' | 'rasio' = 'jumlah', tahun = 2024) =>
  Object.fromEntries([...(await fetchValues(db, { kodeKota: '33.72', tahun, indikator, measure }))].filter(([, v]) => v !== null));

describe('stored datasets replayed into DuckDB', () => {
  it("an indicator table: raw text typed by the user's choices, joined by the stored mapping, duplicates summed", async () => {
    const db = await database();
    const csv = 'nama;nilai;kk\nKel. Semanggi;1.234,5;2.000\nSemanggi;10;0\nPajang;7,25;500\nTidak Ada;99;1\n'
      .replaceAll(';', ',')
      .replaceAll('1.234,5', '"1.234,5"')
      .replaceAll('2.000', '"2.000"')
      .replaceAll('7,25', '"7,25"');
    const meta: IndicatorsMeta = {
      kind: 'indicators',
      source,
      columns: [
        { name: 'nama', type: 'text', numberFormat: null },
        { name: 'nilai', type: 'number', numberFormat: 'id' },
        { name: 'kk', type: 'number', numberFormat: 'id' },
      ],
      keys: { kode: null, nama: 'nama', kecamatan: null, tahun: null },
      year: 2024,
      mapping: [
        { key: [null, 'Kel. Semanggi', null, null], kode: '33.72.03.1002' },
        { key: [null, 'Semanggi', null, null], kode: '33.72.03.1002' },
        { key: [null, 'Pajang', null, null], kode: '33.72.01.1001' },
      ],
      duplicates: 'sum',
      indicators: [
        { column: 'nilai', id: 'dx_nilai', label: 'Nilai', unit: 'unit', direction: 'higher_worse', denominator: 'kk', per: 100 },
        { column: 'kk', id: 'dx_kk', label: 'KK', unit: 'KK', direction: 'neutral', denominator: null, per: 100 },
      ],
    };
    const dataset: StoredDataset = {
      id: 'dx',
      kind: 'indicators',
      name: 'x.csv',
      file: 'x.csv',
      regionKode: '33.72',
      created: '2026-01-01',
      meta,
      payload: await gzip(encode(csv)),
    };
    await applyStoredDataset(db, dataset);
    expect(await values(db, 'dx_nilai')).toEqual({ '33.72.03.1002': 1244.5, '33.72.01.1001': 7.25 });
    expect(await values(db, 'dx_nilai', 'rasio')).toEqual({ '33.72.03.1002': (1244.5 * 100) / 2000, '33.72.01.1001': (7.25 * 100) / 500 });
    expect(await fetchYears(db, '33.72', 'dx_nilai')).toEqual([2024]);
    expect(datasetIndicators(dataset).map((d) => [d.id, d.rate?.denominator ?? null])).toEqual([
      ['dx_nilai', 'dx_kk'],
      ['dx_kk', null],
    ]);
  });

  const households = [
    'kode,id_rt,desil,c_rtlh,c_air',
    ...Array.from({ length: 6 }, (_, i) => `33.72.03.1002,h${i},1,true,${i < 3}`), // Semanggi: 6 households, all RTLH, 3 without water
    ...Array.from({ length: 2 }, (_, i) => `33.72.01.1001,p${i},5,false,false`), // Pajang: 2 households, no deprivation
    ',z0,2,true,true', // not joined
  ].join('\n');
  const householdsMeta: HouseholdsMeta = {
    kind: 'households',
    source,
    year: 2025,
    deprivations: [
      { column: 'c_rtlh', label: 'RTLH', weight: 1 },
      { column: 'c_air', label: 'Tanpa air layak', weight: 1 },
    ],
    k: 0.5,
    suppressBelow: 5,
    personal: ['nik_kepala'],
  };
  const householdDataset = async (): Promise<StoredDataset> => ({
    id: 'rx',
    kind: 'households',
    name: 'rt.csv',
    file: 'rt.csv',
    regionKode: '33.72',
    created: '2026-01-01',
    meta: householdsMeta,
    payload: await gzip(encode(households)),
  });

  it('household records: counts, shares and Alkire-Foster per kelurahan (checked by hand)', async () => {
    const db = await database();
    await applyStoredDataset(db, await householdDataset());
    expect(await values(db, 'rx_rt', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 6, '33.72.01.1001': 2 });
    expect(await values(db, 'rx_d_c_air', 'rasio', 2025)).toEqual({ '33.72.03.1002': 50, '33.72.01.1001': 0 });
    // Semanggi, k = 1/2 with equal weights: every household deprived in RTLH (score 0.5) is poor:
    // H = 1, A = (3 × 1 + 3 × 0.5) / 6 = 0.75, M0 = 0.75. Pajang: nobody poor, M0 = 0.
    expect(await values(db, 'rx_af_m0', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 0.75, '33.72.01.1001': 0 });
    expect(await values(db, 'rx_af_a', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 75, '33.72.01.1001': 0 });
    expect(await values(db, 'rx_af_miskin', 'rasio', 2025)).toEqual({ '33.72.03.1002': 100, '33.72.01.1001': 0 });
    // Contributions: RTLH 0.5 × 1 / 0.75 = 2/3, water 0.5 × 0.5 / 0.75 = 1/3 (as %).
    const rtlh = await values(db, 'rx_af_kontribusi_c_rtlh', 'jumlah', 2025);
    expect(rtlh['33.72.03.1002']).toBeCloseTo(200 / 3, 10);
    const defs = datasetIndicators(await householdDataset());
    expect(defs.find((d) => d.id === 'rx_rt')?.suppressBelow).toBe(5);
    expect(defs.find((d) => d.id === 'rx_af_m0')?.kind).toBe('index');
  });

  it('household records already in DuckDB (an import just made rt_<id>) are aggregated where they lie, the payload left unread and whole', async () => {
    const db = await database();
    await db.registerFileText('rt.csv', households);
    await db.exec("CREATE TABLE rt_rx AS SELECT * FROM read_csv('rt.csv', header = true, types = {'kode': 'VARCHAR', 'id_rt': 'VARCHAR', 'desil': 'INTEGER'})");
    // A payload that is not gzip: read, it would fail.
    const dataset = { ...(await householdDataset()), payload: encode('bukan gzip') };
    await applyStoredDataset(db, dataset, { loaded: true });
    expect(await values(db, 'rx_af_m0', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 0.75, '33.72.01.1001': 0 });
    // Replayed from the store, the gzipped payload is read by DuckDB and the stored bytes stay usable.
    const stored = await householdDataset();
    const other = await database();
    await applyStoredDataset(other, stored);
    await applyStoredDataset(other, stored);
    expect(await values(other, 'rx_af_m0', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 0.75, '33.72.01.1001': 0 });
    expect(new TextDecoder().decode(await gunzip(stored.payload!))).toBe(households);
  });

  it('a cancelled apply stops before the values go in; dropAppliedDataset takes every table of the dataset out', async () => {
    const db = await database();
    const abort = new AbortController();
    abort.abort();
    await expect(applyStoredDataset(db, await householdDataset(), { signal: abort.signal })).rejects.toThrow('Task cancelled');
    expect(await values(db, 'rx_rt', 'jumlah', 2025)).toEqual({});
    await applyStoredDataset(db, await householdDataset());
    expect(await values(db, 'rx_rt', 'jumlah', 2025)).not.toEqual({});
    await dropAppliedDataset(db, 'rx');
    const left = toRows(await db.query("SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE '%rx'"));
    expect(left).toEqual([]);
    expect(await values(db, 'rx_rt', 'jumlah', 2025)).toEqual({});
  });

  it('a workspace file carries household data only as kelurahan figures, with small counts removed', async () => {
    const db = await database();
    const original = await householdDataset();
    await applyStoredDataset(db, original);
    const shared = await shareableDataset(db, original);
    const text = new TextDecoder().decode(await gunzip(shared.payload!));
    expect(text.split('\n')[0]).toBe('kode,kode_kota,tahun,indikator,nilai');
    expect(text).not.toMatch(/\bh0\b|\bp1\b|z0/); // no household id
    // Pajang's 2 households are below 5: removed. Semanggi's 6 stay.
    expect(text).toContain('33.72.03.1002,33.72,2025,rx_rt,6');
    expect(text).toContain('33.72.01.1001,33.72,2025,rx_rt,\n');
    expect(text).toContain('33.72.01.1001,33.72,2025,rx_d_c_air,0'); // zero is not suppressed
    const other = await database();
    await applyStoredDataset(other, shared);
    expect(await values(other, 'rx_rt', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 6 });
    expect(await values(other, 'rx_af_m0', 'jumlah', 2025)).toEqual({ '33.72.03.1002': 0.75, '33.72.01.1001': 0 });
  });
});
