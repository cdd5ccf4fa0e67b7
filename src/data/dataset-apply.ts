/**
 * How each kind of stored dataset becomes tables and indicators in DuckDB, both right after the
 * import and when the workspace is replayed after a reload. The metadata types here are what
 * the store keeps for each kind.
 */
import type { Database } from './database';
import type { IndicatorDef, LocalText } from './catalog';
import {
  applyIndicatorTable,
  dropDataset,
  indicatorDef,
  loadMapping,
  loadRawTable,
  type ColumnChoice,
  type ImportedIndicator,
  type KeyColumns,
  type KeyMapping,
} from './datasets';
import { aggregateHouseholds, matchBeneficiaries } from './households';
import { replaceDataset, type MeasureDef } from './indicators';
import { gunzip, gzip, type StoredDataset } from './store';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression';
import { sqlIdentifier, sqlLiteral } from './sql';
import { TaskCancelled } from './task-cancelled';

/** Where a dataset came from, shown in the datasets list and the legend. */
export interface SourceInfo {
  file: string;
  format: string;
  sheet: string | null;
  headerRow: number;
  rowCount: number;
  /** The join's counts at import, for the datasets list. */
  joined: { code: number; name: number; fuzzy: number; manual: number; unmatched: number; missing: number };
}

export interface IndicatorsMeta {
  kind: 'indicators';
  source: SourceInfo;
  columns: ColumnChoice[];
  keys: KeyColumns;
  /** The year of every row when the table has no year column. */
  year: number | null;
  mapping: KeyMapping[];
  duplicates: 'sum' | 'mean' | 'reject';
  indicators: ImportedIndicator[];
}

/** A deprivation column of household records: its column in the stored table and its label. */
export interface DeprivationChoice {
  column: string;
  label: string;
  weight: number;
}

/**
 * Household records are stored reduced: kelurahan code, a salted hash of the household id (so a
 * beneficiary list can still be matched), desil and yes/no deprivations. Names, identity
 * numbers and every other column of the file are never stored.
 */
export interface HouseholdsMeta {
  kind: 'households';
  source: SourceInfo;
  year: number;
  deprivations: DeprivationChoice[];
  k: number;
  suppressBelow: number;
  /** Columns flagged as personal and left out (for the datasets list). */
  personal: string[];
}

export interface BeneficiariesMeta {
  kind: 'beneficiaries';
  source: SourceInfo;
  /** The household records they are matched against. */
  households: string;
  eligibleMaxDesil: number;
  suppressBelow: number;
  /** Program values as in the file, in order, and the id part each got. */
  programs: { value: string; slug: string }[];
}

export interface PointsMeta {
  kind: 'points';
  source: SourceInfo;
  /** Points per kelurahan (assigned at import). */
  counts: { kode: string; n: number }[];
  /** The year the counts are shown under (the year on screen at import). */
  year: number;
}

/**
 * Kelurahan figures computed from household records or a beneficiary list, as they travel in a
 * workspace file: only the aggregates (small counts suppressed), never a household row.
 */
export interface AggregateMeta {
  kind: 'aggregate';
  source: SourceInfo;
  from: 'households' | 'beneficiaries';
  indicators: IndicatorDef[];
  /** Counts from 1 to this minus one were removed before the file was written. */
  suppressedBelow: number;
}

export type DatasetMeta = IndicatorsMeta | HouseholdsMeta | BeneficiariesMeta | PointsMeta | AggregateMeta;

const text = (id: string, en = id): LocalText => ({ id, en });

function metaOf(dataset: StoredDataset): DatasetMeta {
  return dataset.meta as DatasetMeta;
}

async function payloadBytes(dataset: StoredDataset): Promise<Uint8Array> {
  if (!dataset.payload) throw new Error(`Dataset ${dataset.name} has no stored content`);
  return gunzip(dataset.payload);
}

