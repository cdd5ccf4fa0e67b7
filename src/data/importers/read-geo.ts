/**
 * Which spatial file formats the app reads, and the one call that reads any of them, so the
 * state layer never opens a file itself.
 */
import type { GeoImport } from './geo-features';
import { readFlatGeobufImport } from './flatgeobuf';
import { readGeoJson } from './geojson';
import { readShapefileZip } from './shapefile';

export const GEO_EXTENSIONS = /\.(geojson|json|zip|fgb)$/i;

/** Reads a GeoJSON, zipped Shapefile or FlatGeobuf file. */
export async function readGeoFile(file: File): Promise<GeoImport> {
  if (/\.zip$/i.test(file.name)) return readShapefileZip(file, file.name);
  if (/\.fgb$/i.test(file.name)) return readFlatGeobufImport(file, file.name);
  return readGeoJson(new Uint8Array(await file.arrayBuffer()), file.name);
}
