/**
 * Kecamatan and city roll-ups of a rate: counts are summed and the rate recomputed from the
 * summed count and denominator, never averaged over kelurahan (an average of rates weighs a
 * kelurahan of 500 households like one of 5,000).
 */

export interface RollupInput {
  /** The group a kelurahan belongs to (e.g. its kecamatan). */
  group: string;
  count: number | null;
  denominator: number | null;
}

export interface RollupRow {
  group: string;
  /** Sum of the non-null counts. */
  count: number;
  /** Sum of denominators over the rows whose count is known (so the rate compares like with like). */
  denominator: number;
  /** count × per / denominator over the rows with both values; null when that denominator is 0. */
  rate: number | null;
  /** Kelurahan in the group, and how many have a count. */
  kelurahan: number;
  withData: number;
}

export interface Rollup {
  /** One row per group, in order of first appearance. */
  groups: RollupRow[];
  total: RollupRow;
}

const isNumber = (v: number | null): v is number => v !== null && Number.isFinite(v);

class Accumulator {
  count = 0;
  /** Count and denominator over rows with both, for the rate. */
  rateCount = 0;
  rateDenominator = 0;
  denominator = 0;
  kelurahan = 0;
  withData = 0;

  add(row: RollupInput): void {
    this.kelurahan++;
    if (!isNumber(row.count)) return;
    this.withData++;
    this.count += row.count;
    if (!isNumber(row.denominator)) return;
    this.denominator += row.denominator;
    this.rateCount += row.count;
    this.rateDenominator += row.denominator;
  }

  result(group: string, per: number): RollupRow {
    return {
      group,
      count: this.count,
      denominator: this.denominator,
      rate: this.rateDenominator > 0 ? (this.rateCount * per) / this.rateDenominator : null,
      kelurahan: this.kelurahan,
      withData: this.withData,
    };
  }
}

/**
 * Sums counts per group and for all rows, and recomputes the rate `per` units (100 for a
 * percentage, 1000 per mille). A row whose count is missing adds nothing, not even its
 * denominator; a row with a count but no denominator adds to the count but not to the rate.
 */
export function rollup(rows: RollupInput[], per: number): Rollup {
  const groups = new Map<string, Accumulator>();
  const total = new Accumulator();
  for (const row of rows) {
    let acc = groups.get(row.group);
    if (!acc) groups.set(row.group, (acc = new Accumulator()));
    acc.add(row);
    total.add(row);
  }
  return { groups: [...groups].map(([group, acc]) => acc.result(group, per)), total: total.result('', per) };
}
