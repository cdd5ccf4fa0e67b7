/**
 * Which columns of an imported table hold the kelurahan code, name, kecamatan and year, chosen
 * by testing every column's distinct values against the region's boundaries, with the evidence
 * for each choice so the user (or the CLI's reader) can judge it. Headers alone mislead (Jawa
 * Barat's open-data tables carry BPS and Kemendagri codes and names of kecamatan and desa side
 * by side) and so do contents alone: in Surakarta every kecamatan is also the name of a
 * kelurahan, so a kecamatan column reads as names. Headers therefore only break ties and
 * rule out kecamatan and kab/kota columns.
 */
import type { JoinTarget } from './join';
import { distinctValues, regionKeysOf, tallyColumn, type ColumnTally, type NameForms, type Tally } from './key-column-evidence';

export interface KeyColumns {
  kode: number | null;
  nama: number | null;
  kecamatan: number | null;
  tahun: number | null;
}

export type KeyRole = keyof KeyColumns;
/** Roles are filled in this order, each from the columns the earlier ones left. */
export const KEY_ROLES: readonly KeyRole[] = ['kode', 'nama', 'kecamatan', 'tahun'];

/** What the matched values of a column are. */
export type EvidenceKind =
  | 'kemendagri-codes'
  | 'bps-codes'
  | 'spoiled-codes'
  | 'kelurahan-names'
  | 'kecamatan-names'
  | 'kecamatan-codes'
  | 'years';

/** Why a column may not take a role whatever its values. */
export type Rejection = 'kecamatan-header' | 'kecamatan-values' | 'region-header';

export interface ColumnEvidence {
  column: number;
  header: string;
  what: EvidenceKind;
  /** Distinct values that are `what` (of this region), out of `of` distinct filled values. */
  matched: number;
  of: number;
  /** Kelurahan (kecamatan, for that role) of the region the matched values name, of `regionSize`. */
  covers: number;
  regionSize: number;
  /** Header word naming the code system: a tie-breaker, Kemendagri first. */
  system: 'kemendagri' | 'bps' | null;
  headerFits: boolean;
  /** The values (or, when none match, the header) make it a candidate. */
  qualifies: boolean;
  /** Chosen by its header although its values do not show it. */
  headerOnly: boolean;
  /** Most of its names are kecamatan names of the region (for the name role). */
  kecamatanValues: boolean;
  rejected: Rejection | null;
}

export interface RoleChoice {
  chosen: ColumnEvidence | null;
  /** Every column's evidence for this role, best first; rejected columns last. */
  candidates: ColumnEvidence[];
}

export interface KeyColumnChoice {
  columns: KeyColumns;
  roles: Record<KeyRole, RoleChoice>;
  /** Rows whose values were tested. */
  rows: number;
  kelurahan: number;
  kecamatan: number;
}

