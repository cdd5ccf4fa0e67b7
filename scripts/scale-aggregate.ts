/**
 * The aggregation step of the scale measure (scripts/scale-households.ts, `--engine sql`): the
 * app's household SQL (aggregateHouseholds, src/data/households.ts) on native DuckDB over a file
 * of the synthetic register generator, typed by a plain view that knows the generator's spellings
 * (dotted kode, whole-number desil, `ya`/`tidak`). It measures the aggregation alone, without the
 * import's any-spelling typing rules that `peta-kantong households` applies to every cell; the two
 * together say what those rules cost.
 *
 *   npx tsx scripts/scale-aggregate.ts FILE.csv|FILE.parquet OUT.csv
 */
import { openNativeDatabase } from '../src/cli/native-db';
import { SCALE_FLAGS } from '../src/cli/register-scale';
import { aggregateHouseholds } from '../src/data/households';
import { sqlLiteral } from '../src/data/sql';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: scale-aggregate FILE.csv|FILE.parquet OUT.csv');
const deprivations = SCALE_FLAGS.filter((f) => f !== 'kepala_perempuan');
const source = file.endsWith('.parquet') ? `read_parquet(${sqlLiteral(file)})` : `read_csv(${sqlLiteral(file)}, header = true, all_varchar = true)`;
const db = await openNativeDatabase();
try {
  await db.exec(`CREATE VIEW rt AS SELECT kode_kelurahan AS kode, id_rt, TRY_CAST(desil AS INTEGER) AS desil,
    ${deprivations.map((c) => `CASE ${c} WHEN 'ya' THEN TRUE WHEN 'tidak' THEN FALSE END AS ${c}`).join(', ')} FROM ${source}`);
  const started = performance.now();
  const summary = await aggregateHouseholds(db, { view: 'rt', deprivations: deprivations.map((column) => ({ column, weight: 1 })), k: 1 / 3, target: 'agregat' });
  await db.exec(`COPY agregat TO ${sqlLiteral(out)} (HEADER, DELIMITER ',')`);
  console.error(
    `${out}: ${summary.kelurahan} kelurahan from ${summary.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (duplicate ids ${summary.duplicateIds}, incomplete ${summary.incomplete})`,
  );
} finally {
  db.close();
}
