/**
 * Issue 13, items 4 and 5 through the whole table import (see pipeline.ts): columns named by
 * years become one indicator over years (year picker, trend and change map read them), and a
 * rate column is never summed into a city value. Fixtures: make-units-years.py.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findIndicator, registerIndicators, type IndicatorDef } from '../../../src/data/catalog';
import type { Database } from '../../../src/data/database';
import { applyIndicatorTable, type ImportedIndicator, type KeyColumns } from '../../../src/data/datasets';
import { proposeIndicators, setYearGroup } from '../../../src/data/indicator-choices';
import { meanRollup } from '../../../src/analysis/rollup';
import { fetchCitySummary, fetchRateParts, fetchProfile, fetchTrend, fetchValues, fetchYears } from '../../../src/data/indicators';
import type { JoinDecisions } from '../../../src/data/join';
import { translate } from '../../../src/i18n';
import { datasetIndicators } from '../../../src/data/dataset-apply';
import { cityValueLine } from '../../../src/ui/city-value';
import { commitIndicators, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, SURAKARTA, targetsOf, type StagedTable } from './pipeline';

const targets = targetsOf(surakartaAreas());
const ACCEPT_ALL: JoinDecisions = { fuzzy: {}, manual: {}, duplicates: 'sum' };
const YEARS = [2016, 2017, 2018, 2019];
const LAWEYAN = Array.from({ length: 11 }, (_, i) => `33.72.01.10${String(i + 1).padStart(2, '0')}`);
/** The fixture's value of row `row` in `year` (make-units-years.py). */
const fixtureValue = (row: number, year: number) => 100 + 10 * row + (row + 1) * (year - 2016) ** 2;

let db: Database;
beforeAll(async () => {
  db = await openPipelineDatabase();
}, 120_000);

/** The dialog's starting indicators for a staged table (ImportSession.#setTable). */
function proposal(staged: StagedTable) {
  const keys = new Set(Object.values(staged.keys).filter((k): k is string => k !== null));
  return proposeIndicators({ columns: staged.table.columns, exclude: keys, prefix: staged.id, yearColumn: staged.keys.tahun, fallbackLabel: 'Penduduk miskin' });
}

const values = (indikator: string, tahun: number, measure: 'jumlah' | 'rasio' = 'jumlah') => fetchValues(db, { kodeKota: SURAKARTA, tahun, indikator, measure });

describe.each([
  ['surakarta-wide-t-years.csv', { kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: null }, 0],
  ['surakarta-wide-bare-years.csv', { kode: null, nama: 'Kelurahan', kecamatan: 'Kecamatan', tahun: null }, 0],
  ['surakarta-wide-tahun.csv', { kode: 'Kode', nama: 'Kelurahan', kecamatan: null, tahun: null }, 0.5],
] as [string, KeyColumns, number][])('%s: four year columns are one indicator over 2016–2019', (file, keys, extra) => {
  let staged: StagedTable;
  let indicator: ImportedIndicator;
  beforeAll(async () => {
    staged = await stageTable(db, `lebar_${file.length}${extra ? 'k' : ''}`, fixtureFile(`tables/${file}`), targets, { keys });
    const proposed = proposal(staged);
    expect(proposed.indicators).toHaveLength(1);
    indicator = proposed.indicators[0];
    await commitIndicators(db, staged, ACCEPT_ALL, [indicator]);
  }, 120_000);

  it('offers the group, checked, as one indicator with four years', () => {
    expect(proposal(staged).groups.map((g) => g.columns.map((c) => c.tahun))).toEqual([YEARS]);
    expect(indicator.years?.map((y) => y.tahun)).toEqual(YEARS);
    expect(indicator.label).toBe('Penduduk miskin');
    expect(indicator.kind).toBe('count');
  });

  it('stores (kelurahan, tahun, value): the year picker lists the four years', async () => {
    expect(await fetchYears(db, SURAKARTA, indicator.id)).toEqual(YEARS);
    for (const year of YEARS) {
      const v = await values(indicator.id, year);
      expect([...v.keys()].sort()).toEqual(LAWEYAN);
      expect(LAWEYAN.map((kode) => v.get(kode))).toEqual(LAWEYAN.map((_, row) => fixtureValue(row, year) + extra));
    }
  });

  it('gives the change between two years per kelurahan (the change map: 2019 minus 2016)', async () => {
    const [from, to] = [await values(indicator.id, 2016), await values(indicator.id, 2019)];
    // Kerten (row 8): 180 -> 261; Pajang (row 0): 100 -> 109.
    expect(to.get('33.72.01.1009')! - from.get('33.72.01.1009')!).toBe(81);
    expect(LAWEYAN.map((kode) => to.get(kode)! - from.get(kode)!)).toEqual(LAWEYAN.map((_, row) => 9 * (row + 1)));
  });

  it('draws the kelurahan trend over the four years and the previous year in the profile', async () => {
    const trend = await fetchTrend(db, { kode: '33.72.01.1001', indikator: indicator.id });
    expect(trend.map((p) => [p.tahun, p.kelurahan])).toEqual(YEARS.map((y) => [y, fixtureValue(0, y) + extra]));
    const profile = (await fetchProfile(db, '33.72.01.1002', 2018)).find((e) => e.indikator === indicator.id);
    expect([profile?.jumlah, profile?.jumlahSebelumnya]).toEqual([118 + extra, 112 + extra]);
  });
});

