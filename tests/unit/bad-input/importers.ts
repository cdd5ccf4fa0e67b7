/**
 * The app's importers behind one call, chosen by file name as the app chooses them, and the
 * check every failure must pass: an ImportError whose message exists in both languages with
 * every placeholder filled. Shared by the corpus test and the fuzz test.
 */
import { expect } from 'vitest';
import { readFlatGeobufImport } from '../../../src/data/importers/flatgeobuf';
import { readGeoJson } from '../../../src/data/importers/geojson';
import { pointsFromRows } from '../../../src/data/importers/points';
import { readTable } from '../../../src/data/importers/read-table';
import { readShapefileZip } from '../../../src/data/importers/shapefile';
import { ImportError } from '../../../src/data/importers/types';
import { readWorkspaceFile } from '../../../src/data/workspace-file';
import { messages, translate } from '../../../src/i18n';

export type Importer = 'table' | 'points' | 'geojson' | 'shapefile' | 'flatgeobuf' | 'workspace';

/** Which importer the app hands a file of this name to (src/state/geo-import.ts, DataPanel). */
export function importerFor(name: string): Importer {
  if (/\.(geojson|json)$/i.test(name)) return 'geojson';
  if (/\.zip$/i.test(name)) return 'shapefile';
  if (/\.fgb$/i.test(name)) return 'flatgeobuf';
  if (/\.pkk$/i.test(name)) return 'workspace';
  if (/^points-/.test(name)) return 'points';
  return 'table';
}

/** Rows of a normalised table (RFC 4180, comma), header first: enough for points. */
function parseNormalisedCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Runs the importer for `name` on `bytes`; returns what it returned (or throws what it threw). */
export async function runImporter(importer: Importer, bytes: Uint8Array, name: string, options: { workspaceMaxBytes?: number } = {}): Promise<unknown> {
  switch (importer) {
    case 'table':
      return readTable(new File([bytes as BlobPart], name));
    case 'points': {
      const table = await readTable(new File([bytes as BlobPart], name));
      const [header, ...rows] = parseNormalisedCsv(new TextDecoder().decode(table.csv));
      return pointsFromRows(header, rows, name, table.headerRow + 1);
    }
    case 'geojson':
      return readGeoJson(bytes, name);
    case 'shapefile':
      return readShapefileZip(bytes, name);
    case 'flatgeobuf':
      return readFlatGeobufImport(bytes, name);
    case 'workspace':
      return readWorkspaceFile(bytes, name, options.workspaceMaxBytes);
  }
}

/**
 * Asserts that `error` is an ImportError the user can read: its key is a message in Bahasa
 * Indonesia and English, and no `{placeholder}` is left unfilled in either.
 */
export function expectReadableImportError(error: unknown, context: string): asserts error is ImportError {
  if (!(error instanceof ImportError)) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
    expect.fail(`${context}: expected an ImportError, got ${detail}`);
  }
  for (const lang of ['id', 'en'] as const) {
    expect(Object.hasOwn(messages[lang], error.key), `${context}: ${error.key} missing in ${lang}`).toBe(true);
    const text = translate(lang, error.key, error.params);
    expect(text, `${context}: ${lang} ${error.key}`).not.toMatch(/\{\w+\}/);
    expect(text.trim().length, `${context}: ${lang} ${error.key} empty`).toBeGreaterThan(20);
  }
}
