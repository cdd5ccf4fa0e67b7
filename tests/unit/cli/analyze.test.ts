import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getisOrd, lisaClusters, localMoran, moranI } from '../../../src/analysis/autocorrelation';
import { contiguity } from '../../../src/analysis/contiguity';
import { subsetWeights } from '../../../src/analysis/subset';
import { rowStandardise } from '../../../src/analysis/weights';
import { lisa } from '../../../src/analysis/methods/lisa';
import { demoRows, INDIKATOR, parseCsv, povertyRate, readGeoJson, repo, runCli, SURAKARTA, tempDir } from './run-cli';

const city = readGeoJson(SURAKARTA);
const queen = contiguity(
  city.features.map((f) => f.geometry),
  { rule: 'queen' },
).weights;
const rate = povertyRate(city, 2025);
/** Poverty rate in % of Surakarta in 2025 from the demo data. */
const POVERTY_2025 = ['--boundaries', SURAKARTA, '--data', INDIKATOR, '--value', 'penduduk_miskin', '--denominator', 'penduduk', '--per', '100', '--year', '2025'];

/** Empty CSV cells are null, the rest numbers where they look like numbers. */
const cellValue = (cell: string): number | string | null => (cell === '' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell));

// The first run of the file starts DuckDB and loads the CLI's modules: over 30 s on a busy 2-core machine.
describe('peta-kantong analyze --method lisa', { timeout: 120_000 }, () => {
  it('gives the same I, lag, z, p and clusters as localMoran on the same data and weights', async () => {
    const dir = await tempDir();
    const out = join(dir, 'lisa.csv');
    const run = await runCli(['analyze', ...POVERTY_2025, '--method', 'lisa', '--seed', '7', '--out', out]);
    expect(run.code).toBe(0);
    // Without --join-on the key columns are chosen as the app chooses them, and said.
    expect(run.stderr).toContain('key columns chosen as the app chooses them: code = kode, kelurahan name = kelurahan, kecamatan = kecamatan, year = tahun');
    expect(run.stderr).toContain('Kelurahan code: kode (54 of 185 distinct values are Kemendagri codes of this region; covering 54 of 54 kelurahan)');
    // The demo CSV holds all five cities: the others' rows are reported, not silently ignored.
    expect(run.stderr).toContain('131 row(s) not joined, code of another kabupaten/kota: row 6 (12.74.01.1001, Tanjungbalai Kota I, Tanjungbalai Selatan);');
    const direct = localMoran(rate, queen, { permutations: 999, seed: 7 });
    const clusters = lisaClusters(direct, 0.05, 'none');
    const rows = parseCsv(await readFile(out, 'utf8'));
    expect(Object.keys(rows[0])).toEqual(['kode', 'nama', 'value', 'I', 'lag', 'z', 'p', 'cluster', 'neighbours']);
    expect(rows).toHaveLength(54);
    rows.forEach((row, i) => {
      expect(row.kode).toBe(city.features[i].properties.kode);
      expect(row.nama).toBe(city.features[i].properties.kelurahan);
      // Written with full precision: the text reads back as the same double.
      expect(Number(row.value)).toBe(rate[i]);
      expect(Number(row.I)).toBe(direct.I[i]);
      expect(Number(row.lag)).toBe(direct.lag[i]);
      expect(Number(row.z)).toBe(direct.value[i]);
      expect(Number(row.p)).toBe(direct.pseudoP[i]);
      expect(row.cluster).toBe(lisa.categories.find((c) => c.code === clusters.cluster[i])!.words);
    });
    // Surakarta's demo poverty has a pocket around Semanggi: some High-High kelurahan.
    expect(rows.some((r) => r.cluster === 'High-High')).toBe(true);
    expect(run.stdout).toMatch(
      /lisa\.csv: lisa of penduduk_miskin \/ penduduk \* 100 on 54 of 54 kelurahan \(tahun 2025\), queen contiguity \(snap 10 m\); p <= 0\.0500: High-High \d+/,
    );
  });

  it('writes seed and permutations into JSON, and the same seed gives the same p-values', async () => {
    const dir = await tempDir();
    const args = ['analyze', ...POVERTY_2025, '--method', 'lisa', '--permutations', '499'];
    await runCli([...args, '--seed', '11', '--out', join(dir, 'a.json')]);
    await runCli([...args, '--seed', '11', '--out', join(dir, 'b.json')]);
    await runCli([...args, '--seed', '12', '--out', join(dir, 'c.json')]);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (n) => JSON.parse(await readFile(join(dir, `${n}.json`), 'utf8'))));
    expect(a).toMatchObject({ method: 'lisa', seed: 11, permutations: 499, year: 2025, alpha: 0.05, correction: 'none', analysed: 54 });
    expect(a.rows.map((r: { p: number }) => r.p)).toEqual(b.rows.map((r: { p: number }) => r.p));
    expect(a.rows.map((r: { p: number }) => r.p)).not.toEqual(c.rows.map((r: { p: number }) => r.p));
  });

  it('warns when Bonferroni cannot be reached with 999 permutations, and says how many it needs', async () => {
    const dir = await tempDir();
    const run = await runCli(['analyze', ...POVERTY_2025, '--method', 'lisa', '--correction', 'bonferroni', '--out', join(dir, 'l.csv')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('above the Bonferroni cut-off 0.05/54 = 0.000926: no kelurahan can reach it; use --permutations 1079 or more');
    const quiet = await runCli(['analyze', ...POVERTY_2025, '--method', 'lisa', '--correction', 'bonferroni', '--permutations', '1079', '--out', join(dir, 'm.csv')]);
    expect(quiet.stderr).not.toContain('cut-off');
  });

  it('reports kelurahan without a value and drops them with their weights', async () => {
    const dir = await tempDir();
    const rows = demoRows().filter((r) => r.kode.startsWith('33.72.') && r.tahun === '2025');
    const columns = Object.keys(rows[0]);
    // Pajang has no row, Laweyan an empty cell, Bumi no households.
    const edited = rows
      .filter((r) => r.kode !== '33.72.01.1001')
      .map((r) => (r.kode === '33.72.01.1002' ? { ...r, penduduk_miskin: '' } : r.kode === '33.72.01.1003' ? { ...r, penduduk: '0' } : r));
    const data = join(dir, 'surakarta.csv');
    await writeFile(data, [columns.join(','), ...edited.map((r) => columns.map((c) => r[c]).join(','))].join('\n'));
    const out = join(dir, 'lisa.geojson');
    const run = await runCli([
      'analyze',
      '--boundaries',
      SURAKARTA,
      '--data',
      data,
      '--value',
      'penduduk_miskin',
      '--denominator',
      'penduduk',
      '--method',
      'lisa',
      '--seed',
      '3',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '3 of 54 kelurahan have no value and are left out of the analysis with their weights: ' +
        '33.72.01.1001 Pajang (no row in the data), 33.72.01.1002 Laweyan (empty penduduk_miskin), 33.72.01.1003 Bumi (penduduk is 0)',
    );
    expect(run.stdout).toContain('on 51 of 54 kelurahan (tahun 2025)');
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result.features).toHaveLength(54);
    expect(result.left_out).toEqual([
      { kode: '33.72.01.1001', reason: 'no row in the data' },
      { kode: '33.72.01.1002', reason: 'empty penduduk_miskin' },
      { kode: '33.72.01.1003', reason: 'penduduk is 0' },
    ]);
    const keep = city.features.map((_, i) => i > 2);
    const { weights, kept } = subsetWeights(queen, keep);
    const ratio = povertyRate(city, 2025, 1);
    const direct = localMoran(
      Array.from(kept, (i) => ratio[i]),
      weights,
      { permutations: 999, seed: 3 },
    );
    result.features.forEach((f: { properties: Record<string, unknown>; geometry: unknown }, i: number) => {
      expect(f.geometry).toEqual(city.features[i].geometry);
      if (i < 3) expect(f.properties).toMatchObject({ value: null, I: null, p: null, cluster: 'No data' });
      else expect(f.properties.I).toBe(direct.I[i - 3]);
    });
  });

  it('uses a .gal file as the weights it describes', async () => {
    const dir = await tempDir();
    const gal = join(dir, 'queen.gal');
    await runCli(['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--out', gal]);
    const fromGal = await runCli(['analyze', ...POVERTY_2025, '--method', 'lisa', '--weights', gal, '--out', join(dir, 'a.csv')]);
    await runCli(['analyze', ...POVERTY_2025, '--method', 'lisa', '--out', join(dir, 'b.csv')]);
    expect(fromGal.code).toBe(0);
    expect(fromGal.stdout).toContain('queen.gal;');
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe(await readFile(join(dir, 'b.csv'), 'utf8'));
  });

  it('reads spdep old-style .gal files (ids 1..n) in the order of the boundaries', async () => {
    const dir = await tempDir();
    const run = await runCli([
      'analyze',
      ...POVERTY_2025,
      '--method',
      'moran',
      '--weights',
      repo('tests/fixtures/spdep-weights/surakarta-queen-old.gal'),
      '--out',
      join(dir, 'm.csv'),
    ]);
    const geoda = await runCli([
      'analyze',
      ...POVERTY_2025,
      '--method',
      'moran',
      '--weights',
      repo('tests/fixtures/spdep-weights/surakarta-queen-geoda.gal'),
      '--out',
      join(dir, 'n.csv'),
    ]);
    expect(run.code).toBe(0);
    expect(geoda.code).toBe(0);
    expect(await readFile(join(dir, 'm.csv'), 'utf8')).toBe(await readFile(join(dir, 'n.csv'), 'utf8'));
  });
});

