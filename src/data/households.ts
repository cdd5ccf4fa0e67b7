/**
 * Household records (one row per household, personal and sensitive) turned into kelurahan
 * figures inside DuckDB, so no household row ever reaches the map, the state or an export: only
 * the aggregate tables these functions create.
 *
 * Input views (typed by the caller after the join):
 *   households:    kode VARCHAR (NULL = not joined), id_rt VARCHAR, desil INTEGER (1..10, else
 *                  unknown), and one BOOLEAN column per deprivation (NULL = unknown)
 *   beneficiaries: id_rt VARCHAR, program VARCHAR, tahun INTEGER
 *
 * The Alkire-Foster part follows src/analysis/alkire-foster.ts exactly (same exclusion of
 * incomplete households, same tolerance at the cut-off, same order of summing the weights), and
 * the tests hold the two to the same numbers.
 */
import { normaliseWeights, SCORE_TOLERANCE } from '../analysis/alkire-foster';
import { toRows, type Database } from './database';
import { ImportError } from './importers/types';
import { sqlIdentifier } from './sql';

/** One deprivation used by the aggregation and its (unnormalised) weight. */
export interface DeprivationSpec {
  /** BOOLEAN column of the households view. */
  column: string;
  /** Positive weight; weights are normalised to sum 1. */
  weight: number;
}

export interface AggregateHouseholdsOptions {
  /** The typed households view (or table). */
  view: string;
  deprivations: readonly DeprivationSpec[];
  /** Alkire-Foster cut-off in (0, 1]: a household whose weighted score is >= k is poor. */
  k: number;
  /** Name of the table to create (replaced if it exists). */
  target: string;
}

/** What the aggregation saw, for the import report. */
export interface HouseholdsSummary {
  /** Rows of the view. */
  rows: number;
  /** Rows without a kelurahan (kode NULL): left out of every figure. */
  notJoined: number;
  /** Joined rows without a valid desil (NULL or outside 1..10), counted in desil_unknown. */
  desilUnknown: number;
  /** Joined rows with at least one unknown deprivation (`tidak lengkap`): left out of the AF figures. */
  incomplete: number;
  /** Joined rows with each deprivation unknown, by column. */
  unknownByColumn: Record<string, number>;
  /** Rows without id_rt. */
  missingIds: number;
  /** id_rt values found in more than one row, and the rows beyond the first (all are counted). */
  duplicateIds: number;
  duplicateRows: number;
  /** Kelurahan in the created table. */
  kelurahan: number;
  /** The weights used, normalised to sum 1, in the order given. */
  weights: Record<string, number>;
}

export interface MatchBeneficiariesOptions {
  /** Typed households view (kode, id_rt, desil). */
  households: string;
  /** Typed beneficiaries view (id_rt, program, tahun). */
  beneficiaries: string;
  /** Households with desil 1..eligibleMaxDesil are eligible. Default 4 (DTSEN desil 1-4). */
  eligibleMaxDesil?: number;
  /** Name of the table to create (replaced if it exists). */
  target: string;
}

export interface MatchSummary {
  beneficiaryRows: number;
  /** Rows repeating an (id_rt, program, tahun) already listed: a household served twice in a program and year counts once. */
  duplicateBeneficiaryRows: number;
  /** Beneficiary rows without id_rt: cannot be matched, left out. */
  beneficiaryRowsWithoutId: number;
  /** Distinct beneficiary ids (over all programs and years) not in the household records. */
  unknownHouseholdIds: number;
  /** id_rt values found in more than one household row; the first by (kode, desil) is used. */
  duplicateHouseholdIds: number;
  /** Distinct (program, tahun) pairs of the beneficiary list. */
  programYears: number;
}

/** Default eligibility: DTSEN desil 1-4 (poor and near-poor). */
export const DEFAULT_ELIGIBLE_MAX_DESIL = 4;

/** A double as a SQL literal that DuckDB reads back to the same double. */
function doubleLiteral(x: number): string {
  return `CAST('${String(x)}' AS DOUBLE)`;
}

