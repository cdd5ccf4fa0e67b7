/**
 * Which coordinate reference system a boundary or point file says it is in, from whatever the
 * file carries: a Shapefile's .prj (WKT1 as ArcGIS or GDAL write it, or WKT2), a GeoJSON `crs`
 * member, or a FlatGeobuf header. This module only names the CRS; the conversion to lon/lat is
 * done by proj4 in ./projection.ts, loaded on demand so the first page load does not carry it.
 * EPSG codes are looked up in a small table of the CRSs used in Indonesia (proj4 has no EPSG
 * database); a WKT is passed to proj4 as it is, so any projection proj4 knows can be read.
 */
import { ImportError } from './types';

/**
 * A CRS the importers can read: lon/lat on WGS84 (or a datum equal to it), or a definition
 * (WKT or proj string) that ./projection.ts turns into lon/lat with proj4.
 */
export type GeoCrs = { kind: 'lonlat' } | { kind: 'proj4'; label: string; definition: string };

/** The lon/lat CRS; `crsLabel` gives "EPSG:4326". */
export const LONLAT: GeoCrs = { kind: 'lonlat' };

/** "EPSG:4326", "EPSG:32749" or a WKT's name: how a CRS is named in ImportedBoundaries.crs and notes. */
export function crsLabel(crs: GeoCrs): string {
  return crs.kind === 'lonlat' ? 'EPSG:4326' : crs.label;
}

/**
 * WGS84's ellipsoid with a null datum shift. DGN95 (Datum Geodesi Nasional 1995, EPSG:4755),
 * Indonesia's national datum, is realised on ITRF and the WGS84 ellipsoid; the EPSG dataset's
 * only transformation to WGS84, EPSG:15912 "DGN95 to WGS 84 (1)", is a null transformation with
 * 1 m accuracy (PROJ: `projinfo -s EPSG:4755 -t EPSG:4326` gives `+proj=noop`). So DGN95 lon/lat
 * and the DGN95 projections are read as WGS84.
 */
const WGS84_DATUM = '+ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const utmDefinition = (zone: number, south: boolean) => `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${WGS84_DATUM}`;

/**
 * BPN's TM-3 zones (the land agency's 3-degree transverse Mercator, used on cadastral and
 * village boundary maps): EPSG:23830-23845 "DGN95 / Indonesia TM-3 zone 46.2" ... "zone 54.1",
 * zone 46.2 centred on 94.5 E and each next zone 3 degrees east (54.1 on 139.5 E), scale 0.9999,
 * false easting 200 km, false northing 1,500 km, latitude of origin 0 (`projinfo EPSG:23835`,
 * EPSG dataset of PROJ 9.1: `+proj=tmerc +lat_0=0 +lon_0=109.5 +k=0.9999 +x_0=200000
 * +y_0=1500000 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0`). EPSG:23846-23853 that follow are ID74 / UTM.
 */
export const TM3_FIRST_EPSG = 23830;
export const TM3_LAST_EPSG = 23845;

/** Central meridian (degrees east) of the TM-3 zone with this EPSG code. */
export function tm3CentralMeridian(epsg: number): number {
  return 94.5 + 3 * (epsg - TM3_FIRST_EPSG);
}

