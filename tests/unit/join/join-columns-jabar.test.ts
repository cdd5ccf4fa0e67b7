import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JoinTarget } from '../../../src/data/join';
import { chooseKeyColumns, guessKeyColumns, type KeyColumns } from '../../../src/data/join-columns';
import { sampleTableRows } from '../../../src/data/key-column-sample';
import { describeKeyChoice, evidenceText, keyColumnWarning } from '../../../src/data/key-column-text';
import { jabarTable, jabarTargets } from './jabar-opendata';

const { header, rows, bytes } = jabarTable();
const col = (name: string) => {
  const c = header.indexOf(name);
  if (c < 0) throw new Error(`no column ${name}`);
  return c;
};
const named = (keys: KeyColumns) => Object.fromEntries(Object.entries(keys).map(([role, c]) => [role, c === null ? null : header[c]]));
const distinct = (c: number, rs = rows) => new Set(rs.map((r) => r[c]));

const KEMENDAGRI_CHOICE = {
  kode: 'kemendagri_kode_desa_kelurahan',
  nama: 'kemendagri_nama_desa_kelurahan',
  kecamatan: 'kemendagri_nama_kecamatan',
  tahun: 'tahun',
};

describe('key columns of a Jawa Barat open-data table (BPS and Kemendagri columns side by side)', () => {
  const bandung = jabarTargets('32.04');

  it('takes the Kemendagri code and desa name, a kecamatan name column and tahun', () => {
    // Before the choice was made by evidence, the BPS code and BPS name columns were taken.
    expect(named(guessKeyColumns(header, rows, bandung))).toEqual(KEMENDAGRI_CHOICE);
  });

  it('counts the evidence right', () => {
    const choice = chooseKeyColumns(header, rows, bandung);
    const codes = new Set(bandung.map((t) => t.kode));
    const kodeValues = distinct(col('kemendagri_kode_desa_kelurahan'));
    expect(choice.roles.kode.chosen).toMatchObject({
      what: 'kemendagri-codes',
      of: kodeValues.size,
      matched: [...kodeValues].filter((v) => codes.has(v)).length,
      covers: 280,
      regionSize: 280,
    });
    expect(kodeValues.size).toBe(446);

    // Names compare without case and spaces: Kota Bandung's "MEKAR WANGI" is a name of Kabupaten Bandung ("Mekarwangi").
    const squeeze = (name: string) => name.toUpperCase().replace(/ /g, '');
    const names = new Set(bandung.map((t) => squeeze(t.nama)));
    const nameValues = distinct(col('kemendagri_nama_desa_kelurahan'));
    const squeezedValues = new Set([...nameValues].map(squeeze));
    expect(choice.roles.nama.chosen).toMatchObject({
      what: 'kelurahan-names',
      of: nameValues.size,
      matched: [...nameValues].filter((v) => names.has(squeeze(v))).length,
      covers: bandung.filter((t) => squeezedValues.has(squeeze(t.nama))).length,
    });
    expect(choice.roles.nama.chosen).toMatchObject({ matched: 255, of: 401, covers: 280 });

    const kecamatan = new Set(bandung.map((t) => t.kecamatan.toUpperCase()));
    const kecValues = distinct(col('kemendagri_nama_kecamatan'));
    expect(choice.roles.kecamatan.chosen).toMatchObject({ what: 'kecamatan-names', of: kecValues.size, matched: kecamatan.size, covers: 31, regionSize: 31 });
    expect(choice.roles.tahun.chosen).toMatchObject({ what: 'years', matched: 3, of: 3 });
  });

  it('keeps the BPS columns as runners-up with their own evidence', () => {
    const choice = chooseKeyColumns(header, rows, bandung);
    expect(choice.roles.kode.candidates[1]).toMatchObject({ header: 'bps_kode_desa_kelurahan', what: 'bps-codes', matched: 280, system: 'bps' });
    expect(choice.roles.nama.candidates[1]).toMatchObject({ header: 'bps_nama_desa_kelurahan', system: 'bps' });
  });

  it('finds the region in a provincial table whose first rows are another kab/kota', () => {
    const kotaBandung = jabarTargets('32.73');
    // Kota Bandung starts at row 281: in the preview alone no value is of it (the header is all that speaks).
    expect(chooseKeyColumns(header, rows.slice(0, 50), kotaBandung).roles.kode.chosen).toMatchObject({ matched: 0, headerOnly: true });
    const sample = sampleTableRows({ csv: bytes, preview: rows.slice(0, 50) });
    expect(sample).toEqual(rows);
    expect(named(guessKeyColumns(header, sample, kotaBandung))).toEqual(KEMENDAGRI_CHOICE);
    const choice = chooseKeyColumns(header, sample, kotaBandung);
    expect(choice.roles.kode.chosen).toMatchObject({ matched: 151, of: 446, covers: 151 });
  });

  it('lets evidence beat header words: a BPS name column that names more kelurahan wins', () => {
    const respelled = rows.map((r) => r.map((cell, c) => (c === col('kemendagri_nama_desa_kelurahan') ? `${cell}X` : cell)));
    expect(named(guessKeyColumns(header, respelled, bandung)).nama).toBe('bps_nama_desa_kelurahan');
  });

  it('never takes a kecamatan column for the kelurahan name, even when its header says nothing', () => {
    // 22 of Kabupaten Bandung's 31 kecamatan are also desa names (as in Surakarta).
    const keep = [col('bps_nama_kecamatan'), col('kemendagri_nama_desa_kelurahan'), col('tahun')];
    const blind = ['induk', 'nama', 'periode'];
    const region = rows.filter((r) => r[col('bps_kode_kabupaten_kota')] === '3204').map((r) => keep.map((c) => r[c]));
    expect(guessKeyColumns(blind, region, bandung)).toEqual({ kode: null, nama: 1, kecamatan: 0, tahun: 2 });

    const only = region.map((r) => [r[0], r[2]]);
    const choice = chooseKeyColumns(['induk', 'periode'], only, bandung);
    expect(choice.columns).toEqual({ kode: null, nama: null, kecamatan: 0, tahun: 1 });
    expect(choice.roles.nama.candidates.find((e) => e.header === 'induk')).toMatchObject({ rejected: 'kecamatan-values', kecamatanValues: true });
  });

  it('warns when a hand-picked column would leave kelurahan empty or doubled, and offers the better one', () => {
    const choice = chooseKeyColumns(header, rows, bandung);
    const picked = { ...choice.columns, nama: col('bps_nama_kecamatan') };
    const warning = keyColumnWarning(choice, 'nama', picked);
    expect(warning).toMatchObject({ key: 'keyColumns.warn.kecamatanAsName', better: { header: 'kemendagri_nama_desa_kelurahan' } });
    expect(warning?.params).toMatchObject({ column: 'bps_nama_kecamatan', size: '280' });

    const bpsCode = keyColumnWarning(choice, 'kode', { ...choice.columns, kode: col('bps_kode_desa_kelurahan') });
    expect(bpsCode).toMatchObject({ key: 'keyColumns.warn.bpsCode', better: { header: 'kemendagri_kode_desa_kelurahan' } });

    for (const role of ['kode', 'nama', 'kecamatan', 'tahun'] as const) expect(keyColumnWarning(choice, role, choice.columns)).toBeNull();
  });

  it('prints the evidence in English and Bahasa Indonesia', () => {
    const choice = chooseKeyColumns(header, rows, bandung);
    const nama = choice.roles.nama.chosen!;
    expect(evidenceText(nama, 'nama', 'en')).toBe(`${nama.matched} of ${nama.of} distinct values are kelurahan names of this region; covering 280 of 280 kelurahan`);
    expect(evidenceText(nama, 'nama', 'id')).toBe(`${nama.matched} dari ${nama.of} nilai berbeda adalah nama kelurahan wilayah ini; mencakup 280 dari 280 kelurahan`);
    const en = describeKeyChoice(choice, 'en');
    expect(en).toContain('Kelurahan code: kemendagri_kode_desa_kelurahan (280 of 446 distinct values are Kemendagri codes of this region; covering 280 of 280 kelurahan)');
    expect(en).toContain("  runner-up: bps_kode_desa_kelurahan (280 of 446 distinct values are BPS codes of this region's kab/kota)");
    expect(describeKeyChoice(choice, 'id')).toContain(
      'Kode kelurahan: kemendagri_kode_desa_kelurahan (280 dari 446 nilai berbeda adalah kode Kemendagri wilayah ini; mencakup 280 dari 280 kelurahan)',
    );
  });
});