/** Column names and types of a view, lower-cased names kept as written. */
async function describe(db: Database, view: string): Promise<Map<string, string>> {
  const rows = toRows(await db.query(`DESCRIBE SELECT * FROM ${sqlIdentifier(view)}`));
  return new Map(rows.map((r) => [String(r.column_name), String(r.column_type).toUpperCase()]));
}

const TYPE_MESSAGE = {
  text: 'households.columnType.text',
  integer: 'households.columnType.integer',
  boolean: 'households.columnType.boolean',
} as const;

/** Checks that `view` has `columns` with the expected type family. */
async function requireColumns(db: Database, view: string, columns: Record<string, 'text' | 'integer' | 'boolean'>): Promise<void> {
  const types = await describe(db, view);
  for (const [column, kind] of Object.entries(columns)) {
    const type = types.get(column);
    if (type === undefined) throw new ImportError('households.columnMissing', { column, table: view });
    const ok =
      kind === 'boolean' ? type === 'BOOLEAN' : kind === 'integer' ? /INT/.test(type) : type === 'VARCHAR';
    if (!ok) throw new ImportError(TYPE_MESSAGE[kind], { column, table: view });
  }
}

/** Validates the options a user can set (weights, k, columns) before any SQL runs. */
function checkAggregateOptions(options: AggregateHouseholdsOptions): number[] {
  const { deprivations, k } = options;
  if (deprivations.length === 0) throw new ImportError('households.noDeprivation');
  const seen = new Set<string>();
  for (const d of deprivations) {
    if (seen.has(d.column)) throw new ImportError('households.deprivationTwice', { column: d.column });
    seen.add(d.column);
    if (!Number.isFinite(d.weight) || d.weight <= 0) {
      throw new ImportError('households.weightInvalid', { column: d.column, weight: String(d.weight) });
    }
  }
  if (!Number.isFinite(k) || k <= 0 || k > 1) throw new ImportError('households.kInvalid', { k: String(k) });
  return normaliseWeights(deprivations.map((d) => d.weight));
}

/** `count(*) FILTER (WHERE cond)` as an INTEGER. */
function countIf(cond: string): string {
  return `(count(*) FILTER (WHERE ${cond}))::INTEGER`;
}

/** `num / den` as DOUBLE, NULL when den = 0. */
function ratio(num: string, den: string): string {
  return `CASE WHEN ${den} = 0 THEN NULL ELSE (${num})::DOUBLE / (${den}) END`;
}

/**
 * Aggregates household records to one row per kelurahan in a new table `target`:
 *   kode, households, households_known (every deprivation known), desil_1..desil_10,
 *   desil_unknown, share_desil_1..share_desil_10 and share_desil_1_4 (of households with a known
 *   desil), and per deprivation column c: deprived_c, unknown_c, share_c (of households where c
 *   is known), af_ch_c (censored headcount ratio), af_contrib_c; and af_poor, af_h, af_a, af_m0.
 * Rows without kode are left out (and counted in the summary). Counts are raw: suppress them
 * with src/data/suppression.ts where they are shown or exported.
 * @throws ImportError for invalid weights or k, a missing column or a column of the wrong type
 */