export const householdTable = (id: string) => `rt_${id}`;
export const aggregateTable = (id: string) => `agregat_${id}`;
export const beneficiaryTable = (id: string) => `pm_${id}`;
export const matchTable = (id: string) => `cocok_${id}`;

/** How a dataset is applied. */
export interface ApplyOptions {
  /**
   * Household records: `rt_<id>` was just made from the import's rows inside DuckDB (the
   * import's commit), so it is aggregated as it is instead of being read back from the payload.
   */
  loaded?: boolean;
  /** A cancelled import: stops before the dataset's values go in (TaskCancelled), so the caller stores nothing. */
  signal?: AbortSignal;
}

/**
 * Takes a dataset out of DuckDB whole: its values and its raw and mapping tables (dropDataset)
 * and the tables a household or beneficiary dataset is aggregated from, which hold a row per
 * household (a million households are hundreds of MB of DuckDB's memory).
 */
export async function dropAppliedDataset(db: Database, id: string): Promise<void> {
  const tables = [householdTable(id), aggregateTable(id), beneficiaryTable(id), matchTable(id)];
  await db.exec(tables.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
  await dropDataset(db, id);
}

/** Loads a stored dataset into DuckDB: its tables and its indicators in `nilai`. */
export async function applyStoredDataset(db: Database, dataset: StoredDataset, options: ApplyOptions = {}): Promise<void> {
  const meta = metaOf(dataset);
  switch (meta.kind) {
    case 'indicators': {
      await loadRawTable(db, dataset.id, await payloadBytes(dataset));
      await loadMapping(db, dataset.id, meta.mapping);
      await applyIndicatorTable(db, { id: dataset.id, keys: meta.keys, columns: meta.columns, indicators: meta.indicators, year: meta.year, duplicates: meta.duplicates });
      return;
    }
    case 'households': {
      if (!options.loaded) {
        await loadTypedCsv(db, householdTable(dataset.id), storedPayload(dataset), {
          kode: 'VARCHAR',
          id_rt: 'VARCHAR',
          desil: 'INTEGER',
          ...Object.fromEntries(meta.deprivations.map((d) => [d.column, 'BOOLEAN'])),
        });
      }
      await aggregateHouseholds(db, {
        view: householdTable(dataset.id),
        deprivations: meta.deprivations.map((d) => ({ column: d.column, weight: d.weight })),
        k: meta.k,
        target: aggregateTable(dataset.id),
      });
      if (options.signal?.aborted) throw new TaskCancelled();
      const { select, defs } = householdMeasures(dataset.id, meta);
      await replaceDataset(db, dataset.id, select, defs);
      return;
    }
    case 'beneficiaries': {
      await loadTypedCsv(db, beneficiaryTable(dataset.id), storedPayload(dataset), { id_rt: 'VARCHAR', program: 'VARCHAR', tahun: 'INTEGER' });
      await matchBeneficiaries(db, {
        households: householdTable(meta.households),
        beneficiaries: beneficiaryTable(dataset.id),
        eligibleMaxDesil: meta.eligibleMaxDesil,
        target: matchTable(dataset.id),
      });
      const { select, defs } = beneficiaryMeasures(dataset.id, meta);
      await replaceDataset(db, dataset.id, select, defs);
      return;
    }
    case 'aggregate': {
      const table = `agr_${dataset.id}`;
      await loadTypedCsv(db, table, storedPayload(dataset), { kode: 'VARCHAR', kode_kota: 'VARCHAR', tahun: 'INTEGER', indikator: 'VARCHAR', nilai: 'DOUBLE' });
      await replaceDataset(db, dataset.id, `SELECT kode, kode_kota, tahun, indikator, nilai FROM ${table}`, meta.indicators);
      await db.exec(`DROP TABLE ${table}`);
      return;
    }
    case 'points': {
      const rows = meta.counts.map((c) => `(${sqlLiteral(c.kode)}, ${c.n})`);
      const select = rows.length
        ? `SELECT kode, left(kode, 5) AS kode_kota, ${meta.year} AS tahun, ${sqlLiteral(`${dataset.id}_titik`)} AS indikator, n AS nilai
           FROM (VALUES ${rows.join(', ')}) t(kode, n)`
        : 'SELECT NULL AS kode, NULL AS kode_kota, NULL AS tahun, NULL AS indikator, NULL AS nilai WHERE false';
      await replaceDataset(db, dataset.id, select, [{ id: `${dataset.id}_titik`, rate: null }]);
      return;
    }
  }
}

/**
 * A copy of the stored gzipped CSV, handed to DuckDB as it is: DuckDB inflates it in its worker
 * while reading (a million households' records are tens of MB, too much to inflate on the page's
 * thread). A copy, because registering a buffer may transfer it away from the stored dataset.
 */
function storedPayload(dataset: StoredDataset): Uint8Array {
  if (!dataset.payload) throw new Error(`Dataset ${dataset.name} has no stored content`);
  return dataset.payload.slice();
}

async function loadTypedCsv(db: Database, table: string, csvGz: Uint8Array, types: Record<string, string>): Promise<void> {
  const file = `${table}.csv.gz`;
  await db.registerFileBuffer(file, csvGz);
  try {
    const typeList = Object.entries(types).map(([name, type]) => `${sqlLiteral(name)}: ${sqlLiteral(type)}`);
    await db.exec(
      `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', compression = 'gzip', types = {${typeList.join(', ')}})`,
    );
  } finally {
    await db.dropFile(file);
  }
}

/** A measure of a derived table: id suffix, labels, the column and how it becomes a rate. */
interface DerivedMeasure {
  suffix: string;
  label: LocalText;
  unit: LocalText;
  column: string;
  /** Another derived measure's suffix as denominator, with its multiplier and unit. */
  rate?: { of: string; per: number; unit: LocalText };
  count: boolean;
  /** Multiplies the column (AF ratios shown as percentages). */
  scale?: number;
  direction?: IndicatorDef['direction'];
}

function householdMeasureList(meta: HouseholdsMeta): DerivedMeasure[] {
  const perHouseholds = { of: 'rt', per: 100, unit: text('% rumah tangga', '% of households') };
  const list: DerivedMeasure[] = [
    { suffix: 'rt', label: text('Rumah tangga dalam data', 'Households in the records'), unit: text('rumah tangga', 'households'), column: 'households', count: true, direction: 'neutral' },
    { suffix: 'rt_lengkap', label: text('Rumah tangga berdata lengkap', 'Households with complete data'), unit: text('rumah tangga', 'households'), column: 'households_known', count: true, direction: 'neutral' },
  ];
  for (let d = 1; d <= 10; d++) {
    list.push({ suffix: `desil_${d}`, label: text(`Rumah tangga desil ${d}`, `Households in decile ${d}`), unit: text('rumah tangga', 'households'), column: `desil_${d}`, count: true, rate: perHouseholds });
  }
  list.push({
    suffix: 'desil_1_4',
    label: text('Rumah tangga desil 1-4', 'Households in deciles 1-4'),
    unit: text('rumah tangga', 'households'),
    column: 'desil_1 + desil_2 + desil_3 + desil_4',
    count: true,
    rate: perHouseholds,
  });
  for (const d of meta.deprivations) {
    list.push({ suffix: `d_${d.column}`, label: text(d.label), unit: text('rumah tangga', 'households'), column: sqlIdentifier(`deprived_${d.column}`), count: true, rate: perHouseholds });
  }
  const kText = `k = ${Math.round(meta.k * 1000) / 1000}`;
  list.push(
    {
      suffix: 'af_miskin',
      label: text(`Miskin multidimensi (Alkire-Foster, ${kText})`, `Multidimensionally poor (Alkire-Foster, ${kText})`),
      unit: text('rumah tangga', 'households'),
      column: 'af_poor',
      count: true,
      rate: { of: 'rt_lengkap', per: 100, unit: text('H: % rumah tangga berdata lengkap', 'H: % of households with complete data') },
    },
    { suffix: 'af_m0', label: text(`Indeks kemiskinan multidimensi M0 (${kText})`, `Multidimensional poverty index M0 (${kText})`), unit: text('M0 = H × A', 'M0 = H × A'), column: 'af_m0', count: false },
    { suffix: 'af_a', label: text(`Intensitas kemiskinan A (${kText})`, `Intensity of poverty A (${kText})`), unit: text('% dimensi tertimbang', '% of weighted dimensions'), column: 'af_a', count: false, scale: 100 },
  );
  for (const d of meta.deprivations) {
    list.push({
      suffix: `af_kontribusi_${d.column}`,
      label: text(`Kontribusi "${d.label}" pada M0`, `Contribution of "${d.label}" to M0`),
      unit: text('% dari M0', '% of M0'),
      column: sqlIdentifier(`af_contrib_${d.column}`),
      count: false,
      scale: 100,
      direction: 'neutral',
    });
  }
  return list;
}

function beneficiaryMeasureList(meta: BeneficiariesMeta): DerivedMeasure[] {
  return meta.programs.flatMap(({ value, slug }) => {
    const eligible = { of: `${slug}_layak`, per: 100, unit: text('% rumah tangga layak', '% of eligible households') };
    return [
      { suffix: `${slug}_layak`, label: text(`${value}: rumah tangga layak (desil 1-${meta.eligibleMaxDesil})`, `${value}: eligible households (deciles 1-${meta.eligibleMaxDesil})`), unit: text('rumah tangga', 'households'), column: 'eligible', count: true, direction: 'neutral' as const },
      { suffix: `${slug}_tepat`, label: text(`${value}: layak dan menerima`, `${value}: eligible and served`), unit: text('rumah tangga', 'households'), column: 'eligible_served', count: true, rate: eligible, direction: 'higher_better' as const },
      { suffix: `${slug}_eksklusi`, label: text(`${value}: layak tetapi tidak menerima (eksklusi)`, `${value}: eligible, not served (exclusion)`), unit: text('rumah tangga', 'households'), column: 'eligible_not_served', count: true, rate: eligible },
      { suffix: `${slug}_inklusi`, label: text(`${value}: menerima tetapi tidak layak (inklusi)`, `${value}: served, not eligible (inclusion)`), unit: text('rumah tangga', 'households'), column: 'served_not_eligible', count: true },
    ];
  });
}

function measuresOf(dataset: string, list: DerivedMeasure[]): MeasureDef[] {
  return list.map((m) => ({
    id: `${dataset}_${m.suffix}`,
    rate: m.rate ? { denominator: `${dataset}_${m.rate.of}`, per: m.rate.per, unit: m.rate.unit } : null,
    kind: m.count ? 'count' : 'index',
  }));
}

function householdMeasures(id: string, meta: HouseholdsMeta): { select: string; defs: MeasureDef[] } {
  const list = householdMeasureList(meta);
  const selects = list.map(
    (m) => `SELECT kode, left(kode, 5) AS kode_kota, ${meta.year} AS tahun, ${sqlLiteral(`${id}_${m.suffix}`)} AS indikator,
              (${m.column}) * ${m.scale ?? 1} AS nilai FROM ${aggregateTable(id)} WHERE kode IS NOT NULL`,
  );
  return { select: selects.join(' UNION ALL '), defs: measuresOf(id, list) };
}

function beneficiaryMeasures(id: string, meta: BeneficiariesMeta): { select: string; defs: MeasureDef[] } {
  const selects = meta.programs.flatMap(({ value, slug }) =>
    beneficiaryMeasureList({ ...meta, programs: [{ value, slug }] }).map(
      (m) => `SELECT kode, left(kode, 5) AS kode_kota, tahun, ${sqlLiteral(`${id}_${m.suffix}`)} AS indikator, ${m.column} AS nilai
              FROM ${matchTable(id)} WHERE kode IS NOT NULL AND program = ${sqlLiteral(value)}`,
    ),
  );
  return { select: selects.join(' UNION ALL '), defs: measuresOf(id, beneficiaryMeasureList(meta)) };
}

/**
 * A household or beneficiary dataset reduced to what may leave the browser: its kelurahan
 * figures from `nilai`, with counts below the suppression threshold removed. Other kinds are
 * returned as they are.
 */
export async function shareableDataset(db: Database, dataset: StoredDataset): Promise<StoredDataset> {
  const meta = metaOf(dataset);
  if (meta.kind !== 'households' && meta.kind !== 'beneficiaries') return dataset;
  const indicators = datasetIndicators(dataset);
  const suppressed = indicators.filter((i) => i.suppressBelow).map((i) => sqlLiteral(i.id));
  const threshold = meta.suppressBelow ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const value = suppressed.length
    ? `CASE WHEN indikator IN (${suppressed.join(', ')}) AND nilai > 0 AND nilai < ${threshold} THEN NULL ELSE nilai END`
    : 'nilai';
  const csv = await db.copyToCsv(`SELECT kode, kode_kota, tahun, indikator, ${value} AS nilai FROM nilai WHERE dataset = ${sqlLiteral(dataset.id)} ORDER BY indikator, tahun, kode`);
  const aggregate: AggregateMeta = { kind: 'aggregate', source: meta.source, from: meta.kind, indicators, suppressedBelow: threshold };
  return { ...dataset, kind: 'indicators', meta: aggregate, payload: await gzip(csv) };
}

/** The catalog entries of a stored dataset's indicators. */
export function datasetIndicators(dataset: StoredDataset): IndicatorDef[] {
  const meta = metaOf(dataset);
  const context = { dataset: dataset.id, regionKode: dataset.regionKode, file: meta.source.file };
  if (meta.kind === 'indicators') return meta.indicators.map((i) => indicatorDef(i, meta.indicators, context));
  if (meta.kind === 'aggregate') return meta.indicators.map((i) => ({ ...i, dataset: dataset.id, regionKode: dataset.regionKode }));
  const derived = (list: DerivedMeasure[], suppressBelow: number): IndicatorDef[] =>
    list.map((m) => ({
      id: `${dataset.id}_${m.suffix}`,
      label: m.label,
      unit: m.unit,
      theme: 'impor',
      kind: m.count ? 'count' : 'index',
      rate: m.rate ? { denominator: `${dataset.id}_${m.rate.of}`, per: m.rate.per, unit: m.rate.unit } : null,
      direction: m.direction ?? 'higher_worse',
      definition: text(`Dihitung di peramban dari data rumah tangga ${meta.source.file}.`, `Computed in the browser from the household records ${meta.source.file}.`),
      source: text(`Data impor: ${meta.source.file}`, `Imported data: ${meta.source.file}`),
      dataset: dataset.id,
      regionKode: dataset.regionKode,
      ...(m.count && suppressBelow > 1 ? { suppressBelow } : {}),
    }));
  if (meta.kind === 'households') return derived(householdMeasureList(meta), meta.suppressBelow ?? DEFAULT_SUPPRESSION_THRESHOLD);
  if (meta.kind === 'beneficiaries') return derived(beneficiaryMeasureList(meta), meta.suppressBelow ?? DEFAULT_SUPPRESSION_THRESHOLD);
  return [
    {
      id: `${dataset.id}_titik`,
      label: text(`Jumlah titik: ${meta.source.file}`, `Number of points: ${meta.source.file}`),
      unit: text('titik', 'points'),
      theme: 'impor',
      kind: 'count',
      rate: null,
      direction: 'neutral',
      definition: text(`Jumlah titik dari ${meta.source.file} di tiap kelurahan.`, `Points of ${meta.source.file} in each kelurahan.`),
      source: text(`Data impor: ${meta.source.file}`, `Imported data: ${meta.source.file}`),
      dataset: dataset.id,
      regionKode: dataset.regionKode,
    },
  ];
}
