/**
 * The command-line tool's `--data` file read by the app's own importers, so a table reads the
 * same in both front ends: CSV/TSV in any delimiter and encoding, .xlsx (any sheet), Parquet
 * (src/data/importers/read-table.ts), and the properties of a GeoJSON, FlatGeobuf or zipped
 * Shapefile (the app's geo importers) profiled by the same table sink as every other table.
 * An importer's refusal becomes a usage error in English with its Indonesian original.
 */
import { basename } from 'node:path';
import { isGeoFileName } from '../data/importers/formats';
import type { GeoImport } from '../data/importers/geo-features';
import { readGeoFile } from '../data/importers/read-geo';
import { readTable } from '../data/importers/read-table';
import { TableSink } from '../data/importers/table-sink';
import { ImportError, type ImportedTable } from '../data/importers/types';
import { importMessage, readInput, UsageError } from './io';

/** Reads a data table; `sheet` chooses an Excel sheet (default: the one the app opens). */
export async function readDataTable(path: string, options: { sheet?: string } = {}): Promise<ImportedTable> {
  const bytes = await readInput(path);
  const name = basename(path);
  try {
    // The registry's spatial formats (formats.ts): their feature properties are the table.
    if (isGeoFileName(name)) {
      if (options.sheet !== undefined) throw new UsageError(`${path}: --sheet applies to Excel files only`);
      return propertiesTable(await readGeoFile(bytes, name), name);
    }
    const table = await readTable(new File([bytes as BlobPart], name), options.sheet === undefined ? {} : { sheet: options.sheet });
    if (options.sheet !== undefined && table.format !== 'xlsx') throw new UsageError(`${path}: --sheet applies to Excel files only`);
    return table;
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${path}: ${importMessage(error)}`);
    throw error;
  }
}

/**
 * The features' properties as a table: header row 1, feature n on row n + 1, numbers written
 * as JavaScript writes them (a point decimal, as Parquet cells are).
 */
function propertiesTable(geo: GeoImport, name: string): ImportedTable {
  const features = geo.kind === 'areas' ? geo.boundaries.areas.features : geo.points.points.features;
  const columns = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const sink = new TableSink({ file: name, headerRow: 1, fallbackFormat: 'en', strictWidth: false, capacityHint: 1024 + features.length * 256 });
  sink.add(columns, 1);
  features.forEach((f, i) => {
    sink.add(
      columns.map((c) => (f.properties?.[c] === null || f.properties?.[c] === undefined ? '' : String(f.properties[c]))),
      i + 2,
    );
  });
  const result = sink.finish();
  if (!result) throw new ImportError('importTable.empty', { file: name });
  // The normalised CSV is what every format becomes; the stored format names are the table formats.
  return { file: name, format: 'csv', sheet: null, sheets: [], encoding: null, delimiter: null, ...result };
}
