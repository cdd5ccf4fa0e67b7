/**
 * The abbreviations of Indonesian place names, as data: one table read by the name
 * normalisation (place-names.ts) and by its tests, so that adding a spelling found in a real
 * file is one line here with its evidence, not a change of code.
 *
 * Two kinds. Administrative prefixes only say what kind of place follows ("Kel. Jebres",
 * "Kab. Adm. Kepulauan Seribu") and are dropped. Word abbreviations stand for a word of the
 * name itself ("P. Panggang" is Pulau Panggang) and are written out. Both apply to a whole
 * token only (with or without its dot), never inside a word: "Selo" and "Timbang" stay.
 *
 * Evidence is from the national desa/kelurahan file (Kepmendagri 300.2.2-2138/2025, see
 * /work/shared/data/national/SOURCES.md), which itself writes some names abbreviated, and from
 * the tables quoted in issue 13. Left out on evidence: "Sp." (in the national file it is
 * "Satuan Permukiman" of transmigration, "SP. Kerta Mulya", not Simpang), "Bt." (Batu or
 * Batang: "Bt. Hari", "Bt. Toru"), "Kt." (Kota or Koto), "Pd." (Padang or Pondok).
 *
 * Measured on the national file (tests/fixtures/import/join/national/measure-collisions.ts):
 * within each of its 7,285 kecamatan, its 83,387 distinct desa/kelurahan names give 83,387
 * distinct normalised forms with this table as without it (203 names change form), and its
 * 7,283 kecamatan names stay as distinct within each kab/kota (17 change form).
 */

/** Which kind of name: each has its own administrative prefixes to drop. */
export type PlaceKind = 'kelurahan' | 'kecamatan' | 'kabkota';

/**
 * Words that only say what kind of place follows, dropped from the start of a name (one after
 * another: "Desa/Kelurahan Mojo", "Kota Adm. Jakarta Utara"). "Kota" is a prefix of kab/kota
 * names only: "Kota Baru" is a kelurahan and "Kota Atambua" a kecamatan.
 */
export const ADMINISTRATIVE_PREFIXES: Readonly<Record<PlaceKind, readonly string[]>> = {
  kelurahan: ['kel', 'kelurahan', 'desa', 'ds', 'kelurahandesa', 'desakelurahan'],
  kecamatan: ['kec', 'kecamatan', 'kapanewon', 'distrik'],
  kabkota: ['kab', 'kabupaten', 'kota', 'kotamadya', 'kodya', 'adm', 'administrasi'],
};

/**
 * Where a word abbreviation may stand: `lead` before another word of two or more letters (a
 * noun that starts a name: "P. Panggang", but not the trailing "P" of "Paya Baro Ranto P" nor
 * the "P.O." of "P.O. Hurlang", Pasar Onan), `trail`
 * after one (a direction: "Seribu Utr", never a first word, so a name starting with "Tim" is
 * left alone).
 */
export type AbbreviationPosition = 'lead' | 'trail';

export interface PlaceAbbreviation {
  /** The abbreviated tokens, lower case, without the dot. */
  forms: readonly string[];
  /** The word written out, lower case. */
  word: string;
  position: AbbreviationPosition;
  /** A real name written this way. */
  evidence: string;
}

export const PLACE_ABBREVIATIONS: readonly PlaceAbbreviation[] = [
  { forms: ['p', 'pl'], word: 'pulau', position: 'lead', evidence: 'P. Panggang (31.01.01.1001 Pulau Panggang); P Berayan Bengkel (Medan)' },
  { forms: ['kep'], word: 'kepulauan', position: 'lead', evidence: 'Kep. Seribu Utr (31.01.01); kecamatan Kep. Masaloka Raya (Bombana)' },
  { forms: ['kp', 'kpg', 'kmp'], word: 'kampung', position: 'lead', evidence: 'Kp. Tempel; Kmp Melayu Brt (national file)' },
  { forms: ['ps', 'psr'], word: 'pasar', position: 'lead', evidence: 'Ps. Kliwon (Surakarta); Psr Siborong Borong (national file)' },
  { forms: ['tg', 'tj', 'tjg'], word: 'tanjung', position: 'lead', evidence: 'Tg. Balai; Tj. Baru Silaiya (national file)' },
  { forms: ['kb'], word: 'kebon', position: 'lead', evidence: 'Kb. Kacang, Kb. Bawang (Jakarta tables)' },
  { forms: ['gn'], word: 'gunung', position: 'lead', evidence: 'Gn. Meraksa Baru; kecamatan Gn. Bintang Awai (national file)' },
  { forms: ['lbk'], word: 'lubuk', position: 'lead', evidence: 'Lbk. Mengkuang (national file)' },
  { forms: ['sei'], word: 'sungai', position: 'lead', evidence: 'Sei Rampah; 179 desa and 146 kecamatan "Sei ..." in the national file, none beside a "Sungai" of the same rest' },
  { forms: ['dsn'], word: 'dusun', position: 'lead', evidence: 'Dsn. Baru P. Tengah (national file)' },
  { forms: ['utr'], word: 'utara', position: 'trail', evidence: 'Kep. Seribu Utr (issue 13)' },
  { forms: ['slt', 'sel'], word: 'selatan', position: 'trail', evidence: 'Kepulauan Seribu Sel (31.01.02 Kepulauan Seribu Selatan)' },
  { forms: ['brt'], word: 'barat', position: 'trail', evidence: 'Kmp Melayu Brt (national file)' },
  { forms: ['tmr', 'tim'], word: 'timur', position: 'trail', evidence: 'Kmp Melayu Tim (national file)' },
  { forms: ['tgh'], word: 'tengah', position: 'trail', evidence: 'Pulau Tgh (Pulau Tengah)' },
];

/** Abbreviated token → its abbreviation, for lookup. */
export const ABBREVIATION_OF: ReadonlyMap<string, PlaceAbbreviation> = new Map(
  PLACE_ABBREVIATIONS.flatMap((a) => a.forms.map((form) => [form, a] as const)),
);
