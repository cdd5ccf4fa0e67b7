import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDIKATOR, runCli, SURAKARTA, tempDir } from './run-cli';

const dir = await tempDir();
const gal = join(dir, 'out.gal');
const csv = join(dir, 'out.csv');
const broken = join(dir, 'broken.gal');
await writeFile(broken, '0 54 x kode\n33.72.01.1001 2\n33.72.01.1002\n');
const analyze = ['analyze', '--boundaries', SURAKARTA, '--data', INDIKATOR, '--value', 'penduduk_miskin'];

/** Each case: arguments and a part of the one-line message expected on stderr. */
const cases: [string, string[], string][] = [
  ['no command', [], 'Usage:'],
  ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
  ['an unknown option', ['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--bogus', '1', '--out', gal], "Unknown option '--bogus'"],
  ['a missing option value', ['weights', '--boundaries'], "Option '--boundaries <value>' argument missing"],
  ['a bad weights type', ['weights', '--boundaries', SURAKARTA, '--type', 'hex', '--out', gal], '--type must be one of queen, rook, knn, got "hex"'],
  ['no --type for weights', ['weights', '--boundaries', SURAKARTA, '--out', gal], '--type queen|rook|knn is required'],
  ['--snap with knn', ['weights', '--boundaries', SURAKARTA, '--type', 'knn', '--snap', '5', '--out', gal], '--snap does not apply to --type knn'],
  ['k too large', ['weights', '--boundaries', SURAKARTA, '--type', 'knn', '--k', '60', '--out', gal], 'k = 60 needs more than 60 points'],
  ['a negative snap', ['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--snap=-1', '--out', gal], '--snap must be a number at least 0, got "-1"'],
  ['an output that is not .gal', ['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--out', csv], '--out must be a .gal file'],
  ['ids with spaces', ['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--id', 'kelurahan', '--out', gal], '--id kelurahan: id "'],
  ['a missing boundaries file', ['weights', '--boundaries', join(dir, 'nope.geojson'), '--type', 'queen', '--out', gal], 'nope.geojson: file not found'],
  [
    'boundaries that are not GeoJSON',
    ['weights', '--boundaries', INDIKATOR, '--type', 'queen', '--out', gal],
    'boundaries must be one of GeoJSON (.geojson, .json), Shapefile (.zip), FlatGeobuf (.fgb)',
  ],
  ['an unwritable output', ['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--out', join(dir, 'no', 'such', 'x.gal')], 'cannot write (ENOENT)'],
  ['a missing data file', [...analyze.slice(0, 4), join(dir, 'nope.csv'), '--value', 'x', '--method', 'lisa', '--out', csv], 'nope.csv: file not found'],
  ['several years without --year', [...analyze, '--method', 'lisa', '--out', csv], 'the data holds 5 years (2021, 2022, 2023, 2024, 2025); choose one with --year'],
  ['a year not in the data', [...analyze, '--year', '2031', '--method', 'lisa', '--out', csv], 'no row has tahun = 2031'],
  ['an unknown value column', [...analyze.slice(0, 6), 'miskin', '--year', '2025', '--method', 'lisa', '--out', csv], 'no column "miskin" (--value)'],
  ['no --method', [...analyze, '--year', '2025', '--out', csv], '--method moran|lisa|gistar|gi|geary|lisa-bv|emerging|classify is required'],
  ['a classify option with lisa', [...analyze, '--year', '2025', '--method', 'lisa', '--classes', '5', '--out', csv], '--classes does not apply to --method lisa'],
  [
    'too many classes',
    [...analyze, '--year', '2025', '--method', 'classify', '--classes', '12', '--out', csv],
    '--classes must be a whole number at least 3 and at most 9, got "12"',
  ],
  ['--per without a denominator', [...analyze, '--year', '2025', '--method', 'lisa', '--per', '100', '--out', csv], '--per does not apply without --denominator'],
  [
    'too many permutations',
    [...analyze, '--year', '2025', '--method', 'lisa', '--permutations', '100000', '--out', csv],
    '--permutations must be a whole number at least 0 and at most 99999',
  ],
  [
    '--weights with --type',
    [...analyze, '--year', '2025', '--method', 'lisa', '--weights', broken, '--type', 'rook', '--out', csv],
    '--type does not apply together with --weights',
  ],
  [
    'a malformed .gal file',
    [...analyze, '--year', '2025', '--method', 'lisa', '--weights', broken, '--out', csv],
    'broken.gal: GAL line 3: observation 33.72.01.1001 should have 2 neighbours',
  ],
  ['an unknown output format', [...analyze, '--year', '2025', '--method', 'lisa', '--out', join(dir, 'x.xlsx')], 'output must end in .csv, .json or .geojson'],
];

describe('peta-kantong on bad arguments and files', () => {
  it.each(cases)('%s: exit 2 and a clear message, no stack trace', async (_, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('all values equal: the analysis refuses, exit 2', async () => {
    const data = join(dir, 'flat.csv');
    await writeFile(data, 'kode,nilai\n33.72.01.1001,1\n33.72.01.1002,1\n33.72.01.1003,1\n33.72.01.1004,1\n33.72.01.1005,1\n');
    const run = await runCli(['analyze', '--boundaries', SURAKARTA, '--data', data, '--value', 'nilai', '--method', 'moran', '--out', csv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('49 of 54 kelurahan have no value');
    expect(run.stderr).toContain('all values are equal');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const run = await runCli(['analyze', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('peta-kantong analyze --boundaries FILE --data FILE --value COLUMN');
    expect(run.stderr).toBe('');
  });
});
