/**
 * The bivariate local Moran (src/analysis/methods/lisa-bv.ts) against R spdep's localmoran_bv on
 * the fixtures of tests/fixtures/spdep-local-methods (Surakarta poverty with RTLH, spdep's
 * columbus crime with income), GeoDa's bivariate LISA map, and
 * `peta-kantong analyze --method lisa-bv --value2 COLUMN`.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lisaBv, localMoranBivariate } from '../../../../src/analysis/methods/lisa-bv';
import { LisaCluster, quadrant } from '../../../../src/analysis/local-moran';
import { weightsFromNeighbours } from '../../../../src/analysis/weights';
import { toGal } from '../../../../src/analysis/gal';
import { expectClose, monteCarloAgreement } from '../spdep-fixture';
import { parseCsv, runCli, SURAKARTA, tempDir } from '../../cli/run-cli';

type Column = (number | null)[];
interface BivariateCase {
  name: string;
  n: number;
  kode: string[];
  x: number[];
  y?: number[];
  neighbours: number[][];
  bivariate?: { Ibv: Column; foldedWithReplacement: Column };
}
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/spdep-local-methods/spdep-local-methods.json', import.meta.url), 'utf8')) as {
  meta: { nsim: number };
  cases: BivariateCase[];
};
const R = fixture.meta.nsim;
const cases = fixture.cases.filter((c) => c.bivariate).map((c) => [c.name, c] as const);

describe('bivariate local Moran equals R spdep localmoran_bv', () => {
  it('has fixtures on the shipped city and on columbus', () => expect(cases.map(([name]) => name)).toEqual(['surakarta', 'columbus']));

  it.each(cases)('Ibvi: %s', (_, c) => {
    const r = localMoranBivariate(Float64Array.from(c.x), Float64Array.from(c.y!), weightsFromNeighbours(c.neighbours), { permutations: 0 });
    expectClose(r.statistic, c.bivariate!.Ibv, 'Ibvi');
    for (let i = 0; i < c.n; i++) expect(r.statistic[i]).toBeCloseTo(r.value[i] * r.lag[i], 12);
  });

  it.each(cases)('is not the univariate statistic: swapping the variables changes it (%s)', (_, c) => {
    const w = weightsFromNeighbours(c.neighbours);
    const swapped = localMoranBivariate(Float64Array.from(c.y!), Float64Array.from(c.x), w, { permutations: 0 });
    expect(Array.from(swapped.statistic).some((v, i) => Math.abs(v - c.bivariate!.Ibv[i]!) > 1e-6)).toBe(true);
  });

  it.each(cases)('pseudo p-values agree with localmoran_bv (with replacement) within Monte Carlo error: %s', (_, c) => {
    const w = weightsFromNeighbours(c.neighbours);
    const mine = localMoranBivariate(Float64Array.from(c.x), Float64Array.from(c.y!), w, { permutations: R, seed: 2026, sampling: 'with-replacement' });
    const same = monteCarloAgreement(mine.pseudoP, c.bivariate!.foldedWithReplacement, R);
    expect(same.worst).toBeLessThan(4.5);
    expect(same.meanSquare).toBeLessThan(2);
    const other = localMoranBivariate(Float64Array.from(c.y!), Float64Array.from(c.x), w, { permutations: R, seed: 2026, sampling: 'with-replacement' });
    expect(monteCarloAgreement(other.pseudoP, c.bivariate!.foldedWithReplacement, R).meanSquare).toBeGreaterThan(4);
  });
});

describe('GeoDa\u2019s bivariate LISA map', () => {
  const c = fixture.cases.find((k) => k.name === 'columbus')!;
  const r = localMoranBivariate(Float64Array.from(c.x), Float64Array.from(c.y!), weightsFromNeighbours(c.neighbours), { permutations: 9999, seed: 3 });

  it('puts the significant in the quadrant of x and the lag of y, with the LISA colours', () => {
    const { codes } = lisaBv.classify(r, { alpha: 0.05, correction: 'none' });
    for (let i = 0; i < c.n; i++) {
      expect(codes[i]).toBe(r.pseudoP[i] <= 0.05 ? quadrant(r.value[i], r.lag[i]) : LisaCluster.NotSignificant);
    }
    // Crime against neighbours' income in Columbus: high crime beside low income (and back).
    expect(Array.from(codes).filter((k) => k === LisaCluster.HighLow || k === LisaCluster.LowHigh).length).toBeGreaterThan(0);
    expect(lisaBv.categories.find((k) => k.code === LisaCluster.HighHigh)!.color).toBe('#FF0000');
  });

  it('needs the second variable', () => {
    expect(() => lisaBv.compute(Float64Array.from(c.x), null, weightsFromNeighbours(c.neighbours), {})).toThrow(/second variable/);
  });
});

describe('peta-kantong analyze --method lisa-bv --value2', () => {
  const c = fixture.cases.find((k) => k.name === 'surakarta')!;

  it('writes I, p and the cluster, with I equal to spdep on the same two columns', async () => {
    const dir = await tempDir();
    const data = join(dir, 'two.csv');
    await writeFile(data, `kode,miskin,rtlh\n${c.kode.map((k, i) => `${k},${c.x[i]},${c.y![i]}`).join('\n')}\n`);
    // R's neighbours (poly2nb, snap 1e-4 degree) as a GeoDa .gal, so the weights are spdep's too.
    const gal = join(dir, 'r.gal');
    await writeFile(gal, toGal(weightsFromNeighbours(c.neighbours), c.kode, { idVariable: 'kode', layerName: 'surakarta' }));
    const out = join(dir, 'bv.csv');
    const run = await runCli([
      'analyze',
      '--boundaries',
      SURAKARTA,
      '--data',
      data,
      '--join-on',
      'kode',
      '--value',
      'miskin',
      '--value2',
      'rtlh',
      '--method',
      'lisa-bv',
      '--weights',
      gal,
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/lisa-bv of miskin with rtlh on 54 of 54 kelurahan, r\.gal; p <= 0\.0500: High-High \d+/);
    const rows = parseCsv(await readFile(out, 'utf8'));
    expect(Object.keys(rows[0])).toEqual(['kode', 'nama', 'value', 'I', 'lag', 'z', 'p', 'cluster', 'neighbours']);
    const byKode = new Map(rows.map((row) => [row.kode, row]));
    expectClose(
      c.kode.map((k) => Number(byKode.get(k)!.I)),
      c.bivariate!.Ibv,
      'CLI I',
    );
    expect(rows.every((row) => Number(row.p) > 0 && Number(row.p) <= 0.5)).toBe(true);
  });

  it('requires --value2', async () => {
    const run = await runCli(['analyze', '--boundaries', SURAKARTA, '--data', 'x.csv', '--value', 'a', '--method', 'lisa-bv', '--out', 'x.csv']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--value2');
  });
});
