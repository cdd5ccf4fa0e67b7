/**
 * Flags columns of an imported table that look like personal data (NIK, KK number, names, phone
 * numbers, addresses), so the app can warn the user, keep those columns out of the map, tooltips
 * and exports, and never show their values. A false alarm costs a click; a miss leaks a person,
 * so the rules lean towards flagging, except for the region columns every table has (kode
 * wilayah, kelurahan names), which must never be flagged.
 *
 * `evidence` is a message key of the households module; `params` fill it. Neither ever carries a
 * cell value.
 */
import type { MessageKey } from '../i18n';

export type PersonalKind = 'nik' | 'kk' | 'name' | 'phone' | 'address';

export interface PersonalColumnFlag {
  /** 0-based column index in `header`. */
  column: number;
  kind: PersonalKind;
  /** Why: a message key (`households.pii.byHeader` or `households.pii.byContent`). */
  evidence: MessageKey;
  /** Parameters of `evidence`: the column name, and for content evidence how many sampled cells matched. */
  params: { column: string; matched: number; checked: number };
}

/** Share of filled sample cells that must match a content rule. */
const CONTENT_SHARE = 0.8;

/** Lower-cased header with separators unified, e.g. "Nama Kepala-Keluarga" -> "nama_kepala_keluarga". */
function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.\-/]+/g, '_');
}

/** Headers of region columns (kode wilayah, kelurahan, kecamatan, ...): never personal. */
const REGION_HEADER = /(^|_)(kode|kd|id)?_?(wilayah|kel|kelurahan|desa|kec|kecamatan|kab|kabupaten|kota|kabkota|prov|provinsi|dusun|bps|kemendagri)(_|$)/;

const HEADER_RULES: { kind: PersonalKind; pattern: RegExp }[] = [
  { kind: 'kk', pattern: /(^|_)(no|nomor|nomer)?_?kk(_|$)|kartu_keluarga/ },
  { kind: 'nik', pattern: /(^|_)(nik|nomor_induk_kependudukan|no_ktp|nomor_ktp|ktp)(_|$)/ },
  { kind: 'phone', pattern: /(^|_)(hp|no_hp|telp|telepon|telpon|phone|ponsel|whatsapp|wa|handphone)(_|$)/ },
  { kind: 'address', pattern: /(^|_)(alamat|jalan|jln|address|rt_rw|rtrw)(_|$)/ },
  { kind: 'name', pattern: /(^|_)(nama|name|nm)(_|$)/ },
];

/** Headers of counts and ratios (jumlah_kk, total_nama, persen_rtlh): aggregates, not persons. */
const COUNT_HEADER = /(^|_)(jumlah|jml|total|banyak|persen|pct|rasio|rata_rata|n)(_|$)/;

/** Plausible NIK or KK: 6-digit region code with province 11-96, then a date DDMMYY (women: day + 40). */
export function isPlausibleNik(value: string): boolean {
  if (!/^\d{16}$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 96) return false;
  if (value.slice(2, 4) === '00' || value.slice(4, 6) === '00') return false;
  const day = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return dayOk && month >= 1 && month <= 12;
}

/** Indonesian mobile number: 08xx, 628xx or +628xx, 10-14 digits in all, spaces, dots and dashes allowed. */
function isPhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^(\+62|62|0)8\d{7,11}$/.test(compact);
}

/** Street addresses: "Jl."/"Jalan"/"Gg." or an RT/RW pair. */
function isAddress(value: string): boolean {
  return /\b(jl|jln|jalan|gg|gang|dusun|kampung|perum|komplek)\b\.?/i.test(value) || /\brt\.?\s*\d{1,3}\s*[/]?\s*rw\.?\s*\d{1,3}\b/i.test(value);
}

/** Words that belong to place names (Kepatihan Kulon, Petojo Utara), not to people. */
const PLACE_WORDS = /\b(utara|selatan|barat|timur|tengah|kulon|wetan|lor|kidul|baru|lama|kota|ilir|ulu|hulu|hilir|pasar|kampung|desa|kelurahan|kecamatan|[ivx]+)\b/i;

/** A person's name: 2-4 capitalised alphabetic words (apostrophes and dots allowed: Ma'ruf, M. Ali). */
function isPersonName(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (PLACE_WORDS.test(value)) return false;
  return words.every((w) => /^[A-Z][A-Za-z'.]*$/.test(w) || /^[A-Z]+$/.test(w));
}

/** Counts the filled cells of column c, and how many pass `test`. */
function countMatches(sample: readonly (readonly string[])[], c: number, test: (v: string) => boolean): { matched: number; checked: number } {
  let matched = 0;
  let checked = 0;
  for (const row of sample) {
    const v = (row[c] ?? '').trim();
    if (v === '') continue;
    checked++;
    if (test(v)) matched++;
  }
  return { matched, checked };
}

/** Number of distinct filled values in column c: names are nearly unique, a repeated label is not a person. */
function distinct(sample: readonly (readonly string[])[], c: number): number {
  const set = new Set<string>();
  for (const row of sample) {
    const v = (row[c] ?? '').trim();
    if (v !== '') set.add(v);
  }
  return set.size;
}

/**
 * Columns that look personal, at most one flag per column (header evidence first, then content).
 * @param header column names as in the file
 * @param sample some rows of the table (e.g. the import preview), as text
 */
export function flagPersonalColumns(header: readonly string[], sample: readonly (readonly string[])[]): PersonalColumnFlag[] {
  const flags: PersonalColumnFlag[] = [];
  header.forEach((raw, c) => {
    const name = normaliseHeader(raw);
    if (REGION_HEADER.test(name) || COUNT_HEADER.test(name)) return;
    const sixteen = countMatches(sample, c, isPlausibleNik);
    const byHeader = HEADER_RULES.find((r) => r.pattern.test(name));
    if (byHeader) {
      const counts = byHeader.kind === 'nik' || byHeader.kind === 'kk' ? sixteen : { matched: 0, checked: 0 };
      flags.push({ column: c, kind: byHeader.kind, evidence: 'households.pii.byHeader', params: { column: raw, ...counts } });
      return;
    }
    const byContent = (kind: PersonalKind, counts: { matched: number; checked: number }): boolean => {
      if (counts.checked === 0 || counts.matched < CONTENT_SHARE * counts.checked) return false;
      flags.push({ column: c, kind, evidence: 'households.pii.byContent', params: { column: raw, ...counts } });
      return true;
    };
    // A 16-digit column without a telling name is taken as NIK: KK numbers share the format, and
    // the NIK is the more common (and more sensitive) of the two.
    if (byContent('nik', sixteen)) return;
    if (byContent('phone', countMatches(sample, c, isPhone))) return;
    if (byContent('address', countMatches(sample, c, isAddress))) return;
    const names = countMatches(sample, c, isPersonName);
    // Names must also be mostly distinct: a column repeating a few labels is a category.
    if (names.checked > 0 && distinct(sample, c) >= 0.5 * names.checked) byContent('name', names);
  });
  return flags;
}