export async function aggregateHouseholds(db: Database, options: AggregateHouseholdsOptions): Promise<HouseholdsSummary> {
  const weights = checkAggregateOptions(options);
  const { view, deprivations, k, target } = options;
  const columnTypes: Record<string, 'text' | 'integer' | 'boolean'> = { kode: 'text', id_rt: 'text', desil: 'integer' };
  for (const d of deprivations) columnTypes[d.column] = 'boolean';
  await requireColumns(db, view, columnTypes);

  const cols = deprivations.map((d) => sqlIdentifier(d.column));
  const known = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
  // Summed in the order given, starting from 0, as the TypeScript reference does.
  const score = ['0::DOUBLE', ...cols.map((c, j) => `(CASE WHEN ${c} THEN ${doubleLiteral(weights[j])} ELSE 0::DOUBLE END)`)].join(' + ');
  const desils = Array.from({ length: 10 }, (_, i) => i + 1);

  const select: string[] = [
    'kode',
    'count(*)::INTEGER AS households',
    `${countIf('known')} AS households_known`,
    ...desils.map((d) => `${countIf(`desil_ok = ${d}`)} AS desil_${d}`),
    `${countIf('desil_ok IS NULL')} AS desil_unknown`,
    ...deprivations.flatMap((d, j) => [
      `${countIf(cols[j])} AS ${sqlIdentifier(`deprived_${d.column}`)}`,
      `${countIf(`${cols[j]} IS NULL`)} AS ${sqlIdentifier(`unknown_${d.column}`)}`,
      `${countIf(`poor AND ${cols[j]}`)} AS ${sqlIdentifier(`af_poor_in_${d.column}`)}`,
    ]),
    `${countIf('poor')} AS af_poor`,
    `sum(score) FILTER (WHERE poor) AS af_score_poor`,
  ];
  const counted = 'households - desil_unknown';
  const outer: string[] = [
    'kode',
    'households',
    'households_known',
    ...desils.map((d) => `desil_${d}`),
    'desil_unknown',
    ...desils.map((d) => `${ratio(`desil_${d}`, counted)} AS share_desil_${d}`),
    `${ratio('desil_1 + desil_2 + desil_3 + desil_4', counted)} AS share_desil_1_4`,
    ...deprivations.flatMap((d) => [
      sqlIdentifier(`deprived_${d.column}`),
      sqlIdentifier(`unknown_${d.column}`),
      `${ratio(sqlIdentifier(`deprived_${d.column}`), `households - ${sqlIdentifier(`unknown_${d.column}`)}`)} AS ${sqlIdentifier(`share_${d.column}`)}`,
      `${ratio(sqlIdentifier(`af_poor_in_${d.column}`), 'households_known')} AS ${sqlIdentifier(`af_ch_${d.column}`)}`,
    ]),
    'af_poor',
    `${ratio('af_poor', 'households_known')} AS af_h`,
    `CASE WHEN households_known = 0 THEN NULL WHEN af_poor = 0 THEN 0::DOUBLE ELSE af_score_poor / af_poor END AS af_a`,
  ];
  // M0 and contributions from the censored headcounts, as in the reference.
  const ch = (d: DeprivationSpec): string => sqlIdentifier(`af_ch_${d.column}`);
  const m0 = ['0::DOUBLE', ...deprivations.map((d, j) => `${doubleLiteral(weights[j])} * ${ch(d)}`)].join(' + ');
  const contributions = deprivations.map(
    (d, j) => `CASE WHEN af_m0 IS NULL OR af_m0 = 0 THEN NULL ELSE ${doubleLiteral(weights[j])} * ${ch(d)} / af_m0 END AS ${sqlIdentifier(`af_contrib_${d.column}`)}`,
  );

  await db.exec(`CREATE OR REPLACE TABLE ${sqlIdentifier(target)} AS
WITH base AS (
  SELECT kode,
    CASE WHEN desil BETWEEN 1 AND 10 THEN desil::INTEGER END AS desil_ok,
    ${cols.join(', ')},
    (${known}) AS known,
    (${score}) AS score
  FROM ${sqlIdentifier(view)} WHERE kode IS NOT NULL
), scored AS (
  SELECT *, known AND score >= ${doubleLiteral(k)} - ${doubleLiteral(SCORE_TOLERANCE)} AS poor FROM base
), counts AS (
  SELECT ${select.join(',\n    ')} FROM scored GROUP BY kode
), ratios AS (
  SELECT ${outer.join(',\n    ')} FROM counts
), measured AS (
  SELECT *, CASE WHEN households_known = 0 THEN NULL ELSE ${m0} END AS af_m0 FROM ratios
)
SELECT *, ${contributions.join(',\n  ')} FROM measured ORDER BY kode`);

  const unknownCounts = deprivations.map((d, j) => `${countIf(`kode IS NOT NULL AND ${cols[j]} IS NULL`)} AS ${sqlIdentifier(`u_${d.column}`)}`);
  const [s] = toRows(
    await db.query(`SELECT count(*)::INTEGER AS rows_,
      ${countIf('kode IS NULL')} AS not_joined,
      ${countIf('kode IS NOT NULL AND (desil IS NULL OR desil NOT BETWEEN 1 AND 10)')} AS desil_unknown,
      ${countIf(`kode IS NOT NULL AND NOT (${known})`)} AS incomplete,
      ${countIf('id_rt IS NULL')} AS missing_ids,
      ${unknownCounts.join(',\n      ')}
    FROM ${sqlIdentifier(view)}`),
  );
  const [dup] = toRows(
    await db.query(`SELECT count(*)::INTEGER AS ids, coalesce(sum(n - 1), 0)::INTEGER AS extra
      FROM (SELECT id_rt, count(*) AS n FROM ${sqlIdentifier(view)} WHERE id_rt IS NOT NULL GROUP BY id_rt HAVING count(*) > 1)`),
  );
  const [kel] = toRows(await db.query(`SELECT count(*)::INTEGER AS n FROM ${sqlIdentifier(target)}`));
  return {
    rows: Number(s.rows_),
    notJoined: Number(s.not_joined),
    desilUnknown: Number(s.desil_unknown),
    incomplete: Number(s.incomplete),
    unknownByColumn: Object.fromEntries(deprivations.map((d) => [d.column, Number(s[`u_${d.column}`])])),
    missingIds: Number(s.missing_ids),
    duplicateIds: Number(dup.ids),
    duplicateRows: Number(dup.extra),
    kelurahan: Number(kel.n),
    weights: Object.fromEntries(deprivations.map((d, j) => [d.column, weights[j]])),
  };
}