describe('peta-kantong analyze --method moran, gi, gistar', () => {
  it('moran: one summary row in CSV, equal to moranI with row-standardised weights', async () => {
    const dir = await tempDir();
    const run = await runCli(['analyze', ...POVERTY_2025, '--method', 'moran', '--seed', '5', '--out', join(dir, 'm.csv')]);
    expect(run.code).toBe(0);
    const [row, ...more] = parseCsv(await readFile(join(dir, 'm.csv'), 'utf8'));
    expect(more).toHaveLength(0);
    const direct = moranI(rate, rowStandardise(queen), { permutations: 999, seed: 5 });
    expect(Number(row.I)).toBe(direct.I);
    expect(Number(row.expectation)).toBe(direct.expectation);
    expect(Number(row.variance)).toBe(direct.variance);
    expect(Number(row.z)).toBe(direct.zScore);
    expect(Number(row.p_normal)).toBe(direct.pGreater);
    expect(Number(row.p_permutation)).toBe(direct.permutation!.pGreater);
    expect(row).toMatchObject({ permutations: '999', seed: '5', n: '54', islands: '0' });
  });

  it('moran: JSON holds the summary and each kelurahan on the scatter plot', async () => {
    const dir = await tempDir();
    await runCli(['analyze', ...POVERTY_2025, '--method', 'moran', '--out', join(dir, 'm.json')]);
    const result = JSON.parse(await readFile(join(dir, 'm.json'), 'utf8'));
    const direct = moranI(rate, rowStandardise(queen), { permutations: 999, seed: result.moran.seed });
    expect(result.moran.I).toBe(direct.I);
    expect(result.rows).toHaveLength(54);
    expect(result.rows[0]).toEqual({ kode: '33.72.01.1001', nama: 'Pajang', value: rate[0], z: direct.scatter.value[0], lag: direct.scatter.lag[0] });
  });

  it('gistar: G and z equal getisOrd (binary weights), GeoJSON keeps the settings', async () => {
    const dir = await tempDir();
    const out = join(dir, 'gi.geojson');
    const run = await runCli(['analyze', ...POVERTY_2025, '--method', 'gistar', '--permutations', '99', '--seed', '9', '--out', out]);
    expect(run.code).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result).toMatchObject({ type: 'FeatureCollection', statistic: 'Gi*', permutations: 99, seed: 9, basis: 'z' });
    const direct = getisOrd(rate, queen, { star: true, permutations: 99, seed: 9 });
    result.features.forEach((f: { properties: Record<string, number | string> }, i: number) => {
      expect(f.properties.G).toBe(direct.G[i]);
      expect(f.properties.z).toBe(direct.zScore[i]);
      expect(f.properties.p).toBe(direct.pseudoP[i]);
      const z = direct.zScore[i];
      const expected = Math.abs(z) >= 2.5758 ? 99 : Math.abs(z) >= 1.96 ? 95 : Math.abs(z) >= 1.6449 ? 90 : 0;
      expect(f.properties.cluster).toBe(expected === 0 ? 'Not significant' : `${z > 0 ? 'Hot' : 'Cold'} spot ${expected}%`);
    });
  });

  it('gi with --basis permutation warns when 99 % is out of reach of the permutations', async () => {
    const dir = await tempDir();
    const run = await runCli(['analyze', ...POVERTY_2025, '--method', 'gi', '--basis', 'permutation', '--permutations', '99', '--out', join(dir, 'g.csv')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('above the 99% cut-off (pseudo p) 0.00500: no kelurahan can reach it; use --permutations 199 or more');
  });
});

interface ClassIntCase {
  name: string;
  style: string;
  k: number;
  values: number[];
  breaks: number[];
  classes: number[];
}

describe('peta-kantong analyze --method classify', () => {
  const fixture = JSON.parse(readFileSync(repo('tests/fixtures/classint/classint.json'), 'utf8')) as { cases: ClassIntCase[] };

  it.each([
    ['equal', 5],
    ['quantile', 4],
    ['fisher', 6],
  ] as const)('%s breaks and classes equal R classInt (%i classes)', async (style, k) => {
    const c = fixture.cases.find((x) => x.name === 'lognormal_54' && x.style === style && x.k === k)!;
    const dir = await tempDir();
    // The fixture's 54 values given to Surakarta's 54 kelurahan.
    const data = join(dir, 'values.csv');
    await writeFile(data, ['kode,nilai', ...city.features.map((f, i) => `${f.properties.kode},${c.values[i]}`)].join('\n'));
    const args = ['analyze', '--boundaries', SURAKARTA, '--data', data, '--value', 'nilai', '--method', 'classify', '--scheme', style, '--classes', String(k)];
    const run = await runCli([...args, '--out', join(dir, 'c.json')]);
    // Only the key choice and its evidence are said: every row joins.
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'peta-kantong: key columns chosen as the app chooses them: code = kode, kelurahan name = (none), kecamatan = (none), year = (none) (name them with --join-on, --kecamatan)',
    );
    expect(lines.slice(1).every((line) => line.startsWith('peta-kantong:   '))).toBe(true);
    const result = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8'));
    expect(result.breaks).toHaveLength(c.breaks.length);
    result.breaks.forEach((b: number, i: number) => expect(b).toBeCloseTo(c.breaks[i], 9));
    expect(result.rows.map((r: { class: number }) => r.class)).toEqual(c.classes.map((x) => x + 1));
    await runCli([...args, '--out', join(dir, 'c.csv')]);
    const rows = parseCsv(await readFile(join(dir, 'c.csv'), 'utf8'));
    expect(Object.keys(rows[0])).toEqual(['kode', 'nama', 'value', 'class', 'lower', 'upper']);
    rows.forEach((row, i) => {
      const cls = c.classes[i];
      expect(cellValue(row.class)).toBe(cls + 1);
      expect(Number(row.lower)).toBe(result.breaks[cls]);
      expect(Number(row.upper)).toBe(result.breaks[cls + 1]);
    });
  });
});
