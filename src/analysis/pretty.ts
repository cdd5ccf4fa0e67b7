/**
 * R's `pretty()` (base R 4.2, default arguments): about `n` equally spaced round values (1, 2 or 5
 * times a power of ten) covering a range. classInt's `style = "sd"` places its breaks with it, in
 * units of standard deviations, so the map's standard-deviation classes need exactly R's choice.
 * Written from the algorithm of R's src/appl/pretty.c (R_pretty) and pretty.default.
 */

const DBL_EPSILON = Number.EPSILON;
const DBL_MIN = 2.2250738585072014e-308;
// R compares with a relative slack of 1e-10 units when rounding the ends outwards (R >= 3.5).
const ROUNDING_EPS = 1e-10;

/** Exact 10^e: `Math.pow(10, e)` is not guaranteed to be correctly rounded, a decimal literal is. */
function powerOfTen(e: number): number {
  return Number(`1e${e}`);
}

interface PrettyRange {
  lo: number;
  up: number;
  ndiv: number;
}

/**
 * R_pretty with return_bounds = TRUE: the covering range [lo, up] as multiples of the chosen unit,
 * and the number of intervals. `n` is the wanted number of intervals, `minN` the fewest allowed.
 */
function prettyRange(lo: number, up: number, n: number, minN: number): PrettyRange {
  const h = 1.5; // high.u.bias
  const h5 = 0.5 + 1.5 * h; // u5.bias
  const shrinkSml = 0.75;
  const fMin = 2 ** -20;
  const dx = up - lo;
  let cell: number;
  let small: boolean;
  if (dx === 0 && up === 0) {
    cell = 1;
    small = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(up));
    let bound = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    bound *= Math.max(1, n) * DBL_EPSILON;
    small = dx < cell * bound * 3;
  }
  if (small) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrinkSml;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (n > 1) cell /= n;
  }
  const subsmall = fMin * DBL_MIN;
  if (cell < subsmall) cell = subsmall;
  else if (cell > Number.MAX_VALUE / 1.25) cell = Number.MAX_VALUE / 1.25;

  const base = powerOfTen(Math.floor(Math.log10(cell)));
  // The unit among 1, 2, 5, 10 times base closest to cell, biased towards the larger ones.
  let unit = base;
  if (2 * base - cell < h * (cell - unit)) {
    unit = 2 * base;
    if (5 * base - cell < h5 * (cell - unit)) {
      unit = 5 * base;
      if (10 * base - cell < h * (cell - unit)) unit = 10 * base;
    }
  }
  let ns = Math.floor(lo / unit + ROUNDING_EPS);
  let nu = Math.ceil(up / unit - ROUNDING_EPS);
  while (ns * unit > lo + ROUNDING_EPS * unit) ns--;
  while (!Number.isFinite(ns * unit)) ns++;
  while (nu * unit < up - ROUNDING_EPS * unit) nu++;
  while (!Number.isFinite(nu * unit)) nu--;

  let k = Math.trunc(0.5 + nu - ns);
  let ndiv: number;
  if (k < minN) {
    k = minN - k;
    const half = Math.trunc(k / 2);
    if (ns >= 0) {
      nu += half;
      ns -= half + (k % 2);
    } else {
      ns -= half;
      nu += half + (k % 2);
    }
    ndiv = minN;
  } else {
    ndiv = k;
  }
  // Widen only: the result must still cover the original range.
  return { lo: ns * unit < lo ? ns * unit : lo, up: nu * unit > up ? nu * unit : up, ndiv };
}

/**
 * `pretty(values, n)` as R computes it with its defaults (min.n = n %/% 3): the returned values
 * start at or below the minimum and end at or above the maximum. Non-finite values are ignored.
 */
export function rPretty(values: ArrayLike<number>, n = 5): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [];
  const { lo, up, ndiv } = prettyRange(min, max, n, Math.trunc(n / 3));
  // seq.int(lo, up, length.out = ndiv + 1): lo + i * by, the last value exactly up.
  const out = [lo];
  if (ndiv > 0) {
    const by = (up - lo) / ndiv;
    for (let i = 1; i < ndiv; i++) out.push(lo + i * by);
    out.push(up);
    // R zaps values that are rounding noise around zero.
    const delta = up / ndiv - lo / ndiv;
    for (let i = 0; i < out.length; i++) if (Math.abs(out[i]) < 1e-14 * delta) out[i] = 0;
  }
  return out;
}