/**
 * Matches a beneficiary list against the household records, per kode, program and tahun, in a
 * new table `target` with columns kode, program, tahun, eligible, eligible_served,
 * eligible_not_served (exclusion error), served_not_eligible (inclusion error),
 * served_unknown_desil, served_unknown_household, exclusion_rate (of eligible) and
 * inclusion_rate (of served households with a known desil).
 *
 * Every kelurahan of the records gets a row for every (program, tahun) of the list, so a
 * kelurahan nobody was served in shows its whole eligible count as exclusion. Beneficiary ids
 * not in the records are counted in served_unknown_household on a row with kode NULL; households
 * of the records without kode (not joined) are counted on that same row. Eligibility is the desil
 * in the records as they are now, also for earlier years.
 * @throws ImportError when the threshold is not an integer 1..10 or a column is missing
 */
export async function matchBeneficiaries(db: Database, options: MatchBeneficiariesOptions): Promise<MatchSummary> {
  const max = options.eligibleMaxDesil ?? DEFAULT_ELIGIBLE_MAX_DESIL;
  if (!Number.isInteger(max) || max < 1 || max > 10) throw new ImportError('households.eligibleInvalid', { desil: String(max) });
  await requireColumns(db, options.households, { kode: 'text', id_rt: 'text', desil: 'integer' });
  await requireColumns(db, options.beneficiaries, { id_rt: 'text', program: 'text', tahun: 'integer' });
  const hhView = sqlIdentifier(options.households);
  const benView = sqlIdentifier(options.beneficiaries);

  await db.exec(`CREATE OR REPLACE TABLE ${sqlIdentifier(options.target)} AS
WITH hh AS (
  SELECT id_rt, kode, desil FROM (
    SELECT id_rt, kode, CASE WHEN desil BETWEEN 1 AND 10 THEN desil::INTEGER END AS desil,
      row_number() OVER (PARTITION BY id_rt ORDER BY kode NULLS LAST, desil NULLS LAST) AS rn
    FROM ${hhView} WHERE id_rt IS NOT NULL)
  WHERE rn = 1
), ben AS (
  SELECT DISTINCT id_rt, program, tahun FROM ${benView} WHERE id_rt IS NOT NULL
), program_years AS (
  SELECT DISTINCT program, tahun FROM ben
), eligible AS (
  SELECT kode, (count(*) FILTER (WHERE desil <= ${max}))::INTEGER AS eligible FROM hh GROUP BY kode
), served AS (
  SELECT hh.kode, ben.program, ben.tahun,
    (count(*) FILTER (WHERE hh.desil <= ${max}))::INTEGER AS eligible_served,
    (count(*) FILTER (WHERE hh.desil > ${max}))::INTEGER AS served_not_eligible,
    (count(*) FILTER (WHERE hh.desil IS NULL))::INTEGER AS served_unknown_desil
  FROM ben JOIN hh USING (id_rt) GROUP BY ALL
), unknown AS (
  SELECT program, tahun, count(*)::INTEGER AS served_unknown_household
  FROM ben ANTI JOIN hh USING (id_rt) GROUP BY ALL
), grid AS (
  SELECT e.kode, p.program, p.tahun, e.eligible FROM eligible e CROSS JOIN program_years p
  UNION ALL
  -- The kode NULL row of a program-year exists for unknown ids even when every household joined.
  SELECT NULL, u.program, u.tahun, 0 FROM unknown u
  WHERE NOT EXISTS (SELECT 1 FROM eligible e WHERE e.kode IS NULL)
)
SELECT g.kode, g.program, g.tahun, g.eligible,
  coalesce(s.eligible_served, 0) AS eligible_served,
  g.eligible - coalesce(s.eligible_served, 0) AS eligible_not_served,
  coalesce(s.served_not_eligible, 0) AS served_not_eligible,
  coalesce(s.served_unknown_desil, 0) AS served_unknown_desil,
  CASE WHEN g.kode IS NULL THEN coalesce(u.served_unknown_household, 0) ELSE 0 END AS served_unknown_household,
  CASE WHEN g.eligible = 0 THEN NULL
    ELSE (g.eligible - coalesce(s.eligible_served, 0))::DOUBLE / g.eligible END AS exclusion_rate,
  CASE WHEN coalesce(s.eligible_served, 0) + coalesce(s.served_not_eligible, 0) = 0 THEN NULL
    ELSE coalesce(s.served_not_eligible, 0)::DOUBLE / (s.eligible_served + s.served_not_eligible) END AS inclusion_rate
FROM grid g
LEFT JOIN served s ON s.kode IS NOT DISTINCT FROM g.kode AND s.program IS NOT DISTINCT FROM g.program AND s.tahun IS NOT DISTINCT FROM g.tahun
LEFT JOIN unknown u ON g.kode IS NULL AND u.program IS NOT DISTINCT FROM g.program AND u.tahun IS NOT DISTINCT FROM g.tahun
ORDER BY g.kode NULLS LAST, g.program, g.tahun`);

  const [b] = toRows(
    await db.query(`SELECT count(*)::INTEGER AS rows_,
      (count(*) FILTER (WHERE id_rt IS NULL))::INTEGER AS without_id,
      (SELECT count(*) FROM (SELECT DISTINCT id_rt, program, tahun FROM ${benView} WHERE id_rt IS NOT NULL))::INTEGER AS distinct_rows,
      (SELECT count(*) FROM (SELECT DISTINCT program, tahun FROM ${benView} WHERE id_rt IS NOT NULL))::INTEGER AS program_years,
      (SELECT count(DISTINCT id_rt) FROM ${benView} b WHERE id_rt IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${hhView} h WHERE h.id_rt = b.id_rt))::INTEGER AS unknown_ids,
      (SELECT count(*) FROM (SELECT id_rt FROM ${hhView} WHERE id_rt IS NOT NULL GROUP BY id_rt HAVING count(*) > 1))::INTEGER AS dup_hh
    FROM ${benView}`),
  );
  return {
    beneficiaryRows: Number(b.rows_),
    duplicateBeneficiaryRows: Number(b.rows_) - Number(b.without_id) - Number(b.distinct_rows),
    beneficiaryRowsWithoutId: Number(b.without_id),
    unknownHouseholdIds: Number(b.unknown_ids),
    duplicateHouseholdIds: Number(b.dup_hh),
    programYears: Number(b.program_years),
  };
}
