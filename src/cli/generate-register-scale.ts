/**
 * A large synthetic DTSEN-like household register, CSV or Parquet, for measuring where the
 * browser stops and how native DuckDB scales (issue 17). Rows are made and written by native
 * DuckDB in one streaming COPY (src/cli/register-scale.ts), so 100 million rows need no more
 * memory than 1 million. Every file is marked SINTETIS: in its name (required) and in the
 * `keterangan` column of every row (Parquet also in its key-value metadata).
 *
 *   npx tsx src/cli/generate-register-scale.ts --rows 1000000 --out rumah_tangga_SINTETIS_1m.csv
 *     [--format csv|parquet] [--seed N] [--wilayah 33] [--codes FILE] [--missing 0.001] [--threads N]
 *
 * --rows takes 1000000, 1_000_000, 5M or 100M. --wilayah keeps the codes under a prefix (33 =
 * Jawa Tengah's 8,563 desa/kelurahan; default all 83,402 of Indonesia). --codes is the national
 * FlatGeobuf (.fgb or .fgb.gz; default public/national/ or ../shared/data/national/) or a CSV
 * with a kode column. Same seed, codes and DuckDB version: byte-identical files.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sqlLiteral } from '../data/sql';
import { findDefaultCodes, readDesaCodes } from './desa-codes';
import { openNativeDatabase, type NativeDatabase } from './native-db';
import { DEFAULT_SCALE_SEED, MAX_SCALE_ROWS, planDesa, planRunLength, rowsSql, SYNTHETIC_MARK, type DesaPlan } from './register-scale';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ScaleFormat = 'csv' | 'parquet';

export interface ScaleOptions {
  rows: number;
  out: string;
  format: ScaleFormat;
  codes: readonly string[];
  seed?: number;
  /** Share of desil and flag cells left empty (unknown). Default 0.001. */
  missing?: number;
  /**
   * DuckDB threads (default 1). One thread streams rows to the file as they are made; with more,
   * the ordered COPY holds the rows until the end (3 GB of memory, or spilled to disk, at 10 M).
   */
  threads?: number;
  /** DuckDB's memory limit (default 1GB): without one, the ordered COPY buffers gigabytes of rows ahead of the writer. */
  memoryLimit?: string;
  /** Called about every two seconds with the share of rows written (0..1). */
  onProgress?: (share: number) => void;
}

export interface ScaleSummary {
  rows: number;
  desa: number;
  bytes: number;
  seconds: number;
}

/** A file name must say SINTETIS, so a copy found on a shared drive is never taken for real data. */
export function checkSyntheticName(path: string): void {
  if (!new RegExp(SYNTHETIC_MARK, 'i').test(basename(path))) {
    throw new Error(`the file name must contain ${SYNTHETIC_MARK} (e.g. rumah_tangga_${SYNTHETIC_MARK}_1m.csv), got ${basename(path)}`);
  }
}

/** "1000000", "1_000_000", "5M", "100m", "20k" as a row count. */
export function parseRowCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(text.replaceAll('_', ''));
  const scale = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m?.[2].toLowerCase() ?? ''];
  const rows = m && scale !== undefined ? Math.round(Number(m[1]) * scale) : NaN;
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > MAX_SCALE_ROWS) throw new Error(`--rows must be a count from 1 to ${MAX_SCALE_ROWS} (1000000, 5M), got ${text}`);
  return rows;
}

/** The plan as a table `desa` (kode, start, n, t1..t9) in runs, through a registered CSV: the seam has no appender. */
async function loadPlan(db: NativeDatabase, plan: readonly DesaPlan[]): Promise<void> {
  const run = planRunLength(plan.reduce((s, d) => s + d.n, 0));
  const lines: string[] = [];
  for (const d of plan) {
    for (let s = 0; s < d.n; s += run) lines.push(`${d.kode},${d.start + s},${Math.min(run, d.n - s)},${d.thresholds.join(',')}`);
  }
  await db.registerFileText('rencana_desa.csv', `${lines.join('\n')}\n`);
  const t = Array.from({ length: 9 }, (_, k) => `'t${k + 1}': 'INTEGER'`).join(', ');
  await db.exec(`CREATE TABLE desa AS SELECT * FROM read_csv('rencana_desa.csv', header = false, columns = {'kode': 'VARCHAR', 'start': 'BIGINT', 'n': 'BIGINT', ${t}})`);
  await db.dropFile('rencana_desa.csv');
}

