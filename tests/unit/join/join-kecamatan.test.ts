/**
 * Kecamatan first: a row's kecamatan bounds where its kelurahan is looked for. The cases are
 * the real ones of issue 13, on the shipped Surakarta boundaries and on extracts of the
 * national file (tests/fixtures/import/join/national/README.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJoinReport, type JoinKey, type JoinTarget } from '../../../src/data/join';
import { surakarta } from './surakarta-targets';

const NATIONAL = fileURLToPath(new URL('../../fixtures/import/join/national/', import.meta.url));

function nationalTargets(file: string): JoinTarget[] {
  const [, ...lines] = readFileSync(`${NATIONAL}${file}`, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [kode, nama, kecamatan] = line.split(';');
    return { kode, nama, kecamatan };
  });
}

const key = (nama: string | null, kecamatan: string | null, kode: string | null = null): JoinKey => ({
  kode,
  nama,
  kecamatan,
  tahun: null,
  rows: 1,
  firstRow: 2,
});

describe('Surakarta: a name that exists only in another kecamatan', () => {
  const targets = surakarta();

  it('does not join "Kauman" written in Jebres to Kauman of Pasar Kliwon, and names the conflict', () => {
    const report = buildJoinReport([key('Kauman', 'Jebres'), key('Kauman', 'Pasar Kliwon'), key('Kauman', null)], targets);
    expect(report.matched).toEqual([
      { key: 1, kode: '33.72.03.1009', how: 'name', distance: 0 },
      { key: 2, kode: '33.72.03.1009', how: 'name', distance: 0 },
    ]);
    expect(report.unmatched).toEqual([{ key: 0, reason: 'other-kecamatan', candidates: ['33.72.03.1009'] }]);
    // The conflict is never a duplicate of the rows that did join Kauman.
    expect(report.duplicates).toEqual([{ kode: '33.72.03.1009', tahun: null, keys: [1, 2], rows: 2 }]);
  });

  it('recognises the kecamatan by code, by its spelling rules and with one slip in a long name', () => {
    const report = buildJoinReport(
      [key('Kauman', '33.72.04'), key('Kauman', 'Kec. Djebres'), key('Kauman', 'Pasar Kliwoon'), key('Kauman', 'Ps. Kliwon'), key('Kauman', '33.72.03')],
      targets,
    );
    expect(report.unmatched.map((u) => [u.key, u.reason])).toEqual([
      [0, 'other-kecamatan'],
      [1, 'other-kecamatan'],
    ]);
    expect(report.matched.map((m) => [m.key, m.kode])).toEqual([
      [2, '33.72.03.1009'],
      [3, '33.72.03.1009'],
      [4, '33.72.03.1009'],
    ]);
  });

  it('suggests only kelurahan of the written kecamatan, and beside a conflict the nearest one there', () => {
    // "Jebress" is one slip from Jebres (33.72.04.1010); written in Laweyan it has no neighbour there.
    const report = buildJoinReport([key('Jebress', 'Jebres'), key('Jebress', 'Laweyan'), key('Sewu', 'Jebres'), key('Jagalan', 'Serengan')], targets);
    expect(report.matched).toEqual([
      { key: 0, kode: '33.72.04.1010', how: 'fuzzy', distance: 1 },
      { key: 2, kode: '33.72.04.1005', how: 'name', distance: 0 },
    ]);
    expect(report.unmatched).toEqual([
      { key: 1, reason: 'no-name-match', candidates: [] },
      { key: 3, reason: 'other-kecamatan', candidates: ['33.72.04.1007'] },
    ]);
  });

  it('leaves out a row whose kecamatan is not one of the region, never as a fuzzy match or a duplicate', () => {
    const report = buildJoinReport(
      [key('Kauman', 'Semarang Tengah'), key('Kaumen', 'Semarang Tengah'), key('Kauman', '33.74.01'), key('Kauman', '33.72.09'), key('Kauman', 'Pasar Kliwon')],
      targets,
    );
    expect(report.unmatched).toEqual([
      { key: 0, reason: 'outside-region', candidates: [] },
      { key: 1, reason: 'outside-region', candidates: [] },
      { key: 2, reason: 'outside-region', candidates: [] },
      { key: 3, reason: 'outside-region', candidates: [] },
    ]);
    expect(report.matched).toEqual([{ key: 4, kode: '33.72.03.1009', how: 'name', distance: 0 }]);
    expect(report.duplicates).toEqual([]);
  });

  it('falls back to the whole region, and says so, when the kecamatan cannot be checked', () => {
    // A 7-digit BPS kecamatan code cannot be compared with Kemendagri's 6 digits.
    const report = buildJoinReport([key('Kauman', '3372030'), key('Jebres', null)], targets);
    expect(report.matched.map((m) => [m.key, m.kode])).toEqual([
      [0, '33.72.03.1009'],
      [1, '33.72.04.1010'],
    ]);
    expect(report.kecamatanFallback).toEqual([{ key: 0, why: 'unrecognised', kecamatan: [] }]);
  });

  it('falls back when boundaries carry no kecamatan names, rather than calling every row outside', () => {
    const bare = targets.map((t) => ({ ...t, kecamatan: '' }));
    const report = buildJoinReport([key('Kauman', 'Jebres')], bare);
    expect(report.matched).toEqual([{ key: 0, kode: '33.72.03.1009', how: 'name', distance: 0 }]);
    expect(report.kecamatanFallback).toEqual([{ key: 0, why: 'unrecognised', kecamatan: [] }]);
  });

  it('falls back when one slip makes the kecamatan name two of the region', () => {
    const twins: JoinTarget[] = [
      { kode: '99.01.01.2001', nama: 'Sukamaju', kecamatan: 'Cibeber' },
      { kode: '99.01.02.2001', nama: 'Sukamaju', kecamatan: 'Cibebes' },
      { kode: '99.01.03.2001', nama: 'Sukamaju', kecamatan: 'Lain' },
    ];
    const report = buildJoinReport([key('Sukamaju', 'Cibebek')], twins);
    expect(report.unmatched).toEqual([{ key: 0, reason: 'ambiguous-name', candidates: ['99.01.01.2001', '99.01.02.2001'] }]);
    expect(report.kecamatanFallback).toEqual([{ key: 0, why: 'ambiguous', kecamatan: ['Cibeber', 'Cibebes'] }]);
  });
});

describe('Kabupaten Cilacap: BPS and Kemendagri spell two desa of two kecamatan the other way round', () => {
  const targets = nationalTargets('cilacap-nusawungu-patimuan.csv');
  // BPS: Purwodadi in Patimuan, Purwadadi in Nusawungu. Kemendagri: the reverse.
  const report = buildJoinReport([key('PURWODADI', 'PATIMUAN'), key('PURWADADI', 'NUSAWUNGU')], targets);

  it('never joins either row to the desa of the other kecamatan', () => {
    expect(report.matched).toEqual([]);
    for (const miss of report.unmatched) expect(miss.reason).toBe('other-kecamatan');
  });

  it('lists the same name in the other kecamatan and the desa one slip away in its own', () => {
    expect(report.unmatched).toEqual([
      { key: 0, reason: 'other-kecamatan', candidates: ['33.01.05.2009'], near: { candidates: ['33.01.19.2004'], distance: 1 } },
      { key: 1, reason: 'other-kecamatan', candidates: ['33.01.19.2004'], near: { candidates: ['33.01.05.2009'], distance: 1 } },
    ]);
  });

  it('joins each by name when the table spells it as Kemendagri does', () => {
    const right = buildJoinReport([key('Purwadadi', 'Patimuan'), key('Purwodadi', 'Nusawungu')], targets);
    expect(right.matched).toEqual([
      { key: 0, kode: '33.01.19.2004', how: 'name', distance: 0 },
      { key: 1, kode: '33.01.05.2009', how: 'name', distance: 0 },
    ]);
  });
});

describe('Jakarta: scope and abbreviations', () => {
  const targets = nationalTargets('jakarta-four-kecamatan.csv');
  const tanahAbang = targets.filter((t) => t.kecamatan === 'Tanah Abang');

  it('never offers Kebon Kacang of Tanah Abang for "KEBON BAWANG" of Tanjung Priok', () => {
    const all = buildJoinReport([key('KEBON BAWANG', 'TANJUNG PRIOK'), key('KB. BAWANG', 'TJ. PRIOK')], targets);
    expect(all.matched).toEqual([
      { key: 0, kode: '31.72.02.1005', how: 'name', distance: 0 },
      { key: 1, kode: '31.72.02.1005', how: 'name', distance: 0 },
    ]);
    // A region of Tanah Abang alone: Tanjung Priok is outside it (today Kebon Kacang was suggested at distance 2).
    // With Kebon Kacang's own row the old suggestion also made a false duplicate group.
    const pusat = buildJoinReport([key('KEBON BAWANG', 'TANJUNG PRIOK'), key('KEBON KACANG', 'TANAH ABANG')], tanahAbang);
    expect(pusat.matched).toEqual([{ key: 1, kode: '31.71.07.1006', how: 'name', distance: 0 }]);
    expect(pusat.unmatched).toEqual([{ key: 0, reason: 'outside-region', candidates: [] }]);
    expect(pusat.duplicates).toEqual([]);
  });

  it('joins "P. PANGGANG" in "KEP. SERIBU UTR" to Pulau Panggang', () => {
    const report = buildJoinReport([key('P. PANGGANG', 'KEP. SERIBU UTR'), key('Pl. Tidung', 'Kep. Seribu Sel.'), key('P. PANGGANG', 'KEP. SERIBU SLT')], targets);
    expect(report.matched).toEqual([
      { key: 0, kode: '31.01.01.1001', how: 'name', distance: 0 },
      { key: 1, kode: '31.01.02.1002', how: 'name', distance: 0 },
    ]);
    expect(report.unmatched).toEqual([{ key: 2, reason: 'other-kecamatan', candidates: ['31.01.01.1001'] }]);
  });
});
