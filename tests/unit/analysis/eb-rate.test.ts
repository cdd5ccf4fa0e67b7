import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { empiricalBayesRates } from '../../../src/analysis/eb-rate';
import { AnalysisError } from '../../../src/analysis/errors';

interface Case {
  name: string;
  events: number[];
  population: number[];
  raw: number[];
  estmm: number[];
  a: number;
  b: number;
  truncated: boolean;
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/spdep-eb/eb.json', import.meta.url), 'utf8')) as { cases: Case[] };

const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300);

describe('empirical-Bayes rates agree with R spdep EBest', () => {
  it('includes a case where the prior variance is truncated to 0', () => {
    expect(fixture.cases.some((c) => c.truncated)).toBe(true);
    expect(fixture.cases.some((c) => !c.truncated)).toBe(true);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: smoothed rates and prior to 1e-9 relative', (_, c) => {
    const eb = empiricalBayesRates(c.events, c.population);
    expect(close(eb.priorMean, c.b)).toBe(true);
    expect(c.a === 0 ? eb.priorVariance === 0 : close(eb.priorVariance, c.a)).toBe(true);
    expect(eb.truncated).toBe(c.truncated);
    expect(eb.excluded).toBe(0);
    const bad = c.estmm.map((e, i) => [i, eb.rates[i], e] as const).filter(([, got, e]) => !close(got, e));
    expect(bad).toEqual([]);
    expect([...eb.raw].every((r, i) => close(r, c.raw[i]))).toBe(true);
  });
});

describe('empirical-Bayes rates', () => {
  it('pulls small populations towards the pooled rate more than large ones', () => {
    // Same raw rate 0.3 at populations 10 and 1000; the pooled rate is lower.
    const eb = empiricalBayesRates([3, 300, 50, 40, 60], [10, 1000, 1000, 1000, 1000]);
    expect(eb.priorMean).toBeCloseTo(453 / 4010, 12);
    expect(eb.rates[0]).toBeLessThan(eb.rates[1]);
    expect(eb.rates[1]).toBeLessThan(0.3);
    expect(eb.rates[0]).toBeGreaterThan(eb.priorMean);
  });

  it('leaves out missing or invalid observations and gives them NaN', () => {
    const eb = empiricalBayesRates([3, null, 5, 4, -1, 6], [100, 200, 0, Number.NaN, 100, 300]);
    expect(eb.excluded).toBe(4);
    expect([...eb.rates].map(Number.isNaN)).toEqual([false, true, true, true, true, false]);
    const kept = empiricalBayesRates([3, 6], [100, 300]);
    expect(eb.rates[0]).toBe(kept.rates[0]);
    expect(eb.rates[5]).toBe(kept.rates[1]);
  });

  it('gives 0 rather than 0 / 0 when there are no events at all', () => {
    const eb = empiricalBayesRates([0, 0, 0], [10, 20, 30]);
    expect([...eb.rates]).toEqual([0, 0, 0]);
    expect(eb.priorVariance).toBe(0);
  });

  it('returns NaN everywhere without usable data and refuses lists of different length', () => {
    const eb = empiricalBayesRates([null, 1], [100, 0]);
    expect(eb.excluded).toBe(2);
    expect(Number.isNaN(eb.priorMean)).toBe(true);
    expect(() => empiricalBayesRates([1, 2], [10])).toThrow(AnalysisError);
  });
});