/** Writes the register to `options.out` (through a temporary name, so no partial file keeps the real one). */
export async function generateRegisterScale(options: ScaleOptions): Promise<ScaleSummary> {
  checkSyntheticName(options.out);
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const plan = planDesa(options.codes, options.rows, seed);
  const select = rowsSql({ desaTable: 'desa', seed, missing: options.missing ?? 0.001 });
  const db = await openNativeDatabase({ threads: options.threads ?? 1, memoryLimit: options.memoryLimit ?? '1GB' });
  const partial = `${options.out}.part`;
  const ticker = options.onProgress
    ? setInterval(() => {
        const p = db.progress();
        if (p.percentage >= 0) options.onProgress!(p.percentage / 100);
      }, 2000)
    : undefined;
  try {
    // Rows are written in the order of the plan (kode, then household number): that order is what makes the bytes repeatable.
    await db.exec('SET preserve_insertion_order = true');
    // DuckDB reports a statement's progress only with its progress bar on (not printed here).
    await db.exec('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    await loadPlan(db, plan);
    const format =
      options.format === 'csv'
        ? `FORMAT csv, HEADER true`
        : `FORMAT parquet, COMPRESSION snappy, KV_METADATA {keterangan: ${sqlLiteral(`${SYNTHETIC_MARK}: data rekaan, bukan rumah tangga sungguhan / synthetic, not real households`)}}`;
    await db.exec(`COPY (${select}) TO ${sqlLiteral(partial)} (${format})`);
    renameSync(partial, options.out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (ticker) clearInterval(ticker);
    db.close();
  }
  return { rows: options.rows, desa: plan.filter((d) => d.n > 0).length, bytes: statSync(options.out).size, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      seed: { type: 'string' },
      wilayah: { type: 'string' },
      codes: { type: 'string' },
      missing: { type: 'string' },
      threads: { type: 'string' },
    },
    strict: true,
  });
  if (!values.rows || !values.out)
    throw new Error('usage: generate-register-scale --rows N --out FILE_SINTETIS.csv|.parquet [--format csv|parquet] [--seed N] [--wilayah 33] [--codes FILE]');
  const rows = parseRowCount(values.rows);
  const out = resolve(values.out);
  const format = (values.format ?? (extname(out).toLowerCase() === '.parquet' ? 'parquet' : 'csv')) as ScaleFormat;
  if (format !== 'csv' && format !== 'parquet') throw new Error(`--format must be csv or parquet, got ${String(values.format)}`);
  const seed = values.seed === undefined ? DEFAULT_SCALE_SEED : Number(values.seed);
  const missing = values.missing === undefined ? undefined : Number(values.missing);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new Error('--threads must be a whole number >= 1');
  checkSyntheticName(out);
  const source = values.codes ?? findDefaultCodes(ROOT);
  if (!source) throw new Error('no national desa/kelurahan file found: pass --codes FILE (.fgb, .fgb.gz or a CSV with a kode column)');
  const codes = await readDesaCodes(source, values.wilayah ?? '');
  console.error(`${codes.length} desa/kelurahan codes from ${source}; writing ${rows} rows (${format}, seed ${seed})`);
  let shown = -1;
  const summary = await generateRegisterScale({
    rows,
    out,
    format,
    codes,
    seed,
    missing,
    threads,
    onProgress: (share) => {
      const percent = Math.floor(share * 100);
      if (percent !== shown) console.error(`  ${percent} %`);
      shown = percent;
    },
  });
  console.log(`${out}: ${summary.rows} rows over ${summary.desa} desa/kelurahan, ${summary.bytes} bytes, ${summary.seconds.toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`generate-register-scale: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
