/**
 * The region index (public/regions/regions.json, built by scripts/build-regions.ts): every
 * provinsi, kabupaten/kota and kecamatan of Indonesia with its bbox, so any of them can be read
 * from the national desa/kelurahan FlatGeobuf by bbox (src/data/national.ts). Also the search the
 * region picker runs over it: by name, forgiving of case, spacing, punctuation and the
 * "Kota"/"Kabupaten" prefixes people type or leave out, or by kode in any spelling.
 */

export type RegionLevel = 'provinsi' | 'kabkota' | 'kecamatan';
export type BBox = [west: number, south: number, east: number, north: number];

/** One row of regions.json: kode, nama, west, south, east, north, kelurahan count, desa count. */
export type RegionRow = [string, string, number, number, number, number, number, number];

/** Bumped when the row layout changes, so an old cached file is not misread. */
export const REGION_FILE_VERSION = 1;

/**
 * regions.json as written: rows as arrays, one list per level, sorted by kode. The parent is not
 * stored: it is the kode without its last segment (`33.72.03` → `33.72` → `33`).
 */
export interface RegionFile {
  version: number;
  source: string;
  /** Features the index was built from. */
  features: number;
  columns: string[];
  provinsi: RegionRow[];
  kabkota: RegionRow[];
  kecamatan: RegionRow[];
}

export interface Region {
  /** Kemendagri kode wilayah with dots: `33`, `33.72`, `33.72.03`. */
  kode: string;
  nama: string;
  level: RegionLevel;
  /** Kode of the enclosing region; null for a provinsi. */
  parent: string | null;
  /** Bbox of every desa/kelurahan inside, rounded outward to 5 decimals. */
  bbox: BBox;
  kelurahan: number;
  desa: number;
}

export interface RegionIndex {
  source: string;
  regions: Region[];
  byKode: Map<string, Region>;
}

/** One search hit, with the regions that contain it (nearest first) for display. */
export interface RegionResult {
  region: Region;
  /** Enclosing regions, nearest first: kecamatan → [kabkota, provinsi]. */
  parents: Region[];
  /** Higher is better; see `searchRegions`. */
  score: number;
}

const LEVELS: RegionLevel[] = ['provinsi', 'kabkota', 'kecamatan'];

/** Turns the compact file into regions with parents and a lookup by kode. */
export function buildRegionIndex(file: RegionFile): RegionIndex {
  if (file.version !== REGION_FILE_VERSION) throw new Error(`regions.json version ${file.version}, expected ${REGION_FILE_VERSION}`);
  const regions: Region[] = [];
  for (const level of LEVELS) {
    for (const [kode, nama, w, s, e, n, kelurahan, desa] of file[level]) {
      const cut = kode.lastIndexOf('.');
      regions.push({ kode, nama, level, parent: cut < 0 ? null : kode.slice(0, cut), bbox: [w, s, e, n], kelurahan, desa });
    }
  }
  return { source: file.source, regions, byKode: new Map(regions.map((r) => [r.kode, r])) };
}

let indexPromise: Promise<RegionIndex> | null = null;

/**
 * Fetches and indexes regions.json once (about half a megabyte, so only when the picker opens,
 * not at start-up). A failed fetch is not memoised: the next call tries again.
 */
export function loadRegionIndex(url = `${import.meta.env?.BASE_URL ?? './'}regions/regions.json`): Promise<RegionIndex> {
  indexPromise ??= (async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return buildRegionIndex((await response.json()) as RegionFile);
  })().catch((error: unknown) => {
    indexPromise = null;
    throw error;
  });
  return indexPromise;
}

/** Lower case, accents and punctuation dropped, spaces collapsed: "Kab.  Sleman" → "kab sleman". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Kind = 'kota' | 'kabupaten' | 'kecamatan' | 'provinsi';

/** Words a query may start with to say what kind of region is meant (normalised spellings). */
const QUERY_PREFIXES: [string, Kind][] = [
  ['kota administrasi', 'kota'],
  ['kota adm', 'kota'],
  ['kabupaten administrasi', 'kabupaten'],
  ['kab adm', 'kabupaten'],
  ['kabupaten', 'kabupaten'],
  ['kab', 'kabupaten'],
  ['kota', 'kota'],
  ['kecamatan', 'kecamatan'],
  ['kec', 'kecamatan'],
  ['provinsi', 'provinsi'],
  ['prov', 'provinsi'],
];

/** Prefixes of the region names themselves, stripped to get the name people search for. */
const NAME_PREFIXES = ['kota administrasi ', 'kota adm ', 'kabupaten administrasi ', 'kab adm ', 'kabupaten ', 'kab ', 'kota '];

