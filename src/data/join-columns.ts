/**
 * Which columns of an imported table hold the kelurahan code, name, kecamatan and year, guessed
 * from the headers and from what the cells hold, so the user only confirms. Headers alone
 * mislead (a "wilayah" column may hold names or codes) and so do contents alone: in Surakarta
 * every kecamatan is also the name of a kelurahan, so a kecamatan column reads as names.
 */
import { looksLikeBps, kabKotaOf, parseKode } from './kode-wilayah';
import type { JoinTarget } from './join';
import { normalizeName } from './place-names';

export interface KeyColumns {
  kode: number | null;
  nama: number | null;
  kecamatan: number | null;
  tahun: number | null;
}

type Role = keyof KeyColumns;

/** Headers squeezed to letters and digits: "Kode_Kel." → "kodekel". */
function compact(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADER: Record<Role, RegExp> = {
  // A bare "id" or "no" is usually a row number, so those need a place word after them.
  kode: /^(kode|kd|code)(wil|wilayah|kel|kelurahan|desa|deskel|desakel|desakelurahan|kelurahandesa|village|kemendagri|permendagri|bps)?(kemendagri|permendagri|bps|wilayah)?$|^(id|no)(wil|wilayah|kel|kelurahan|desa|deskel)$/,
  nama: /^(nama|nm|name)?(kel|kelurahan|desa|deskel|desakelurahan|kelurahandesa|village|wilayah)(nama|name)?$/,
  kecamatan: /^(nama|nm|name|kode|kd)?(kec|kecamatan|district|subdistrict|kapanewon)(nama|name)?$/,
  tahun: /^(tahun|thn|th|year|periode|period)(data)?$/,
};

/** Share (0-1) of the filled cells of column `c` for which `test` holds. */
function share(sample: string[][], c: number, test: (cell: string) => boolean): number {
  let filled = 0;
  let hits = 0;
  for (const row of sample) {
    const cell = (row[c] ?? '').trim();
    if (cell === '') continue;
    filled += 1;
    if (test(cell)) hits += 1;
  }
  return filled === 0 ? 0 : hits / filled;
}

/**
 * The most likely key columns (0-based, or null). Each role scores header (1 when it reads as
 * that role) plus content (the share of sample cells that are a code of the region or a BPS
 * code of it, a target's name, a target's kecamatan, or a year), needs at least 0.5, and
 * takes a column no other role took; roles are filled in the order kode, nama, kecamatan,
 * tahun. A column whose header names the kecamatan is never taken for the kelurahan name.
 */
export function guessKeyColumns(header: string[], sample: string[][], targets: JoinTarget[]): KeyColumns {
  const kodeDigits = new Set(targets.map((t) => t.kode.replace(/\D/g, '')));
  const kabKota = new Set(targets.map((t) => kabKotaOf(t.kode)));
  const names = new Set(targets.map((t) => normalizeName(t.nama)));
  const kecamatan = new Set(targets.map((t) => normalizeName(t.kecamatan, 'kecamatan')));
  const kecamatanDigits = new Set(targets.map((t) => t.kode.replace(/\D/g, '').slice(0, 6)));
  const compacted = header.map(compact);

  const isCode = (cell: string) => {
    const parsed = parseKode(cell);
    if (parsed.kind === 'unreliable-number') return true;
    if (parsed.kind !== 'kode') return false;
    return kodeDigits.has(parsed.digits) || (kabKota.has(kabKotaOf(parsed.digits)) && looksLikeBps(parsed.digits));
  };
  const content: Record<Role, (cell: string) => boolean> = {
    kode: isCode,
    nama: (cell) => names.has(normalizeName(cell)),
    kecamatan: (cell) =>
      kecamatan.has(normalizeName(cell, 'kecamatan')) || kecamatanDigits.has(cell.replace(/[\s.\-'’]/g, '')),
    tahun: (cell) => /^\d{4}$/.test(cell) && Number(cell) >= 1990 && Number(cell) <= 2100,
  };

  const chosen: KeyColumns = { kode: null, nama: null, kecamatan: null, tahun: null };
  const taken = new Set<number>();
  for (const role of ['kode', 'nama', 'kecamatan', 'tahun'] as Role[]) {
    let best = 0.5;
    for (let c = 0; c < header.length; c++) {
      if (taken.has(c)) continue;
      if (role === 'nama' && HEADER.kecamatan.test(compacted[c])) continue;
      if (role === 'kode' && HEADER.kecamatan.test(compacted[c])) continue;
      const score = (HEADER[role].test(compacted[c]) ? 1 : 0) + share(sample, c, content[role]);
      if (score >= best && (chosen[role] === null || score > best)) {
        best = score;
        chosen[role] = c;
      }
    }
    if (chosen[role] !== null) taken.add(chosen[role] as number);
  }
  return chosen;
}
