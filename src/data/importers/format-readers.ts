/**
 * The reader of each format in the registry (formats.ts), kept apart from the registry so the
 * page can read extensions without bundling the parsers. The mapped types make the compiler
 * refuse a format added to the registry without its reader here.
 */
import { readDelimitedFile } from './delimited-file';
import { readFlatGeobufImport } from './flatgeobuf';
import type { GeoFormatId, TableFormatId } from './formats';
import type { GeoImport } from './geo-features';
import { readGeoJson } from './geojson';
import { readParquet } from './parquet';
import { readShapefileZip } from './shapefile';
import type { ImportedTable, TableReadOptions } from './types';
import { readXlsx, type ReadHooks } from './xlsx';

/** Reads a table; `head` is the first slice, already read to tell the format. */
export type TableReader = (file: Blob, name: string, head: Uint8Array, options: TableReadOptions, hooks: ReadHooks) => Promise<ImportedTable>;
/** Reads a spatial file into boundaries or points. */
export type GeoReader = (file: Blob | Uint8Array, name: string) => Promise<GeoImport>;

export const TABLE_READERS: { [Id in TableFormatId]: TableReader } = {
  csv: readDelimitedFile,
  xlsx: (file, name, _head, options, hooks) => readXlsx(file, name, options, hooks),
  parquet: (file, name, _head, options, hooks) => readParquet(file, name, options, hooks),
};

export const GEO_READERS: { [Id in GeoFormatId]: GeoReader } = {
  geojson: async (file, name) => readGeoJson(file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()), name),
  shapefile: readShapefileZip,
  flatgeobuf: readFlatGeobufImport,
};
