import { describe, expect, it } from 'vitest';
import { guessKeyColumns } from '../../../src/data/join';
import { readFixture, surakarta } from './surakarta-targets';

const targets = surakarta();

describe('guessKeyColumns', () => {
  it('finds code, name, kecamatan and year in the messy Surakarta table', () => {
    const [header, ...sample] = readFixture('surakarta-messy.csv');
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: 0, nama: 1, kecamatan: 2, tahun: 3 });
  });

  it('knows BPS codes under a desa header as the code column', () => {
    const [header, ...sample] = readFixture('surakarta-bps.csv');
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: 0, nama: 1, kecamatan: null, tahun: 2 });
  });

  it('does not take a kecamatan column for names, though every Surakarta kecamatan is also a kelurahan', () => {
    const header = ['No', 'Kecamatan', 'Nama Kelurahan', 'Kode Kecamatan', 'Jumlah KK'];
    const sample = [
      ['1', 'Jebres', 'Mojosongo', '33.72.04', '120'],
      ['2', 'Laweyan', 'Pajang', '33.72.01', '98'],
      ['3', 'Serengan', 'Kemlayan', '33.72.02', '40'],
    ];
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: null, nama: 2, kecamatan: 1, tahun: null });
  });

  it('reads "subdistrict" by its values: DKI names the kelurahan so', () => {
    const header = ['district', 'subdistrict', 'year'];
    const sample = [
      ['JEBRES', 'MOJOSONGO', '2024'],
      ['JEBRES', 'JEBRES', '2024'],
      ['LAWEYAN', 'PAJANG', '2024'],
    ];
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: null, nama: 1, kecamatan: 0, tahun: 2 });
  });

  it('does not take 3-digit BPS numbers for the code, whatever the header says', () => {
    const header = ['kdkec', 'namakec', 'kddesa', 'namadesa'];
    const sample = [
      ['010', 'Laweyan', '001', 'Pajang'],
      ['010', 'Laweyan', '002', 'Laweyan'],
      ['040', 'Jebres', '001', 'Mojosongo'],
    ];
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: null, nama: 3, kecamatan: 1, tahun: null });
  });

  it('reads content where headers say nothing, and ignores a row-number column', () => {
    const header = ['id', 'wil', 'x', 'periode'];
    const sample = [
      ['1', '3372041011', 'Mojosongo', '2023'],
      ['2', '33.72.01.1001', 'Kel. Pajang', '2023'],
      ['3', "'3372021007", 'KEMLAYAN', '2024'],
      ['4', '', 'Sukamaju', '2024'],
    ];
    expect(guessKeyColumns(header, sample, targets)).toEqual({ kode: 1, nama: 2, kecamatan: null, tahun: 3 });
  });
});
