/**
 * A real Satu Data Jakarta kelurahan table as a data-science repository reshaped it (population
 * and density per kelurahan 2024, English headers `year, city, district, subdistrict`; the 65
 * Jakarta Timur rows; tests/fixtures/real/dki-kepadatan-2024) through the app's import pipeline.
 * Names only, spelled as Kemendagri spells them, with one trap: kelurahan Jatinegara lies in
 * kecamatan Cakung, while Jatinegara is also a kecamatan of the same city.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { stageTable, type StagedTable } from '../import-pipeline/pipeline';
import { landedInOtherKecamatan, landedKode, proposedKinds, realFile, realTargets } from './real-fixtures';

const DIR = 'dki-kepadatan-2024';
const FILE = 'dki-kepadatan-kelurahan-2024-jakarta-timur.csv';
const targets = realTargets(DIR, 'targets-31.75.json');

/** [file line, subdistrict, district, kode]: every row, checked by hand against the national file. */
const EXPECTED: [line: number, nama: string, kecamatan: string, kode: string][] = [
  [2, 'CAKUNG BARAT', 'CAKUNG', '31.75.06.1007'],
  [3, 'CAKUNG TIMUR', 'CAKUNG', '31.75.06.1004'],
  [4, 'JATINEGARA', 'CAKUNG', '31.75.06.1001'],
  [5, 'PENGGILINGAN', 'CAKUNG', '31.75.06.1003'],
  [6, 'PULO GEBANG', 'CAKUNG', '31.75.06.1005'],
  [7, 'RAWA TERATE', 'CAKUNG', '31.75.06.1002'],
  [8, 'UJUNG MENTENG', 'CAKUNG', '31.75.06.1006'],
  [9, 'BAMBU APUS', 'CIPAYUNG', '31.75.10.1006'],
  [10, 'CEGER', 'CIPAYUNG', '31.75.10.1008'],
  [11, 'CILANGKAP', 'CIPAYUNG', '31.75.10.1002'],
  [12, 'CIPAYUNG', 'CIPAYUNG', '31.75.10.1001'],
  [13, 'LUBANG BUAYA', 'CIPAYUNG', '31.75.10.1007'],
  [14, 'MUNJUL', 'CIPAYUNG', '31.75.10.1004'],
  [15, 'PONDOK RANGGON', 'CIPAYUNG', '31.75.10.1003'],
  [16, 'SETU', 'CIPAYUNG', '31.75.10.1005'],
  [17, 'CIBUBUR', 'CIRACAS', '31.75.09.1002'],
  [18, 'CIRACAS', 'CIRACAS', '31.75.09.1001'],
  [19, 'KELAPA DUA WETAN', 'CIRACAS', '31.75.09.1003'],
  [20, 'RAMBUTAN', 'CIRACAS', '31.75.09.1005'],
  [21, 'SUSUKAN', 'CIRACAS', '31.75.09.1004'],
  [22, 'DUREN SAWIT', 'DUREN SAWIT', '31.75.07.1001'],
  [23, 'KLENDER', 'DUREN SAWIT', '31.75.07.1003'],
  [24, 'MALAKA JAYA', 'DUREN SAWIT', '31.75.07.1006'],
  [25, 'MALAKA SARI', 'DUREN SAWIT', '31.75.07.1005'],
  [26, 'PONDOK BAMBU', 'DUREN SAWIT', '31.75.07.1002'],
  [27, 'PONDOK KELAPA', 'DUREN SAWIT', '31.75.07.1004'],
  [28, 'PONDOK KOPI', 'DUREN SAWIT', '31.75.07.1007'],
  [29, 'BALI MESTER', 'JATINEGARA', '31.75.03.1003'],
  [30, 'BIDARA CINA', 'JATINEGARA', '31.75.03.1002'],
  [31, 'CIPINANG BESAR SELATAN', 'JATINEGARA', '31.75.03.1007'],
  [32, 'CIPINANG BESAR UTARA', 'JATINEGARA', '31.75.03.1008'],
  [33, 'CIPINANG CEMPEDAK', 'JATINEGARA', '31.75.03.1005'],
  [34, 'CIPINANG MUARA', 'JATINEGARA', '31.75.03.1006'],
  [35, 'KAMPUNG MELAYU', 'JATINEGARA', '31.75.03.1001'],
  [36, 'RAWA BUNGA', 'JATINEGARA', '31.75.03.1004'],
  [37, 'BALEKAMBANG', 'KRAMATJATI', '31.75.04.1005'],
  [38, 'BATU AMPAR', 'KRAMATJATI', '31.75.04.1004'],
  [39, 'CAWANG', 'KRAMATJATI', '31.75.04.1007'],
  [40, 'CILILITAN', 'KRAMATJATI', '31.75.04.1006'],
  [41, 'DUKUH', 'KRAMATJATI', '31.75.04.1003'],
  [42, 'KRAMATJATI', 'KRAMATJATI', '31.75.04.1001'],
  [43, 'TENGAH', 'KRAMATJATI', '31.75.04.1002'],
  [44, 'CIPINANG MELAYU', 'MAKASAR', '31.75.08.1005'],
  [45, 'HALIM PERDANA KUSUMA', 'MAKASAR', '31.75.08.1004'],
  [46, 'KEBON PALA', 'MAKASAR', '31.75.08.1003'],
  [47, 'MAKASAR', 'MAKASAR', '31.75.08.1001'],
  [48, 'PINANGRANTI', 'MAKASAR', '31.75.08.1002'],
  [49, 'KAYU MANIS', 'MATRAMAN', '31.75.01.1003'],
  [50, 'KEBON MANGGIS', 'MATRAMAN', '31.75.01.1005'],
  [51, 'PALMERIAM', 'MATRAMAN', '31.75.01.1004'],
  [52, 'PISANGAN BARU', 'MATRAMAN', '31.75.01.1001'],
  [53, 'UTAN KAYU SELATAN', 'MATRAMAN', '31.75.01.1006'],
  [54, 'UTAN KAYU UTARA', 'MATRAMAN', '31.75.01.1002'],
  [55, 'BARU', 'PASAR REBO', '31.75.05.1002'],
  [56, 'CIJANTUNG', 'PASAR REBO', '31.75.05.1003'],
  [57, 'GEDONG', 'PASAR REBO', '31.75.05.1001'],
  [58, 'KALISARI', 'PASAR REBO', '31.75.05.1004'],
  [59, 'PEKAYON', 'PASAR REBO', '31.75.05.1005'],
  [60, 'CIPINANG', 'PULOGADUNG', '31.75.02.1003'],
  [61, 'JATI', 'PULOGADUNG', '31.75.02.1007'],
  [62, 'JATINEGARA KAUM', 'PULOGADUNG', '31.75.02.1004'],
  [63, 'KAYU PUTIH', 'PULOGADUNG', '31.75.02.1006'],
  [64, 'PISANGAN TIMUR', 'PULOGADUNG', '31.75.02.1002'],
  [65, 'PULO GADUNG', 'PULOGADUNG', '31.75.02.1001'],
  [66, 'RAWAMANGUN', 'PULOGADUNG', '31.75.02.1005'],
];

