/**
 * Real desa/kelurahan codes for the large synthetic register (src/cli/register-scale.ts), so its
 * rows join to the national boundaries like a real DTSEN extract: read from the national
 * FlatGeobuf (plain or gzipped, streamed one feature at a time) or from any CSV with a `kode`
 * or `kode_kelurahan` column (the committed data/demo/indikator.csv is enough for tests).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { DESA_CODE } from './register-scale';

/** Where the national file is looked for when no --codes is given, in order. */
export function defaultCodeSources(root: string): string[] {
  return [join(root, 'public/national/desa-kelurahan-indonesia.fgb'), join(root, '../shared/data/national/desa-kelurahan-indonesia.fgb.gz')];
}

/** The first existing default source, or undefined. */
export function findDefaultCodes(root: string): string | undefined {
  return defaultCodeSources(root).find((path) => existsSync(path));
}

/** Codes of a CSV's `kode_kelurahan` or `kode` column (no quoted fields: a list of codes, not a general reader). */
function codesOfCsv(path: string): string[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = lines[0].split(/[,;]/).map((h) => h.trim().toLowerCase());
  const column = ['kode_kelurahan', 'kode_desa', 'kode'].map((name) => header.indexOf(name)).find((i) => i >= 0);
  if (column === undefined) throw new Error(`${path}: no kode, kode_desa or kode_kelurahan column`);
  return lines.slice(1).map((line) => (line.split(/[,;]/)[column] ?? '').trim());
}

async function codesOfFgb(path: string): Promise<string[]> {
  const raw = createReadStream(path);
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const codes: string[] = [];
  for await (const feature of deserialize(Readable.toWeb(stream) as ReadableStream)) codes.push(String((feature.properties as { kode?: unknown }).kode ?? ''));
  return codes;
}

/**
 * The distinct desa/kelurahan codes of `path` under `prefix` ('' = all, '33' = Jawa Tengah,
 * '33.72' = Surakarta), sorted. Values that are not a full dotted desa code are skipped.
 * @throws Error when none is left
 */
export async function readDesaCodes(path: string, prefix = ''): Promise<string[]> {
  const all = /\.fgb(\.gz)?$/i.test(path) ? await codesOfFgb(path) : codesOfCsv(path);
  const wanted = prefix === '' ? '' : `${prefix.replace(/\.$/, '')}.`;
  const codes = [...new Set(all.filter((k) => DESA_CODE.test(k) && k.startsWith(wanted)))].sort();
  if (codes.length === 0) throw new Error(`${path}: no desa/kelurahan code${prefix ? ` under ${prefix}` : ''}`);
  return codes;
}