function kindOf(region: Region, normalised: string): Kind {
  if (region.level === 'kabkota') return normalised.startsWith('kota ') ? 'kota' : 'kabupaten';
  return region.level;
}

function baseName(normalised: string, level: RegionLevel): string {
  if (level !== 'kabkota') return normalised;
  const prefix = NAME_PREFIXES.find((p) => normalised.startsWith(p));
  return prefix ? normalised.slice(prefix.length) : normalised;
}

/** Exact 3, prefix 2, a word of the name starting with the term 1.5, anywhere inside 1, else 0. */
function matchScore(name: string, term: string): number {
  if (name === term) return 3;
  if (name.startsWith(term)) return 2;
  if (name.includes(` ${term}`)) return 1.5;
  if (name.includes(term)) return 1;
  return 0;
}

const LEVEL_ORDER: Record<RegionLevel, number> = { kabkota: 0, kecamatan: 1, provinsi: 2 };

interface Searchable {
  region: Region;
  full: string;
  base: string;
  kind: Kind;
  digits: string;
}
const searchCache = new WeakMap<RegionIndex, Searchable[]>();

function searchable(index: RegionIndex): Searchable[] {
  let list = searchCache.get(index);
  if (!list) {
    list = index.regions.map((region) => {
      const full = normalizeName(region.nama);
      return { region, full, base: baseName(full, region.level), kind: kindOf(region, full), digits: region.kode.replace(/\D/g, '') };
    });
    searchCache.set(index, list);
  }
  return list;
}

/**
 * Regions matching `query`, best first, at most `limit`.
 *
 * A query of digits and separators (`35.72`, `3572`, `33 72 03`) is a kode: the digits must equal
 * (score 3) or begin (score 2) the region's kode digits. Otherwise it is a name, normalised as in
 * `normalizeName`; a leading "kota", "kabupaten"/"kab", "kecamatan"/"kec" or "provinsi" says which
 * kind is meant, is matched against names without their own "Kota"/"Kabupaten" prefix, and adds
 * half a point to regions of that kind ("kota blitar" ranks Kota Blitar above Kabupaten Blitar,
 * "blitar" finds both). Scores: exact 3 > prefix 2 > word start 1.5 > contains 1. Ties go to
 * kabupaten/kota, then kecamatan, then provinsi, then (for names) the shorter name, then the kode.
 */
export function searchRegions(index: RegionIndex, query: string, limit = 20): RegionResult[] {
  const list = searchable(index);
  const hits: { item: Searchable; score: number }[] = [];
  const trimmed = query.trim();
  const byKode = /\d/.test(trimmed) && /^[\d.\s\-/]+$/.test(trimmed);
  if (byKode) {
    const digits = trimmed.replace(/\D/g, '');
    for (const item of list) {
      if (item.digits === digits) hits.push({ item, score: 3 });
      else if (item.digits.startsWith(digits)) hits.push({ item, score: 2 });
    }
  } else {
    const text = normalizeName(trimmed);
    if (text === '') return [];
    let kind: Kind | null = null;
    let term = text;
    for (const [prefix, k] of QUERY_PREFIXES) {
      if (text.startsWith(`${prefix} `)) {
        kind = k;
        term = text.slice(prefix.length + 1);
        break;
      }
    }
    for (const item of list) {
      // The whole query against the whole name ("kota blitar" = "Kota Blitar"), and the term
      // without its kind word against the name without its prefix ("kab sleman" → "sleman").
      let score = matchScore(item.full, text);
      if (kind) score = Math.max(score, matchScore(item.base, term));
      else score = Math.max(score, matchScore(item.base, text));
      if (score === 0) continue;
      if (kind && item.kind === kind) score += 0.5;
      hits.push({ item, score });
    }
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      LEVEL_ORDER[a.item.region.level] - LEVEL_ORDER[b.item.region.level] ||
      (byKode ? 0 : a.item.full.length - b.item.full.length) ||
      (a.item.region.kode < b.item.region.kode ? -1 : 1),
  );
  return hits.slice(0, limit).map(({ item, score }) => ({ region: item.region, parents: parentsOf(index, item.region), score }));
}

/** The regions containing `region`, nearest first. */
export function parentsOf(index: RegionIndex, region: Region): Region[] {
  const parents: Region[] = [];
  for (let kode = region.parent; kode; ) {
    const parent = index.byKode.get(kode);
    if (!parent) break;
    parents.push(parent);
    kode = parent.parent;
  }
  return parents;
}

/**
 * The kode prefix every desa/kelurahan of `kode` starts with (`35.72` → `35.72.`), used to keep
 * only the region's own features among those the bbox read returns.
 */
