/**
 * What `peta-kantong households` writes: the aggregation's kelurahan table
 * (src/data/households.ts) with small counts removed, as the app removes them from household
 * figures that leave it (dataset-apply.ts shareableDataset: empty, not "<5", so the file imports
 * back into the app as plain numbers). A share is removed with its count, since share x
 * denominator gives the count back; the Alkire-Foster figures of a kelurahan whose poor
 * households are too few to show are removed with them.
 */
import { sqlIdentifier } from '../data/sql';

/**
 * A SELECT of `table` (aggregateHouseholds' target) in its column order, counts from 1 to
 * threshold - 1 and what derives from them as NULL; threshold 1 keeps everything.
 */
export function suppressedAggregateSql(table: string, deprivations: readonly string[], threshold: number): string {
  const hidden = (count: string) => `((${count}) > 0 AND (${count}) < ${threshold})`;
  const keep = (value: string, ...counts: string[]) => (threshold <= 1 ? value : `CASE WHEN ${counts.map(hidden).join(' OR ')} THEN NULL ELSE ${value} END`);
  const count = (column: string) => `${keep(column, column)} AS ${column}`;
  const desils = Array.from({ length: 10 }, (_, i) => `desil_${i + 1}`);
  const af = (column: string) => `${keep(column, 'af_poor')} AS ${column}`;
  const select = [
    'kode',
    count('households'),
    count('households_known'),
    ...desils.map(count),
    count('desil_unknown'),
    ...desils.map((d) => `${keep(`share_${d}`, d)} AS share_${d}`),
    `${keep('share_desil_1_4', 'desil_1 + desil_2 + desil_3 + desil_4')} AS share_desil_1_4`,
    ...deprivations.flatMap((c) => {
      const [deprived, unknown, share, ch] = ['deprived', 'unknown', 'share', 'af_ch'].map((p) => sqlIdentifier(`${p}_${c}`));
      return [
        `${keep(deprived, deprived)} AS ${deprived}`,
        `${keep(unknown, unknown)} AS ${unknown}`,
        `${keep(share, deprived)} AS ${share}`,
        // The censored headcount's count: poor households deprived in c.
        `${keep(ch, `round(${ch} * households_known)`)} AS ${ch}`,
      ];
    }),
    count('af_poor'),
    af('af_h'),
    af('af_a'),
    af('af_m0'),
    ...deprivations.map((c) => af(sqlIdentifier(`af_contrib_${c}`))),
  ];
  return `SELECT ${select.join(', ')} FROM ${sqlIdentifier(table)} ORDER BY kode`;
}