/** Headers squeezed to letters and digits: "Kode_Kel." → "kodekel". */
export function compact(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADER: Record<KeyRole, RegExp> = {
  // A bare "id" or "no" is usually a row number, so those need a place word after them.
  kode: /^(kode|kd|code)(wil|wilayah|kel|kelurahan|desa|deskel|desakel|desakelurahan|kelurahandesa|village)?(wilayah)?$|^(id|no)(wil|wilayah|kel|kelurahan|desa|deskel)$/,
  nama: /^(nama|nm|name)?(kel|kelurahan|desa|deskel|desakelurahan|kelurahandesa|village|wilayah)(nama|name)?$/,
  // "subdistrict" is left out: DKI's tables call the kelurahan so, BPS's English the kecamatan.
  kecamatan: /^(nama|nm|name|kode|kd)?(kec|kecamatan|district|kapanewon)(nama|name)?$/,
  tahun: /^(tahun|thn|th|year|periode|period)(data|anggaran|laporan)?$/,
};
const KEMENDAGRI_WORD = /kemendagri|permendagri|kemdagri|dagri/;
const BPS_WORD = /bps/;

interface HeaderInfo {
  /** Without the code-system words: "kemendagri_kode_desa_kelurahan" → "kodedesakelurahan". */
  bare: string;
  system: 'kemendagri' | 'bps' | null;
  kecamatan: boolean;
  region: boolean;
}

function headerInfo(header: string): HeaderInfo {
  const c = compact(header);
  const bare = c.replace(new RegExp(KEMENDAGRI_WORD, 'g'), '').replace(new RegExp(BPS_WORD, 'g'), '');
  return {
    bare,
    system: KEMENDAGRI_WORD.test(c) ? 'kemendagri' : BPS_WORD.test(c) ? 'bps' : null,
    kecamatan: HEADER.kecamatan.test(bare) || (/kecamatan|kapanewon/.test(c) && !/kelurahan|desa|village/.test(c)),
    region: /kabupaten|kabkota|provinsi|propinsi|regency|province/.test(c),
  };
}

/** The kinds of evidence each role reads, strongest first. */
const KINDS: Record<KeyRole, readonly EvidenceKind[]> = {
  kode: ['kemendagri-codes', 'bps-codes', 'spoiled-codes'],
  nama: ['kelurahan-names'],
  kecamatan: ['kecamatan-names', 'kecamatan-codes'],
  tahun: ['years'],
};

function tallyOf(tally: ColumnTally, kind: EvidenceKind): Tally {
  switch (kind) {
    case 'kemendagri-codes':
      return tally.kemendagri;
    case 'bps-codes':
      return tally.bps;
    case 'spoiled-codes':
      return tally.spoiled;
    case 'kelurahan-names':
      return tally.kelurahanNames;
    case 'kecamatan-names':
      return tally.kecamatanNames;
    case 'kecamatan-codes':
      return tally.kecamatanCodes;
    case 'years':
      return tally.years;
  }
}

/**
 * Whether the values alone make a column fit: half of its distinct values are of the kind, or
 * they name half of the region (a provincial table has most of its desa outside the region).
 * Years must be nearly all years and few, so that a count column is not taken for them.
 */
function contentFits(kind: EvidenceKind, t: Tally, of: number, regionSize: number): boolean {
  if (t.matched === 0) return false;
  if (kind === 'years') return t.matched / of >= 0.9 && of <= 60;
  return t.matched / of >= 0.5 || (regionSize > 0 && t.covers >= 0.5 * regionSize);
}

interface Ranked {
  evidence: ColumnEvidence;
  tier: number;
}

function evidenceFor(role: KeyRole, column: number, header: string, info: HeaderInfo, tally: ColumnTally, sizes: { kelurahan: number; kecamatan: number }): Ranked {
  const regionSize = role === 'kecamatan' ? sizes.kecamatan : role === 'tahun' ? 0 : sizes.kelurahan;
  const headerFits = HEADER[role].test(info.bare);
  const kinds = KINDS[role];
  let tier = kinds.findIndex((k) => contentFits(k, tallyOf(tally, k), tally.of, regionSize));
  const what = tier >= 0 ? kinds[tier] : kinds.reduce((best, k) => (tallyOf(tally, k).matched > tallyOf(tally, best).matched ? k : best), kinds[0]);
  if (role === 'tahun' && tier < 0 && headerFits && tally.years.matched > 0) tier = 0;
  // A header alone may name a code column of another region, not one of 3-digit BPS numbers.
  const shapeFits = role === 'kode' ? tally.codeLike >= 0.5 * tally.of : role === 'tahun' || tally.textLike >= 0.5 * tally.of;
  const headerOnly = tier < 0 && headerFits && shapeFits;
  if (tier < 0) tier = headerOnly ? kinds.length : kinds.length + 1;
  const t = tallyOf(tally, what);
  const kecamatanValues = tally.kecamatanNames.matched > 0 && tally.kecamatanNames.matched >= tally.onlyKelurahanNames;
  let rejected: Rejection | null = null;
  if (role !== 'tahun' && info.region) rejected = 'region-header';
  else if ((role === 'kode' || role === 'nama') && info.kecamatan) rejected = 'kecamatan-header';
  else if (role === 'nama' && kecamatanValues && (!headerFits || tally.of <= sizes.kecamatan)) rejected = 'kecamatan-values';
  return {
    tier,
    evidence: {
      column,
      header,
      what,
      matched: t.matched,
      of: tally.of,
      covers: t.covers,
      regionSize,
      system: info.system,
      headerFits,
      qualifies: tier <= kinds.length,
      headerOnly,
      kecamatanValues: role === 'nama' && kecamatanValues,
      rejected,
    },
  };
}

const SYSTEM_RANK = { kemendagri: 0, null: 1, bps: 2 } as const;

/**
 * Orders one role's columns, best first: allowed before rejected, then by the strength of the
 * evidence kind (Kemendagri codes before BPS codes, kecamatan names before codes), then by how
 * much of the region the values name, then by how many values match; ties go to a Kemendagri
 * header before an unmarked one before a BPS one, then to a header that names the role.
 */
function compare(role: KeyRole, a: Ranked, b: Ranked): number {
  const x = a.evidence;
  const y = b.evidence;
  return (
    Number(x.rejected !== null) - Number(y.rejected !== null) ||
    a.tier - b.tier ||
    (role === 'tahun' ? Number(y.headerFits) - Number(x.headerFits) : 0) ||
    y.covers - x.covers ||
    y.matched - x.matched ||
    SYSTEM_RANK[`${x.system}`] - SYSTEM_RANK[`${y.system}`] ||
    Number(y.headerFits) - Number(x.headerFits) ||
    x.column - y.column
  );
}

/**
 * The key columns of a table and the evidence for each. `rows` are data rows as text: pass a
 * sample of the whole table (see sampleTableRows), not only its first rows, since a table
 * repeats each desa once per year and a provincial table may reach the region late.
 */
export function chooseKeyColumns(header: string[], rows: string[][], targets: JoinTarget[]): KeyColumnChoice {
  const region = regionKeysOf(targets);
  const sizes = { kelurahan: region.kelurahanCount, kecamatan: region.kecamatanCount };
  const forms: NameForms = new Map();
  const tallies = header.map((_, c) => tallyColumn(distinctValues(rows, c), region, forms));
  const infos = header.map(headerInfo);
  const columns: KeyColumns = { kode: null, nama: null, kecamatan: null, tahun: null };
  const roles = {} as Record<KeyRole, RoleChoice>;
  const taken = new Set<number>();
  for (const role of KEY_ROLES) {
    const ranked = header
      .map((h, c) => evidenceFor(role, c, h, infos[c], tallies[c], sizes))
      .sort((a, b) => compare(role, a, b))
      .map((r) => r.evidence);
    const chosen = ranked.find((e) => e.rejected === null && e.qualifies && !taken.has(e.column)) ?? null;
    if (chosen) {
      columns[role] = chosen.column;
      taken.add(chosen.column);
    }
    roles[role] = { chosen, candidates: ranked };
  }
  return { columns, roles, rows: rows.length, kelurahan: sizes.kelurahan, kecamatan: sizes.kecamatan };
}

/** The chosen key columns only (0-based, or null): see chooseKeyColumns. */
export function guessKeyColumns(header: string[], sample: string[][], targets: JoinTarget[]): KeyColumns {
  return chooseKeyColumns(header, sample, targets).columns;
}

/** Chosen column indices as header names, as the import state and the CLI hold them. */
export function keyNamesOf(header: string[], columns: KeyColumns): Record<KeyRole, string | null> {
  const name = (index: number | null) => (index === null ? null : header[index]);
  return { kode: name(columns.kode), nama: name(columns.nama), kecamatan: name(columns.kecamatan), tahun: name(columns.tahun) };
}
