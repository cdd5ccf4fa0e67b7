/**
 * File input and output of the command-line tool: boundaries (GeoJSON, FlatGeobuf, zipped
 * Shapefile) and results (CSV, JSON, GeoJSON). Data tables are read by data-table.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readFlatGeobuf, type AreaCollection, type AreaFeature } from '../data/boundaries';
import { formatLabelsWithExtensions, formatOfName } from '../data/importers/formats';
import { readShapefileZip } from '../data/importers/shapefile';
import { ImportError } from '../data/importers/types';
import { translate } from '../i18n';

/** A problem the user can fix (bad argument, unreadable file): printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An importer's message in English, then in Bahasa Indonesia, for one stderr line. */
export function importMessage(error: ImportError): string {
  const en = translate('en', error.key, error.params);
  const id = translate('id', error.key, error.params);
  return en === id ? en : `${en} (${id})`;
}

/** Reads polygons from a GeoJSON FeatureCollection, a FlatGeobuf file or a zipped Shapefile (reprojected as the app does). */
export async function readBoundaries(path: string): Promise<AreaCollection> {
  const bytes = await readInput(path);
  // The registry's spatial formats (formats.ts), each read into polygons here.
  const format = formatOfName(path, 'geo')?.id;
  if (format === 'shapefile') return readShapefileBoundaries(bytes, path);
  if (format === 'flatgeobuf') {
    let areas: AreaCollection;
    try {
      areas = await readFlatGeobuf(bytes, path);
    } catch (error) {
      const cause = (error as Error).cause;
      throw new UsageError(`${path}: not a readable FlatGeobuf file${cause instanceof Error ? ` (${cause.message})` : ''}`);
    }
    if (areas.features.length === 0) throw new UsageError(`${path}: no Polygon or MultiPolygon features`);
    return areas;
  }
  if (format !== 'geojson') throw new UsageError(`${path}: boundaries must be one of ${formatLabelsWithExtensions('geo')}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const collection = parsed as { type?: string; features?: unknown[] };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new UsageError(`${path}: expected a GeoJSON FeatureCollection`);
  }
  const features = (collection.features as AreaFeature[]).filter((f) => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon');
  if (features.length === 0) throw new UsageError(`${path}: no Polygon or MultiPolygon features`);
  return { type: 'FeatureCollection', features: features.map((f) => ({ ...f, properties: f.properties ?? {} })) };
}

async function readShapefileBoundaries(bytes: Uint8Array, path: string): Promise<AreaCollection> {
  try {
    const geo = await readShapefileZip(bytes, basename(path));
    if (geo.kind !== 'areas') throw new UsageError(`${path}: the Shapefile holds points, not kelurahan polygons`);
    const features = geo.boundaries.areas.features.map((f) => ({
      ...f,
      properties: Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, v === null ? '' : String(v)])),
    }));
    return { type: 'FeatureCollection', features };
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${path}: ${importMessage(error)}`);
    throw error;
  }
}

/** Where the tool writes: process.stdout and process.stderr, or a buffer in tests. */
export interface Streams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The values of one property of every feature, as text (a GeoJSON code may be a number). They
 * identify the kelurahan, so each must be present and unique.
 */
export function featureIds(areas: AreaCollection, column: string, path: string): string[] {
  const ids = areas.features.map((f) => {
    const value: unknown = f.properties?.[column];
    return value === undefined || value === null ? '' : String(value).trim();
  });
  const missing = ids.filter((id) => id === '').length;
  if (missing === ids.length) {
    const names = Object.keys(areas.features[0]?.properties ?? {})
      .slice(0, 12)
      .join(', ');
    throw new UsageError(`${path}: no feature has a "${column}" property (properties: ${names || 'none'})`);
  }
  if (missing > 0) throw new UsageError(`${path}: ${missing} of ${ids.length} features have no "${column}" value (first: feature ${ids.indexOf('') + 1})`);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new UsageError(`${path}: "${column}" is not unique: ${id} appears more than once`);
    seen.add(id);
  }
  return ids;
}

/** A file's bytes; a missing or unreadable file is a usage error. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? error})`);
  }
}

export type OutputRow = Record<string, string | number | boolean | null>;

/** Writes rows as CSV, JSON (array of objects) or GeoJSON (rows joined to their polygons by index). */
export async function writeRows(path: string, rows: OutputRow[], areas?: AreaCollection, extra: Record<string, unknown> = {}): Promise<void> {
  const extension = extname(path).toLowerCase();
  let text: string;
  if (extension === '.csv') text = toCsv(rows);
  else if (extension === '.json') text = `${JSON.stringify({ ...extra, rows }, null, 2)}\n`;
  else if (extension === '.geojson') {
    if (!areas) throw new UsageError(`${path}: GeoJSON output needs boundaries`);
    text = JSON.stringify({
      type: 'FeatureCollection',
      ...extra,
      features: rows.map((row, i) => ({ type: 'Feature', geometry: areas.features[i].geometry, properties: row })),
    });
  } else throw new UsageError(`${path}: output must end in .csv, .json or .geojson`);
  await writeText(path, text);
}

/** Writes a file, a failure (missing folder, no permission) told as a usage error. */
export async function writeText(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(rows: OutputRow[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const cell = (value: OutputRow[string]) => {
    if (value === null || value === undefined) return '';
    let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}
