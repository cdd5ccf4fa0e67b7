/**
 * The scale measure of issue 17 (item 3), run by hand, not by `npm test` or `npm run bench`: it
 * writes gigabytes and takes many minutes. For each row count and format it generates a synthetic
 * register (src/cli/generate-register-scale.ts) and aggregates it per desa with the app's
 * household SQL on native DuckDB (`peta-kantong households`), each under /usr/bin/time -v, and
 * reports wall time, peak RSS, input size and rows/s beside the machine's load average (the
 * machine is shared: the load says how much of it the run had).
 *
 *   npx tsx scripts/scale-households.ts [--rows 10M,100M] [--formats csv,parquet] [--engines cli,sql]
 *     [--dir /work/scale-data] [--wilayah PREFIX] [--codes FILE] [--keep]
 *
 * Engines: `cli` is `peta-kantong households` (the import's typing rules for any spelling, then
 * the app's aggregation, suppression, output); `sql` is scripts/scale-aggregate.ts (the app's
 * aggregation SQL alone over a plain typed view of the generator's spellings).
 *
 * Files go to --dir (never the repository) and are deleted at the end unless --keep. Results are
 * printed as a Markdown table and written to DIR/scale-results.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRowCount } from '../src/cli/generate-register-scale';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10M,100M' },
    formats: { type: 'string', default: 'csv,parquet' },
    dir: { type: 'string', default: '/work/scale-data' },
    wilayah: { type: 'string' },
    codes: { type: 'string' },
    keep: { type: 'boolean', default: false },
    engines: { type: 'string', default: 'cli' },
  },
});

interface Timed {
  seconds: number;
  /** User plus system CPU seconds: on a shared machine this moves less than the wall time. */
  cpuSeconds: number;
  peakRssMb: number;
  load: { start: number; max: number; end: number };
  ok: boolean;
  stderrTail: string;
}

const loadavg1 = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Runs a command under /usr/bin/time -v, sampling the 1-minute load average every 5 s. */
function timed(command: string[], label: string): Promise<Timed> {
  const load = { start: loadavg1(), max: loadavg1(), end: 0 };
  const sampler = setInterval(() => (load.max = Math.max(load.max, loadavg1())), 5000);
  console.error(`\n== ${label}: ${command.join(' ')}`);
  return new Promise((done) => {
    const child = spawn('/usr/bin/time', ['-v', ...command], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      load.end = loadavg1();
      load.max = Math.max(load.max, load.end);
      const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const cpu = ['User', 'System'].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN));
      const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
      done({ seconds, cpuSeconds: cpu[0] + cpu[1], peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, load, ok: code === 0, stderrTail: stderr.slice(-2000) });
    });
  });
}

const label = (rows: number) => (rows % 1e6 === 0 ? `${rows / 1e6}m` : String(rows));
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const dir = resolve(values.dir);
  if (dir.startsWith(ROOT)) throw new Error(`--dir must be outside the repository (${ROOT})`);
  mkdirSync(dir, { recursive: true });
  const sizes = values.rows.split(',').map(parseRowCount);
  const formats = values.formats.split(',') as ('csv' | 'parquet')[];
  const results: Record<string, unknown>[] = [];
  const made: string[] = [];
  for (const rows of sizes) {
    for (const format of formats) {
      const file = join(dir, `rumah_tangga_SINTETIS_${label(rows)}.${format}`);
      const extra = [...(values.wilayah ? ['--wilayah', values.wilayah] : []), ...(values.codes ? ['--codes', values.codes] : [])];
      let generate: Timed | null = null;
      if (!existsSync(file)) {
        generate = await timed(
          ['npx', 'tsx', 'src/cli/generate-register-scale.ts', '--rows', String(rows), '--format', format, '--out', file, ...extra],
          `generate ${label(rows)} ${format}`,
        );
        if (!generate.ok) throw new Error(`generation failed:\n${generate.stderrTail}`);
      }
      made.push(file);
      for (const engine of values.engines.split(',')) {
        const out = join(dir, `agregat_${label(rows)}_${format}_${engine}.csv`);
        const command = engine === 'sql' ? ['npx', 'tsx', 'scripts/scale-aggregate.ts', file, out] : ['node', 'bin/peta-kantong.mjs', 'households', '--data', file, '--out', out];
        const aggregate = await timed(command, `aggregate ${label(rows)} ${format} (${engine})`);
        const bytes = statSync(file).size;
        const kelurahan = aggregate.ok && existsSync(out) ? readFileSync(out, 'utf8').trimEnd().split('\n').length - 1 : null;
        results.push({
          rows,
          format,
          engine,
          inputMb: Math.round(mb(bytes)),
          generate: generate && { seconds: generate.seconds, peakRssMb: Math.round(generate.peakRssMb), load: generate.load },
          aggregate: { ...aggregate, stderrTail: aggregate.ok ? undefined : aggregate.stderrTail, peakRssMb: Math.round(aggregate.peakRssMb) },
          rowsPerSecond: Math.round(rows / aggregate.seconds),
          mbPerSecond: Math.round((10 * mb(bytes)) / aggregate.seconds) / 10,
          outputRows: kelurahan,
        });
        generate = null;
      }
      writeFileSync(join(dir, 'scale-results.json'), JSON.stringify({ machine: { cpus: cpus().length, memGb: Math.round(totalmem() / 2 ** 30) }, results }, null, 2));
    }
  }
  console.log('\n| rows | input | engine | aggregate wall | CPU | peak RSS | rows/s | MB/s | load (1 min, start/max/end) | generate wall |');
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---|---:|');
  for (const r of results as {
    rows: number;
    format: string;
    inputMb: number;
    aggregate: Timed;
    rowsPerSecond: number;
    mbPerSecond: number;
    generate: { seconds: number } | null;
  }[]) {
    const a = r.aggregate;
    const status = a.ok ? '' : ' (failed)';
    console.log(
      `| ${r.rows.toLocaleString('en')} | ${r.format}, ${r.inputMb.toLocaleString('en')} MB | ${r.engine} | ${a.seconds.toFixed(1)} s${status} | ${a.cpuSeconds.toFixed(1)} s | ${Math.round(a.peakRssMb)} MB | ${r.rowsPerSecond.toLocaleString('en')} | ${r.mbPerSecond} | ${a.load.start} / ${a.load.max} / ${a.load.end} | ${r.generate ? `${r.generate.seconds.toFixed(1)} s` : 'kept'} |`,
    );
  }
  if (!values.keep) for (const file of made) rmSync(file, { force: true });
}

main().catch((error: unknown) => {
  console.error(`scale-households: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
