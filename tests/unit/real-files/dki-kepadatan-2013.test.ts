/**
 * A real DKI Jakarta kelurahan table (kepadatan penduduk per kelurahan 2013, data.jakarta.go.id
 * as redistributed by DQLab; the first 81 of 267 rows: Kepulauan Seribu, Jakarta Pusat, Jakarta
 * Utara; tests/fixtures/real/dki-kepadatan-2013) through the app's import pipeline, against three
 * regions in turn. No codes: kelurahan and kecamatan names only, with the portal's abbreviations
 * ("P. PANGGANG", "KEP. SERIBU UTR"). Each region must take exactly its own rows, each on the
 * hand-checked kode below, and call every other row outside the region: never a fuzzy match to
 * a look-alike elsewhere ("KEBON BAWANG, TANJUNG PRIOK" is not Kebon Kacang of Tanah Abang).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import type { JoinTarget } from '../../../src/data/join';
import { stageTable, type StagedTable } from '../import-pipeline/pipeline';
import { landedInOtherKecamatan, landedKode, proposedKinds, realFile, realTargets } from './real-fixtures';

const DIR = 'dki-kepadatan-2013';
const FILE = 'dki-kepadatan-kelurahan-2013-excerpt.csv';

/** [file line, NAMA_KELURAHAN, NAMA_KECAMATAN, kode]: every row, checked by hand against the national file. */
const EXPECTED: [line: number, nama: string, kecamatan: string, kode: string][] = [
  [2, 'P. PANGGANG', 'KEP. SERIBU UTR', '31.01.01.1001'], // Pulau Panggang, Kepulauan Seribu Utara
  [3, 'P. KELAPA', 'KEP. SERIBU UTR', '31.01.01.1002'], // Pulau Kelapa, Kepulauan Seribu Utara
  [4, 'P. HARAPAN', 'KEP. SERIBU UTR', '31.01.01.1003'], // Pulau Harapan, Kepulauan Seribu Utara
  [5, 'P. UNTUNG JAWA', 'KEP. SERIBU SLT', '31.01.02.1001'], // Pulau Untung Jawa, Kepulauan Seribu Selatan
  [6, 'P. TIDUNG', 'KEP. SERIBU SLT', '31.01.02.1002'], // Pulau Tidung, Kepulauan Seribu Selatan
  [7, 'P. PARI', 'KEP. SERIBU SLT', '31.01.02.1003'], // Pulau Pari, Kepulauan Seribu Selatan
  [8, 'GAMBIR', 'GAMBIR', '31.71.01.1001'], // Gambir, Gambir
  [9, 'CIDENG', 'GAMBIR', '31.71.01.1002'], // Cideng, Gambir
  [10, 'PETOJO UTARA', 'GAMBIR', '31.71.01.1003'], // Petojo Utara, Gambir
  [11, 'PETOJO SELATAN', 'GAMBIR', '31.71.01.1004'], // Petojo Selatan, Gambir
  [12, 'KEBON KELAPA', 'GAMBIR', '31.71.01.1005'], // Kebon Kelapa, Gambir
  [13, 'DURI PULO', 'GAMBIR', '31.71.01.1006'], // Duri Pulo, Gambir
  [14, 'PASAR BARU', 'SAWAH BESAR', '31.71.02.1001'], // Pasar Baru, Sawah Besar
  [15, 'KARANG ANYAR', 'SAWAH BESAR', '31.71.02.1002'], // Karang Anyar, Sawah Besar
  [16, 'KARTINI', 'SAWAH BESAR', '31.71.02.1003'], // Kartini, Sawah Besar
  [17, 'GUNUNG SAHARI UTARA', 'SAWAH BESAR', '31.71.02.1004'], // Gunung Sahari Utara, Sawah Besar
  [18, 'MANGGA DUA SELATAN', 'SAWAH BESAR', '31.71.02.1005'], // Mangga Dua Selatan, Sawah Besar
  [19, 'KEMAYORAN', 'KEMAYORAN', '31.71.03.1001'], // Kemayoran, Kemayoran
  [20, 'KEBON KOSONG', 'KEMAYORAN', '31.71.03.1002'], // Kebon Kosong, Kemayoran
  [21, 'HARAPAN MULIA', 'KEMAYORAN', '31.71.03.1003'], // Harapan Mulia, Kemayoran
  [22, 'SERDANG', 'KEMAYORAN', '31.71.03.1004'], // Serdang, Kemayoran
  [23, 'GUNUNG SAHARI SELATAN', 'KEMAYORAN', '31.71.03.1005'], // Gunung Sahari Selatan, Kemayoran
  [24, 'CEMPAKA BARU', 'KEMAYORAN', '31.71.03.1006'], // Cempaka Baru, Kemayoran
  [25, 'SUMUR BATU', 'KEMAYORAN', '31.71.03.1007'], // Sumur Batu, Kemayoran
  [26, 'UTAN PANJANG', 'KEMAYORAN', '31.71.03.1008'], // Utan Panjang, Kemayoran
  [27, 'SENEN', 'SENEN', '31.71.04.1001'], // Senen, Senen
  [28, 'KENARI', 'SENEN', '31.71.04.1002'], // Kenari, Senen
  [29, 'PASEBAN', 'SENEN', '31.71.04.1003'], // Paseban, Senen
  [30, 'KRAMAT', 'SENEN', '31.71.04.1004'], // Kramat, Senen
  [31, 'KWITANG', 'SENEN', '31.71.04.1005'], // Kwitang, Senen
  [32, 'BUNGUR', 'SENEN', '31.71.04.1006'], // Bungur, Senen
  [33, 'CEMPAKA PUTIH TIMUR', 'CEMPAKA PUTIH', '31.71.05.1001'], // Cempaka Putih Timur, Cempaka Putih
  [34, 'CEMPAKA PUTIH BARAT', 'CEMPAKA PUTIH', '31.71.05.1002'], // Cempaka Putih Barat, Cempaka Putih
  [35, 'RAWASARI', 'CEMPAKA PUTIH', '31.71.05.1003'], // Rawasari, Cempaka Putih
  [36, 'MENTENG', 'MENTENG', '31.71.06.1001'], // Menteng, Menteng
  [37, 'PEGANGSAAN', 'MENTENG', '31.71.06.1002'], // Pegangsaan, Menteng
  [38, 'CIKINI', 'MENTENG', '31.71.06.1003'], // Cikini, Menteng
  [39, 'GONDANGDIA', 'MENTENG', '31.71.06.1004'], // Gondangdia, Menteng
  [40, 'KEBON SIRIH', 'MENTENG', '31.71.06.1005'], // Kebon Sirih, Menteng
  [41, 'GELORA', 'TANAH ABANG', '31.71.07.1001'], // Gelora, Tanah Abang
  [42, 'BENDUNGAN HILIR', 'TANAH ABANG', '31.71.07.1002'], // Bendungan Hilir, Tanah Abang
  [43, 'KARET TENGSIN', 'TANAH ABANG', '31.71.07.1003'], // Karet Tengsin, Tanah Abang
  [44, 'PETAMBURAN', 'TANAH ABANG', '31.71.07.1004'], // Petamburan, Tanah Abang
  [45, 'KEBON MELATI', 'TANAH ABANG', '31.71.07.1005'], // Kebon Melati, Tanah Abang
  [46, 'KEBON KACANG', 'TANAH ABANG', '31.71.07.1006'], // Kebon Kacang, Tanah Abang
  [47, 'KAMPUNG BALI', 'TANAH ABANG', '31.71.07.1007'], // Kampung Bali, Tanah Abang
  [48, 'JOHAR BARU', 'JOHAR BARU', '31.71.08.1001'], // Johar Baru, Johar Baru
  [49, 'KAMPUNG RAWA', 'JOHAR BARU', '31.71.08.1002'], // Kampung Rawa, Johar Baru
  [50, 'GALUR', 'JOHAR BARU', '31.71.08.1003'], // Galur, Johar Baru
  [51, 'TANAH TINGGI', 'JOHAR BARU', '31.71.08.1004'], // Tanah Tinggi, Johar Baru
  [52, 'PENJARINGAN', 'PENJARINGAN', '31.72.01.1001'], // Penjaringan, Penjaringan
  [53, 'KAMAL MUARA', 'PENJARINGAN', '31.72.01.1002'], // Kamal Muara, Penjaringan
  [54, 'KAPUK MUARA', 'PENJARINGAN', '31.72.01.1003'], // Kapuk Muara, Penjaringan
  [55, 'PEJAGALAN', 'PENJARINGAN', '31.72.01.1004'], // Pejagalan, Penjaringan
  [56, 'PLUIT', 'PENJARINGAN', '31.72.01.1005'], // Pluit, Penjaringan
  [57, 'TANJUNG PRIOK', 'TANJUNG PRIOK', '31.72.02.1001'], // Tanjung Priok, Tanjung Priok
  [58, 'SUNTER JAYA', 'TANJUNG PRIOK', '31.72.02.1002'], // Sunter Jaya, Tanjung Priok
  [59, 'PAPANGGO', 'TANJUNG PRIOK', '31.72.02.1003'], // Papanggo, Tanjung Priok
  [60, 'SUNGAI BAMBU', 'TANJUNG PRIOK', '31.72.02.1004'], // Sungai Bambu, Tanjung Priok
  [61, 'KEBON BAWANG', 'TANJUNG PRIOK', '31.72.02.1005'], // Kebon Bawang, Tanjung Priok
  [62, 'SUNTER AGUNG', 'TANJUNG PRIOK', '31.72.02.1006'], // Sunter Agung, Tanjung Priok
  [63, 'WARAKAS', 'TANJUNG PRIOK', '31.72.02.1007'], // Warakas, Tanjung Priok
  [64, 'KOJA', 'KOJA', '31.72.03.1001'], // Koja, Koja
  [65, 'TUGU UTARA', 'KOJA', '31.72.03.1002'], // Tugu Utara, Koja
  [66, 'LAGOA', 'KOJA', '31.72.03.1003'], // Lagoa, Koja
  [67, 'RAWA BADAK UTARA', 'KOJA', '31.72.03.1004'], // Rawa Badak Utara, Koja
  [68, 'TUGU SELATAN', 'KOJA', '31.72.03.1005'], // Tugu Selatan, Koja
  [69, 'RAWA BADAK SELATAN', 'KOJA', '31.72.03.1006'], // Rawa Badak Selatan, Koja
  [70, 'CILINCING', 'CILINCING', '31.72.04.1001'], // Cilincing, Cilincing
  [71, 'SUKAPURA', 'CILINCING', '31.72.04.1002'], // Sukapura, Cilincing
  [72, 'MARUNDA', 'CILINCING', '31.72.04.1003'], // Marunda, Cilincing
  [73, 'KALI BARU', 'CILINCING', '31.72.04.1004'], // Kalibaru, Cilincing
  [74, 'SEMPER TIMUR', 'CILINCING', '31.72.04.1005'], // Semper Timur, Cilincing
  [75, 'ROROTAN', 'CILINCING', '31.72.04.1006'], // Rorotan, Cilincing
  [76, 'SEMPER BARAT', 'CILINCING', '31.72.04.1007'], // Semper Barat, Cilincing
  [77, 'PADEMANGAN TIMUR', 'PADEMANGAN', '31.72.05.1001'], // Pademangan Timur, Pademangan
  [78, 'PADEMANGAN BARAT', 'PADEMANGAN', '31.72.05.1002'], // Pademangan Barat, Pademangan
  [79, 'ANCOL', 'PADEMANGAN', '31.72.05.1003'], // Ancol, Pademangan
  [80, 'KELAPA GADING TIMUR', 'KELAPA GADING', '31.72.06.1001'], // Kelapa Gading Timur, Kelapa Gading
  [81, 'PEGANGSAAN DUA', 'KELAPA GADING', '31.72.06.1002'], // Pegangsaan Dua, Kelapa Gading
  [82, 'KELAPA GADING BARAT', 'KELAPA GADING', '31.72.06.1003'], // Kelapa Gading Barat, Kelapa Gading
];

