import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../../src/data/catalog';
import { tableCsv, type TableCsvText } from '../../../src/ui/table-csv';

const rate: IndicatorDef = {
  id: 'penduduk_miskin',
  label: { id: 'Penduduk miskin', en: 'Poor population' },
  unit: { id: 'jiwa', en: 'people' },
  theme: 'kemiskinan',
  kind: 'count',
  rate: { denominator: 'penduduk', per: 100, unit: { id: '%', en: '%' } },
  direction: 'higher_worse',
  definition: { id: '', en: '' },
  source: { id: '', en: '' },
};

const text: TableCsvText = {
  kode: 'Kode',
  kelurahan: 'Kelurahan',
  kecamatan: 'Kecamatan',
  value: 'Penduduk miskin (%)',
  rank: 'Peringkat',
  count: 'Penduduk miskin (jiwa)',
  denominator: 'Penduduk (jiwa)',
  filtered: null,
  notes: [['Sumber data', 'Data contoh sintetis untuk peragaan, bukan data resmi.']],
};

const rows = [
  { kode: '33.72.03.1002', kelurahan: 'Semanggi', kecamatan: 'Pasar Kliwon', value: 16.17410857693543, rank: 1, count: 5915, denominator: 36571 },
  { kode: '33.72.01.1001', kelurahan: 'Pajang', kecamatan: 'Laweyan', value: null, rank: null, count: null, denominator: 12000 },
];

const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n');

describe('tableCsv', () => {
  it('rounds a rate to two decimals and puts its count and denominator beside it', () => {
    const out = lines(tableCsv(rows, { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, text }));
    expect(out[0]).toBe('Kode;Kelurahan;Kecamatan;Penduduk miskin (%);Penduduk miskin (jiwa);Penduduk (jiwa);Peringkat');
    expect(out[1]).toBe('33.72.03.1002;Semanggi;Pasar Kliwon;16,17;5915;36571;1');
    expect(out[2]).toBe('33.72.01.1001;Pajang;Laweyan;;;12000;');
    expect(out.join('\n')).not.toMatch(/16,1741/);
  });

  it('writes counts as whole numbers, small household counts as "<N", and no part columns without a rate', () => {
    const counts = [
      { ...rows[0], value: 5915.4 },
      { ...rows[1], value: 3 },
    ];
    const out = lines(tableCsv(counts, { indicator: { ...rate, suppressBelow: 5 }, measure: 'jumlah', lang: 'en', withParts: false, text }));
    expect(out[0]).toBe('Kode,Kelurahan,Kecamatan,Penduduk miskin (%),Peringkat');
    expect(out[1]).toBe('33.72.03.1002,Semanggi,Pasar Kliwon,5915,1');
    expect(out[2]).toBe('33.72.01.1001,Pajang,Laweyan,<5,');
  });

  it('rounds areas and scores to two decimals', () => {
    const area = { ...rate, kind: 'area' as const, rate: null };
    const out = lines(tableCsv([{ ...rows[0], value: 1.23456 }], { indicator: area, measure: 'jumlah', lang: 'id', withParts: false, text }));
    expect(out[1]).toBe('33.72.03.1002;Semanggi;Pasar Kliwon;1,23;1');
  });

  it('says first, in the file, that a search filtered the rows', () => {
    const filtered = "Disaring: 'seman' (1 dari 54 kelurahan)";
    const out = lines(tableCsv([rows[0]], { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, text: { ...text, filtered } }));
    expect(out[0]).toBe(filtered);
    expect(out[1]).toBe('');
    expect(out[2].startsWith('Kode;')).toBe(true);
  });

  it('adds a total row under the rows: a count and the parts of a rate add up, the rate is the rate of the sums', () => {
    const total = 'Jumlah (2 kelurahan)';
    const ofRate = lines(tableCsv(rows, { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, text: { ...text, total } }));
    // Pajang has no count: its 12.000 people are in the column's sum but not in the rate (5915 / 36571 = 16,17 %).
    expect(ofRate[3]).toBe(';Jumlah (2 kelurahan);;16,17;5915;48571');
    expect(ofRate[4]).toBe('');
    const two = [rows[0], { ...rows[1], value: 2.5, count: 300, denominator: 12000 }];
    const ofTwo = lines(tableCsv(two, { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, text: { ...text, total } }));
    expect(ofTwo[3]).toBe(';Jumlah (2 kelurahan);;12,8;6215;48571');
    const ofChange = lines(tableCsv(two, { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, change: true, text: { ...text, total } }));
    expect(ofChange[3]).toBe(';Jumlah (2 kelurahan);;;6215;48571');
    const counts = [
      { ...rows[0], value: 5915 },
      { ...rows[1], value: 85.4 },
    ];
    const ofCount = lines(tableCsv(counts, { indicator: rate, measure: 'jumlah', lang: 'id', withParts: false, text: { ...text, total } }));
    expect(ofCount[3]).toBe(';Jumlah (2 kelurahan);;6000');
  });

  it('writes no total of scores, of a rate without its parts, or of counts with hidden small values', () => {
    const total = 'Jumlah (2 kelurahan)';
    const score = { ...rate, rate: null, unit: { id: 'skor', en: 'score' } };
    const has = (indicator: IndicatorDef, measure: 'jumlah' | 'rasio', withParts: boolean) =>
      tableCsv(rows, { indicator, measure, lang: 'id', withParts, text: { ...text, total } }).includes(total);
    expect(has(score, 'jumlah', false)).toBe(false);
    expect(has(rate, 'rasio', false)).toBe(false);
    expect(has({ ...rate, suppressBelow: 5 }, 'jumlah', false)).toBe(false);
    expect(has(rate, 'jumlah', false)).toBe(true);
  });

  it('ends with the notes in words for officials, not commands', () => {
    const csv = tableCsv(rows, { indicator: rate, measure: 'rasio', lang: 'id', withParts: true, text });
    expect(csv).toContain('Sumber data;Data contoh sintetis untuk peragaan, bukan data resmi.');
    expect(csv).not.toMatch(/npm run|KAWASAN\.md/);
  });
});
