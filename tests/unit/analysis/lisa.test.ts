import { describe, expect, it } from 'vitest';
import { localMoran, lisaClusters, LisaCluster, GEODA_LISA_COLOURS, quadrant } from '../../../src/analysis/local-moran';
import { permutationPower } from '../../../src/analysis/significance';
import { rowStandardise, weightsFromNeighbours } from '../../../src/analysis/weights';
import { caseWeights, expectClose, fixture, monteCarloAgreement } from './spdep-fixture';
import { exactTail, foldedAgrees, SMALL_GRAPH, SMALL_VALUES } from './exact-permutation';

describe('local Moran\u2019s I equals R spdep localmoran', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const r = localMoran(c.values, caseWeights(c).standardised, { permutations: 0 });
    expectClose(r.I, c.localMoran.Ii, 'Ii');
    expectClose(r.expectation, c.localMoran.E, 'E.Ii');
    expectClose(r.variance, c.localMoran.Var, 'Var.Ii');
    expectClose(r.zScore, c.localMoran.Z, 'Z.Ii');
    expectClose(r.pNormal, c.localMoran.pTwoSided, 'Pr(z != E(Ii))');
    // I_i is the product of the standardised value and its lag.
    for (let i = 0; i < r.n; i++) expect(r.I[i]).toBeCloseTo(r.value[i] * r.lag[i], 12);
  });

  it('gives the quadrants of spdep (pysal: sign of z and of its lag)', () => {
    const names: Record<string, number> = {
      'High-High': LisaCluster.HighHigh,
      'Low-Low': LisaCluster.LowLow,
      'Low-High': LisaCluster.LowHigh,
      'High-Low': LisaCluster.HighLow,
    };
    for (const c of fixture.cases) {
      const r = localMoran(c.values, caseWeights(c).standardised, { permutations: 0 });
      for (let i = 0; i < r.n; i++) {
        if (r.neighbourCount[i] === 0) continue;
        expect(quadrant(r.value[i], r.lag[i]), `${c.name} ${i}`).toBe(names[c.localMoran.quadrant[i]]);
      }
    }
  });

  it('row-standardises binary weights itself', () => {
    const c = fixture.cases[0];
    const { binary, standardised } = caseWeights(c);
    expect(localMoran(c.values, binary, { permutations: 0 }).I).toEqual(localMoran(c.values, standardised, { permutations: 0 }).I);
  });
});

