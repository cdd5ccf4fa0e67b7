/** Columns named by years found from headers alone (src/data/wide-years.ts). */
import { describe, expect, it } from 'vitest';
import { findYearGroups, yearRange } from '../../../src/data/wide-years';

const numbers = (...names: string[]) => names.map((name) => ({ name, type: 'number' }));

describe('findYearGroups', () => {
  it('groups t_2016 … t_2019 into one indicator over four years', () => {
    const groups = findYearGroups([{ name: 'kode', type: 'text' }, ...numbers('t_2018', 't_2016', 't_2017', 't_2019')]);
    expect(groups).toEqual([
      {
        label: null,
        unit: null,
        columns: [
          { column: 't_2016', tahun: 2016 },
          { column: 't_2017', tahun: 2017 },
          { column: 't_2018', tahun: 2018 },
          { column: 't_2019', tahun: 2019 },
        ],
      },
    ]);
    expect(yearRange(groups[0].columns)).toBe('2016–2019');
  });

  it('reads bare years, "Tahun 2016", "th2020" and "2016 (jiwa)"', () => {
    expect(findYearGroups(numbers('2016', '2017')).map((g) => [g.label, g.columns.length])).toEqual([[null, 2]]);
    expect(findYearGroups(numbers('Tahun 2016', 'tahun 2017', 'Tahun 2018')).map((g) => [g.label, g.columns.map((c) => c.tahun)])).toEqual([[null, [2016, 2017, 2018]]]);
    expect(findYearGroups(numbers('th2020', 'th2021')).map((g) => g.columns.map((c) => c.tahun))).toEqual([[2020, 2021]]);
    expect(findYearGroups(numbers('2016 (jiwa)', '2017 (jiwa)'))).toEqual([
      { label: null, unit: 'jiwa', columns: [{ column: '2016 (jiwa)', tahun: 2016 }, { column: '2017 (jiwa)', tahun: 2017 }] },
    ]);
  });

  it('keeps what the headers share as the label', () => {
    const groups = findYearGroups(numbers('Jumlah Penduduk Miskin Tahun 2019', 'Jumlah Penduduk Miskin Tahun 2020', 'penduduk_2019', 'penduduk_2020'));
    expect(groups.map((g) => g.label)).toEqual(['Jumlah Penduduk Miskin', 'penduduk']);
  });

  it('leaves a lone year column, different stems, text columns and codes alone', () => {
    expect(findYearGroups(numbers('Jumlah 2019'))).toEqual([]);
    expect(findYearGroups(numbers('Jumlah 2019', 'Penduduk 2020'))).toEqual([]);
    expect(findYearGroups([{ name: 'Nama 2019', type: 'text' }, { name: 'Nama 2020', type: 'text' }])).toEqual([]);
    expect(findYearGroups(numbers('3372012016', '3372012017', 'per 1000', 'per 2000'))).toEqual([]);
  });

  it('leaves a total column ("Jumlah") and a differently worded year ("Jumlah 2019") out of the group', () => {
    const groups = findYearGroups(numbers('2016', '2017', '2018', 'Jumlah 2019', 'Jumlah'));
    expect(groups.map((g) => g.columns.map((c) => c.column))).toEqual([['2016', '2017', '2018']]);
  });

  it('refuses years outside 1990–2100, two years in one header and a year written twice', () => {
    expect(findYearGroups(numbers('1980', '1985'))).toEqual([]);
    expect(findYearGroups(numbers('2016-2017', '2017-2018'))).toEqual([]);
    expect(findYearGroups(numbers('t_2016', 'T_2016', 't_2017'))).toEqual([]);
  });
});
