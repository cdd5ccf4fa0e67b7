import { describe, expect, it } from 'vitest';
import { flagPersonalColumns, isPlausibleNik } from '../../../src/data/personal-data';

/** Flags as "column:kind" for compact assertions. */
const kinds = (header: string[], sample: string[][]) => flagPersonalColumns(header, sample).map((f) => `${header[f.column]}:${f.kind}`);

describe('NIK plausibility', () => {
  it('accepts region 11-96 with a real month and a day 01-31 or 41-71', () => {
    expect(isPlausibleNik('3372011505760691')).toBe(true); // 15 May 1976, man
    expect(isPlausibleNik('3372015704768054')).toBe(true); // day 57 = 17 (woman), April 1976
    expect(isPlausibleNik('1101017112990001')).toBe(true); // day 71 = 31, woman
  });
  it('rejects other 16-digit numbers', () => {
    expect(isPlausibleNik('0972011505760691')).toBe(false); // province 09
    expect(isPlausibleNik('9772011505760691')).toBe(false); // province 97
    expect(isPlausibleNik('3372013505760691')).toBe(false); // day 35
    expect(isPlausibleNik('3372017505760691')).toBe(false); // day 75
    expect(isPlausibleNik('3372011513760691')).toBe(false); // month 13
    expect(isPlausibleNik('3300011505760691')).toBe(false); // kab/kota 00
    expect(isPlausibleNik('337201150576069')).toBe(false); // 15 digits
    expect(isPlausibleNik('33.72.01.1001')).toBe(false); // kode wilayah
  });
});

describe('flagPersonalColumns', () => {
  it('flags by column name, including KK, phone and address', () => {
    const header = ['no_kk', 'NIK', 'Nama Kepala Keluarga', 'no_hp', 'alamat', 'desil'];
    const sample = [['3372010101200001', '3372011505760691', 'Budi Santoso', '0812-3456-7890', 'Jl. Slamet Riyadi 1', '2']];
    expect(kinds(header, sample)).toEqual(['no_kk:kk', 'NIK:nik', 'Nama Kepala Keluarga:name', 'no_hp:phone', 'alamat:address']);
    const nik = flagPersonalColumns(header, sample)[1];
    expect(nik).toMatchObject({ evidence: 'households.pii.byHeader', params: { column: 'NIK', matched: 1, checked: 1 } });
  });

  it('flags by content when the column names say nothing', () => {
    const header = ['a', 'b', 'c', 'd', 'e'];
    const sample = [
      ['3372011505760691', 'Budi Santoso', '+62 812 3456 7890', 'Jl. Veteran No. 3 RT 02/RW 05', '12'],
      ['3372015704768054', 'Sri Rahayu', '081234567891', 'Gg. Mawar 7', '3'],
      ['3372041211550002', 'Muhammad Agus Wibowo', '0856 1234 5678', 'RT 01 RW 03 Semanggi', '7'],
    ];
    expect(kinds(header, sample)).toEqual(['a:nik', 'b:name', 'c:phone', 'd:address']);
    expect(flagPersonalColumns(header, sample)[0]).toMatchObject({ evidence: 'households.pii.byContent', params: { matched: 3, checked: 3 } });
  });

  it('never flags region columns, kelurahan names, counts or codes', () => {
    const header = ['kode', 'kode_kelurahan', 'nama_kelurahan', 'kelurahan', 'Kecamatan', 'jumlah_kk', 'kode_bps', 'lokasi'];
    const sample = [
      ['33.72.04.1001', '3372041001', 'Kepatihan Kulon', 'Kepatihan Kulon', 'Jebres', '512', '3372040001', 'Kepatihan Kulon'],
      ['33.72.04.1002', '3372041002', 'Kepatihan Wetan', 'Kepatihan Wetan', 'Jebres', '322', '3372040002', 'Kepatihan Wetan'],
      ['33.72.03.1002', '3372031002', 'Semanggi', 'Semanggi', 'Pasar Kliwon', '2657', '3372030002', 'Semanggi'],
      ['31.71.06.1001', '3171061001', 'Petojo Utara', 'Petojo Utara', 'Gambir', '900', '3171060001', 'Petojo Utara'],
    ];
    expect(kinds(header, sample)).toEqual([]);
  });

  it('does not call a repeated label a name, and needs most cells to match', () => {
    const header = ['status', 'x'];
    const repeated = Array.from({ length: 10 }, (_, i) => [i % 2 ? 'Tidak Aktif' : 'Masih Aktif', i < 7 ? '3372011505760691' : 'kosong']);
    // 'status' repeats two labels; 'x' has 7 of 10 NIK-like cells (< 80 %).
    expect(kinds(header, repeated)).toEqual([]);
  });

  it('ignores empty cells when counting', () => {
    expect(kinds(['p'], [[''], ['3372011505760691'], ['  ']])).toEqual(['p:nik']);
    expect(kinds(['p'], [[''], ['']])).toEqual([]);
  });
});