/** `abbreviated`: the region's own rows need the abbreviation rules of issue 13 (P., KEP., UTR, SLT). */
const REGIONS: { kode: string; name: string; lines: [number, number]; abbreviated: boolean }[] = [
  { kode: '31.01', name: 'Kabupaten Administrasi Kepulauan Seribu', lines: [2, 7], abbreviated: true },
  { kode: '31.71', name: 'Kota Administrasi Jakarta Pusat', lines: [8, 51], abbreviated: false },
  { kode: '31.72', name: 'Kota Administrasi Jakarta Utara', lines: [52, 82], abbreviated: false },
];

const inRegion = (region: (typeof REGIONS)[number]) => EXPECTED.filter(([line]) => line >= region.lines[0] && line <= region.lines[1]);
const outsideRegion = (region: (typeof REGIONS)[number]) => EXPECTED.filter(([line]) => line < region.lines[0] || line > region.lines[1]);

/** The kecamatan (as the boundaries name it) each row belongs to, from the hand-checked kode. */
function kecamatanByLine(targetsOfAll: JoinTarget[]): Map<number, string> {
  const byKode = new Map(targetsOfAll.map((t) => [t.kode, t.kecamatan]));
  return new Map(EXPECTED.map(([line, , , kode]) => [line, byKode.get(kode)!]));
}

