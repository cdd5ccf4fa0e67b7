/**
 * Helpers for the command-line tests: run main() with captured output in a fresh temporary
 * folder, and read the demo data the way a test can trust (plain split: the demo CSV has no quotes).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { main } from '../../../src/cli/peta-kantong';

/** A repository file's absolute path. */
export const repo = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const SURAKARTA = repo('data/boundaries/kelurahan_surakarta_3372.geojson');
export const SURAKARTA_FGB = repo('public/boundaries/kelurahan_surakarta.fgb');
export const INDIKATOR = repo('data/demo/indikator.csv');

/** What one run of the tool did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `peta-kantong args...` in-process. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A new empty folder under the system's temporary folder. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'peta-kantong-test-'));
}

export type Kelurahan = FeatureCollection<Polygon | MultiPolygon, { kode: string; kelurahan: string }>;

export function readGeoJson(path: string): Kelurahan {
  return JSON.parse(readFileSync(path, 'utf8')) as Kelurahan;
}

/** Rows of data/demo/indikator.csv as records of text. */
export function demoRows(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(INDIKATOR, 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** Poverty rate (poor / population * per) of each kelurahan of `areas` in `year`, in feature order. */
export function povertyRate(areas: Kelurahan, year: number, per = 100): number[] {
  const byKode = new Map(
    demoRows()
      .filter((r) => Number(r.tahun) === year)
      .map((r) => [r.kode, r]),
  );
  return areas.features.map((f) => {
    const row = byKode.get(f.properties.kode)!;
    return (Number(row.penduduk_miskin) * per) / Number(row.penduduk);
  });
}

/** Parses a CSV written by the tool (no quoted cells in these tests). */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}
