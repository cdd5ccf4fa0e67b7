/**
 * A real BPS-style desa table of Kabupaten Cilacap (population per desa 2016-2020 and more, with
 * BPS kecamatan and desa numbers, as a district statistics app keeps it; transcribed from its SQL
 * table to CSV; tests/fixtures/real/cilacap-penduduk-desa) through the app's import pipeline.
 * Names with kecamatan, no Kemendagri code, years in columns (t_2016 ... t_2019, t_2020sm1).
 * Traps: "Purwodadi" of Patimuan and "Purwadadi" of Nusawungu, which Kemendagri spells the other
 * way round (the issue's own example), four older spellings (Pengawaren, Mendala, Penisihan,
 * Tegalrejo) and one name typed with spaces between its letters (B R A N I). Every row's kode was checked by hand (expected-kode.json).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/cli/node-db';
import type { Database } from '../../../src/data/database';
import type { KeyColumns } from '../../../src/data/datasets';
import { findYearGroups } from '../../../src/data/wide-years';
import { ROOT, stageTable, type StagedTable } from '../import-pipeline/pipeline';
import { landedInOtherKecamatan, landedKode, proposedKinds, realFile, realTargets } from './real-fixtures';

const DIR = 'cilacap-penduduk-desa';
const FILE = 'jml-pddk-desa-cilacap.csv';
const targets = realTargets(DIR, 'targets-33.01.json');

/** [file line, namadesa, namakec, kode] for all 284 rows. */
const EXPECTED = JSON.parse(readFileSync(`${ROOT}tests/fixtures/real/${DIR}/expected-kode.json`, 'utf8')) as [number, string, string, string][];
const kodeAt = new Map(EXPECTED.map(([line, , , kode]) => [line, kode]));
const kecamatanAt = new Map(EXPECTED.map(([line, , kecamatan]) => [line, kecamatan]));

/** Rows whose name differs from Kemendagri's; every other row's name is Kemendagri's exactly. */
const SPELLED_OTHERWISE = [65, 163, 208, 219, 272]; // Pengawaren, Mendala, Penisihan, B R A N I, Tegalrejo
/** The swapped pair: [line, the other kecamatan's desa of the same name, the row's own desa]. */
const SWAPPED: [number, string, string][] = [
  [112, '33.01.05.2009', '33.01.19.2004'], // Purwodadi, Patimuan
  [262, '33.01.19.2004', '33.01.05.2009'], // Purwadadi, Nusawungu
];
const USER_KEYS: KeyColumns = { kode: null, nama: 'namadesa', kecamatan: 'namakec', tahun: null };

/** The near names an 'other-kecamatan' conflict offers (read loosely: the field is new with issue 13). */
const nearOf = (u: object) => (u as { near?: { candidates: string[] } }).near?.candidates ?? [];

let db: Database;
let chosen: StagedTable;
let guessed: StagedTable;
beforeAll(async () => {
  db = await openNodeDatabase();
  chosen = await stageTable(db, 'cilacap_user', realFile(DIR, FILE), targets, { keys: USER_KEYS });
  guessed = await stageTable(db, 'cilacap_guess', realFile(DIR, FILE), targets);
}, 120_000);

const byLine = (staged: StagedTable) => {
  const landed = landedKode(staged.report, staged.joinKeys.length);
  return new Map(staged.joinKeys.map((k, i) => [k.firstRow, landed[i]]));
};

