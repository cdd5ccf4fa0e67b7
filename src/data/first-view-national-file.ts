/**
 * The prebuilt first view of the map of all of Indonesia (issue 16, item 1), as first-view-file.ts
 * is for the demo cities: the default indicator and year of every desa, computed at build time
 * by the app's own SQL (national-map.ts, in Node: src/cli/first-view-national.ts), drawn by the
 * page (NationalState) before DuckDB has started, then replaced by DuckDB's identical answer.
 *
 * Why: opening the national map waits for DuckDB's WASM (7.7 MB gzipped) and the 5 MB sample
 * CSV before the first colour, while the tiles are on screen in a second or two. The default view
 * depends only on files of the build, so its answer is known when the site is built.
 *
 * The values are JSON numbers, not Float32: JSON writes each double in its shortest exact form
 * and reads it back bit for bit, so the classes, legend and colours are exactly DuckDB's; Float32
 * would turn 16.6 into 16.6000004 and could move a desa across a break. The 83,402 codes are
 * written as runs of a shared prefix (the kecamatan, `11.01.01.`) and the desa suffixes, about
 * half their plain size, in the order the page's answers use (fetchNationalKode).
 */

/** The national map's view when nothing else is asked (NationalState's defaults). */
export const NATIONAL_DEFAULT_VIEW: { readonly indikator: 'penduduk_miskin'; readonly tahun: number } = { indikator: 'penduduk_miskin', tahun: 2025 };

/** Bumped when the file's shape changes: a page never reads a shape it does not know. */
export const NATIONAL_FIRST_VIEW_FORMAT = 1;

/** The national prebuilt file, as written to JSON. */
export interface NationalFirstViewFile {
  format: number;
  /** Hash of everything the answer was computed from (sample CSV, SQL modules, DuckDB's version). */
  hash: string;
  /** The request it answers, as NationalState.wantedKey (`indikator|tahun`). */
  key: string;
  /** The years of the sample (the year menu), oldest first. */
  years: number[];
  /** The desa codes in answer order: [prefix, suffixes joined by spaces] runs (encodeKode). */
  kode: [string, string][];
  /** One value per desa, aligned with `kode`; null: no value. */
  nilai: (number | null)[];
}

/** The request key of a national view (NationalState.wantedKey). */
export function nationalKey(indikator: string, tahun: number): string {
  return `${indikator}|${tahun}`;
}

/** Where the file goes in the build: named like a Vite asset (8 hash characters), as the cities'. */
export function nationalFirstViewFileName(hash: string): string {
  return `assets/first-view-nasional-${hash.slice(0, 8)}.json`;
}

/** Codes as runs of a shared prefix (up to the last dot) and their suffixes; decodeKode inverts it. */
export function encodeKode(kode: readonly string[]): [string, string][] {
  const runs: [string, string[]][] = [];
  for (const k of kode) {
    if (/\s/.test(k)) throw new Error(`national first view: a kode with a space (${JSON.stringify(k)})`);
    const cut = k.lastIndexOf('.') + 1;
    const prefix = k.slice(0, cut);
    const last = runs.at(-1);
    if (last && last[0] === prefix) last[1].push(k.slice(cut));
    else runs.push([prefix, [k.slice(cut)]]);
  }
  return runs.map(([prefix, suffixes]) => [prefix, suffixes.join(' ')]);
}

export function decodeKode(runs: readonly [string, string][]): string[] {
  const kode: string[] = [];
  for (const [prefix, suffixes] of runs) for (const suffix of suffixes.split(' ')) kode.push(prefix + suffix);
  return kode;
}

function isRun(run: unknown): run is [string, string] {
  return Array.isArray(run) && run.length === 2 && typeof run[0] === 'string' && typeof run[1] === 'string';
}

/**
 * The file's answer when it is the one this page was built for (same hash) and answers the
 * request asked (same key); null for anything else (stale, foreign, broken), never drawn.
 */
export function acceptNationalFirstView(file: unknown, expected: { hash: string; key: string }): { kode: string[]; nilai: Float64Array; years: number[] } | null {
  if (typeof file !== 'object' || file === null) return null;
  const f = file as Partial<NationalFirstViewFile>;
  if (f.format !== NATIONAL_FIRST_VIEW_FORMAT || !expected.hash || f.hash !== expected.hash || f.key !== expected.key) return null;
  if (!Array.isArray(f.kode) || !f.kode.every(isRun) || !Array.isArray(f.nilai) || !Array.isArray(f.years)) return null;
  const kode = decodeKode(f.kode);
  if (kode.length !== f.nilai.length || kode.length === 0) return null;
  const nilai = new Float64Array(kode.length);
  for (let i = 0; i < nilai.length; i++) {
    const v = f.nilai[i];
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return null;
    nilai[i] = v === null ? NaN : v;
  }
  return { kode, nilai, years: f.years.map(Number) };
}
