import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { type IndexDirection, type Normalisation, averageRanks, compositeIndex, normalise, normaliseWeights } from '../../../src/analysis/composite';
import { AnalysisError } from '../../../src/analysis/errors';
import { COMPOSITE_PRESETS, POVERTY_POCKET_INDEX } from '../../../src/analysis/presets';
import { catalog } from '../../../src/data/catalog';

interface Case {
  name: string;
  normalisation: Normalisation;
  ids: string[];
  directions: IndexDirection[];
  weights: number[];
  values: (number | null)[][];
  usedWeights: number[];
  index: (number | null)[];
  contributions: (number | null)[][];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/composite/composite.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const close = (a: number, b: number | null): boolean => (b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

describe('composite index agrees with an independent computation in R', () => {
  it.each(fixture.cases.map((c) => [`${c.name} ${c.normalisation}`, c] as const))('%s', (_, c) => {
    const result = compositeIndex(
      c.ids.map((id, j) => ({ id, values: c.values[j], direction: c.directions[j], weight: c.weights[j] })),
      c.normalisation,
    );
    expect(result.ids).toEqual(c.ids);
    expect(result.weights.every((w, j) => close(w, c.usedWeights[j]))).toBe(true);
    expect([...result.index].filter((v, i) => !close(v, c.index[i]))).toEqual([]);
    c.contributions.forEach((col, j) => expect([...result.contributions[j]].filter((v, i) => !close(v, col[i]))).toEqual([]));
    expect(result.complete).toBe(c.index.filter((v) => v !== null).length);
  });

  it('includes cases with missing values, weights and higher-is-better indicators', () => {
    expect(fixture.cases.some((c) => c.index.includes(null))).toBe(true);
    expect(fixture.cases.some((c) => c.directions.includes('higher_better'))).toBe(true);
    expect(fixture.cases.some((c) => new Set(c.weights).size > 1)).toBe(true);
  });
});

describe('composite index', () => {
  const two = [
    { id: 'a', values: [0, 5, 10], direction: 'higher_worse' as const },
    { id: 'b', values: [30, 20, 10], direction: 'higher_better' as const },
  ];

  it('orients every indicator so that a higher index is always poorer', () => {
    const r = compositeIndex(two, 'minmax');
    expect([...r.index]).toEqual([0, 0.5, 1]);
    expect([...r.scores[1]]).toEqual([0, 0.5, 1]);
  });

  it('reports contributions that sum to the index and weights that sum to 1', () => {
    const r = compositeIndex(
      [
        { ...two[0], weight: 3 },
        { ...two[1], weight: 1 },
      ],
      'zscore',
    );
    expect(r.weights).toEqual([0.75, 0.25]);
    for (let i = 0; i < 3; i++) expect(r.contributions[0][i] + r.contributions[1][i]).toBe(r.index[i]);
    expect(r.contributions[0][2]).toBeCloseTo(0.75, 12); // z = 1 for the worst of 0, 5, 10
  });

  it('gives no index to a kelurahan missing any indicator and normalises over the complete ones', () => {
    const r = compositeIndex(
      [
        { id: 'a', values: [0, 5, null, 10], direction: 'higher_worse' },
        { id: 'b', values: [1, Number.NaN, 2, 3], direction: 'higher_worse' },
      ],
      'minmax',
    );
    expect(r.complete).toBe(2);
    expect([...r.index].map((v) => (Number.isNaN(v) ? null : v))).toEqual([0, null, null, 1]);
    expect(Number.isNaN(r.contributions[0][1])).toBe(true);
  });

  it('puts a constant indicator in the middle of its scale', () => {
    for (const [method, middle] of [
      ['minmax', 0.5],
      ['zscore', 0],
      ['rank', 0.5],
    ] as const) {
      expect(normalise([4, 4, 4], 'higher_worse', method)).toEqual([middle, middle, middle]);
    }
    expect(normalise([7], 'higher_better', 'rank')).toEqual([0.5]);
  });

  it('ranks ties by their average rank, as R', () => {
    expect(averageRanks([10, 20, 10, 30, 20, 20])).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect(normalise([10, 20, 10, 30], 'higher_better', 'rank')).toEqual([5 / 6, 1 / 3, 5 / 6, 0]);
  });

  it('refuses invalid weights, no indicators and uneven lists, with codes for translated messages', () => {
    for (const weights of [[0, 0], [1, -1], [1, Number.NaN], []]) {
      expect(() => normaliseWeights(weights)).toThrow(AnalysisError);
    }
    expect(() => compositeIndex([], 'rank')).toThrowError(expect.objectContaining({ code: 'indicators_invalid' }));
    expect(() => compositeIndex([two[0], { ...two[1], values: [1, 2] }], 'rank')).toThrowError(expect.objectContaining({ code: 'lengths_differ' }));
    expect(() => compositeIndex([{ ...two[0], weight: 0 }], 'rank')).toThrowError(expect.objectContaining({ code: 'weights_invalid' }));
  });
});

describe('the "Indeks kantong kemiskinan" preset', () => {
  it('uses catalog indicators as rates with their catalog denominators, all higher-is-worse, equal weights', () => {
    for (const preset of COMPOSITE_PRESETS) {
      for (const ind of preset.indicators) {
        const def = catalog.indicators.find((d) => d.id === ind.id);
        expect(def?.rate).toMatchObject({ denominator: ind.denominator, per: ind.per });
        expect(def?.direction).toBe(ind.direction);
      }
    }
    expect(POVERTY_POCKET_INDEX.indicators.map((i) => i.id)).toEqual(['penduduk_miskin', 'penduduk_miskin_ekstrem', 'rtlh', 'rt_tanpa_air_layak', 'rt_tanpa_sanitasi_layak']);
    expect(new Set(POVERTY_POCKET_INDEX.indicators.map((i) => i.weight)).size).toBe(1);
  });

  it('is the index the R reference computes for the demo city', () => {
    const reference = fixture.cases.find((c) => c.name === 'preset_city_33.72' && c.normalisation === POVERTY_POCKET_INDEX.normalisation)!;
    expect(reference.ids).toEqual(POVERTY_POCKET_INDEX.indicators.map((i) => i.id));
    const result = compositeIndex(
      POVERTY_POCKET_INDEX.indicators.map((ind, j) => ({ ...ind, values: reference.values[j] })),
      POVERTY_POCKET_INDEX.normalisation,
    );
    expect([...result.index].every((v, i) => close(v, reference.index[i]))).toBe(true);
  });
});
