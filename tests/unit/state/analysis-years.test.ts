/**
 * A multi-year method (emerging hot spots) on an indicator with a single year: the state says so
 * in words (both languages) and starts no run, so no raw worker error reaches the panel and the
 * value map stays; with enough years it asks nothing of this kind (issue 18, item 1).
 */
import { describe, expect, it } from 'vitest';
import { AnalysisState, type AnalysisHost } from '../../../src/state/analysis.svelte';
import { translate } from '../../../src/i18n';

function host(years: number[]): AnalysisHost {
  const features = [{ properties: { kode: 'a' }, geometry: null }];
  return {
    city: { kode: '33.72', slug: 'surakarta' },
    tahun: 2025,
    years,
    kelurahan: { type: 'FeatureCollection', features },
    indicators: [],
    indikator: 'impor_1',
    indicator: { id: 'impor_1' },
    shownMeasure: 'rasio',
    values: new Map([['a', 1]]),
    valuesKey: 'k',
    wantedKey: 'k',
  } as unknown as AnalysisHost;
}

describe('emerging hot spots with too few years', () => {
  it('says how many years there are and how many it needs, and runs nothing', async () => {
    const analysis = new AnalysisState(host([2025]));
    analysis.method = 'emerging';
    expect(analysis.tooFewYears).toEqual({ n: 1, min: 2, years: [2025] });
    await analysis.run();
    expect(analysis.error).toBeNull();
    expect(analysis.result).toBeNull();
    expect(analysis.running).toBe(false);
    const params = { min: 2, n: 1, years: '2025' };
    expect(translate('id', 'emerging.tooFewYears', params)).toContain('minimal 2 tahun; yang tersedia hanya 1 tahun (2025)');
    expect(translate('en', 'emerging.tooFewYears', params)).toContain('at least 2 years; it has only 1 (2025)');
  });

  it('asks nothing of a one-year method or of an indicator with enough years', () => {
    const analysis = new AnalysisState(host([2025]));
    analysis.method = 'lisa';
    expect(analysis.tooFewYears).toBeNull();
    const yearly = new AnalysisState(host([2021, 2022, 2023, 2024, 2025]));
    yearly.method = 'emerging';
    expect(yearly.tooFewYears).toBeNull();
    expect(yearly.span).toEqual([2021, 2025]);
  });
});