let db: Database;
const staged = new Map<string, StagedTable>();
const allTargets = REGIONS.flatMap((r) => realTargets(DIR, `targets-${r.kode}.json`));
const kecamatanOf = kecamatanByLine(allTargets);

beforeAll(async () => {
  db = await openNodeDatabase();
  for (const region of REGIONS) {
    staged.set(region.kode, await stageTable(db, `dki_${region.kode.replace('.', '_')}`, realFile(DIR, FILE), realTargets(DIR, `targets-${region.kode}.json`)));
  }
}, 120_000);

describe(`${FILE}: DKI Jakarta names only, with the portal's abbreviations`, () => {
  it('reads 81 rows and takes the kelurahan, kecamatan and year columns', () => {
    const s = staged.get('31.01')!;
    expect([s.table.rowCount, s.table.delimiter, s.table.headerRow]).toEqual([81, ',', 1]);
    expect(s.keys).toEqual({ kode: null, nama: 'NAMA_KELURAHAN', kecamatan: 'NAMA_KECAMATAN', tahun: 'TAHUN' });
    expect(s.joinKeys.map((k) => [k.firstRow, k.nama, k.kecamatan, k.tahun])).toEqual(EXPECTED.map(([line, nama, kecamatan]) => [line, nama, kecamatan, 2013]));
  });

  it('expected codes are the targets of their regions, one row each', () => {
    const kode = EXPECTED.map(([, , , k]) => k);
    expect(new Set(kode).size).toBe(81);
    expect([...kode].sort()).toEqual(allTargets.map((t) => t.kode).sort());
  });

  for (const region of REGIONS.filter((r) => !r.abbreviated)) itLandsOwnRows(region);

  it('proposes the area and the 18 population-by-age columns as counts', () => {
    const kinds = proposedKinds(staged.get('31.01')!);
    expect(Object.entries(kinds).filter(([column]) => column !== 'KEPADATANJIWAKM2')).toEqual([
      ['LUAS_WILAYAHKM2', 'count'],
      ...Object.keys(kinds)
        .filter((c) => /Laki|Perempuan/.test(c))
        .map((c) => [c, 'count']),
    ]);
    expect(Object.keys(kinds).filter((c) => /Laki|Perempuan/.test(c))).toHaveLength(18);
  });
});

