/**
 * A FlatGeobuf file the user opened (polygons or points), read whole. Unlike the app's own
 * boundary files (src/data/boundaries.ts), an imported file may be cut off, carry another CRS
 * or hold points, so the header's CRS is honoured and the feature count is checked against the
 * header: the library reads until the bytes run out and would otherwise return a partial layer.
 */
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { crsFromFlatGeobuf } from './crs';
import { buildGeoImport, type GeoImport, type RawFeature } from './geo-features';
import { ImportError } from './types';

const MAGIC = [0x66, 0x67, 0x62]; // "fgb"

/**
 * Reads an imported .fgb (as a Blob, e.g. a File, or bytes) into areas or points. Throws
 * ImportError when the file is not FlatGeobuf, is truncated or damaged, or has an unknown CRS.
 */
export async function readFlatGeobufImport(input: Blob | Uint8Array, file: string): Promise<GeoImport> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  if (bytes.length < 12 || !MAGIC.every((b, i) => bytes[i] === b)) throw new ImportError('importGeo.fgbNotFlatGeobuf', { file });
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  let header: HeaderMeta | null = null;
  const raw: RawFeature[] = [];
  const truncated = (cause?: unknown) =>
    new ImportError('importGeo.fgbTruncated', { file, read: raw.length, expected: header?.featuresCount || '?' }, { cause });
  if (12 + headerLength > bytes.length) throw truncated();
  const noFeatures = new ImportError('importGeo.noFeatures', { file });
  const onHeader = (h: HeaderMeta) => {
    header = h;
    // flatgeobuf 4.5's calcTreeSize loops forever for an index over 0 features (the level size
    // never reaches 1): a damaged header must not freeze the import worker.
    if (h.indexNodeSize > 0 && h.featuresCount === 0) throw noFeatures;
  };
  try {
    for await (const feature of deserialize(bytes, { headerMetaFn: onHeader })) {
      raw.push({ geometry: feature.geometry ?? null, properties: feature.properties ?? {} });
    }
  } catch (error) {
    if (error === noFeatures) throw noFeatures;
    throw truncated(error);
  }
  const meta = header as HeaderMeta | null;
  if (meta && meta.featuresCount > 0 && raw.length !== meta.featuresCount) throw truncated();
  const crs = crsFromFlatGeobuf(meta?.crs ?? null, file);
  const declared = Boolean(meta?.crs && (meta.crs.code || meta.crs.wkt));
  return buildGeoImport(raw, { file, format: 'flatgeobuf', crs, crsDeclared: declared });
}
