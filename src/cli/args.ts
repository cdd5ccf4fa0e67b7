/**
 * Argument parsing for the command-line tool: node:util parseArgs with every option a string,
 * then typed checks here, so each bad value gets a message naming the option and what it takes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

/** Option names of one command (all take a value, except `help`). */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Raw option values by name; absent options are undefined. */
export type RawOptions = Record<string, string | boolean | undefined>;

/** parseArgs in strict mode, its errors turned into UsageErrors (no positionals, no unknown options). */
export function parseOptions(args: readonly string[], options: OptionSpec): RawOptions {
  try {
    const config: ParseArgsConfig = { args: [...args], options, strict: true, allowPositionals: false };
    return parseArgs(config).values as RawOptions;
  } catch (error) {
    // Node's messages are good but long ("... place it at the end of the command after '--'").
    throw new UsageError((error as Error).message.split(/\.(?:\s|$)/)[0]);
  }
}

/** A string option, or undefined when absent; an empty value is an error. */
export function text(raw: RawOptions, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

/** A required string option. */
export function required(raw: RawOptions, name: string, what: string): string {
  const value = text(raw, name);
  if (value === undefined) throw new UsageError(`--${name} ${what} is required`);
  return value;
}

/** One of a fixed set of words, or the default when absent. */
export function choice<T extends string>(raw: RawOptions, name: string, choices: readonly T[], fallback: T): T;
export function choice<T extends string>(raw: RawOptions, name: string, choices: readonly T[]): T | undefined;
export function choice<T extends string>(raw: RawOptions, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const value = text(raw, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${value}"`);
  }
  return value as T;
}

// Plain decimal notation only: Number() would also take "", "0x10" and "Infinity".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number within [min, max] (or (min, max) ends marked exclusive), or the default when absent. */
export function numberOption(
  raw: RawOptions,
  name: string,
  bounds: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean },
  fallback: number,
): number;
export function numberOption(
  raw: RawOptions,
  name: string,
  bounds: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean },
): number | undefined;
export function numberOption(
  raw: RawOptions,
  name: string,
  bounds: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean },
  fallback?: number,
): number | undefined {
  const value = text(raw, name);
  if (value === undefined) return fallback;
  const number = DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false, integer = false } = bounds;
  const ok = Number.isFinite(number) && (!integer || Number.isInteger(number)) && (minExclusive ? number > min : number >= min) && (maxExclusive ? number < max : number <= max);
  if (!ok) throw new UsageError(`--${name} must be ${describeRange(bounds)}, got "${value}"`);
  return number;
}

function describeRange(b: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean }): string {
  const kind = b.integer ? 'a whole number' : 'a number';
  const low = b.min === undefined ? '' : `${b.minExclusive ? 'above' : 'at least'} ${b.min}`;
  const high = b.max === undefined ? '' : `${b.maxExclusive ? 'below' : 'at most'} ${b.max}`;
  return [kind, [low, high].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
}

/** Fails when any of `names` was given: options that mean nothing for the chosen method or type. */
export function rejectOptions(raw: RawOptions, names: readonly string[], reason: string): void {
  const given = names.filter((n) => raw[n] !== undefined);
  if (given.length > 0) throw new UsageError(`${given.map((n) => `--${n}`).join(', ')} ${given.length > 1 ? 'do' : 'does'} not apply ${reason}`);
}
