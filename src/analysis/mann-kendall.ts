/**
 * The Mann-Kendall trend test (Mann 1945; Kendall 1975, Rank Correlation Methods; the form in
 * Gilbert 1987, Statistical Methods for Environmental Pollution Monitoring, ch. 16), which
 * ArcGIS's Emerging Hot Spot Analysis runs on each location's Gi* z-scores over time. Checked
 * against R's cor.test(method = "kendall", exact = FALSE, continuity = TRUE) by
 * tests/fixtures/mann-kendall/make-fixture.R.
 */
import { normalTwoSided } from './significance';

/** The trend of one series in time order. */
export interface MannKendall {
  /** S = sum over i < j of sign(x_j - x_i). */
  s: number;
  /** Var(S) under no trend, with the correction for tied values: (n(n-1)(2n+5) - sum_t t(t-1)(2t+5)) / 18. */
  varS: number;
  /**
   * Kendall's tau-b between the series and time, S / sqrt(n0 (n0 - n1)) with n0 = n(n-1)/2 and
   * n1 = sum_t t(t-1)/2 over groups of tied values (time has no ties): R's cor.test estimate.
   */
  tau: number;
  /** (S - sign(S)) / sqrt(Var S): the normal score with a continuity correction (ArcGIS's trend z-score). */
  z: number;
  /** Two-sided p-value of z under the normal approximation (NaN below 3 values or when Var S is 0). */
  p: number;
  n: number;
}

/**
 * Mann-Kendall on a series with no missing values. The normal approximation is used at every n:
 * ArcGIS reports a trend z-score and its p-value; the exact distribution (which R's cor.test uses
 * by default below 50 values without ties, and the Kendall package's MannKendall) gives smaller
 * p-values at five steps (S = 10: exact 0.0167, normal 0.0278).
 */
export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(series[i])) throw new RangeError('mannKendall needs finite values');
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  // Sizes of groups of equal values.
  const sorted = Array.from(series).sort((a, b) => a - b);
  let tieVariance = 0;
  let tiePairs = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    tieVariance += t * (t - 1) * (2 * t + 5);
    tiePairs += (t * (t - 1)) / 2;
    i = j;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieVariance) / 18;
  const n0 = (n * (n - 1)) / 2;
  const tau = s / Math.sqrt(n0 * (n0 - tiePairs));
  const z = varS > 0 ? (s - Math.sign(s)) / Math.sqrt(varS) : Number.NaN;
  const p = n >= 3 && varS > 0 ? normalTwoSided(z) : Number.NaN;
  return { s, varS, tau, z, p, n };
}
