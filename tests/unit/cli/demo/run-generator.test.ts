/**
 * The demo generators' shared command line: `--seed` and `--out` are read, anything else is
 * refused in one line naming the generator, and a seed that is not an integer is refused.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../../src/cli/demo/generate';
import { demoGeneratorArgs } from '../../../../src/cli/demo/run-generator';

describe('demoGeneratorArgs', () => {
  it('defaults to the demo seed and the given folder', () => {
    expect(demoGeneratorArgs('generate-registers', [], '/data/demo')).toEqual({ seed: DEFAULT_SEED, out: '/data/demo' });
  });

  it('reads --seed and --out', () => {
    expect(demoGeneratorArgs('generate-registers', ['--seed', '7', '--out', 'x'], '/data/demo')).toEqual({ seed: 7, out: resolve('x') });
  });

  it('refuses an unknown argument with the usage of the generator named', () => {
    expect(() => demoGeneratorArgs('generate-households', ['--rows', '5'], '/d')).toThrow('unknown argument --rows (usage: generate-households [--seed N] [--out DIR])');
  });

  it('refuses a missing value and a seed that is not an integer', () => {
    expect(() => demoGeneratorArgs('g', ['--seed'], '/d')).toThrow('--seed needs a value');
    expect(() => demoGeneratorArgs('g', ['--seed', '1.5'], '/d')).toThrow('--seed must be an integer');
  });
});
