/**
 * A zipped Shapefile (.zip with .shp, .dbf, and ideally .prj and .cpg), read without any
 * Shapefile package: the format is small and fixed, and reading it here lets every failure
 * become a message the user can act on. The .shx index is not needed (records are read in order).
 */
import { crsFromWkt, LONLAT, type GeoCrs } from './crs';
import { buildGeoImport, inIndonesia, type GeoImport, type GeoNote, type RawFeature } from './geo-features';
import { DbfError, readDbf } from './shapefile-dbf';
import { readShp, SHAPE_TYPE_NAMES, ShpError, type ShpContent } from './shapefile-shp';
import { listZip, unzipEntries, type ZipEntry } from './shapefile-zip';
import { ImportError } from './types';

const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];

/** The files of one layer found in the ZIP, by part. */
interface Layer {
  /** Path inside the ZIP without extension, e.g. "batas/kelurahan". */
  path: string;
  /** Name shown to the user: the file name without folder or extension. */
  name: string;
  parts: Partial<Record<Part, ZipEntry>>;
}

/** Layers in the order their first file appears in the ZIP; macOS resource forks ignored. */
function layersOf(entries: ZipEntry[]): Layer[] {
  const layers = new Map<string, Layer>();
  for (const entry of entries) {
    if (entry.name.startsWith('__MACOSX/') || /(^|\/)\._/.test(entry.name)) continue;
    const match = /^(.*)\.([^./]+)$/.exec(entry.name);
    if (!match) continue;
    const ext = match[2].toLowerCase() as Part;
    if (!PARTS.includes(ext)) continue;
    const key = match[1].toLowerCase();
    let layer = layers.get(key);
    if (!layer) {
      layer = { path: match[1], name: match[1].split('/').pop()!, parts: {} };
      layers.set(key, layer);
    }
    layer.parts[ext] = entry;
  }
  return [...layers.values()];
}

/** Shape type of a .shp from its 100-byte header, without inflating the rest. */
function shapeTypeOf(bytes: Uint8Array, file: string, entry: ZipEntry): number {
  const [shp] = unzipEntries(bytes, file, [entry]).values();
  return shp && shp.length >= 36 ? new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(32, true) : -1;
}

const isPolygonType = (t: number) => t === 5 || t === 15 || t === 25;

/**
 * Whether every finite coordinate of the geometries lies in Indonesia as lon/lat (or, with
 * `swapped`, as lat/lon: the shared pipeline then swaps them back with a note).
 */
function allInIndonesia(geometries: ShpContent['geometries'], swapped = false): boolean {
  let any = false;
  const walk = (value: unknown): boolean => {
    if (!Array.isArray(value)) return true;
    if (typeof value[0] === 'number') {
      if (!Number.isFinite(value[0]) || !Number.isFinite(value[1])) return true;
      any = true;
      return swapped ? inIndonesia(value[1] as number, value[0]) : inIndonesia(value[0], value[1] as number);
    }
    return value.every(walk);
  };
  return geometries.every((g) => !g || walk(g.coordinates)) && any;
}

/**
 * Reads a zipped Shapefile into areas or points. With several layers, the first polygon layer
 * (else the first layer) is read and a note says which. Without a .prj, coordinates that all
 * fall in Indonesia as lon/lat are taken as WGS84 (with a note); anything else needs the .prj.
 * Every failure is an ImportError naming the file, the layer and what to do.
 */
export async function readShapefileZip(input: Blob | Uint8Array, file: string): Promise<GeoImport> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  const layers = layersOf(listZip(bytes, file));
  if (layers.length === 0) throw new ImportError('importGeo.zipNoShapefile', { file });
  const withShp = layers.filter((l) => l.parts.shp);
  if (withShp.length === 0) throw new ImportError('importGeo.shpMissingPart', { file, layer: layers[0].name, part: `${layers[0].name}.shp` });

  const notes: GeoNote[] = [];
  let layer = withShp[0];
  if (withShp.length > 1) {
    layer = withShp.find((l) => isPolygonType(shapeTypeOf(bytes, file, l.parts.shp!))) ?? withShp[0];
    const others = withShp.filter((l) => l !== layer).map((l) => l.name).join(', ');
    notes.push({ key: 'importGeo.note.layerChosen', params: { file, layer: layer.name, others } });
  }
  const name = layer.name;
  if (!layer.parts.dbf) throw new ImportError('importGeo.shpMissingPart', { file, layer: name, part: `${name}.dbf` });

  const wanted = [layer.parts.shp!, layer.parts.dbf, layer.parts.prj, layer.parts.cpg].filter((e): e is ZipEntry => e !== undefined);
  const files = unzipEntries(bytes, file, wanted);
  const text = (e: ZipEntry | undefined) => (e && files.has(e.name) ? new TextDecoder('utf-8').decode(files.get(e.name)) : null);

  let shp: ShpContent;
  try {
    shp = readShp(files.get(layer.parts.shp!.name)!);
  } catch (error) {
    if (error instanceof ShpError && error.reason === 'unsupported') {
      const type = SHAPE_TYPE_NAMES[error.shapeType] ?? `${error.shapeType}`;
      throw new ImportError('importGeo.shpUnsupportedType', { file, layer: name, type }, { cause: error });
    }
    throw new ImportError('importGeo.shpBroken', { file, layer: name, feature: (error as ShpError).feature ?? 1 }, { cause: error });
  }
  let table;
  try {
    table = readDbf(files.get(layer.parts.dbf.name)!, text(layer.parts.cpg));
  } catch (error) {
    if (error instanceof DbfError) throw new ImportError('importGeo.dbfBroken', { file, layer: name }, { cause: error });
    throw error;
  }
  if (table.records.length !== shp.geometries.length) {
    throw new ImportError('importGeo.dbfCountMismatch', { file, layer: name, shapes: shp.geometries.length, records: table.records.length });
  }

  const prj = text(layer.parts.prj);
  let crs: GeoCrs;
  if (prj !== null && prj.trim() !== '') crs = crsFromWkt(prj, `${name}.prj`);
  else if (allInIndonesia(shp.geometries) || allInIndonesia(shp.geometries, true)) {
    crs = LONLAT;
    notes.push({ key: 'importGeo.note.assumedWgs84', params: { file, layer: name } });
  } else throw new ImportError('importGeo.noPrjProjected', { file, layer: name });

  const raw: RawFeature[] = [];
  shp.geometries.forEach((geometry, k) => {
    if (!table.deleted[k]) raw.push({ geometry, properties: table.records[k] });
  });
  return buildGeoImport(raw, {
    file,
    format: 'shapefile',
    crs,
    crsDeclared: prj !== null,
    crsFile: `${name}.prj`,
    notes,
    projectedError: () => new ImportError('importGeo.noPrjProjected', { file, layer: name }),
  });
}
