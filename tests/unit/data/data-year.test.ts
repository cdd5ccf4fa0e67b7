import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataYear, type YearPlaces } from '../../../src/data/data-year';
import { readTable } from '../../../src/data/importers/read-table';
import type { ImportedTable } from '../../../src/data/importers/types';

// A fixed calendar year: the tests never depend on the clock.
const NOW = 2026;
const places = (p: Partial<YearPlaces>): YearPlaces => ({ sheet: null, titles: [], file: 'data.xlsx', ...p });
const read = (p: Partial<YearPlaces>) => readDataYear(places(p), NOW);

describe('the data year named by a sheet, title rows or file name', () => {
  it.each([
    ['RTLH 2024', 2024],
    ['2023', 2023],
    ['Data_2022', 2022],
    ['rtlh2021', 2021],
    ['Tahun 2024 (revisi)', 2024],
    ['TW IV-2024', 2024],
  ])('sheet %j names %i', (sheet, year) => {
    const reading = read({ sheet });
    expect(reading.year).toBe(year);
    expect(reading.clues).toEqual([{ place: 'sheet', text: sheet, years: [year] }]);
  });

  it.each([
    ['Data Rumah Tidak Layak Huni Kota Surakarta Tahun 2024', 2024],
    ['Keadaan Januari 2024', 2024],
    ['Posisi 31 Desember 2023', 2023],
    ['REKAPITULASI RTLH PER KELURAHAN SEMESTER II 2025', 2025],
  ])('title %j names %i', (title, year) => {
    expect(read({ titles: [title] })).toEqual({ year, clues: [{ place: 'title', text: title, years: [year] }] });
  });

  it.each([
    ['rtlh_surakarta_2024.xlsx', 2024],
    ['RTLH-Surakarta-2023 (1).csv', 2023],
    ['data kemiskinan 2022 final.xlsx', 2022],
  ])('file name %j names %i', (file, year) => {
    expect(read({ file })).toEqual({ year, clues: [{ place: 'file', text: file, years: [year] }] });
  });

  it('gives the most trusted place as the source when several agree: the sheet, then a title row, then the file name', () => {
    const all = read({ sheet: 'RTLH 2024', titles: ['Data RTLH', 'Tahun 2024'], file: 'rtlh_2024.xlsx' });
    expect(all.year).toBe(2024);
    expect(all.clues.map((c) => [c.place, c.text])).toEqual([
      ['sheet', 'RTLH 2024'],
      ['title', 'Tahun 2024'],
      ['file', 'rtlh_2024.xlsx'],
    ]);
    const titleAndFile = read({ sheet: 'Sheet1', titles: ['Data RTLH Tahun 2024'], file: 'rtlh_2024.xlsx' });
    expect(titleAndFile.clues[0]).toEqual({ place: 'title', text: 'Data RTLH Tahun 2024', years: [2024] });
  });

  it('finds nothing where no year is named', () => {
    expect(read({ sheet: 'Sheet1', titles: ['Data RTLH Kota Surakarta', 'Sumber: Dinas Perkim'], file: 'rtlh.xlsx' })).toEqual({ year: null, clues: [] });
  });
});

describe('numbers that are not years', () => {
  it.each([
    ['a region code', 'RTLH 3372'],
    ['a kelurahan code', 'Kelurahan 3372011001'],
    ['a dotted Kemendagri code', 'Kode 33.72.01.2001'],
    ['a serial number', 'No 2024001'],
    ['a decimal', 'Rasio 1.2024'],
    ['a decimal written with a comma', 'Indeks 2024,5'],
    ['a year too far ahead (a count)', 'Jumlah 2050'],
    ['a year before 2000', 'Sejak 1998'],
    ['a date of printing', 'Dicetak 2025-01-15'],
    ['a date written day first', 'Diunduh 15/01/2025'],
    ['an export stamp', 'export_20250115'],
  ])('%s (%j)', (_, text) => {
    expect(read({ sheet: text, titles: [text], file: `${text}.xlsx` })).toEqual({ year: null, clues: [] });
  });

  it('reads the year beside a date of printing that is not one', () => {
    expect(read({ file: 'rtlh_2024_export_2025-01-15.xlsx' }).year).toBe(2024);
  });

  it('takes the year after this one (a plan) but not two years ahead', () => {
    expect(read({ sheet: 'Rencana 2027' }).year).toBe(2027);
    expect(read({ sheet: 'Rencana 2028' }).year).toBeNull();
  });
});

