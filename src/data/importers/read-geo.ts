/**
 * The one call that reads any spatial file of the registry (formats.ts), so the state layer
 * never opens a file itself: the first bytes tell the format (a FlatGeobuf renamed .json still
 * reads), else the extension, else GeoJSON, whose reader explains what is wrong with the text.
 */
import { acceptOfKind, formatOfName, geoReader, sniffFormat, type GeoFormatId } from './formats';
import type { GeoImport } from './geo-features';

/** The spatial files' extensions, from the registry: which files the dialog sends here. */
export const GEO_EXTENSIONS = new RegExp(`(${acceptOfKind('geo').replaceAll(',', '|').replaceAll('.', '\\.')})$`, 'i');

/** Bytes enough for every signature and a ZIP's first entry names. */
const HEAD_BYTES = 65536;

/** Reads a GeoJSON, zipped Shapefile or FlatGeobuf file (bytes, or a File with its name). */
export async function readGeoFile(file: Blob | Uint8Array, name = file instanceof File ? file.name : 'peta'): Promise<GeoImport> {
  const head = file instanceof Uint8Array ? file.subarray(0, HEAD_BYTES) : new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = sniffFormat(head, name, 'geo') ?? formatOfName(name, 'geo');
  return (await geoReader((format?.id ?? 'geojson') as GeoFormatId))(file, name);
}
