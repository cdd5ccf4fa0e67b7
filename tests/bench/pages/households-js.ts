/**
 * The plain-JavaScript baseline of the household aggregation: what a page without a database
 * would write. Rows become objects (the obvious way), then one loop sums them per kelurahan.
 */

export interface Household {
  id: number;
  kode: string;
  desil: number;
  rumahLayak: number;
  airLayak: number;
  sanitasiLayak: number;
  anggota: number;
}

/** Per-kelurahan indicators; the same names as the SQL aggregate's columns. */
export interface KelurahanAggregate {
  kode: string;
  rumah_tangga: number;
  rt_desil_1_4: number;
  rt_desil_1: number;
  rt_tanpa_air_layak: number;
  rt_tanpa_sanitasi_layak: number;
  rtlh: number;
  penduduk: number;
}

/** Parses the CSV (header first; columns in the generator's order, no quoting needed). */
export function parseHouseholds(text: string): Household[] {
  const lines = text.split('\n');
  const rows: Household[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const c = line.split(',');
    rows.push({
      id: Number(c[0]),
      kode: c[1],
      desil: Number(c[2]),
      rumahLayak: Number(c[3]),
      airLayak: Number(c[4]),
      sanitasiLayak: Number(c[5]),
      anggota: Number(c[6]),
    });
  }
  return rows;
}

/** Sums households into per-kelurahan indicators. */
export function aggregateRows(rows: readonly Household[]): KelurahanAggregate[] {
  const byKode = new Map<string, KelurahanAggregate>();
  for (const row of rows) {
    let agg = byKode.get(row.kode);
    if (!agg) {
      agg = { kode: row.kode, rumah_tangga: 0, rt_desil_1_4: 0, rt_desil_1: 0, rt_tanpa_air_layak: 0, rt_tanpa_sanitasi_layak: 0, rtlh: 0, penduduk: 0 };
      byKode.set(row.kode, agg);
    }
    agg.rumah_tangga++;
    if (row.desil <= 4) agg.rt_desil_1_4++;
    if (row.desil === 1) agg.rt_desil_1++;
    if (row.airLayak === 0) agg.rt_tanpa_air_layak++;
    if (row.sanitasiLayak === 0) agg.rt_tanpa_sanitasi_layak++;
    if (row.rumahLayak === 0) agg.rtlh++;
    agg.penduduk += row.anggota;
  }
  return [...byKode.values()];
}