describe('conditional permutation p-values', () => {
  for (const sampling of ['without-replacement', 'with-replacement'] as const) {
    it(`converge to the exact distribution on a small graph (${sampling})`, () => {
      const R = 99_999;
      const r = localMoran(SMALL_VALUES, weightsFromNeighbours(SMALL_GRAPH), { permutations: R, seed: 11, sampling });
      const n = SMALL_VALUES.length;
      const mean = SMALL_VALUES.reduce((a, b) => a + b, 0) / n;
      const z = SMALL_VALUES.map((v) => v - mean);
      const m2 = z.reduce((a, b) => a + b * b, 0) / n;
      for (let i = 0; i < n; i++) {
        const k = SMALL_GRAPH[i].length;
        if (k === 0) {
          expect(r.pseudoP[i]).toBeNaN();
          continue;
        }
        const pool = z.filter((_, j) => j !== i);
        const tail = exactTail(pool, new Array(k).fill(1 / k), 0, z[i] / m2, r.I[i], sampling);
        expect(foldedAgrees(r.pseudoP[i], tail, R), `obs ${i}: ${r.pseudoP[i]} vs exact ${JSON.stringify(tail)}`).toBe(true);
      }
    });
  }

  it('tell the two sampling schemes apart on the small graph (the check above can fail)', () => {
    const R = 99_999;
    const w = weightsFromNeighbours(SMALL_GRAPH);
    const r = localMoran(SMALL_VALUES, w, { permutations: R, seed: 11, sampling: 'with-replacement' });
    const n = SMALL_VALUES.length;
    const mean = SMALL_VALUES.reduce((a, b) => a + b, 0) / n;
    const z = SMALL_VALUES.map((v) => v - mean);
    const m2 = z.reduce((a, b) => a + b * b, 0) / n;
    let disagreements = 0;
    for (let i = 0; i < n; i++) {
      const k = SMALL_GRAPH[i].length;
      if (k < 2) continue; // with one neighbour both schemes are the same
      const pool = z.filter((_, j) => j !== i);
      const tail = exactTail(pool, new Array(k).fill(1 / k), 0, z[i] / m2, r.I[i], 'without-replacement');
      if (!foldedAgrees(r.pseudoP[i], tail, R)) disagreements++;
    }
    expect(disagreements).toBeGreaterThan(2);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('agree with spdep localmoran_perm (with replacement) within Monte Carlo error: %s', (_, c) => {
    const R = c.permutation.nsim;
    const w = caseWeights(c).standardised;
    const mine = localMoran(c.values, w, { permutations: R, seed: 2026, sampling: 'with-replacement' });
    const same = monteCarloAgreement(mine.pseudoP, c.permutation.localMoranFoldedWithReplacement, R);
    expect(same.worst).toBeLessThan(4.5);
    expect(same.meanSquare).toBeLessThan(2);
    // Power: GeoDa's scheme (without replacement) is detectably different from spdep's, so the
    // agreement above is not a check that anything passes.
    const other = localMoran(c.values, w, { permutations: R, seed: 2026 });
    expect(monteCarloAgreement(other.pseudoP, c.permutation.localMoranFoldedWithReplacement, R).meanSquare).toBeGreaterThan(4);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('agree with an R reference without replacement (GeoDa\u2019s scheme) within Monte Carlo error: %s', (_, c) => {
    const R = c.permutation.nsim;
    const mine = localMoran(c.values, caseWeights(c).standardised, { permutations: R, seed: 2027 });
    const same = monteCarloAgreement(mine.pseudoP, c.permutation.localMoranFoldedWithoutReplacement, R);
    expect(same.worst).toBeLessThan(4.5);
    expect(same.meanSquare).toBeLessThan(2);
  });

  it('reproduce exactly with the same seed, whatever the progress step, and change with the seed', () => {
    const c = fixture.cases[0];
    const w = caseWeights(c).standardised;
    const a = localMoran(c.values, w, { permutations: 999, seed: 5 });
    const b = localMoran(c.values, w, { permutations: 999, seed: 5, progressEvery: 7 });
    const d = localMoran(c.values, w, { permutations: 999, seed: 6 });
    expect(b.pseudoP).toEqual(a.pseudoP);
    expect(d.pseudoP).not.toEqual(a.pseudoP);
    expect(a.seed).toBe(5);
    expect(a.countAtOrAbove.every((m, i) => a.pseudoP[i] === (Math.min(m, 999 - m) + 1) / 1000)).toBe(true);
  });

  it('do not depend on how workers split the observations', () => {
    const c = fixture.cases[1];
    const w = caseWeights(c).standardised;
    const whole = localMoran(c.values, w, { permutations: 999, seed: 8 });
    const head = localMoran(c.values, w, { permutations: 999, seed: 8, range: { start: 0, end: 17 } });
    const tail = localMoran(c.values, w, { permutations: 999, seed: 8, range: { start: 17, end: c.n } });
    const joined = whole.pseudoP.map((_, i) => (i < 17 ? head.pseudoP[i] : tail.pseudoP[i]));
    expect(joined).toEqual(whole.pseudoP);
    expect(head.pseudoP.slice(17).every(Number.isNaN)).toBe(true);
    expect(() => localMoran(c.values, w, { range: { start: 5, end: 2 } })).toThrow(/range/);
  });

  it('report progress and stop when aborted', () => {
    const c = fixture.cases[0];
    const w = caseWeights(c).standardised;
    const calls: number[] = [];
    localMoran(c.values, w, { permutations: 9, progressEvery: 10, onProgress: (done, total) => calls.push(done / total) });
    expect(calls).toEqual([10, 20, 30, 40, 50, 54].map((d) => d / 54));
    const controller = new AbortController();
    const run = () =>
      localMoran(c.values, w, {
        permutations: 9,
        progressEvery: 10,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 20) controller.abort(new Error('dibatalkan'));
        },
      });
    expect(run).toThrow('dibatalkan');
  });

  it('never call a value exactly at the mean significant (every permutation ties with I_i = 0)', () => {
    const values = SMALL_VALUES.map((_, i) => 2 * i); // mean 14 = values[7]
    const r = localMoran(values, weightsFromNeighbours(SMALL_GRAPH), { permutations: 999 });
    expect(r.I[7]).toBe(0);
    expect(r.pseudoP[7]).toBe(1);
    expect(lisaClusters(r, 0.05).cluster[7]).toBe(LisaCluster.NotSignificant);
  });

  it('give no p-value to an island and none at all without permutations', () => {
    const c = fixture.cases.find((k) => k.islands.length > 0)!;
    const w = caseWeights(c).standardised;
    const r = localMoran(c.values, w, { permutations: 99 });
    for (const i of c.islands) {
      expect(r.pseudoP[i]).toBeNaN();
      expect(r.I[i]).toBe(0);
    }
    expect(localMoran(c.values, w, { permutations: 0 }).pseudoP.every(Number.isNaN)).toBe(true);
  });
});

describe('LISA cluster map', () => {
  const c = fixture.cases[0];
  const w = caseWeights(c).standardised;
  const r = localMoran(c.values, w, { permutations: 9999, seed: 3 });

  it('marks significant observations by quadrant and the rest not significant', () => {
    const { cluster, cutoff } = lisaClusters(r, 0.05);
    expect(cutoff).toBe(0.05);
    for (let i = 0; i < r.n; i++) {
      if (r.pseudoP[i] <= 0.05) expect(cluster[i]).toBe(quadrant(r.value[i], r.lag[i]));
      else expect(cluster[i]).toBe(LisaCluster.NotSignificant);
    }
    expect(cluster.filter((k) => k === LisaCluster.HighHigh).length).toBeGreaterThan(0);
    expect(cluster.filter((k) => k === LisaCluster.LowLow).length).toBeGreaterThan(0);
  });

  it('keeps fewer with FDR and fewer still with Bonferroni, and stricter levels nest', () => {
    const count = (alpha: number, correction: 'none' | 'bonferroni' | 'fdr') => lisaClusters(r, alpha, correction).cluster.filter((k) => k !== LisaCluster.NotSignificant).length;
    expect(lisaClusters(r, 0.05, 'bonferroni').cutoff).toBe(0.05 / 54);
    expect(count(0.05, 'bonferroni')).toBeLessThanOrEqual(count(0.05, 'fdr'));
    expect(count(0.05, 'fdr')).toBeLessThan(count(0.05, 'none'));
    expect(count(0.001, 'none')).toBeLessThanOrEqual(count(0.01, 'none'));
    expect(count(0.01, 'none')).toBeLessThanOrEqual(count(0.05, 'none'));
  });

  it('cannot find any cluster with Bonferroni at 999 permutations in a city of 54, as the power check warns', () => {
    const few = localMoran(c.values, w, { permutations: 999, seed: 3 });
    const cutoff = 0.05 / 54;
    expect(permutationPower(cutoff, 999).reachable).toBe(false);
    expect(lisaClusters(few, 0.05, 'bonferroni').cluster.every((k) => k === LisaCluster.NotSignificant)).toBe(true);
    const enough = permutationPower(cutoff, 999).requiredPermutations;
    const more = localMoran(c.values, w, { permutations: enough, seed: 3 });
    expect(Math.min(...more.pseudoP)).toBeLessThanOrEqual(cutoff);
  });

  it('marks islands Isolated whatever the cut-off', () => {
    const island = fixture.cases.find((k) => k.islands.length > 0)!;
    const ri = localMoran(island.values, rowStandardise(weightsFromNeighbours(island.neighbours)), { permutations: 99 });
    for (const correction of ['none', 'bonferroni', 'fdr'] as const) {
      const { cluster } = lisaClusters(ri, 0.05, correction);
      for (const i of island.islands) expect(cluster[i]).toBe(LisaCluster.Isolated);
    }
    // Islands are not tests: Bonferroni divides by the observations that have neighbours.
    expect(lisaClusters(ri, 0.05, 'bonferroni').cutoff).toBe(0.05 / (island.n - island.islands.length));
  });

  it('has a GeoDa colour for every cluster code', () => {
    expect(GEODA_LISA_COLOURS[LisaCluster.HighHigh]).toBe('#FF0000');
    expect(GEODA_LISA_COLOURS[LisaCluster.LowLow]).toBe('#0000FF');
    expect(Object.values(LisaCluster).every((code) => /^#[0-9A-F]{6}$/.test(GEODA_LISA_COLOURS[code]))).toBe(true);
  });
});
