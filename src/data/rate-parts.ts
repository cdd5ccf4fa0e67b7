/**
 * A rate column's numerator and denominator, found by evidence when the file has them: BPS and
 * dinas tables often print "Balita stunting", "Jumlah balita" and "Balita stunting (%)" side by
 * side. A pair of count columns is taken only when numerator × per ÷ denominator reproduces the
 * printed rate, row by row, to the rate's own rounding; then the kecamatan and city values come
 * from the summed counts instead of a mean of kelurahan rates. Headers are never trusted alone.
 */
import { parseNumber } from './importers/numbers';
import type { NumberFormat } from './importers/types';

export interface RateColumnFacts {
  name: string;
  type: string;
  numberFormat?: NumberFormat | null;
}

export interface RateParts {
  numerator: string;
  denominator: string;
  per: number;
  /** Rows where the three cells are numbers with a positive denominator, and how many agree. */
  rows: number;
  agree: number;
}

/** Multipliers tried after the one the header suggests: %, per mille, a proportion, per 100,000. */
const PERS = [100, 1000, 1, 10000, 100000];
/** Share of usable rows that must reproduce the rate, and how many rows at least. */
const MIN_SHARE = 0.9;
const MIN_ROWS = 3;
/** Rows tested: enough to tell, few enough for every pair of 30 columns on the main thread. */
const MAX_ROWS = 300;

/**
 * Half a unit of the cell's last printed decimal: "11,2" is any rate in [11.15, 11.25]. The
 * column's number format says which mark is the decimal one; without it, three digits after
 * the mark read as thousands ("1.234").
 */
function rounding(text: string, format: NumberFormat | null | undefined): number {
  const mark = format === 'en' ? '.' : format === 'id' ? ',' : null;
  const match = (mark === '.' ? /\.(\d+)\s*%?\s*$/ : mark === ',' ? /,(\d+)\s*%?\s*$/ : /[.,](\d+)\s*%?\s*$/).exec(text.trim());
  const decimals = match && (mark !== null || match[1].length !== 3) ? match[1].length : 0;
  return 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * The numerator and denominator of `rate` among `counts`, or null when no pair reproduces it
 * on at least 90 % of (at least 3) rows. `rows` are the table's cells as written, in the order
 * of `header`. The best pair agrees on the most rows; the header's `per` is tried first.
 */
export function findRateParts(
  rate: RateColumnFacts & { per: number },
  counts: RateColumnFacts[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
): RateParts | null {
  const at = (name: string) => header.indexOf(name);
  const r = at(rate.name);
  if (r < 0) return null;
  const parse = (text: string | undefined, format: NumberFormat | null | undefined) => {
    const v = text === undefined ? null : parseNumber(text.replace('%', ''), format ?? null);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const sample = rows.slice(0, MAX_ROWS);
  const rateValues = sample.map((row) => ({ value: parse(row[r], rate.numberFormat), tolerance: rounding(row[r] ?? '', rate.numberFormat) }));
  const columns = counts
    .filter((c) => c.name !== rate.name && c.type === 'number' && at(c.name) >= 0)
    .map((c) => ({ name: c.name, values: sample.map((row) => parse(row[at(c.name)], c.numberFormat)) }));
  let best: RateParts | null = null;
  for (const per of [rate.per, ...PERS.filter((p) => p !== rate.per)]) {
    for (const n of columns) {
      for (const d of columns) {
        if (n === d) continue;
        let usable = 0;
        let agree = 0;
        rateValues.forEach((rv, i) => {
          const num = n.values[i];
          const den = d.values[i];
          // A rate of 0 agrees with any denominator: no evidence either way.
          if (rv.value === null || rv.value === 0 || num === null || den === null || !(den > 0)) return;
          usable++;
          if (Math.abs((num * per) / den - rv.value) <= rv.tolerance) agree++;
        });
        if (usable >= MIN_ROWS && agree >= MIN_SHARE * usable && (!best || agree > best.agree)) {
          best = { numerator: n.name, denominator: d.name, per, rows: usable, agree };
        }
      }
    }
    if (best) return best;
  }
  return null;
}
