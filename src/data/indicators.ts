/**
 * Kelurahan indicators in SQL. The wide CSV (one row per kelurahan and year, one column per
 * catalog indicator) is loaded once and reshaped into `ukuran` (measures): one row per
 * kelurahan, year and indicator with its count, its rate, its rank in the city and last year's
 * values. Every figure the UI shows about indicators is read from there.
 */
import type { Database, Row } from './database';
import { toRows } from './database';
import type { IndicatorDef, Measure } from './catalog';
import { sqlLiteral } from './sql';

const KEY_COLUMNS = ['kode', 'kelurahan', 'kode_kecamatan', 'kecamatan', 'kode_kota', 'tahun'] as const;
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Thrown when an indicator table does not have the columns its catalog describes. */
export class IndicatorTableError extends Error {
  constructor(readonly missing: string[]) {
    super(`Indicator table lacks columns: ${missing.join(', ')}`);
  }
}

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe column name: ${name}`);
  return `"${name}"`;
}

/** The dataset id of the demo indicators in `nilai`. */
export const DEMO_DATASET = 'demo';

/**
 * One indicator of a dataset as SQL needs it: its id, how it becomes a rate and whether its
 * values may be added up. `kind: 'index'` (a score, or a rate without its count and
 * denominator) is never summed: its city value is a mean of kelurahan values, weighted by the
 * indicator `weight` (a population) when one is named.
 */
export type MeasureDef = Pick<IndicatorDef, 'id' | 'rate'> & { kind?: IndicatorDef['kind']; weight?: string | null };

/**
 * Loads the wide demo CSV into `indikator` (as in the file), then into the long table `nilai`
 * (one row per dataset, kelurahan, year and indicator) and builds `ukuran`. Codes are read as
 * text: `33.72` must not become the number 33.72.
 */
export async function loadIndicators(db: Database, csvText: string, indicators: IndicatorDef[]): Promise<void> {
  await db.registerFileText('indikator.csv', csvText);
  const codeTypes = KEY_COLUMNS.filter((c) => c !== 'tahun').map((c) => `'${c}': 'VARCHAR'`);
  await db.exec(
    `CREATE OR REPLACE TABLE indikator AS SELECT * FROM read_csv('indikator.csv', header = true,
       types = {${codeTypes.join(', ')}, 'tahun': 'INTEGER'})`,
  );
  const columns = new Set(toRows(await db.query('DESCRIBE indikator')).map((r) => String(r.column_name)));
  const missing = [...KEY_COLUMNS, ...indicators.map((i) => i.id)].filter((c) => !columns.has(c));
  if (missing.length > 0) throw new IndicatorTableError(missing);

  await db.exec(`
    CREATE TABLE IF NOT EXISTS nilai (dataset VARCHAR, kode VARCHAR, kode_kota VARCHAR, tahun INTEGER, indikator VARCHAR, nilai DOUBLE);
    CREATE TABLE IF NOT EXISTS katalog (dataset VARCHAR, indikator VARCHAR, penyebut VARCHAR, per DOUBLE, indeks BOOLEAN, bobot VARCHAR);
  `);
  const valueColumns = indicators.map((i) => `CAST(${identifier(i.id)} AS DOUBLE) AS ${identifier(i.id)}`);
  await replaceDataset(
    db,
    DEMO_DATASET,
    `SELECT kode, kode_kota, tahun, indikator, nilai
     FROM (SELECT kode, kode_kota, tahun, ${valueColumns.join(', ')} FROM indikator)
     UNPIVOT INCLUDE NULLS (nilai FOR indikator IN (${indicators.map((i) => identifier(i.id)).join(', ')}))`,
    indicators,
  );
}

/**
 * Puts a dataset's values into `nilai` (replacing what the dataset had) and rebuilds `ukuran`.
 * `select` must return kode, kode_kota, tahun, indikator, nilai. Indicator ids are global: an
 * imported dataset's ids are prefixed by the caller so they never collide with the catalog's.
 */
export async function replaceDataset(db: Database, dataset: string, select: string, indicators: MeasureDef[]): Promise<void> {
  const catalogRows = indicators.map((i) =>
    [sqlLiteral(dataset), sqlLiteral(i.id), sqlLiteral(i.rate?.denominator ?? null), sqlLiteral(i.rate?.per ?? null), i.kind === 'index', sqlLiteral(i.weight ?? null)].join(', '),
  );
  await db.exec(`
    DELETE FROM nilai WHERE dataset = ${sqlLiteral(dataset)};
    DELETE FROM katalog WHERE dataset = ${sqlLiteral(dataset)};
    INSERT INTO nilai SELECT ${sqlLiteral(dataset)}, kode, kode_kota, tahun, indikator, CAST(nilai AS DOUBLE) FROM (${select});
    ${catalogRows.length ? `INSERT INTO katalog VALUES ${catalogRows.map((r) => `(${r})`).join(', ')};` : ''}
  `);
  await rebuildMeasures(db);
}

/** Removes a dataset's values and rebuilds `ukuran`. */
export async function removeDataset(db: Database, dataset: string): Promise<void> {
  await db.exec(`DELETE FROM nilai WHERE dataset = ${sqlLiteral(dataset)}; DELETE FROM katalog WHERE dataset = ${sqlLiteral(dataset)};`);
  await rebuildMeasures(db);
}

/**
 * `ukuran` (measures): one row per kelurahan, year and indicator with its count, its rate by the
 * catalog's denominator (taken from the same dataset), its rank in the city and last year's values.
 * An index row also carries whether it may not be summed (`indeks`) and its weight (`bobot`, the
 * named population of that kelurahan and year) for the city's weighted mean.
 */
async function rebuildMeasures(db: Database): Promise<void> {
  await db.exec(`
    CREATE OR REPLACE TABLE ukuran AS
    WITH dasar AS (
      SELECT p.kode, p.kode_kota, p.tahun, p.indikator, p.nilai AS jumlah, d.nilai AS penyebut, k.per,
             p.nilai * k.per / NULLIF(d.nilai, 0) AS rasio, coalesce(k.indeks, false) AS indeks, k.bobot AS bobot_indikator, b.nilai AS bobot,
             CASE WHEN k.penyebut IS NULL THEN p.nilai ELSE p.nilai * k.per / NULLIF(d.nilai, 0) END AS nilai_peringkat
      FROM nilai p
      JOIN katalog k ON k.dataset = p.dataset AND k.indikator = p.indikator
      LEFT JOIN nilai d ON d.dataset = p.dataset AND d.kode = p.kode AND d.tahun = p.tahun AND d.indikator = k.penyebut
      LEFT JOIN nilai b ON b.dataset = p.dataset AND b.kode = p.kode AND b.tahun = p.tahun AND b.indikator = k.bobot
    )
    SELECT kode, kode_kota, tahun, indikator, jumlah, penyebut, per, rasio, indeks, bobot_indikator, bobot,
      CASE WHEN nilai_peringkat IS NULL THEN NULL
        ELSE rank() OVER (PARTITION BY kode_kota, tahun, indikator ORDER BY nilai_peringkat DESC NULLS LAST) END AS peringkat,
      count(nilai_peringkat) OVER (PARTITION BY kode_kota, tahun, indikator) AS jumlah_berperingkat,
      lag(tahun) OVER w AS tahun_sebelumnya,
      lag(jumlah) OVER w AS jumlah_sebelumnya,
      lag(rasio) OVER w AS rasio_sebelumnya
    FROM dasar
    WINDOW w AS (PARTITION BY kode_kota, kode, indikator ORDER BY tahun)
  `);
}

/** Years with data for a city (for one indicator, or for any), newest last. */
export async function fetchYears(db: Database, kodeKota: string, indikator?: string): Promise<number[]> {
  const rows = toRows(
    indikator
      ? await db.query('SELECT DISTINCT tahun FROM nilai WHERE kode_kota = ? AND indikator = ? ORDER BY tahun', [kodeKota, indikator])
      : await db.query('SELECT DISTINCT tahun FROM nilai WHERE kode_kota = ? ORDER BY tahun', [kodeKota]),
  );
  return rows.map((r) => Number(r.tahun));
}

/** The value of one indicator for every kelurahan of a city in a year: kode -> value (null = no data). */
export async function fetchValues(
  db: Database,
  query: { kodeKota: string; tahun: number; indikator: string; measure: Measure },
): Promise<Map<string, number | null>> {
  const column = query.measure === 'rasio' ? 'rasio' : 'jumlah';
  const rows = toRows(
    await db.query(`SELECT kode, ${column} AS nilai FROM ukuran WHERE kode_kota = ? AND tahun = ? AND indikator = ?`, [
      query.kodeKota,
      query.tahun,
      query.indikator,
    ]),
  );
  return new Map(rows.map((r) => [String(r.kode), r.nilai === null ? null : Number(r.nilai)]));
}

/**
 * Each kelurahan's count, denominator and multiplier of one indicator and year (what a rate is
 * rolled up from), and for an indicator that is never summed its weight (the named population,
 * NaN without one) and whether a weight is named at all (what kecamatan means need).
 */
export async function fetchRateParts(
  db: Database,
  query: { kodeKota: string; tahun: number; indikator: string },
): Promise<{ kode: string[]; jumlah: Float64Array; penyebut: Float64Array; per: number; bobot: Float64Array; weighted: boolean }> {
  const rows = toRows(
    await db.query('SELECT kode, jumlah, penyebut, per, bobot, bobot_indikator FROM ukuran WHERE kode_kota = ? AND tahun = ? AND indikator = ? ORDER BY kode', [
      query.kodeKota,
      query.tahun,
      query.indikator,
    ]),
  );
  const number = (v: Row[string]) => (v === null || v === undefined ? Number.NaN : Number(v));
  return {
    kode: rows.map((r) => String(r.kode)),
    jumlah: Float64Array.from(rows, (r) => number(r.jumlah)),
    penyebut: Float64Array.from(rows, (r) => number(r.penyebut)),
    per: rows.length ? number(rows[0].per) : Number.NaN,
    bobot: Float64Array.from(rows, (r) => number(r.bobot)),
    weighted: rows.some((r) => r.bobot_indikator !== null && r.bobot_indikator !== undefined),
  };
}

export interface CitySummary {
  /** Sum of the counts over the city's kelurahan (meaningless for an index: see `mean`). */
  jumlah: number | null;
  /** The city's rate: sum of counts over sum of denominators (not the mean of kelurahan rates). */
  rasio: number | null;
  kelurahanWithData: number;
  kelurahan: number;
  /**
   * For an indicator that is never summed (a score, or a rate without count and denominator):
   * the mean of kelurahan values, weighted by the named population when `weighted`. Absent for
   * counts and for summaries not read from `ukuran`.
   */
  mean?: { value: number | null; weighted: boolean } | null;
}

/** City total and city-wide rate of one indicator in a year. */
export async function fetchCitySummary(
  db: Database,
  query: { kodeKota: string; tahun: number; indikator: string },
): Promise<CitySummary> {
  const [row] = toRows(
    await db.query(
      `SELECT sum(jumlah) AS jumlah,
              sum(jumlah) FILTER (WHERE penyebut IS NOT NULL) * any_value(per) / NULLIF(sum(penyebut) FILTER (WHERE jumlah IS NOT NULL), 0) AS rasio,
              count(jumlah) AS terisi, count(*) AS kelurahan,
              bool_or(indeks) AS indeks, any_value(bobot_indikator) IS NOT NULL AS tertimbang,
              CASE WHEN any_value(bobot_indikator) IS NULL THEN avg(jumlah)
                ELSE sum(jumlah * bobot) / NULLIF(sum(bobot) FILTER (WHERE jumlah IS NOT NULL), 0) END AS rerata
       FROM ukuran
       WHERE kode_kota = ? AND tahun = ? AND indikator = ?`,
      [query.kodeKota, query.tahun, query.indikator],
    ),
  );
  return {
    jumlah: row?.jumlah == null ? null : Number(row.jumlah),
    rasio: row?.rasio == null ? null : Number(row.rasio),
    kelurahanWithData: Number(row?.terisi ?? 0),
    kelurahan: Number(row?.kelurahan ?? 0),
    mean: row?.indeks ? { value: row.rerata == null ? null : Number(row.rerata), weighted: Boolean(row.tertimbang) } : null,
  };
}

export interface ProfileEntry {
  indikator: string;
  jumlah: number | null;
  rasio: number | null;
  /** 1 = highest value in the city (by rate where the indicator has one). */
  peringkat: number | null;
  jumlahBerperingkat: number;
  /** The previous year's values, only when that year is exactly the one before. */
  jumlahSebelumnya: number | null;
  rasioSebelumnya: number | null;
}

/** Every indicator of one kelurahan in a year, with rank and last year's values. */
export async function fetchProfile(db: Database, kode: string, tahun: number): Promise<ProfileEntry[]> {
  const rows = toRows(await db.query('SELECT * FROM ukuran WHERE kode = ? AND tahun = ?', [kode, tahun]));
  const num = (v: Row[string]) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => {
    const consecutive = num(r.tahun_sebelumnya) === tahun - 1;
    return {
      indikator: String(r.indikator),
      jumlah: num(r.jumlah),
      rasio: num(r.rasio),
      peringkat: num(r.peringkat),
      jumlahBerperingkat: Number(r.jumlah_berperingkat),
      jumlahSebelumnya: consecutive ? num(r.jumlah_sebelumnya) : null,
      rasioSebelumnya: consecutive ? num(r.rasio_sebelumnya) : null,
    };
  });
}

export interface TrendPoint {
  tahun: number;
  /** The kelurahan's value (its rate, or its count when the indicator has no rate). */
  kelurahan: number | null;
  /**
   * Rates of its kecamatan and its city, from summed counts and denominators; for a score or a
   * rate without its parts, the population-weighted mean when a population was named; else null.
   */
  kecamatan: number | null;
  kota: number | null;
}

/**
 * One indicator of one kelurahan over every year, beside its kecamatan and its city. Rates of
 * the kecamatan and the city are sums of counts over sums of denominators (never a mean of
 * kelurahan rates); a score weighted by a population gives weighted means; an indicator without
 * either gives the kelurahan's values only.
 */
export async function fetchTrend(db: Database, query: { kode: string; indikator: string }): Promise<TrendPoint[]> {
  const rows = toRows(
    await db.query(
      `WITH semua AS (
         SELECT tahun, kode, left(kode, 8) = left(?, 8) AS sekecamatan, jumlah, penyebut, per, rasio, bobot, bobot_indikator
         FROM ukuran WHERE indikator = ? AND kode_kota = left(?, 5)
       ),
       wilayah AS (
         SELECT tahun,
           CASE WHEN any_value(bobot_indikator) IS NOT NULL
             THEN sum(jumlah * bobot) FILTER (WHERE sekecamatan) / NULLIF(sum(bobot) FILTER (WHERE sekecamatan AND jumlah IS NOT NULL), 0)
             ELSE sum(jumlah) FILTER (WHERE sekecamatan AND penyebut IS NOT NULL) * any_value(per)
               / NULLIF(sum(penyebut) FILTER (WHERE sekecamatan AND jumlah IS NOT NULL), 0) END AS kecamatan,
           CASE WHEN any_value(bobot_indikator) IS NOT NULL
             THEN sum(jumlah * bobot) / NULLIF(sum(bobot) FILTER (WHERE jumlah IS NOT NULL), 0)
             ELSE sum(jumlah) FILTER (WHERE penyebut IS NOT NULL) * any_value(per) / NULLIF(sum(penyebut) FILTER (WHERE jumlah IS NOT NULL), 0) END AS kota
         FROM semua GROUP BY tahun
       )
       SELECT w.tahun, CASE WHEN s.per IS NULL THEN s.jumlah ELSE s.rasio END AS kelurahan, w.kecamatan, w.kota
       FROM wilayah w LEFT JOIN semua s ON s.tahun = w.tahun AND s.kode = ?
       ORDER BY w.tahun`,
      [query.kode, query.indikator, query.kode, query.kode],
    ),
  );
  const num = (v: Row[string]) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({ tahun: Number(r.tahun), kelurahan: num(r.kelurahan), kecamatan: num(r.kecamatan), kota: num(r.kota) }));
}
