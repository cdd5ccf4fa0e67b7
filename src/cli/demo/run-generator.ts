/**
 * The command line shared by the demo data generators (generate-households, generate-registers):
 * read `--seed N` and `--out DIR`, make the files, write them and say what was written. Each
 * generator gives only its name, how it makes its files from a seed, and its rows per file, so
 * the argument loop, the seed check and the report are written once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED } from './generate';

/** One file a generator writes: its name, its text and how many rows it holds. */
export interface GeneratedFile {
  name: string;
  text: string;
  rows: number;
}

export interface DemoGenerator {
  /** The script's name, in usage and error lines ("generate-registers"). */
  name: string;
  /** What the report calls the output ("Synthetic registers"). */
  title: string;
  /** The files for a seed. */
  generate(seed: number): GeneratedFile[];
}

/** The seed and output folder of `argv` (`--seed N`, `--out DIR`); throws on anything else. */
export function demoGeneratorArgs(name: string, argv: readonly string[], defaultOut: string): { seed: number; out: string } {
  let seed = DEFAULT_SEED;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === '--seed') seed = Number(value);
    else if (argv[i] === '--out') out = resolve(value);
    else throw new Error(`unknown argument ${argv[i]} (usage: ${name} [--seed N] [--out DIR])`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  return { seed, out };
}

/**
 * Runs a generator as a script when `moduleUrl` is the file Node was started with: writes its
 * files into `--out` (else `defaultOut`) and reports them; a bad argument is one line and exit 1.
 */
export function runDemoGenerator(moduleUrl: string, generator: DemoGenerator, defaultOut: string): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  try {
    const { seed, out } = demoGeneratorArgs(generator.name, process.argv.slice(2), defaultOut);
    const files = generator.generate(seed);
    mkdirSync(out, { recursive: true });
    for (const file of files) writeFileSync(join(out, file.name), file.text, 'utf8');
    console.log(`${generator.title} (seed ${seed}) written to ${out}:`);
    for (const file of files) console.log(`  ${file.name}: ${file.rows} rows, ${file.text.length} bytes`);
  } catch (error) {
    console.error(`${generator.name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
