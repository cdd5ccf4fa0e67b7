/**
 * The table export carries the analysis on the map (issue 18, item 1, "in exports"): the category
 * in the export's language and the profile's statistics of the method (emerging hot spots: tau,
 * trend z and p), for any method of the registry; the table's own columns stay where they were.
 */
import { describe, expect, it } from 'vitest';
import { localMethod, findMethod } from '../../../src/analysis/methods';
import { analysisColumns } from '../../../src/ui/analysis-columns';
import { tableCsv } from '../../../src/ui/table-csv';
import { translate, type MessageKey } from '../../../src/i18n';
import type { Lang, IndicatorDef } from '../../../src/data/catalog';
import type { CategoryMap } from '../../../src/state/cluster-categories';
import type { StatisticArrays } from '../../../src/analysis/methods';

const t = (lang: Lang) => (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const kodes = ['33.72.03.1002', '33.72.01.1001', '33.72.05.1009'];
const f = (...v: number[]) => Float64Array.from(v);
const result: StatisticArrays = {
  n: 3,
  value: f(1, 2, Number.NaN),
  lag: f(Number.NaN, Number.NaN, Number.NaN),
  statistic: f(0.6, -0.2, Number.NaN),
  zScore: f(1.7146, -0.2449, Number.NaN),
  pNormal: f(0.086411, 0.80649, Number.NaN),
  pseudoP: f(Number.NaN, Number.NaN, Number.NaN),
  neighbourCount: Int32Array.from([4, 3, -1]),
};
const emerging = localMethod('emerging');
const code = (id: string) => emerging.categories.find((c) => c.label === `emerging.category.${id}`)!.code;
const categories: CategoryMap = {
  codes: Int8Array.from([code('persistent-hot'), code('none'), -1]),
  rows: emerging.categories.map((c) => ({ index: c.code, label: c.label as MessageKey, color: c.color, count: 1 })),
  cutoff: Number.NaN,
};

describe('analysisColumns', () => {
  it('gives emerging hot spots a category in words and the Mann-Kendall tau, z and p, in Bahasa Indonesia and English', () => {
    const id = analysisColumns({ method: emerging, categories, result, kodes, t: t('id') });
    expect(id.headings).toEqual(['Kategori (Kantong dari tahun ke tahun)', 'Tren: tau Mann-Kendall', 'Tren: skor z', 'Tren: p']);
    expect(id.cells.get(kodes[0])).toEqual(['Titik panas menetap', 0.6, 1.71, 0.0864]);
    expect(id.cells.get(kodes[2])).toEqual(['Tidak ada data', null, null, null]);
    const en = analysisColumns({ method: emerging, categories, result, kodes, t: t('en') });
    expect(en.cells.get(kodes[1])?.[0]).toBe('No pattern');
  });

  it('gives the TKPK quadrants their category alone', () => {
    const quadrant = findMethod('quadrant')!;
    const q: CategoryMap = {
      codes: Int8Array.from([0, 3, -1]),
      rows: quadrant.categories.map((c) => ({ index: c.code, label: c.label as MessageKey, color: c.color, count: 1 })),
      cutoff: Number.NaN,
    };
    const cols = analysisColumns({ method: quadrant, categories: q, result: null, kodes, t: t('id') });
    expect(cols.headings).toHaveLength(1);
    expect(cols.cells.get(kodes[0])).toEqual([translate('id', quadrant.categories[0].label as MessageKey)]);
  });

  it('are written after the rank in the table CSV, the columns before unchanged', () => {
    const indicator = { id: 'x', label: { id: 'X', en: 'X' }, unit: { id: 'jiwa', en: 'people' }, kind: 'count', rate: null } as unknown as IndicatorDef;
    const text = { kode: 'Kode', kelurahan: 'Kelurahan', kecamatan: 'Kecamatan', value: 'X (jiwa)', rank: 'Peringkat', count: '', denominator: '', filtered: null, notes: [] };
    const rows = [{ kode: kodes[0], kelurahan: 'Semanggi', kecamatan: 'Pasar Kliwon', value: 5915, rank: 1 }];
    const analysis = analysisColumns({ method: emerging, categories, result, kodes, t: t('id') });
    const out = tableCsv(rows, { indicator, measure: 'jumlah', lang: 'id', withParts: false, text, analysis })
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(out[0]).toBe('Kode;Kelurahan;Kecamatan;X (jiwa);Peringkat;Kategori (Kantong dari tahun ke tahun);Tren: tau Mann-Kendall;Tren: skor z;Tren: p');
    expect(out[1]).toBe('33.72.03.1002;Semanggi;Pasar Kliwon;5915;1;Titik panas menetap;0,6;1,71;0,0864');
  });
});
