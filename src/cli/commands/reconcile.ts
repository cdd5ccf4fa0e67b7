/**
 * `peta-kantong reconcile`: two household registers side by side, per kelurahan, with the app's
 * own pipeline (src/data/reconcile.ts): the same importers, the same salted hashing in DuckDB,
 * the same counting and the same small-cell rule, so the CLI's table equals the app's. Writes
 * nothing when either register is refused (no usable id, colliding ids, codes outside the
 * region, a beneficiary list).
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from '../../data/catalog';
import { reconcileRegisters, reconcileTable, worklistCsv, worklistXlsx, type MatchBy } from '../../data/reconcile';
import { loadRegister, type RegisterSpec } from '../../data/register-rows';
import { DEFAULT_SUPPRESSION_THRESHOLD, formatSuppressed } from '../../data/suppression';
import { choice, numberOption, parseOptions, required, text, type OptionSpec } from '../args';
import { readDataTable } from '../data-table';
import { UsageError, writeText, type Streams } from '../io';
import { openNodeDatabase } from '../node-db';

export const RECONCILE_OPTIONS: OptionSpec = Object.fromEntries(
  ['a', 'b', 'a-id', 'b-id', 'min-count', 'match', 'worklist', 'lang', 'out'].map((name) => [name, { type: 'string' }]),
);

/** Runs the reconcile command; returns the exit code. */
export async function reconcileCommand(args: readonly string[], streams: Streams): Promise<number> {
  const raw = parseOptions(args, RECONCILE_OPTIONS);
  const pathA = required(raw, 'a', 'FILE (register A: CSV, TSV, Excel or Parquet)');
  const pathB = required(raw, 'b', 'FILE (register B: CSV, TSV, Excel or Parquet)');
  const out = required(raw, 'out', 'FILE.csv');
  if (extname(out).toLowerCase() !== '.csv') throw new UsageError(`--out must be a .csv file, got ${out}`);
  const worklist = text(raw, 'worklist');
  if (worklist !== undefined && !['.csv', '.xlsx'].includes(extname(worklist).toLowerCase())) throw new UsageError(`--worklist must be a .csv or .xlsx file, got ${worklist}`);
  const minCount = numberOption(raw, 'min-count', { min: 0, integer: true }, DEFAULT_SUPPRESSION_THRESHOLD);
  const matchBy = choice<MatchBy>(raw, 'match', ['id', 'nik']);
  const lang = choice<Lang>(raw, 'lang', ['id', 'en'], 'id');

  const db = await openNodeDatabase();
  const load = async (path: string, tableId: string, id: string | undefined): Promise<RegisterSpec> => loadRegister(db, await readDataTable(path), tableId, id);
  const a = await load(pathA, 'register_a', text(raw, 'a-id'));
  const b = await load(pathB, 'register_b', text(raw, 'b-id'));
  // A salt of this run only: the hashes cannot be compared with any other run's or file's.
  const result = await reconcileRegisters(db, a, b, { salt: randomUUID(), matchBy });

  const rows = reconcileTable(result, minCount);
  await writeText(out, `${rows.map((r) => r.join(',')).join('\n')}\n`);
  if (worklist !== undefined) {
    if (extname(worklist).toLowerCase() === '.xlsx') {
      try {
        await writeFile(worklist, worklistXlsx(result, lang));
      } catch (error) {
        throw new UsageError(`${worklist}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    } else await writeText(worklist, worklistCsv(result, lang));
  }
  const r = result.region;
  // The summary follows the table's small-cell rule too.
  const n = (count: number) => formatSuppressed(count, Math.max(1, minCount));
  const share = r.desilCompared > 0 && n(r.desilDiffers2plus) === String(r.desilDiffers2plus) ? `${((100 * r.desilDiffers2plus) / r.desilCompared).toFixed(1)}%` : '–';
  streams.stdout.write(
    `${out}: ${result.kelurahan.length} kelurahan of ${result.regionCode}, matched by ${result.matchedBy === 'id' ? 'household id' : 'head NIK and kelurahan'}: ` +
      `${n(r.both)} household(s) in both (${n(r.movedOut)} in a different kelurahan), ${n(r.onlyA)} only in ${a.file}, ${n(r.onlyB)} only in ${b.file}; ` +
      `duplicate head NIK: ${n(r.duplicatesA)} in ${a.file}, ${n(r.duplicatesB)} in ${b.file}; desil differs by 2+ for ${share} of ${n(r.desilCompared)} compared` +
      `${minCount > 1 ? `; counts below ${minCount} written as <${minCount}` : ''}\n`,
  );
  if (worklist !== undefined) streams.stdout.write(`${worklist}: ${result.discrepancies.length} row(s) to verify\n`);
  return 0;
}