describe(`${FILE}: BPS numbers, names with kecamatan, years in columns`, () => {
  it('reads 284 rows; the hand-checked codes are the 284 desa/kelurahan of Kabupaten Cilacap', () => {
    expect([chosen.table.rowCount, chosen.table.delimiter, chosen.table.headerRow]).toEqual([284, ',', 1]);
    expect(EXPECTED.map(([line]) => line)).toEqual(Array.from({ length: 284 }, (_, i) => i + 2));
    expect(EXPECTED.map(([, , , kode]) => kode).sort()).toEqual(targets.map((t) => t.kode));
  });

  it('with the columns the user chooses, the 277 rows spelled as Kemendagri spells them land on their kode by name', () => {
    const landed = byLine(chosen);
    const exact = EXPECTED.filter(([line]) => !SPELLED_OTHERWISE.includes(line) && !SWAPPED.some(([l]) => l === line));
    expect(exact).toHaveLength(277);
    expect(exact.map(([line, nama]) => [line, nama, landed.get(line)])).toEqual(exact.map(([line, nama, , kode]) => [line, nama, kode]));
    const how = new Map(chosen.report.matched.map((m) => [chosen.joinKeys[m.key].firstRow, m.how]));
    expect(exact.filter(([line]) => how.get(line) !== 'name')).toEqual([]);
  });

  it('the five other spellings land on their own desa (a spelling rule or a fuzzy suggestion inside the kecamatan)', () => {
    const landed = byLine(chosen);
    expect(SPELLED_OTHERWISE.map((line) => [line, landed.get(line)])).toEqual(SPELLED_OTHERWISE.map((line) => [line, kodeAt.get(line)]));
  });

  it('t_2016 ... t_2019 are one indicator over years; t_2020sm1 (a semester) stays apart', () => {
    const groups = findYearGroups(chosen.table.columns);
    expect(groups.map((g) => g.columns.map((c) => `${c.column}:${c.tahun}`))).toEqual([['t_2016:2016', 't_2017:2017', 't_2018:2018', 't_2019:2019']]);
  });

  it('proposes the population over 2016-2019 as one count indicator and the area and people counts as counts', () => {
    expect(proposedKinds(chosen)).toMatchObject({ t_2016: 'count [2016,2017,2018,2019]', t_2020sm1: 'count', laki_19: 'count', pr_19: 'count', luas_wil: 'count' });
  });
});

describe('issue 13 fixes', () => {
  describe('with the columns the user chooses', () => {
    it('no value lands on a desa of another kecamatan (Purwodadi of Patimuan is not Purwodadi of Nusawungu)', () => {
      expect(landedInOtherKecamatan(chosen.report, chosen.joinKeys, targets, (k) => kecamatanAt.get(k.firstRow)!)).toEqual([]);
    });

    it('the swapped names land on their own desa or are a conflict offering it, never joined silently', () => {
      const landed = byLine(chosen);
      for (const [line, other, own] of SWAPPED) {
        const key = chosen.joinKeys.findIndex((k) => k.firstRow === line);
        const unmatched = chosen.report.unmatched.find((u) => u.key === key);
        if (landed.get(line) === own) continue;
        expect([line, landed.get(line), unmatched?.reason, unmatched?.candidates, unmatched && nearOf(unmatched)]).toEqual([line, null, 'other-kecamatan', [other], [own]]);
      }
    });

    it('join rate: 284 rows, nothing unmatched but the conflicts, no duplicates', () => {
      const conflicts = chosen.report.unmatched.filter((u) => u.reason === 'other-kecamatan').length;
      expect(chosen.report.unmatched.every((u) => u.reason === 'other-kecamatan')).toBe(true);
      expect(chosen.report.counts.name + chosen.report.counts.fuzzy).toBe(284 - conflicts);
      expect([chosen.report.counts.code, chosen.report.counts.duplicates, chosen.report.counts.missing]).toEqual([0, 0, conflicts]);
    });
  });

  it('a density (jiwa/km²) and a growth rate (laju pertumbuhan, %) are rates, never summed into kecamatan or city totals', () => {
    expect(proposedKinds(chosen)).toMatchObject({ density: 'rate', pertumb: 'rate' });
  });

  describe('key columns chosen by evidence', () => {
    it('takes namadesa and namakec, and neither BPS number as a code', () => {
      expect(guessed.keys).toEqual(USER_KEYS);
    });

    it('the guess joins as the user’s choice does', () => {
      expect(guessed.report.matched).toEqual(chosen.report.matched);
    });
  });
});
