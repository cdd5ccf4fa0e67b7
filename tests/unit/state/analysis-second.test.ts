/**
 * A two-indicator method (TKPK quadrants, bivariate LISA) never compares the indicator on the map
 * with itself: while the chosen second indicator is the one shown, the first other directed
 * indicator is used, in the run, the link and the chooser alike.
 */
import { describe, expect, it } from 'vitest';
import { AnalysisState, type AnalysisHost } from '../../../src/state/analysis.svelte';

const indicators = [
  { id: 'rtlh', direction: 'higher_worse' },
  { id: 'lansia', direction: 'neutral' },
  { id: 'penduduk_miskin', direction: 'higher_worse' },
];

/** A demo city (no imported source): the demo indicators have data in it. */
const DEMO_CITY = { kode: '33.72', nama: 'Kota Surakarta' };

describe('the second indicator of a two-indicator method', () => {
  it('is the chosen one unless it is on the map, then the first other directed indicator', () => {
    const app = { indicators, indikator: 'rtlh', valuesKey: 'k', city: DEMO_CITY } as unknown as AnalysisHost;
    const analysis = new AnalysisState(app);
    analysis.method = 'lisa-bv';
    expect(analysis.secondIndicator).toBe('rtlh');
    expect(analysis.secondChoices.map((i) => i.id)).toEqual(['penduduk_miskin']);
    expect(analysis.second).toBe('penduduk_miskin');
    expect(analysis.params?.kedua).toBe('penduduk_miskin');
    expect(analysis.inputKey.endsWith('|penduduk_miskin')).toBe(true);
  });

  it('is carried only by methods that need it', () => {
    const app = { indicators, indikator: 'penduduk_miskin', valuesKey: 'k', city: DEMO_CITY } as unknown as AnalysisHost;
    const analysis = new AnalysisState(app);
    analysis.method = 'geary';
    expect(analysis.params?.kedua).toBeNull();
    analysis.method = 'quadrant';
    expect(analysis.params?.kedua).toBe('rtlh');
  });
});
