import { describe, expect, it } from 'vitest';
import { buildJoinReport, type JoinKey } from '../../../src/data/join';
import { csvCell, joinReportCsv, unmatchedReasonText } from '../../../src/data/join-report-csv';
import { surakarta } from '../join/surakarta-targets';

describe('csvCell', () => {
  it('neutralises formulas but keeps plain negative numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+62 811')).toBe("'+62 811");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-1,5')).toBe('-1,5');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});

describe('joinReportCsv', () => {
  const all = surakarta();
  const pick = ['33.72.01.1001', '33.72.01.1002', '33.72.02.1007', '33.72.03.1002'];
  const targets = all.filter((t) => pick.includes(t.kode));
  const key = (firstRow: number, kode: string | null, nama: string | null, kecamatan: string | null, tahun: number | null): JoinKey => ({
    kode,
    nama,
    kecamatan,
    tahun,
    rows: 1,
    firstRow,
  });
  const keys = [
    key(2, '33.72.01.1001', 'Pajang', 'Laweyan', 2024),
    key(3, null, 'Semangi', null, 2024),
    key(4, '3374011001', '=HYPERLINK("http://x";"klik")', null, 2024),
    key(5, null, '-5', null, null),
    key(6, '@SUM(A1)', 'Pajang', null, 2024),
  ];
  const report = buildJoinReport(keys, targets);

  it('is the report the small case should give', () => {
    expect(report.matched).toEqual([
      { key: 0, kode: '33.72.01.1001', how: 'code', distance: 0 },
      { key: 1, kode: '33.72.03.1002', how: 'fuzzy', distance: 1 },
      { key: 4, kode: '33.72.01.1001', how: 'name', distance: 0 },
    ]);
    expect(report.unmatched).toEqual([
      { key: 2, reason: 'other-region', candidates: [] },
      { key: 3, reason: 'no-name-match', candidates: [] },
    ]);
  });

  it('writes a BOM, `;`, CRLF, the Indonesian header and one line per key, then the missing kelurahan', () => {
    const expected =
      '\ufeff' +
      [
        'Baris;Kode (di tabel);Kelurahan (di tabel);Kecamatan (di tabel);Tahun;Hasil;Kode kelurahan;Nama kelurahan;Jarak ejaan;Keterangan',
        '2;33.72.01.1001;Pajang;Laweyan;2024;ganda;33.72.01.1001;Pajang;0;2 baris untuk kelurahan yang sama pada tahun 2024. Jumlahkan, rata-ratakan, atau tolak.',
        '3;;Semangi;;2024;nama mirip (perlu diperiksa);33.72.03.1002;Semanggi;1;"Ejaan ""Semangi"" paling mirip dengan Semanggi (33.72.03.1002), jarak 1. Terima atau tolak usulan ini."',
        `4;3374011001;"'=HYPERLINK(""http://x"";""klik"")";;2024;tidak cocok;;;;Kode 3374011001 milik kabupaten/kota lain (33.74), bukan wilayah yang dipilih. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri.`,
        '5;;-5;;;tidak cocok;;;;"Tidak ada kelurahan bernama ""-5"" di wilayah ini, juga yang ejaannya mirip. Periksa ejaannya atau pilih kelurahan sendiri."',
        "6;'@SUM(A1);Pajang;;2024;ganda;33.72.01.1001;Pajang;0;2 baris untuk kelurahan yang sama pada tahun 2024. Jumlahkan, rata-ratakan, atau tolak.",
        // The note holds a `;`, so it is quoted.
        ';;;;;tidak ada baris;33.72.01.1002;Laweyan;;"Kelurahan ini tidak punya baris di tabel; di peta akan tampil tanpa data."',
        ';;;;;tidak ada baris;33.72.02.1007;Kemlayan;;"Kelurahan ini tidak punya baris di tabel; di peta akan tampil tanpa data."',
      ].join('\r\n') +
      '\r\n';
    expect(joinReportCsv(report, keys, targets, 'id')).toBe(expected);
  });

  it('speaks English when asked, with the same columns', () => {
    const lines = joinReportCsv(report, keys, targets, 'en').split('\r\n');
    expect(lines[0]).toBe('\ufeffRow;Code (in table);Kelurahan (in table);Kecamatan (in table);Year;Result;Kelurahan code;Kelurahan name;Spelling distance;Note');
    expect(lines[2]).toBe(
      '3;;Semangi;;2024;similar name (to check);33.72.03.1002;Semanggi;1;"The spelling ""Semangi"" is closest to Semanggi (33.72.03.1002), distance 1. Accept or reject this suggestion."',
    );
    expect(lines).toHaveLength(1 + keys.length + 2 + 1); // header, keys, missing, final empty after CRLF
  });
});

describe('unmatchedReasonText', () => {
  it('fills the candidates of an ambiguous name with their names and codes', () => {
    const targets = surakarta().filter((t) => t.nama === 'Kauman' || t.nama === 'Mojo');
    const key: JoinKey = { kode: null, nama: 'Kauman', kecamatan: null, tahun: null, rows: 1, firstRow: 9 };
    expect(unmatchedReasonText('id', key, { key: 0, reason: 'ambiguous-name', candidates: ['33.72.03.1009', '33.72.03.1010'] }, targets)).toBe(
      'Nama "Kauman" cocok dengan lebih dari satu kelurahan: Kauman (33.72.03.1009), Mojo (33.72.03.1010). Isi kolom kecamatan atau pilih kelurahan sendiri.',
    );
  });
});

describe('the kecamatan reasons, per row, in both languages', () => {
  const targets = surakarta();
  const key = (firstRow: number, nama: string, kecamatan: string): JoinKey => ({ kode: null, nama, kecamatan, tahun: null, rows: 1, firstRow });
  const keys = [key(2, 'Kauman', 'Jebres'), key(3, 'Kauman', 'Semarang Tengah'), key(4, 'Mojo', '3372030'), key(5, 'Sewu', 'Jebres')];
  const report = buildJoinReport(keys, targets);
  const rows = (lang: 'id' | 'en') => joinReportCsv(report, keys, targets, lang).split('\r\n').slice(1, 5);

  it('names the kecamatan that has the name and the one that was written', () => {
    expect(rows('id')[0]).toBe(
      '2;;Kauman;Jebres;;tidak cocok;;;;"Nama ""Kauman"" ada di Kecamatan Pasar Kliwon: Kauman (33.72.03.1009), bukan di Kecamatan Jebres yang ditulis. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri."',
    );
    expect(rows('en')[0]).toBe(
      '2;;Kauman;Jebres;;unmatched;;;;"The name ""Kauman"" exists in kecamatan Pasar Kliwon: Kauman (33.72.03.1009), not in the kecamatan written (Jebres). This row is left out unless you choose its kelurahan by hand."',
    );
  });

  it("says when the kecamatan is not the region's, and when it could not bound the match", () => {
    expect(rows('id')[1]).toBe(
      '3;;Kauman;Semarang Tengah;;tidak cocok;;;;"Kecamatan ""Semarang Tengah"" bukan kecamatan di wilayah ini. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri."',
    );
    expect(rows('en')[2]).toBe(
      '4;;Mojo;3372030;;matched by name;33.72.03.1010;Mojo;0;"Kecamatan ""3372030"" cannot be checked against these boundaries (not a known kecamatan name or 6-digit code), so the kelurahan name was matched across the whole region."',
    );
    expect(rows('id')[3]).toBe('5;;Sewu;Jebres;;cocok lewat nama;33.72.04.1005;Sewu;0;');
  });

  it('adds the nearest spelling in the written kecamatan beside a conflict', () => {
    const cilacap = [
      { kode: '33.01.05.2009', nama: 'Purwodadi', kecamatan: 'Nusawungu' },
      { kode: '33.01.19.2004', nama: 'Purwadadi', kecamatan: 'Patimuan' },
    ];
    const written = key(7, 'Purwodadi', 'Patimuan');
    const [miss] = buildJoinReport([written], cilacap).unmatched;
    expect(unmatchedReasonText('id', written, miss, cilacap)).toBe(
      'Nama "Purwodadi" ada di Kecamatan Nusawungu: Purwodadi (33.01.05.2009), bukan di Kecamatan Patimuan yang ditulis. Baris ini tidak dipakai kecuali Anda memilih kelurahannya sendiri. Di Kecamatan Patimuan, ejaan paling mirip: Purwadadi (33.01.19.2004), jarak 1.',
    );
  });
});