/** The region's own rows land on their hand-checked kode, and no kelurahan of the region is left without its row. */
function itLandsOwnRows(region: (typeof REGIONS)[number]): void {
  it(`${region.name} (${region.kode}): its own ${inRegion(region).length} rows land on their kode`, () => {
    const s = staged.get(region.kode)!;
    const landed = landedKode(s.report, s.joinKeys.length);
    const byLine = new Map(s.joinKeys.map((k, i) => [k.firstRow, landed[i]]));
    expect(inRegion(region).map(([line, nama]) => [line, nama, byLine.get(line)])).toEqual(inRegion(region).map(([line, nama, , kode]) => [line, nama, kode]));
    expect(s.report.missing).toEqual([]);
  });
}

describe('issue 13 fixes', () => {
  for (const region of REGIONS.filter((r) => r.abbreviated)) itLandsOwnRows(region);

  it('KEPADATANJIWAKM2 (people per km²) is a rate, never summed into kecamatan or city totals', () => {
    expect(proposedKinds(staged.get('31.01')!).KEPADATANJIWAKM2).toBe('rate');
  });

  for (const region of REGIONS) {
    describe(`${region.name} (${region.kode})`, () => {
      it(`the other ${outsideRegion(region).length} rows are outside the region: not joined, not suggested, not duplicates`, () => {
        const s = staged.get(region.kode)!;
        const lineOf = (key: number) => s.joinKeys[key].firstRow;
        const outside = new Set(outsideRegion(region).map(([line]) => line));
        expect(s.report.matched.filter((m) => outside.has(lineOf(m.key))).map((m) => [lineOf(m.key), s.joinKeys[m.key].nama, m.how, m.kode])).toEqual([]);
        expect(s.report.unmatched.map((u) => [lineOf(u.key), u.reason]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
          outsideRegion(region).map(([line]) => [line, 'outside-region']),
        );
        expect(s.report.duplicates).toEqual([]);
      });

      it('join rate: every row of the region by name, nothing fuzzy', () => {
        const n = inRegion(region).length;
        expect(staged.get(region.kode)!.report.counts).toEqual({ code: 0, name: n, fuzzy: 0, unmatched: 81 - n, duplicates: 0, missing: 0, rows: 81 });
      });

      it('no value lands on a kelurahan of another kecamatan', () => {
        const s = staged.get(region.kode)!;
        expect(landedInOtherKecamatan(s.report, s.joinKeys, allTargets, (k) => kecamatanOf.get(k.firstRow)!)).toEqual([]);
      });
    });
  }
});