describe('places that disagree: no guess, every place named', () => {
  it('a sheet and a title naming different years', () => {
    const reading = read({ sheet: '2023', titles: ['Data RTLH Kota Surakarta Tahun 2024'] });
    expect(reading.year).toBeNull();
    expect(reading.clues).toEqual([
      { place: 'sheet', text: '2023', years: [2023] },
      { place: 'title', text: 'Data RTLH Kota Surakarta Tahun 2024', years: [2024] },
    ]);
  });

  it.each([
    ['2020-2024', [2020, 2024]],
    ['2020–2024', [2020, 2024]],
    ['RTLH 2020 s.d. 2024', [2020, 2024]],
    ['TA 2023/2024', [2023, 2024]],
    ['Tahun 2024 dan 2020', [2024, 2020]],
  ])('a range in one place (%j)', (sheet, years) => {
    expect(read({ sheet })).toEqual({ year: null, clues: [{ place: 'sheet', text: sheet, years }] });
  });

  it('a file name against a sheet and a title that agree', () => {
    const reading = read({ sheet: 'RTLH 2024', titles: ['Tahun 2024'], file: 'rtlh_2023.xlsx' });
    expect(reading.year).toBeNull();
    expect(reading.clues.map((c) => c.years)).toEqual([[2024], [2024], [2023]]);
  });

  it('two title rows naming different years', () => {
    expect(read({ titles: ['Data RTLH Tahun 2024', 'Pemutakhiran Maret 2025'] }).year).toBeNull();
  });

  it('the same year twice in one place is one year', () => {
    expect(read({ titles: ['RTLH 2024 (data 2024)'] })).toEqual({ year: 2024, clues: [{ place: 'title', text: 'RTLH 2024 (data 2024)', years: [2024] }] });
  });
});

describe('the quoted text', () => {
  it('keeps a long title short, with its year in view', () => {
    const title = `${'Rekapitulasi Data Rumah Tidak Layak Huni menurut Kecamatan dan Kelurahan di Wilayah '.repeat(2)}Kota Surakarta Tahun 2024 hasil verifikasi lapangan oleh tim teknis kelurahan dan kecamatan`;
    const [clue] = read({ titles: [title] }).clues;
    expect(clue.text.length).toBeLessThanOrEqual(82);
    expect(clue.text).toContain('Tahun 2024');
    expect(clue.text.startsWith('…')).toBe(true);
    expect(clue.text.endsWith('…')).toBe(true);
  });

  it('tidies white space as a cell shows it', () => {
    expect(read({ titles: ['  Data RTLH\n  Tahun   2024 '] }).clues[0].text).toBe('Data RTLH Tahun 2024');
  });
});

describe('real public files (tests/fixtures/real): the year read agrees with their own year column', () => {
  const real = (folder: string, file: string, as = file) => new File([readFileSync(join(__dirname, '../../fixtures/real', folder, file))], as);
  const yearColumn = (t: ImportedTable, name: string) => [...new Set(t.preview.map((row) => row[t.columns.findIndex((c) => c.name === name)]))];

  it('DKI kepadatan 2013, under its published name dkikepadatankelurahan2013.csv: 2013 from the file name, as its TAHUN column says', async () => {
    const t = await readTable(real('dki-kepadatan-2013', 'dki-kepadatan-kelurahan-2013-excerpt.csv', 'dkikepadatankelurahan2013.csv'));
    expect(readDataYear(t, NOW)).toEqual({ year: 2013, clues: [{ place: 'file', text: 'dkikepadatankelurahan2013.csv', years: [2013] }] });
    expect(yearColumn(t, 'TAHUN')).toEqual(['2013']);
  });

  it('DKI kepadatan 2024 (Jakarta Timur): 2024 from the file name, as its year column says', async () => {
    const t = await readTable(real('dki-kepadatan-2024', 'dki-kepadatan-kelurahan-2024-jakarta-timur.csv'));
    expect(readDataYear(t, NOW).year).toBe(2024);
    expect(yearColumn(t, 'year')).toEqual(['2024']);
  });

  it.each([
    ['cilacap-penduduk-desa', 'jml-pddk-desa-cilacap.csv'],
    ['jabar-giziburuk-purwakarta', 'gizi-buruk-desa-purwakarta.csv'],
  ])('%s names no year outside its columns', async (folder, file) => {
    expect(readDataYear(await readTable(real(folder, file)), NOW)).toEqual({ year: null, clues: [] });
  });
});
