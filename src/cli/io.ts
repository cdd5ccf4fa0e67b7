/**
 * File input and output of the command-line tool: boundaries (GeoJSON, FlatGeobuf), tables
 * (CSV through the same DuckDB engine as the app) and results (CSV, JSON, GeoJSON).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readFlatGeobuf, type AreaCollection, type AreaFeature } from '../data/boundaries';
import { toRows, type Row } from '../data/database';
import { openNodeDatabase } from './node-db';

/** A problem the user can fix (bad argument, unreadable file): printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads polygons from a GeoJSON FeatureCollection or a FlatGeobuf file. */
export async function readBoundaries(path: string): Promise<AreaCollection> {
  const bytes = await readInput(path);
  const extension = extname(path).toLowerCase();
  if (extension === '.fgb') return readFlatGeobuf(bytes, path);
  if (extension !== '.geojson' && extension !== '.json') {
    throw new UsageError(`${path}: boundaries must be GeoJSON (.geojson, .json) or FlatGeobuf (.fgb)`);
  }
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
  const features = (collection.features as AreaFeature[]).filter(
    (f) => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon',
  );
  if (features.length === 0) throw new UsageError(`${path}: no Polygon or MultiPolygon features`);
  return { type: 'FeatureCollection', features: features.map((f) => ({ ...f, properties: f.properties ?? {} })) };
}

/** Reads a CSV table (types detected by DuckDB, codes kept as text) into plain rows. */
export async function readTable(path: string, textColumns: string[] = []): Promise<Row[]> {
  if (extname(path).toLowerCase() !== '.csv') throw new UsageError(`${path}: data must be a CSV file`);
  const text = new TextDecoder().decode(await readInput(path));
  const db = await openNodeDatabase();
  await db.registerFileText('input.csv', text);
  const types = textColumns.map((c) => `'${c.replaceAll("'", "''")}': 'VARCHAR'`).join(', ');
  try {
    return toRows(await db.query(`SELECT * FROM read_csv('input.csv', header = true${types ? `, types = {${types}}` : ''})`));
  } catch (error) {
    throw new UsageError(`${path}: cannot read as CSV (${(error as Error).message.split('\n')[0]})`);
  }
}

async function readInput(path: string): Promise<Uint8Array> {
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
  await writeFile(path, text);
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
