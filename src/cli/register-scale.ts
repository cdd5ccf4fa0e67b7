/**
 * The plan of a large synthetic DTSEN-like household register (issue 17, items 1 and 3): how many
 * households each desa/kelurahan gets, how poor it is, and the DuckDB SQL that writes the rows.
 * The rows are made inside DuckDB (a seeded hash per row), not in JavaScript, because DuckDB
 * writes CSV and Parquet several times faster than a JavaScript loop and streams them to disk,
 * so memory stays flat at 100 million rows.
 *
 * Everything random is integer arithmetic on seeded hashes (JavaScript's sfc32 per desa, DuckDB's
 * hash() per row): same seed, same codes and same DuckDB version give the same bytes. The rows
 * come out ordered by kode and household number, as a register extract sorted by wilayah would.
 *
 * Columns and spellings follow the committed demo register (data/demo/HOUSEHOLDS.md) so the
 * app's household import reads them as it reads the demo: `id_rt`, `kode_kelurahan`, `desil`,
 * yes/no deprivations as `ya`/`tidak` (empty = unknown), plus `jumlah_anggota` (household size)
 * and `keterangan` = `SINTETIS` on every row. No names and no NIK: nothing personal to refuse.
 */
import { createRandom } from '../analysis/random';

/** The deprivation columns (as in the demo register) and the female-headed flag, in file order. */
export const SCALE_FLAGS = ['rtlh', 'tanpa_air_layak', 'tanpa_sanitasi_layak', 'anak_tidak_sekolah', 'tanpa_penghasilan', 'kepala_perempuan'] as const;
export type ScaleFlag = (typeof SCALE_FLAGS)[number];

export const SCALE_HEADER = ['id_rt', 'kode_kelurahan', 'desil', ...SCALE_FLAGS, 'jumlah_anggota', 'keterangan'] as const;

/** The value of `keterangan` on every row, and the word every file name must hold. */
export const SYNTHETIC_MARK = 'SINTETIS';

export const DEFAULT_SCALE_SEED = 20261203;

/** Desil is drawn on this integer scale (20 bits of the row's hash). */
const DESIL_SCALE = 1 << 20;

/**
 * Probability of each flag in 1/1024, at desil 10 (`lo`) and desil 1 (`hi`), linear between;
 * `ifRtlh` is added when the house is also RTLH (poor housing goes with poor water and
 * sanitation and with children out of school), as the demo register correlates them.
 */
const FLAG_ODDS: Record<ScaleFlag, { lo: number; hi: number; ifRtlh: number }> = {
  rtlh: { lo: 10, hi: 300, ifRtlh: 0 },
  tanpa_air_layak: { lo: 20, hi: 220, ifRtlh: 150 },
  tanpa_sanitasi_layak: { lo: 20, hi: 260, ifRtlh: 200 },
  anak_tidak_sekolah: { lo: 5, hi: 90, ifRtlh: 40 },
  tanpa_penghasilan: { lo: 10, hi: 160, ifRtlh: 0 },
  kepala_perempuan: { lo: 120, hi: 260, ifRtlh: 0 },
};

/** One desa/kelurahan of the plan: its rows start at `start` (0-based row number) and number `n`. */
export interface DesaPlan {
  kode: string;
  start: number;
  n: number;
  /** Desil thresholds on DESIL_SCALE: desil = 1 + the number of thresholds at or below the draw. */
  thresholds: number[];
}

