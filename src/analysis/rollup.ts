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

/** A value per kelurahan that is never added up (a score, or a rate without its parts). */
export interface MeanInput {
  group: string;
  value: number | null;
  /** The kelurahan's population when the indicator names one, else null. */
  weight: number | null;
}

export interface MeanRow {
  group: string;
  /** Mean of the kelurahan values (weighted when `weighted`); null without any value. */
  mean: number | null;
  kelurahan: number;
  withData: number;
}

export interface MeanRollup {
  groups: MeanRow[];
  total: MeanRow;
  /** Whether the means are weighted by population (else plain means of kelurahan values). */
  weighted: boolean;
}

/**
 * Kecamatan and city means of a value that must never be summed. With `weighted`, each
 * kelurahan counts by its population (the SQL's city mean does the same, fetchCitySummary);
 * a kelurahan without a population then adds nothing. Never called a kecamatan "rate": the
 * table labels it as a mean of kelurahan values.
 */
export function meanRollup(rows: MeanInput[], weighted: boolean): MeanRollup {
  type Sums = { sum: number; weight: number; kelurahan: number; withData: number };
  const add = (s: Sums, row: MeanInput) => {
    s.kelurahan++;
    if (!isNumber(row.value)) return;
    s.withData++;
    const w = weighted ? row.weight : 1;
    if (!isNumber(w)) return;
    s.sum += row.value * w;
    s.weight += w;
  };
  const fresh = (): Sums => ({ sum: 0, weight: 0, kelurahan: 0, withData: 0 });
  const groups = new Map<string, Sums>();
  const total = fresh();
  for (const row of rows) {
    let s = groups.get(row.group);
    if (!s) groups.set(row.group, (s = fresh()));
    add(s, row);
    add(total, row);
  }
  const result = (group: string, s: Sums): MeanRow => ({ group, mean: s.weight > 0 ? s.sum / s.weight : null, kelurahan: s.kelurahan, withData: s.withData });
  return { groups: [...groups].map(([g, s]) => result(g, s)), total: result('', total), weighted };
}