describe('a file with a year column and year-named columns', () => {
  it('lets the year column win: the year columns stay separate indicators, nothing counted twice', () => {
    const columns = ['kode', 'TAHUN', 't_2016', 't_2017'].map((name) => ({ name, type: name === 'kode' ? 'text' : 'number' }));
    const withYear = proposeIndicators({ columns, exclude: new Set(['kode', 'TAHUN']), prefix: 'd', yearColumn: 'TAHUN', fallbackLabel: 'x' });
    expect(withYear.groups).toHaveLength(1);
    expect(withYear.indicators.map((i) => [i.column, i.years])).toEqual([
      ['t_2016', null],
      ['t_2017', null],
    ]);
    const without = proposeIndicators({ columns, exclude: new Set(['kode']), prefix: 'd', yearColumn: null, fallbackLabel: 'x' });
    expect(without.indicators.map((i) => i.years?.length)).toEqual([2]);
    // Unticking the group gives the columns back as indicators of their own.
    expect(setYearGroup(without.indicators, without.groups[0], false, { columns, prefix: 'd', fallbackLabel: 'x' }).map((i) => i.column)).toEqual(['t_2016', 't_2017']);
  });

  it('refuses to store year columns as one indicator beside a year column', async () => {
    const keys = { kode: 'kode', nama: null, kecamatan: null, tahun: 'TAHUN' };
    const indicator: ImportedIndicator = {
      column: 't_2016',
      id: 'd_t',
      label: 't',
      unit: '',
      direction: 'neutral',
      denominator: null,
      per: 100,
      years: [
        { column: 't_2016', tahun: 2016 },
        { column: 't_2017', tahun: 2017 },
      ],
    };
    await expect(applyIndicatorTable(db, { id: 'tahunganda', keys, columns: [], indicators: [indicator], year: null, duplicates: 'sum' })).rejects.toThrow(/year column/);
  });
});

describe('rows of one kelurahan twice, duplicates summed by the user', () => {
  it('sums the count but averages the rate: a rate is never summed', async () => {
    const csv = 'kode;penduduk;persen_miskin\n33.72.01.1001;1000;10\n33.72.01.1001;3000;20\n33.72.01.1002;500;12,5\n';
    const keys: KeyColumns = { kode: 'kode', nama: null, kecamatan: null, tahun: null };
    const staged = await stageTable(db, 'ganda', new File([csv], 'ganda.csv'), targets, { keys });
    const [count, rate] = proposal(staged).indicators;
    expect([count.kind, rate.kind]).toEqual(['count', 'rate']);
    await commitIndicators(db, staged, ACCEPT_ALL, [count, rate]);
    expect((await values(count.id, 2024)).get('33.72.01.1001')).toBe(4000);
    expect((await values(rate.id, 2024)).get('33.72.01.1001')).toBe(15);
    expect((await values(rate.id, 2024)).get('33.72.01.1002')).toBe(12.5);
  }, 60_000);
});