/** A desa/kelurahan code (Kemendagri, dotted: 33.72.03.1002). */
export const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** FNV-1a of the code mixed with the seed: a desa's character depends on its code, not on which others are in the file. */
function desaSeed(kode: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < kode.length; i++) h = Math.imul(h ^ kode.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Size and poverty of each desa, and the rows apportioned to them (largest remainder, so the
 * counts add up to `rows` exactly). Kelurahan (urban, 4th segment 1xxx) are bigger and less poor;
 * Nusa Tenggara (52, 53), Maluku and Papua (8x, 9x) poorer, as in the national figures.
 */
export function planDesa(codes: readonly string[], rows: number, seed: number): DesaPlan[] {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number >= 0, got ${rows}`);
  if (codes.length === 0) throw new RangeError('no desa/kelurahan code to spread the rows over');
  const drawn = codes.map((kode) => {
    const random = createRandom(desaSeed(kode, seed));
    const urban = kode.charAt(9) === '1';
    const weight = urban ? random.int(40, 200) : random.int(10, 60);
    const provinsi = Number(kode.slice(0, 2));
    const east = provinsi >= 81 ? 0.35 : provinsi === 52 || provinsi === 53 ? 0.15 : 0;
    // desil = 1 + floor(10 u^tilt): a tilt above 1 pushes households to the lower (poorer) desil.
    const tilt = 0.6 + random.next() * 0.9 + east - (urban ? 0.15 : 0);
    const thresholds = Array.from({ length: 9 }, (_, k) => Math.round(DESIL_SCALE * Math.pow((k + 1) / 10, 1 / tilt)));
    return { kode, weight, thresholds };
  });
  const total = drawn.reduce((s, d) => s + d.weight, 0);
  // rows * weight stays below 2^53 for any row count this tool is meant for (checked by the caller).
  const exact = drawn.map((d) => ({ floor: Math.floor((rows * d.weight) / total), rest: (rows * d.weight) % total }));
  let left = rows - exact.reduce((s, e) => s + e.floor, 0);
  const order = exact.map((_, i) => i).sort((a, b) => exact[b].rest - exact[a].rest || a - b);
  const n = exact.map((e) => e.floor);
  for (const i of order) {
    if (left === 0) break;
    n[i]++;
    left--;
  }
  let start = 0;
  return drawn.map((d, i) => {
    const plan = { kode: d.kode, start, n: n[i], thresholds: d.thresholds };
    start += n[i];
    return plan;
  });
}

/**
 * Plan rows per desa of at most this many households. DuckDB scans a table in parallel by row
 * groups of 122,880 rows; 83,402 desa make one group, so only one thread could make rows. Split
 * into runs, a large register's plan is about 400,000 rows (four groups) for a run with
 * --threads 2; the rows and their order do not change with it.
 */
export function planRunLength(rows: number): number {
  return Math.max(1, Math.ceil(rows / 400_000));
}

/** The largest row count: row numbers stay exact in doubles, fit the 10-digit id and 4 draws per row fit 36 bits. */
export const MAX_SCALE_ROWS = 9_999_999_999;
/** Seeds fill the 27 bits above the row's 36 in the hashed key. */
export const MAX_SCALE_SEED = 2 ** 27;

export interface RowsSqlOptions {
  /** Table with columns kode, start, n, t1..t9 (one row per DesaPlan, in kode order). */
  desaTable: string;
  seed: number;
  /** Share of cells left empty (unknown) in desil and in each flag, 0..1. */
  missing: number;
}

/** `n` in 1/1024 from a probability. */
const per1024 = (p: number) => Math.round(p * 1024);

/** The SELECT producing the register's rows, in order, from the plan table. */
export function rowsSql(options: RowsSqlOptions): string {
  const { desaTable, seed } = options;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= MAX_SCALE_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SCALE_SEED - 1}, got ${seed}`);
  if (!(options.missing >= 0 && options.missing <= 1)) throw new RangeError(`missing must be between 0 and 1, got ${options.missing}`);
  const missing = per1024(options.missing);
  // One key per row and draw, hashed alone: DuckDB combines the hashes of several arguments by
  // XOR, so hash(i, seed, 1) and hash(i, seed, 2) would share bits and correlate the draws.
  const key = `((${seed}::UBIGINT << 36) + i::UBIGINT * 4)`;
  const bits = (h: string, k: number) => `((${h} >> ${10 * k}) & 1023)`;
  const desil = `1 + ${Array.from({ length: 9 }, (_, k) => `(u >= t${k + 1})::INTEGER`).join(' + ')}`;
  // Integer odds per flag from the true desil (also when the recorded desil is missing).
  const odds = (f: ScaleFlag) => {
    const o = FLAG_ODDS[f];
    const base = `(${o.lo} + (${o.hi - o.lo} * (10 - desil_true)) // 9)`;
    return o.ifRtlh ? `${base} + CASE WHEN f_rtlh THEN ${o.ifRtlh} ELSE 0 END` : base;
  };
  const yesNo = (f: ScaleFlag, k: number) => `CASE WHEN ${bits('h3', k)} < ${missing} THEN NULL WHEN f_${f} THEN 'ya' ELSE 'tidak' END AS ${f}`;
  const others = SCALE_FLAGS.slice(1);
  const size = `1 + ((h1 >> 30) & 3) + ((h1 >> 32) & 1) + CASE WHEN desil_true <= 4 THEN ((h1 >> 33) & 1) + ((h1 >> 34) & 1) ELSE 0 END`;
  const desilOut = `CASE WHEN ((h1 >> 20) & 1023) < ${missing} THEN NULL ELSE desil_true END`;
  return `WITH numbered AS (
  SELECT kode, t1, t2, t3, t4, t5, t6, t7, t8, t9, start + unnest(range(n)) AS i FROM ${desaTable}
), hashed AS (
  SELECT kode, i, ${[1, 2, 3].map((k) => `hash(${key} + ${k}::UBIGINT) AS h${k}`).join(', ')}, t1, t2, t3, t4, t5, t6, t7, t8, t9
  FROM numbered
), desil AS (
  SELECT kode, i, h1, h2, h3, ${desil} AS desil_true FROM (SELECT *, h1 & ${DESIL_SCALE - 1} AS u FROM hashed)
), housing AS (
  SELECT *, ${bits('h2', 0)} < ${odds('rtlh')} AS f_rtlh FROM desil
), flagged AS (
  SELECT *, ${others.map((f) => `${bits('h2', SCALE_FLAGS.indexOf(f))} < ${odds(f)} AS f_${f}`).join(',\n    ')} FROM housing
)
SELECT 'RT' || lpad((i + 1)::VARCHAR, 10, '0') AS id_rt,
  kode AS kode_kelurahan,
  ${desilOut} AS desil,
  ${SCALE_FLAGS.map(yesNo).join(',\n  ')},
  (${size})::INTEGER AS jumlah_anggota,
  '${SYNTHETIC_MARK}' AS keterangan
FROM flagged`;
}