export function kodePrefix(kode: string): string {
  return `${kode}.`;
}

/**
 * A result's name with the regions around it, for the picker's list:
 * "Kec. Laweyan, Kota Surakarta, Jawa Tengah". `kecamatanName` gives the kecamatan form in the
 * user's language (the data's names carry no prefix for kecamatan, only for kabupaten/kota).
 */
export function describeRegion(result: RegionResult, kecamatanName: (nama: string) => string): string {
  return [result.region, ...result.parents]
    .map((r) => (r.level === 'kecamatan' ? kecamatanName(r.nama) : r.nama))
    .join(', ');
}

/**
 * An analysis region larger than one kab/kota: a whole provinsi, or several kab/kota chosen
 * together (a TKPK Provinsi looking for pockets across its kab/kota). Its `kode` is what the URL
 * carries (`33`, or `33.11,33.72` sorted) and what the database files its values under.
 */
export interface RegionSelection {
  kode: string;
  nama: string;
  /** The provinsi alone, or the kab/kota chosen. */
  parts: Region[];
  bbox: BBox;
  /** Desa and kelurahan inside, from the index. */
  count: number;
}

/** A provinsi code (`33`), a kab/kota code (`33.72`), or several kab/kota codes. */
const PROVINSI_KODE = /^\d\d$/;
const KABKOTA_KODE = /^\d\d\.\d\d$/;

/**
 * The codes of a region as a link or the picker writes them: one provinsi (`33`) or one or more
 * kab/kota separated by commas, spaces or `+` (`33.72,33.11`). Sorted and without repeats, so
 * equal selections have one spelling; null when it is neither (a provinsi mixed with kab/kota,
 * a kecamatan code, text).
 */
export function parseRegionKode(text: string): string[] | null {
  const parts = [...new Set(text.split(/[\s,+]+/).filter(Boolean))].sort();
  if (parts.length === 0) return null;
  if (parts.length === 1 && PROVINSI_KODE.test(parts[0])) return parts;
  return parts.every((p) => KABKOTA_KODE.test(p)) ? parts : null;
}

/** The one spelling of a selection's codes (sorted, comma separated). */
export function regionSelectionKode(kodes: readonly string[]): string {
  return [...new Set(kodes)].sort().join(',');
}

/** Whether `kode` names a region wider than one kab/kota (a provinsi or several kab/kota). */
export function isWideRegionKode(kode: string): boolean {
  const parts = parseRegionKode(kode);
  return parts !== null && (parts.length > 1 || PROVINSI_KODE.test(parts[0]));
}

/**
 * A provinsi or several kab/kota as one region: name, bbox covering all, desa count. Null when a
 * code is not in the index. Several kab/kota are named by their names joined ("Kota Surakarta +
 * Kabupaten Sukoharjo"), or the first two and how many more.
 */
export function resolveRegionSelection(index: RegionIndex, kodes: readonly string[], more: (n: number) => string): RegionSelection | null {
  const parts = [...new Set(kodes)].sort().map((k) => index.byKode.get(k));
  if (parts.length === 0 || parts.some((p) => !p || p.level === 'kecamatan')) return null;
  const regions = parts as Region[];
  if (regions.length > 1 && regions.some((r) => r.level !== 'kabkota')) return null;
  const bbox: BBox = [
    Math.min(...regions.map((r) => r.bbox[0])),
    Math.min(...regions.map((r) => r.bbox[1])),
    Math.max(...regions.map((r) => r.bbox[2])),
    Math.max(...regions.map((r) => r.bbox[3])),
  ];
  const names = regions.map((r) => r.nama);
  const nama = names.length <= 3 ? names.join(' + ') : `${names.slice(0, 2).join(' + ')} + ${more(names.length - 2)}`;
  return { kode: regionSelectionKode(regions.map((r) => r.kode)), nama, parts: regions, bbox, count: regions.reduce((sum, r) => sum + r.kelurahan + r.desa, 0) };
}

/**
 * The kab/kota a comma-separated query names ("Surakarta, Sukoharjo" or "33.72, 33.11"): each
 * part's best kab/kota match. Null unless there are at least two parts and every one names a
 * kab/kota, so the picker offers to open them together only when it is sure what they are.
 */
export function searchSelection(index: RegionIndex, query: string): Region[] | null {
  const terms = query
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (terms.length < 2) return null;
  const found = terms.map((term) => searchRegions(index, term, 10).find((r) => r.region.level === 'kabkota')?.region);
  if (found.some((r) => !r)) return null;
  const unique = [...new Map((found as Region[]).map((r) => [r.kode, r])).values()];
  return unique.length >= 2 ? unique : null;
}