describe('surakarta-stunting.csv: "Balita stunting (%)" is a rate, never summed', () => {
  const keys: KeyColumns = { kode: 'kode', nama: 'kelurahan', kecamatan: 'kecamatan', tahun: null };
  const SERENGAN = ['33.72.02.1001', '33.72.02.1002', '33.72.02.1003', '33.72.02.1004', '33.72.02.1005', '33.72.02.1006', '33.72.02.1007'];
  const PERCENT = [12.38, 9.47, 14.77, 7.04, 15.0, 7.97, 11.77];
  let staged: StagedTable;
  let rate: ImportedIndicator;

  /** Commits the rate as the user described it and returns its catalog entry and city summary. */
  async function commitRate(id: string, change: Partial<ImportedIndicator>) {
    const described = { ...rate, ...change, id: `${id}_stunting` };
    // Each description is its own dataset, so the three cases below do not replace each other.
    const own = await stageTable(db, id, fixtureFile('tables/surakarta-stunting.csv'), targets, { keys });
    await commitIndicators(db, own, ACCEPT_ALL, [described]);
    const meta = { kind: 'indicators', source: { file: 'surakarta-stunting.csv' }, indicators: [described] };
    const [def] = datasetIndicators({ id, kind: 'indicators', name: '', file: '', regionKode: SURAKARTA, created: '', meta } as never);
    registerIndicators(id, [def]);
    const summary = await fetchCitySummary(db, { kodeKota: SURAKARTA, tahun: 2024, indikator: described.id });
    return { def, summary, id: described.id };
  }

  const line = (summary: Awaited<ReturnType<typeof commitRate>>['summary'], def: IndicatorDef, measure: 'jumlah' | 'rasio', lang: 'id' | 'en' = 'id') =>
    cityValueLine(summary, def, measure, { lang, region: 'Kota Surakarta', t: (key, params) => translate(lang, key, params) });

  beforeAll(async () => {
    staged = await stageTable(db, 'stunting', fixtureFile('tables/surakarta-stunting.csv'), targets, { keys });
    rate = proposal(staged).indicators.find((i) => i.column === 'Balita stunting (%)')!;
  }, 120_000);

  it('is proposed as a rate in %, the other columns as counts', () => {
    expect(proposal(staged).indicators.map((i) => [i.column, i.kind, i.unit])).toEqual([
      ['Jumlah penduduk', 'count', ''],
      ['Jumlah balita', 'count', ''],
      ['Balita stunting', 'count', ''],
      ['Balita stunting (%)', 'rate', '%'],
    ]);
  });

  it("has its numerator and denominator proposed from the file's own counts, which reproduce it", () => {
    const keyNames = new Set(Object.values(staged.keys).filter((k): k is string => k !== null));
    const withRows = proposeIndicators({ columns: staged.table.columns, exclude: keyNames, prefix: staged.id, yearColumn: null, fallbackLabel: 'x', rows: staged.table.preview });
    const proposed = withRows.indicators.find((i) => i.column === 'Balita stunting (%)')!;
    expect([proposed.numerator, proposed.denominator, proposed.per]).toEqual(['Balita stunting', 'Jumlah balita', 100]);
    expect(withRows.indicators.filter((i) => i.column !== 'Balita stunting (%)').every((i) => !i.numerator && !i.denominator)).toBe(true);
  });

  it('alone: kelurahan values as in the file, the city value is their mean and says so', async () => {
    const { def, summary, id } = await commitRate('stmean', {});
    const v = await values(id, 2024);
    expect(SERENGAN.map((k) => v.get(k))).toEqual(PERCENT);
    expect(def.kind).toBe('index');
    // 78.40 / 7, not the sum 78.40 that read "971%" before.
    expect(summary.mean?.weighted).toBe(false);
    expect(summary.mean?.value).toBeCloseTo(11.2, 12);
    expect(line(summary, def, 'jumlah')).toBe('Rata-rata nilai kelurahan (bukan angka kota), Kota Surakarta: 11,2%');
    expect(line(summary, def, 'jumlah', 'en')).toBe('Mean of kelurahan values (not a city rate), Kota Surakarta: 11.2%');
    expect(findIndicator(id)?.kind).toBe('index');
    // A plain mean is not drawn as the kecamatan or city line of the trend.
    const [point] = await fetchTrend(db, { kode: '33.72.02.1003', indikator: id });
    expect([point.kelurahan, point.kecamatan, point.kota]).toEqual([14.77, null, null]);
  });

  it('with a population column: the population-weighted mean (hand-computed 640555.68 / 58411)', async () => {
    const { def, summary, id } = await commitRate('stbobot', { weight: 'Jumlah penduduk' });
    expect(summary.mean?.weighted).toBe(true);
    expect(summary.mean?.value).toBeCloseTo(640555.68 / 58411, 12);
    expect(summary.mean?.value).toBeCloseTo(10.966353597781, 10);
    expect(line(summary, def, 'jumlah')).toBe('Seluruh Kota Surakarta: 11% (rata-rata kelurahan tertimbang jumlah penduduk)');
    // The trend's kecamatan and city lines are the same weighted mean (all of Serengan is in the file).
    const [point] = await fetchTrend(db, { kode: '33.72.02.1003', indikator: id });
    expect([point.kelurahan, point.kecamatan, point.kota].map((v) => v?.toFixed(10))).toEqual(['14.77', 640555.68 / 58411, 640555.68 / 58411].map((v) => Number(v).toFixed(10)));
  });

  it("the kecamatan table's means are the SQL's: weighted by population, equal to the city's weighted mean", async () => {
    const { summary, id } = await commitRate('stkec', { weight: 'Jumlah penduduk' });
    const parts = await fetchRateParts(db, { kodeKota: SURAKARTA, tahun: 2024, indikator: id });
    expect(parts.weighted).toBe(true);
    const means = meanRollup(
      parts.kode.map((kode, i) => ({
        group: kode.slice(0, 8),
        value: Number.isFinite(parts.jumlah[i]) ? parts.jumlah[i] : null,
        weight: Number.isFinite(parts.bobot[i]) ? parts.bobot[i] : null,
      })),
      parts.weighted,
    );
    expect(means.total.mean).toBeCloseTo(summary.mean!.value!, 12);
    expect(means.groups.find((g) => g.group === '33.72.02')?.mean).toBeCloseTo(640555.68 / 58411, 10);
  });

  it('with numerator and denominator columns: kelurahan and city rates from the (summed) counts', async () => {
    const { def, summary, id } = await commitRate('stbagi', { numerator: 'Balita stunting', denominator: 'Jumlah balita' });
    expect(def.kind).toBe('count');
    expect(def.rate).toMatchObject({ per: 100, unit: { id: '%' } });
    const v = await values(id, 2024, 'rasio');
    expect(v.get('33.72.02.1001')).toBeCloseTo((51 / 412) * 100, 12);
    // 343 stunted of 3,139 balita in Serengan.
    expect(summary.jumlah).toBe(343);
    expect(summary.rasio).toBeCloseTo((343 / 3139) * 100, 12);
    expect(summary.mean).toBeNull();
    expect(line(summary, def, 'rasio')).toBe('Seluruh Kota Surakarta: 10,9% (343)');
    const trend = await fetchTrend(db, { kode: '33.72.02.1004', indikator: id });
    expect(trend[0].kecamatan).toBeCloseTo((343 / 3139) * 100, 12);
  });
});
