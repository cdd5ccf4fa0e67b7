/**
 * Global empirical-Bayes smoothing of rates (Marshall 1991, method of moments), as GeoDa's
 * "Empirical Bayes" rate and R spdep's EBest(n, x) (family "poisson"). A kelurahan with a small
 * population has a noisy raw rate; its smoothed rate is pulled towards the city-wide rate, the
 * more so the smaller its population:
 *
 *   b  = sum(events) / sum(population)                      prior mean (the pooled rate)
 *   s² = sum(population_i · (rate_i - b)²) / sum(population)
 *   a  = s² - b / (sum(population) / m)                      prior variance, 0 when negative
 *   smoothed_i = b + a · (rate_i - b) / (a + b / population_i)
 *
 * Rates are on the raw scale (events / population); multiply by the catalog's `per` to show them.
 */
import { AnalysisError } from './errors';
import { accurateSum } from './sums';

/** Smoothed and raw rates with the prior they were shrunk towards. */
export interface EbRates {
  /** Smoothed rate per observation; NaN where the observation was left out. */
  rates: Float64Array;
  /** Raw rate events / population; NaN where left out. */
  raw: Float64Array;
  /** Prior mean b: the pooled rate over the observations used. */
  priorMean: number;
  /** Prior variance a (method of moments), 0 when its estimate was negative. */
  priorVariance: number;
  /**
   * The moment estimate of the variance was negative (the raw rates vary no more than chance
   * would make them) and was set to 0, as GeoDa and spdep do: every smoothed rate equals b.
   */
  truncated: boolean;
  /** Number of observations left out: events or population missing, population <= 0, events < 0. */
  excluded: number;
}

const usable = (events: number | null | undefined, population: number | null | undefined): boolean =>
  typeof events === 'number' && typeof population === 'number' && Number.isFinite(events) && Number.isFinite(population) && population > 0 && events >= 0;

/**
 * Empirical-Bayes smoothed rates. Observations with a missing or invalid count or population are
 * left out of the prior (where spdep stops with an error and GeoDa refuses the whole map) and get
 * NaN. With no events at all the smoothed rates are 0 (spdep gives NaN from 0 / 0; GeoDa 0).
 */
export function empiricalBayesRates(events: ArrayLike<number | null | undefined>, population: ArrayLike<number | null | undefined>): EbRates {
  if (events.length !== population.length) {
    throw new AnalysisError('lengths_differ', `events (${events.length}) and population (${population.length}) differ in length`);
  }
  const n = events.length;
  const raw = new Float64Array(n).fill(Number.NaN);
  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!usable(events[i], population[i])) continue;
    raw[i] = (events[i] as number) / (population[i] as number);
    used.push(i);
  }
  const rates = new Float64Array(n).fill(Number.NaN);
  const m = used.length;
  if (m === 0) return { rates, raw, priorMean: Number.NaN, priorVariance: Number.NaN, truncated: false, excluded: n };
  const pop = (i: number): number => population[i] as number;
  const eventSum = accurateSum(used, (i) => events[i] as number);
  const popSum = accurateSum(used, pop);
  const b = eventSum / popSum;
  // Same order of operations as spdep: x * (((p - b)^2) / xsum), summed.
  const s2 = accurateSum(used, (i) => pop(i) * ((raw[i] - b) ** 2 / popSum));
  const estimate = s2 - b / (popSum / m);
  const a = estimate < 0 ? 0 : estimate;
  for (const i of used) {
    const shrink = a + b / pop(i);
    rates[i] = shrink > 0 ? b + (a * (raw[i] - b)) / shrink : b;
  }
  return { rates, raw, priorMean: b, priorVariance: a, truncated: estimate < 0, excluded: n - m };
}
