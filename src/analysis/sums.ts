/**
 * Compensated (Neumaier) summation. R sums in long double (80-bit on x86), so its sums of a few
 * hundred doubles are correctly rounded in practice; a plain JavaScript loop can drift by several
 * ulps, enough to move a knife-edge decision. Compensation brings JavaScript's sums to R's.
 */
/** Sum of term(value, index) over the values, compensated; term defaults to the value itself. */
export function accurateSum(values: ArrayLike<number>, term: (v: number, i: number) => number = (v) => v): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const t = term(values[i], i);
    const next = sum + t;
    compensation += Math.abs(sum) >= Math.abs(t) ? sum - next + t : t - next + sum;
    sum = next;
  }
  return sum + compensation;
}
