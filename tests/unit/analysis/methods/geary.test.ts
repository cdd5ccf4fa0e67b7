/**
 * Local Geary (src/analysis/methods/geary.ts) against R spdep's localC and localC_perm on the
 * fixtures of tests/fixtures/spdep-local-methods (Surakarta, Tanjungbalai with an island, and
 * spdep's columbus), GeoDa's cluster rule, and `peta-kantong analyze --method geary`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geary, GearyCluster, localGeary } from '../../../../src/analysis/methods/geary';
import { weightsFromNeighbours } from '../../../../src/analysis/weights';
import { contiguity } from '../../../../src/analysis/contiguity';
import { expectClose, monteCarloAgreement } from '../spdep-fixture';
import { INDIKATOR, parseCsv, povertyRate, readGeoJson, runCli, SURAKARTA, tempDir } from '../../cli/run-cli';

type Column = (number | null)[];
interface GearyCase {
  name: string;
  n: number;
  x: number[];
  neighbours: number[][];
  islands: number[];
  geary: { C: Column; permC: Column; expectationSim: Column; foldedWithReplacement: Column; spdepCluster: string[] };
}
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/spdep-local-methods/spdep-local-methods.json', import.meta.url), 'utf8')) as {
  meta: { nsim: number };
  cases: GearyCase[];
};
const R = fixture.meta.nsim;
const cases = fixture.cases.map((c) => [c.name, c] as const);

describe('Local Geary equals R spdep', () => {
  it.each(cases)('localC: %s', (_, c) => {
    const r = localGeary(Float64Array.from(c.x), weightsFromNeighbours(c.neighbours), { permutations: 0 });
    expectClose(r.statistic, c.geary.C, 'C');
    // localC_perm reports the same C as localC.
    expectClose(r.statistic, c.geary.permC, 'localC_perm C');
    expect(r.pseudoP.every(Number.isNaN)).toBe(true);
  });

  it.each(cases)('the lag has the sign spdep gives its quadrants: %s', (_, c) => {
    const r = localGeary(Float64Array.from(c.x), weightsFromNeighbours(c.neighbours), { permutations: 0 });
    for (let i = 0; i < c.n; i++) {
      if (c.islands.includes(i)) continue;
      const quadrant = r.value[i] > 0 ? (r.lag[i] > 0 ? 'High-High' : 'Negative') : r.lag[i] > 0 ? 'Other Positive' : 'Low-Low';
      expect(quadrant, `${c.name} ${i}`).toBe(c.geary.spdepCluster[i]);
    }
  });

  it.each(cases)('the exact expectation is what spdep\u2019s permutation mean estimates: %s', (_, c) => {
    const r = localGeary(Float64Array.from(c.x), weightsFromNeighbours(c.neighbours), { permutations: 0 });
    for (let i = 0; i < c.n; i++) {
      const sim = c.geary.expectationSim[i];
      if (sim === null || c.islands.includes(i)) continue;
      // The mean of 99,999 draws is within a few hundredths of a percent of its limit.
      expect(Math.abs(r.expectation![i] - sim) / sim, `${c.name} ${i}`).toBeLessThan(0.01);
    }
  });

  it.each(cases)('pseudo p-values agree with localC_perm (with replacement) within Monte Carlo error: %s', (_, c) => {
    const w = weightsFromNeighbours(c.neighbours);
    const mine = localGeary(Float64Array.from(c.x), w, { permutations: R, seed: 2026, sampling: 'with-replacement' });
    const same = monteCarloAgreement(mine.pseudoP, c.geary.foldedWithReplacement, R);
    expect(same.worst).toBeLessThan(4.5);
    expect(same.meanSquare).toBeLessThan(2);
    // Power: the p-values of another statistic on the same data (C of the values reversed in
    // order) are far from spdep's, so the agreement above is not a check that anything passes.
    const other = localGeary(Float64Array.from(c.x).reverse(), w, { permutations: R, seed: 2026, sampling: 'with-replacement' });
    expect(monteCarloAgreement(other.pseudoP, c.geary.foldedWithReplacement, R).meanSquare).toBeGreaterThan(4);
  });

  it('reproduces exactly with the same seed and changes with the seed', () => {
    const c = fixture.cases[0];
    const w = weightsFromNeighbours(c.neighbours);
    const a = localGeary(Float64Array.from(c.x), w, { permutations: 999, seed: 5 });
    expect(localGeary(Float64Array.from(c.x), w, { permutations: 999, seed: 5 }).pseudoP).toEqual(a.pseudoP);
    expect(localGeary(Float64Array.from(c.x), w, { permutations: 999, seed: 6 }).pseudoP).not.toEqual(a.pseudoP);
  });
});

describe('GeoDa\u2019s local Geary cluster map', () => {
  const c = fixture.cases.find((k) => k.islands.length > 0)!;
  const r = localGeary(Float64Array.from(c.x), weightsFromNeighbours(c.neighbours), { permutations: 9999, seed: 3 });

  it('is positive (by quadrant) below the expectation, negative above, among the significant; islands apart', () => {
    const { codes, cutoff } = geary.classify(r, { alpha: 0.05, correction: 'none' });
    expect(cutoff).toBe(0.05);
    for (let i = 0; i < c.n; i++) {
      if (c.islands.includes(i)) {
        expect(codes[i]).toBe(GearyCluster.Isolated);
        expect(r.pseudoP[i]).toBeNaN();
        continue;
      }
      if (!(r.pseudoP[i] <= 0.05)) expect(codes[i]).toBe(GearyCluster.NotSignificant);
      else if (r.statistic[i] > r.expectation![i]) expect(codes[i]).toBe(GearyCluster.Negative);
      else if (r.value[i] > 0 && r.lag[i] > 0) expect(codes[i]).toBe(GearyCluster.HighHigh);
      else if (r.value[i] < 0 && r.lag[i] < 0) expect(codes[i]).toBe(GearyCluster.LowLow);
      else expect(codes[i]).toBe(GearyCluster.OtherPositive);
    }
    expect(Array.from(codes).filter((k) => k !== GearyCluster.NotSignificant && k !== GearyCluster.Isolated).length).toBeGreaterThan(0);
  });

  it('keeps fewer with Bonferroni', () => {
    const significant = (correction: 'none' | 'bonferroni') =>
      Array.from(geary.classify(r, { alpha: 0.05, correction }).codes).filter((k) => k !== GearyCluster.NotSignificant && k !== GearyCluster.Isolated).length;
    expect(significant('bonferroni')).toBeLessThan(significant('none'));
  });

  it('refuses values that are all equal', () => {
    expect(() => localGeary(Float64Array.of(1, 1, 1), weightsFromNeighbours([[1], [0, 2], [1]]))).toThrow(/all values are equal/);
  });
});

describe('peta-kantong analyze --method geary', () => {
  it('writes C, lag, z, p and the cluster in words, equal to localGeary on the same data', async () => {
    const out = join(await tempDir(), 'geary.csv');
    const run = await runCli([
      'analyze',
      '--boundaries',
      SURAKARTA,
      '--data',
      INDIKATOR,
      '--value',
      'penduduk_miskin',
      '--denominator',
      'penduduk',
      '--per',
      '100',
      '--year',
      '2025',
      '--method',
      'geary',
      '--seed',
      '7',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/geary of penduduk_miskin \/ penduduk \* 100 on 54 of 54 kelurahan .*; p <= 0\.0500: High-High \d+, Low-Low \d+, Other Positive \d+, Negative \d+/);
    const rows = parseCsv(await readFile(out, 'utf8'));
    expect(Object.keys(rows[0])).toEqual(['kode', 'nama', 'value', 'C', 'lag', 'z', 'p', 'cluster', 'neighbours']);
    const city = readGeoJson(SURAKARTA);
    // The CLI runs in kode order; the GeoJSON is in kode order too.
    const direct = localGeary(
      Float64Array.from(povertyRate(city, 2025)),
      contiguity(
        city.features.map((f) => f.geometry),
        { rule: 'queen' },
      ).weights,
      { permutations: 999, seed: 7 },
    );
    const words = new Map(geary.categories.map((k) => [k.code, k.words]));
    const clusters = geary.classify(direct, { alpha: 0.05, correction: 'none' }).codes;
    rows.forEach((row, i) => {
      expect(Number(row.C)).toBe(direct.statistic[i]);
      expect(Number(row.p)).toBe(direct.pseudoP[i]);
      expect(row.cluster).toBe(words.get(clusters[i]));
    });
  });

  it('refuses --basis and --value2, which mean nothing to it', async () => {
    const base = ['analyze', '--boundaries', SURAKARTA, '--data', INDIKATOR, '--value', 'rtlh', '--method', 'geary', '--out', 'x.csv'];
    for (const extra of [
      ['--basis', 'z'],
      ['--value2', 'rtlh'],
    ]) {
      const run = await runCli([...base, ...extra]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(extra[0]);
    }
  });
});
