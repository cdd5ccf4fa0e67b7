/**
 * `peta-kantong households`: household registers too large for a browser (a province's DTSEN,
 * the national register) aggregated per kelurahan on this machine's native DuckDB, with the
 * app's own code: the household read-and-type SQL shared with the browser
 * (src/data/household-read-sql.ts), the column rules and personal-data flags of the import
 * (household-columns.ts, personal-data.ts), and the aggregation (households.ts). DuckDB streams
 * the files; no household row passes through JavaScript, and only kelurahan figures, small
 * counts suppressed, are written: to a temporary file renamed at the end, so a failed run
 * leaves no partial output.
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { aggregateHouseholds } from '../../data/households';
import { proposeHouseholdColumns } from '../../data/household-columns';
import { householdsSelectSql, probeHouseholdFile } from '../../data/household-read-sql';
import { ImportError } from '../../data/importers/types';
import { slugOf } from '../../data/indicator-choices';
import { chooseKeyColumns } from '../../data/join-columns';
import { sqlLiteral } from '../../data/sql';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../data/suppression';
import { choice, numberOption, parseOptions, required, text, type OptionSpec, type RawOptions } from '../args';
import { householdFiles } from '../household-files';
import { UsageError, type Streams } from '../io';
import { openNativeDatabase, type NativeDatabase } from '../native-db';
import { suppressedAggregateSql } from '../household-output';

export const HOUSEHOLDS_OPTIONS: OptionSpec = {
  ...Object.fromEntries(
    ['out', 'kode', 'id', 'desil', 'deprivations', 'k', 'min-count', 'delimiter', 'encoding', 'threads', 'memory-limit'].map((name) => [name, { type: 'string' as const }]),
  ),
  // Several files: --data a.csv --data b.csv, or a glob.
  data: { type: 'string', multiple: true } as OptionSpec[string],
};

/** Default Alkire-Foster cut-off, as the import dialog proposes it. */
const DEFAULT_K = 1 / 3;

/** The deprivations named by `--deprivations a,b:2`: column and weight (default 1). */
function deprivationOption(raw: RawOptions): { source: string; weight: number }[] | undefined {
  const value = text(raw, 'deprivations');
  if (value === undefined) return undefined;
  return value.split(',').map((part) => {
    const match = /^(.+?)(?::([0-9.]+))?$/.exec(part.trim());
    const weight = match?.[2] === undefined ? 1 : Number(match[2]);
    if (!match || !Number.isFinite(weight) || weight <= 0) throw new UsageError(`--deprivations: "${part}" is not COLUMN or COLUMN:WEIGHT with a weight above 0`);
    return { source: match[1].trim(), weight };
  });
}

/**
 * What to print of DuckDB's progress polls during one step: each new whole percent; when the
 * share falls back, the step's next statement has started (the aggregation runs three), which is
 * said, so a long last statement does not sit silently at 99 %. -1 (between statements) is skipped.
 */
export function progressReporter(write: (line: string) => void): (percentage: number) => void {
  let shown = 0;
  let statement = 1;
  return (percentage) => {
    const percent = Math.floor(percentage);
    if (percent < 0) return;
    if (percent < shown) {
      statement += 1;
      shown = -1;
    }
    if (percent > shown) write(`${(shown = percent)}%${statement > 1 ? ` (kueri/query ${statement})` : ''}`);
  };
}

/**
 * Runs one step of the command with its name on stderr, DuckDB's progress every few seconds
 * while it runs (when DuckDB knows it), and its time at the end; a read error becomes the
 * bilingual message.
 */
async function step<T>(db: NativeDatabase, streams: Streams, name: string, files: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  streams.stderr.write(`  ${name}\n`);
  const report = progressReporter((line) => streams.stderr.write(`    ${line}\n`));
  const timer = setInterval(() => report(db.progress().percentage), 5000);
  try {
    return await work();
  } catch (error) {
    throw readFailure(error, files);
  } finally {
    clearInterval(timer);
    // CPU time of the whole process, DuckDB's threads included: against the wall time, how much of the machine the step had.
    const used = process.cpuUsage(cpu);
    streams.stderr.write(`    ${((Date.now() - started) / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)\n`);
  }
}

/** DuckDB's complaint while reading the files (a cut-off row, a shifted column) as a bilingual error. */
function readFailure(error: unknown, files: string): ImportError | unknown {
  if (!(error instanceof Error) || error instanceof ImportError) return error;
  if (!/Invalid Input Error|CSV Error|Conversion Error|Parquet|IO Error|No magic bytes/i.test(error.message)) return error;
  return new ImportError('householdRead.badRow', { file: files, detail: error.message.split('\n').slice(0, 2).join(' ').slice(0, 300) }, { cause: error });
}