describe('the year column', () => {
  const bandung = jabarTargets('32.04');
  const region = rows.filter((r) => r[col('bps_kode_kabupaten_kota')] === '3204');
  const pick = [col('kemendagri_kode_desa_kelurahan'), col('jumlah_keluarga_miskin'), col('tahun')];
  const table = region.map((r) => pick.map((c) => r[c]));

  it.each(['TAHUN', 'Tahun', 'tahun_data', 'Tahun Data', 'year', 'periode', 'Periode'])('is found under the header %s', (name) => {
    expect(guessKeyColumns(['kode', 'jumlah', name], table, bandung).tahun).toBe(2);
  });

  it('is found by its values when the header says nothing', () => {
    expect(guessKeyColumns(['kode', 'jumlah', 'x'], table, bandung).tahun).toBe(2);
  });

  it('is not a count column whose values happen to be four digits', () => {
    const counts = table.map((r, i) => [r[0], String(1990 + (i % 100)), r[2]]);
    expect(guessKeyColumns(['kode', 'jumlah', 'tahun'], counts, bandung).tahun).toBe(2);
    expect(guessKeyColumns(['kode', 'jumlah', 'x'], counts, bandung).tahun).toBe(2);
  });
});

describe('key columns of the real Open Data Jabar file (balita gizi buruk, Kabupaten Purwakarta rows)', () => {
  // tests/fixtures/real/jabar-giziburuk-purwakarta: bytes of the portal's export, see its PROVENANCE.md.
  const dir = fileURLToPath(new URL('../../fixtures/real/jabar-giziburuk-purwakarta/', import.meta.url));
  const [realHeader, ...realRows] = readFileSync(`${dir}gizi-buruk-desa-purwakarta.csv`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  const purwakarta = JSON.parse(readFileSync(`${dir}targets-32.14.json`, 'utf8')) as JoinTarget[];
  const at = (name: string) => realHeader.indexOf(name);

  it('takes the Kemendagri columns, from the first 50 rows as from all 549', () => {
    // Before: the BPS code, BPS name and BPS kecamatan from the preview; BPS names from all rows.
    const expected = { kode: at('kemendagri_kode_desa_kelurahan'), nama: at('kemendagri_nama_desa_kelurahan'), kecamatan: at('kemendagri_nama_kecamatan'), tahun: at('tahun') };
    expect(guessKeyColumns(realHeader, realRows.slice(0, 50), purwakarta)).toEqual(expected);
    expect(guessKeyColumns(realHeader, realRows, purwakarta)).toEqual(expected);
  });

  it("says why: 183 Kemendagri codes naming 183 of the 192 kelurahan (Kecamatan Purwakarta's 9 kelurahan have no row)", () => {
    const choice = chooseKeyColumns(realHeader, realRows, purwakarta);
    const codes = new Set(purwakarta.map((t) => t.kode));
    const values = new Set(realRows.map((r) => r[at('kemendagri_kode_desa_kelurahan')]));
    expect([...values].filter((v) => codes.has(v)).length).toBe(183);
    expect(choice.roles.kode.chosen).toMatchObject({ what: 'kemendagri-codes', matched: 183, of: 183, covers: 183, regionSize: 192 });
    expect(choice.roles.kecamatan.chosen).toMatchObject({ what: 'kecamatan-names', matched: 17, of: 17, covers: 17 });
    // The BPS desa codes: 45 read as Kemendagri codes of other desa (PROVENANCE.md), 10 as no code of the region, 128 as BPS codes.
    expect(choice.roles.kode.candidates[1]).toMatchObject({ header: 'bps_kode_desa_kelurahan', what: 'bps-codes', matched: 128, of: 183 });
    expect(describeKeyChoice(choice, 'en')[1]).toBe(
      'Kelurahan code: kemendagri_kode_desa_kelurahan (183 of 183 distinct values are Kemendagri codes of this region; covering 183 of 192 kelurahan)',
    );
  });
});
