/**
 * The national synthetic sample (public/national/contoh-nilai.csv, made by
 * src/cli/national/synthetic.ts) as the indicators of a wide region: a provinsi, or several
 * kab/kota opened together. The rows of the region's desa go into `nilai` under the region's
 * kode, one dataset per region, so its map, table, analysis and exports read them as they read
 * any indicator; the catalog labels them synthetic (NATIONAL_SAMPLE_INDICATORS).
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
  const columns = NATIONAL_INDICATORS.map((c) => `${sqlIdentifier(c)} AS ${sqlIdentifier(`nasional_${c}`)}`).join(', ');
  const ids = NATIONAL_SAMPLE_INDICATORS.map((i) => sqlIdentifier(i.id)).join(', ');
  await replaceDataset(
    db,
    nationalSampleDataset(regionKode),
    `SELECT kode, ${sqlLiteral(regionKode)} AS kode_kota, tahun, indikator, nilai
     FROM (SELECT kode, tahun, ${columns} FROM nasional_contoh WHERE ${inside})
     UNPIVOT INCLUDE NULLS (nilai FOR indikator IN (${ids}))`,
    NATIONAL_SAMPLE_INDICATORS,
  );
  const count = await db.query(`SELECT count(DISTINCT kode) AS n FROM nilai WHERE dataset = ?`, [nationalSampleDataset(regionKode)]);
  return Number(count.getChild('n')!.get(0));
}