const tm3Definition = (epsg: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${tm3CentralMeridian(epsg)} +k=0.9999 +x_0=200000 +y_0=1500000 ${WGS84_DATUM}`;

/**
 * The CRS of an EPSG code, or null if the app does not know it: WGS84 and DGN95 lon/lat, WGS84
 * UTM (EPSG:326zz north, 327zz south, every zone), DGN95 UTM (23866-23872 zones 46N-52N,
 * 23877-23884 zones 47S-54S, checked with `gdalsrsinfo`), DGN95 TM-3 (23830-23845), and web
 * Mercator (3857, and its old alias 900913). Other codes need the file's WKT, which proj4 reads.
 */
export function crsFromEpsg(code: number): GeoCrs | null {
  const label = `EPSG:${code}`;
  const proj = (definition: string): GeoCrs => ({ kind: 'proj4', label, definition });
  if (code === 4326 || code === 4979 || code === 4755) return LONLAT;
  if (code >= 32601 && code <= 32660) return proj(utmDefinition(code - 32600, false));
  if (code >= 32701 && code <= 32760) return proj(utmDefinition(code - 32700, true));
  if (code >= 23866 && code <= 23872) return proj(utmDefinition(code - 23866 + 46, false));
  if (code >= 23877 && code <= 23884) return proj(utmDefinition(code - 23877 + 47, true));
  if (code >= TM3_FIRST_EPSG && code <= TM3_LAST_EPSG) return proj(tm3Definition(code));
  // The sphere is only the projection's; its lon/lat are WGS84 (EPSG:3857's definition in PROJ).
  if (code === 3857 || code === 900913) return proj('+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs');
  return null;
}

/** The error for a CRS that cannot be read; long WKT is shortened for the message. */
export function unknownCrs(crs: string, file: string): ImportError {
  return new ImportError('importGeo.unknownCrs', { crs: crs.length > 120 ? `${crs.slice(0, 117)}...` : crs, file });
}

/**
 * The CRS named by a GeoJSON `crs` member (the 2008 GeoJSON spec's named CRS, still written by
 * GDAL and QGIS for non-WGS84 data): `urn:ogc:def:crs:EPSG::32749`, `EPSG:32749`,
 * `urn:ogc:def:crs:OGC:1.3:CRS84`. A missing member means lon/lat (RFC 7946).
 */
export function crsFromGeoJsonMember(member: unknown, file: string): GeoCrs {
  if (member === undefined || member === null) return LONLAT;
  const name = (member as { properties?: { name?: unknown } })?.properties?.name;
  if (typeof name !== 'string') throw unknownCrs(JSON.stringify(member), file);
  return crsFromName(name, file);
}

/** The CRS of a name such as "EPSG:32749", "urn:ogc:def:crs:EPSG::32749" or "OGC:CRS84". */
export function crsFromName(name: string, file: string): GeoCrs {
  const text = name.trim();
  if (/(^|[:/])CRS84$/i.test(text) || /OGC(:|::)1\.3:CRS84/i.test(text)) return LONLAT;
  const match = /EPSG:(?:[\d.]*:)?(\d+)$/i.exec(text) ?? /EPSG\/[\d.]+\/(\d+)$/i.exec(text) ?? /^(\d+)$/.exec(text);
  const crs = match ? crsFromEpsg(Number(match[1])) : null;
  if (!crs) throw unknownCrs(text, file);
  return crs;
}

/**
 * The CRS described by a WKT string, such as the content of a Shapefile's .prj. Only the shape
 * is checked here (a keyword and a bracket, as WKT1 and WKT2 start); proj4 parses it when the
 * coordinates are converted, and refuses there what it cannot use.
 */
export function crsFromWkt(wkt: string, file: string): GeoCrs {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (!/^[A-Z][A-Z0-9_]*\s*[[(]/i.test(text) || !/[\])]$/.test(text)) throw unknownCrs(text, file);
  const name = /^[A-Z0-9_]+\s*[[(]\s*"([^"]*)"/i.exec(text)?.[1];
  return { kind: 'proj4', label: name || text, definition: text };
}

/**
 * The CRS of a FlatGeobuf header (its `crs` table: organisation, code, WKT). A header without a
 * CRS is taken as lon/lat, as the FlatGeobuf spec says for a missing CRS only by convention;
 * the caller still checks the coordinates' range.
 */
export function crsFromFlatGeobuf(
  header: { org: string | null; code: number; wkt: string | null; code_string?: string | null; name?: string | null } | null,
  file: string,
): GeoCrs {
  if (!header) return LONLAT;
  const org = (header.org ?? 'EPSG').toUpperCase();
  if (header.code && org === 'EPSG') {
    const crs = crsFromEpsg(header.code);
    if (crs) return crs;
    if (!header.wkt) throw unknownCrs(`EPSG:${header.code}`, file);
  }
  if (header.wkt) return crsFromWkt(header.wkt, file);
  if (header.code_string) return crsFromName(header.code_string, file);
  if (!header.code) return LONLAT;
  throw unknownCrs(`${org}:${header.code}`, file);
}
