import { describe, expect, it } from 'vitest';
import { ColumnProfiler } from '../../../../src/data/importers/columns';
import { csvField, CsvWriter } from '../../../../src/data/importers/csv-writer';
import { findHeaderRow, headerNames } from '../../../../src/data/importers/header-row';

function profile(name: string, cells: string[], fallback: 'id' | 'en' = 'id') {
  const p = new ColumnProfiler(name, fallback);
  cells.forEach((c, i) => p.add(c, i + 2));
  return p.finish();
}

describe('ColumnProfiler', () => {
  it('types Indonesian numbers and counts empties as empty', () => {
    const c = profile('luas_ha', ['1.234,5', '0,75', '-', 'n/a', '45', '']);
    expect(c).toMatchObject({ type: 'number', numberFormat: 'id', filled: 3, invalid: 0, firstInvalidRow: null, percent: false });
  });

  it('keeps a number column at 95% and reports the first bad row', () => {
    const cells = Array.from({ length: 40 }, (_, i) => String(i * 3));
    cells[17] = 'belum ada';
    cells[30] = '12abc';
    const c = profile('jumlah', cells);
    expect(c).toMatchObject({ type: 'number', numberFormat: null, filled: 40, invalid: 2, firstInvalidRow: 19 });
  });

  it('falls to text below 95%', () => {
    expect(profile('x', ['1', '2', 'tiga', '4', '5']).type).toBe('text');
  });

  it('marks percent columns', () => {
    expect(profile('persen', ['12,5%', '8%', '10,25%'])).toMatchObject({ type: 'number', numberFormat: 'id', percent: true });
  });

  it('keeps codes as text: kode wilayah, leading zeros, dotted codes, code headers', () => {
    expect(profile('kd_wil', ['3372031001', '3372031002', '3372011001']).type).toBe('text');
    expect(profile('nomor_rt', ['0123', '0456', '789']).type).toBe('text');
    expect(profile('wilayah', ['33.72.03.1002', '33.72.03.1003']).type).toBe('text');
    expect(profile('kode', ['1', '2', '3']).type).toBe('text');
    expect(profile('anggaran', ['1500000000', '250000000', '98000000']).type).toBe('number');
  });

  it('types yes/no words as boolean, but 0/1 only as numbers unless the header asks yes/no', () => {
    expect(profile('rtlh', ['ya', 'tidak', 'Ya', 'tidak ada', 'ada']).type).toBe('boolean');
    expect(profile('jumlah_rtlh', ['0', '1', '1', '0']).type).toBe('number');
    expect(profile('ada_jamban', ['0', '1', '1', '0']).type).toBe('boolean');
  });

  it('uses the fallback convention for ambiguous cells', () => {
    expect(profile('a', ['1.234', '2.500'], 'id').numberFormat).toBe('id');
    expect(profile('a', ['1.234', '2.5'], 'id').numberFormat).toBe('en');
    expect(profile('a', ['1.234', '0.125'], 'en').numberFormat).toBe('en');
  });

  it('keeps up to five distinct examples as written', () => {
    expect(profile('n', ['a', 'b', 'a', 'c', 'd', 'e', 'f']).examples).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('header row', () => {
  const rows = [
    ['Data RTLH Kota Surakarta Tahun 2024', '', '', ''],
    ['', '', '', ''],
    ['Kecamatan: Laweyan', '', '', 'Tahun: 2024'],
    ['kode', 'kelurahan', 'jumlah', 'luas'],
    ['3372011001', 'Pajang', '12', '1,5'],
    ['3372011002', 'Laweyan', '7', '2'],
  ].map((cells, i) => ({ cells, row: i + 1 }));

  it('skips titles, blank rows and short subtitle rows', () => {
    expect(findHeaderRow(rows)).toBe(3);
  });

  it('prefers a row of names to a wide row of numbers', () => {
    const numbersFirst = [
      { cells: ['2024', '1', '2'], row: 1 },
      { cells: ['a', 'b', 'c'], row: 2 },
      { cells: ['1', '2', '3'], row: 3 },
    ];
    expect(findHeaderRow(numbersFirst)).toBe(1);
  });

  it('trims names, names blanks kolom_N and suffixes repeats', () => {
    expect(headerNames(['  kode ', '', 'Jumlah', 'jumlah', 'jumlah_2', 'nama\nkelurahan'], 6)).toEqual(['kode', 'kolom_2', 'Jumlah', 'jumlah_3', 'jumlah_2', 'nama kelurahan']);
  });
});

describe('CsvWriter', () => {
  it('quotes only what RFC 4180 requires and writes UTF-8', () => {
    expect(csvField('1.234,5')).toBe('"1.234,5"');
    expect(csvField('Jalan "Slamet"')).toBe('"Jalan ""Slamet"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('Café – 34°')).toBe('Café – 34°');
    const w = new CsvWriter(4);
    w.writeRow(['kode', 'nama']);
    w.writeRow(['33.72.01.1001', 'Kel. "Pajang", Laweyan']);
    const bytes = w.finish();
    expect(new TextDecoder().decode(bytes)).toBe('kode,nama\n33.72.01.1001,"Kel. ""Pajang"", Laweyan"\n');
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  it('grows past its hint across many flushes', () => {
    const w = new CsvWriter(10);
    for (let i = 0; i < 20000; i++) w.writeRow([String(i), 'é'.repeat(5)]);
    const text = new TextDecoder().decode(w.finish());
    expect(text.split('\n')).toHaveLength(20001);
    expect(text.endsWith('19999,ééééé\n')).toBe(true);
  });
});
