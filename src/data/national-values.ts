/**
 * The national synthetic sample (public/national/contoh-nilai.csv, made by
 * src/cli/national/synthetic.ts) as the indicators of a wide region: a provinsi, or several
 * kab/kota opened together. The rows of the region's desa go into `nilai` under the region's
 * kode, one dataset per region, so its map, table, analysis and exports read them as they read
 * any indicator; the catalog labels them synthetic (NATIONAL_SAMPLE_INDICATORS).
 *
 * The file holds shares only (per cent, per 100 households), but RTLH targeting adds up houses to
 * repair: so each desa is also given a synthetic household count, drawn from a seeded hash of its
 * kode (the same count in every session, engine and region), and an RTLH count derived from it
 * and the file's "RTLH per 100 households", so the counts and the shares agree. Derived here, at
 * load, rather than written into the CSV, which the national map and its tiles build share.
 */
import { NATIONAL_SAMPLE_INDICATORS } from './catalog';
import type { Database } from './database';
import { replaceDataset } from './indicators';
import { fetchNationalCsv, loadNationalValues, NATIONAL_INDICATORS } from './national-map';
import { sqlIdentifier, sqlLiteral } from './sql';

/** The dataset the region's sample values are filed under in `nilai`. */
export function nationalSampleDataset(regionKode: string): string {
  return `nasional:${regionKode}`;
}

/** Seed of the synthetic household counts: another seed gives other counts (the shares stay). */
export const NATIONAL_HOUSEHOLD_SEED = 'rumah-tangga-1';

/**
 * Households of a desa (a village: 150 to 2,500) or kelurahan (urban, fourth part of the kode
 * starting with 1: 800 to 8,000), log-uniform in that range, from the md5 of the seed and kode:
 * md5 is the same in every DuckDB, so a count never depends on the engine or the session. Orders
 * of magnitude of Indonesian villages and urban wards, invented, not data.
 */
export function syntheticHouseholdsSql(kode: string, seed = NATIONAL_HOUSEHOLD_SEED): string {
  const u = `(md5_number_upper(${sqlLiteral(`${seed}:`)} || ${kode}) / 18446744073709551616.0)`;
  const urban = `starts_with(split_part(${kode}, '.', 4), '1')`;
  return `round(CASE WHEN ${urban} THEN 800 * exp(${u} * ln(10)) ELSE 150 * exp(${u} * ln(2500 / 150)) END)`;
}

async function hasSampleTable(db: Database): Promise<boolean> {
  const table = await db.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'nasional_contoh'`);
  return Number(table.getChild('n')!.get(0)) > 0;
}

/**
 * Puts the sample values of every desa whose kode starts with one of `kodes` (a provinsi `33`, or
 * kab/kota `33.72`) into the database as indicators of region `regionKode`; returns how many
 * desa had values. The national CSV (about 5 MB) is read into the database once per session.
 */
export async function loadRegionSample(db: Database, regionKode: string, kodes: readonly string[], csv: () => Promise<Uint8Array> = () => fetchNationalCsv()): Promise<number> {
  if (!(await hasSampleTable(db))) await loadNationalValues(db, await csv());
  const inside = kodes.map((k) => `starts_with(kode, ${sqlLiteral(`${k}.`)})`).join(' OR ');
  const shares = NATIONAL_INDICATORS.map((c) => `${sqlIdentifier(c)} AS ${sqlIdentifier(`nasional_${c}`)}`);
  // RTLH units from the households and the file's RTLH per 100 households (see the header).
  const columns = [...shares, 'rumah_tangga AS nasional_rumah_tangga', 'round(rumah_tangga * rtlh / 100) AS nasional_rtlh_unit'].join(', ');
  const ids = NATIONAL_SAMPLE_INDICATORS.map((i) => sqlIdentifier(i.id)).join(', ');
  await replaceDataset(
    db,
    nationalSampleDataset(regionKode),
    `SELECT kode, ${sqlLiteral(regionKode)} AS kode_kota, tahun, indikator, nilai
     FROM (SELECT kode, tahun, ${columns} FROM (SELECT *, ${syntheticHouseholdsSql('kode')} AS rumah_tangga FROM nasional_contoh WHERE ${inside}))
     UNPIVOT INCLUDE NULLS (nilai FOR indikator IN (${ids}))`,
    NATIONAL_SAMPLE_INDICATORS,
  );
  const count = await db.query(`SELECT count(DISTINCT kode) AS n FROM nilai WHERE dataset = ?`, [nationalSampleDataset(regionKode)]);
  return Number(count.getChild('n')!.get(0));
}