const USER_KEYS = { kode: null, nama: 'subdistrict', kecamatan: 'district', tahun: 'year' };

/** Every row lands on its hand-checked kode by name, in its own kecamatan, with nothing else in the report. */
function itJoinsEveryRow(get: () => StagedTable): void {
  it('every row lands on its kode by name, none missing, nothing fuzzy or duplicated', () => {
    const staged = get();
    const landed = landedKode(staged.report, staged.joinKeys.length);
    const byLine = new Map(staged.joinKeys.map((k, i) => [k.firstRow, landed[i]]));
    expect(EXPECTED.map(([line, nama]) => [line, nama, byLine.get(line)])).toEqual(EXPECTED.map(([line, nama, , kode]) => [line, nama, kode]));
    expect(staged.report.counts).toEqual({ code: 0, name: 65, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 0, rows: 65 });
  });

  it('no value lands on a kelurahan of another kecamatan (JATINEGARA, CAKUNG stays in Cakung)', () => {
    const staged = get();
    const kecamatanOf = new Map(EXPECTED.map(([line, , kecamatan]) => [line, kecamatan]));
    expect(landedInOtherKecamatan(staged.report, staged.joinKeys, targets, (k) => kecamatanOf.get(k.firstRow)!)).toEqual([]);
  });
}

let guessed: StagedTable;
let chosen: StagedTable;
beforeAll(async () => {
  const db = await openNodeDatabase();
  guessed = await stageTable(db, 'jakarta_timur_2024_guess', realFile(DIR, FILE), targets);
  chosen = await stageTable(db, 'jakarta_timur_2024_user', realFile(DIR, FILE), targets, { keys: USER_KEYS });
}, 120_000);

describe(`${FILE}: English headers, names with kecamatan, one year`, () => {
  it('reads 65 rows; the expected codes are the 65 kelurahan of Jakarta Timur', () => {
    expect([chosen.table.rowCount, chosen.table.delimiter, chosen.table.headerRow]).toEqual([65, ',', 1]);
    expect(EXPECTED.map(([, , , kode]) => kode).sort()).toEqual(targets.map((t) => t.kode));
  });

  describe('with the columns the user chooses (subdistrict, district, year)', () => itJoinsEveryRow(() => chosen));

  it('proposes population as a count', () => {
    expect(proposedKinds(chosen)).toMatchObject({ population: 'count' });
  });
});

describe('issue 13 fixes', () => {
  it('population_density_per_km2 is a rate, never summed into kecamatan or city totals', () => {
    expect(proposedKinds(chosen).population_density_per_km2).toBe('rate');
  });

  it('takes subdistrict as the kelurahan name, district as the kecamatan and year as the year, by evidence', () => {
    expect(guessed.keys).toEqual(USER_KEYS);
  });

  describe('with the guessed columns', () => itJoinsEveryRow(() => guessed));
});
