/**
 * The moved households of a reconciliation (issue 19, item 3) as a from × to matrix of groups
 * (kecamatan): between single kelurahan the moves are mostly one or two households, so a
 * kelurahan matrix would be almost all empty or "<5"; summed by kecamatan it reads at a glance.
 * Pure; true counts (suppression happens where they are shown).
 */

export interface FlowMatrix {
  /** Groups that households moved from (rows) and to (columns), sorted. */
  from: string[];
  to: string[];
  /** counts[i][j]: households A records in from[i] and B in to[j]; 0 where none. */
  counts: number[][];
}

/** Sums `flows` by the group `groupOf` gives each kelurahan; only groups with a move appear. */
export function flowMatrix(flows: readonly { from: string; to: string; count: number }[], groupOf: (kode: string) => string): FlowMatrix {
  const sums = new Map<string, number>();
  for (const f of flows) {
    const pair = `${groupOf(f.from)}|${groupOf(f.to)}`;
    sums.set(pair, (sums.get(pair) ?? 0) + f.count);
  }
  const pairs = [...sums.keys()].map((p) => p.split('|') as [string, string]);
  const from = [...new Set(pairs.map((p) => p[0]))].sort();
  const to = [...new Set(pairs.map((p) => p[1]))].sort();
  const counts = from.map((a) => to.map((b) => sums.get(`${a}|${b}`) ?? 0));
  return { from, to, counts };
}