/** Runs the households command; returns the exit code. */
export async function householdsCommand(args: readonly string[], streams: Streams): Promise<number> {
  const raw = parseOptions(args, HOUSEHOLDS_OPTIONS);
  const data = raw.data as unknown as string[] | undefined;
  if (!data || data.length === 0) throw new UsageError('--data FILE|GLOB (household records: CSV or Parquet) is required');
  const out = required(raw, 'out', 'FILE.csv');
  if (extname(out).toLowerCase() !== '.csv') throw new UsageError(`--out must be a .csv file, got ${out}`);
  const k = numberOption(raw, 'k', { min: 0, minExclusive: true, max: 1 }, DEFAULT_K);
  const minCount = numberOption(raw, 'min-count', { min: 0, integer: true }, DEFAULT_SUPPRESSION_THRESHOLD);
  const threads = numberOption(raw, 'threads', { min: 1, max: 256, integer: true });
  const encoding = choice(raw, 'encoding', ['utf-8', 'windows-1252'] as const);
  const delimiter = text(raw, 'delimiter');
  if (delimiter !== undefined && ![',', ';', '\t', '|', '\\t'].includes(delimiter)) throw new UsageError(`--delimiter must be one of , ; | or \\t, got "${delimiter}"`);
  const named = deprivationOption(raw);

  const db = await openNativeDatabase({ threads, memoryLimit: text(raw, 'memory-limit') });
  try {
    const started = Date.now();
    const files = await householdFiles(db, data, {
      delimiter: delimiter === '\\t' ? '\t' : delimiter,
      encoding,
      scratch: db.scratch,
      onCopy: (name) => streams.stderr.write(`  ${name}: Windows-1252, disalin sebagai UTF-8 untuk DuckDB / copied as UTF-8 for DuckDB\n`),
    });
    const label = files.paths.length === 1 ? basename(files.paths[0]) : `${files.paths.length} berkas/files`;
    streams.stderr.write(`peta-kantong households: ${label}, ${(files.bytes / 1e6).toFixed(1)} MB (${files.source.format})\n`);
    const probe = await probeHouseholdFile(db, files.source).catch((error: unknown) => {
      throw readFailure(error, label);
    });
    if (probe.sample.length === 0) throw new ImportError('householdRead.noRows', { file: label });
    const columns = chooseColumns(raw, probe.header, probe.sample, label, named, files.source.format === 'parquet' ? 'en' : 'id');
    if (columns.personal.length > 0) streams.stderr.write(`  data pribadi, tidak dibaca / personal data, not read: ${columns.personal.join(', ')}\n`);
    streams.stderr.write(
      `  kode: ${columns.kode}; desil: ${columns.desil.column}; id: ${columns.id ?? '–'}; deprivasi/deprivations: ${columns.deprivations.map((d) => `${d.source}:${d.weight}`).join(', ')}; k = ${k}\n`,
    );

    // DuckDB would hoist the subexpressions the typing rules repeat (the compacted cell of the
    // number rule, the kode's slow path) out of their CASE, computing them for every row where the
    // fast path needs none: about 40 % slower on a register.
    await db.exec(`SET disabled_optimizers = 'common_subexpressions'`);
    // The files are parsed and typed once, into a scratch database on disk (its pages cached and
    // evicted by DuckDB's buffer manager, so memory stays bounded): the aggregation reads its rows
    // three times, each far cheaper than parsing the text again. Stored uncompressed: compressing
    // the typed columns cost more CPU than their reads saved (10 M Parquet rows, type and
    // aggregate: 33 s of CPU compressed, 24 s uncompressed, 23 s in an in-memory table).
    await db.exec(`ATTACH ${sqlLiteral(join(db.scratch, 'kerja.duckdb'))} AS kerja; USE kerja; SET force_compression = 'uncompressed'`);
    const spec = { kode: columns.kode, id: columns.id, desil: columns.desil, deprivations: columns.deprivations };
    const types = new Map(probe.header.map((h, i) => [h, probe.types[i]] as const));
    await step(db, streams, `1/2 membaca dan mengetik / reading and typing ${label}`, label, () =>
      db.exec(`CREATE TABLE households AS ${householdsSelectSql(files.source, spec, types)}`),
    );
    const weights = columns.deprivations.map((d) => ({ column: d.column, weight: d.weight }));
    const summary = await step(db, streams, '2/2 agregasi per kelurahan / aggregating per kelurahan', label, () =>
      aggregateHouseholds(db, { view: 'households', deprivations: weights, k, target: 'agregat' }),
    );
    if (summary.kelurahan === 0) {
      const examples = [...new Set(probe.sample.map((r) => r[probe.header.indexOf(columns.kode)]).filter(Boolean))].slice(0, 3).join(', ');
      throw new ImportError('householdRead.noKodeValues', { column: columns.kode, file: label, examples });
    }

    // Written next to the output and renamed: a failure leaves no partial file.
    const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    try {
      await db.exec(
        `COPY (${suppressedAggregateSql(
          'agregat',
          columns.deprivations.map((d) => d.column),
          Math.max(1, minCount),
        )}) TO ${sqlLiteral(temporary)} (HEADER, DELIMITER ',')`,
      );
      await rename(temporary, out);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new UsageError(`${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]})`);
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(summary.rows / Math.max(seconds, 0.001));
    streams.stdout.write(
      `${out}: ${summary.kelurahan} kelurahan, ${summary.rows.toLocaleString('id-ID')} baris/rows in ${seconds.toFixed(1)} s (${rate.toLocaleString('id-ID')} baris/rows per s)\n` +
        `  tanpa kode wilayah sah / without a valid kode: ${summary.notJoined}; desil tidak diketahui / unknown desil: ${summary.desilUnknown}; ` +
        `data deprivasi tidak lengkap / incomplete deprivations: ${summary.incomplete}; id ganda / duplicate ids: ${summary.duplicateIds}\n` +
        (minCount > 1 ? `  jumlah 1-${minCount - 1} rumah tangga dikosongkan / counts of 1-${minCount - 1} households left empty\n` : ''),
    );
    return 0;
  } finally {
    db.close();
  }
}

/** The columns chosen for a run, checked. */
interface ChosenColumns {
  kode: string;
  id: string | null;
  desil: { column: string; numberFormat: 'id' | 'en' | null };
  deprivations: { source: string; column: string; weight: number }[];
  personal: string[];
}

/**
 * The kode, id, desil and deprivation columns: named by the options, else as the import dialog
 * proposes them. A named column must exist, must not be personal data, and a deprivation must
 * hold yes/no words.
 */
function chooseColumns(
  raw: RawOptions,
  header: string[],
  sample: string[][],
  file: string,
  named: { source: string; weight: number }[] | undefined,
  fallbackFormat: 'id' | 'en',
): ChosenColumns {
  const proposal = proposeHouseholdColumns(header, sample, fallbackFormat);
  const columns = header.join(', ');
  const personal = new Map(proposal.personal.map((p) => [header[p.column], p.kind]));
  const check = (column: string): string => {
    if (!header.includes(column)) throw new ImportError('householdRead.columnNotFound', { column, file, columns });
    const kind = personal.get(column);
    if (kind !== undefined) throw new ImportError('householdRead.personalColumn', { column, kind, file });
    return column;
  };
  const kodeIndex = chooseKeyColumns(header, sample, []).columns.kode;
  const kodeName = text(raw, 'kode') ?? (kodeIndex === null ? undefined : header[kodeIndex]);
  if (kodeName === undefined) throw new ImportError('householdRead.noKode', { file, columns });
  const desilName = text(raw, 'desil') ?? proposal.desil ?? undefined;
  if (desilName === undefined) throw new ImportError('householdRead.noDesil', { file, columns });
  const idName = text(raw, 'id') ?? proposal.id;
  const sources = named ?? proposal.deprivations.map((source) => ({ source, weight: 1 }));
  if (sources.length === 0) throw new ImportError('householdRead.noDeprivation', { file });
  const taken = new Set<string>();
  const deprivations = sources.map(({ source, weight }) => {
    check(source);
    const profile = proposal.profiles[header.indexOf(source)];
    if (profile.type !== 'boolean') throw new ImportError('householdRead.notYesNo', { column: source, file, examples: profile.examples.slice(0, 3).join(', ') });
    return { source, column: slugOf(source, taken), weight };
  });
  const desilProfile = proposal.profiles[header.indexOf(check(desilName))];
  return {
    kode: check(kodeName),
    // The id is read only to count duplicates, never written; a NIK column may serve.
    id: idName === null ? null : header.includes(idName) ? idName : check(idName),
    desil: { column: desilName, numberFormat: desilProfile.numberFormat },
    deprivations,
    personal: [...personal.keys()],
  };
}
