/**
 * Which coordinate reference system a boundary or point file is in, from whatever the file
 * carries: a Shapefile's .prj (WKT1 as ArcGIS or GDAL write it, or WKT2), a GeoJSON `crs`
 * member, or a FlatGeobuf header. Only what the app can turn into lon/lat is accepted: WGS84
 * lon/lat and WGS84 UTM zones 46-54 (the zones covering Indonesia), plus their DGN95
 * equivalents. Anything else is refused with a message telling the user how to export.
 */
import { ImportError } from './types';

/** A CRS the importers can read: lon/lat, or a UTM zone on WGS84 (or a datum equal to it). */
export type GeoCrs = { kind: 'lonlat' } | { kind: 'utm'; zone: number; south: boolean; epsg: number };

const FIRST_ZONE = 46;
const LAST_ZONE = 54;

/** The lon/lat CRS; `crsLabel` gives "EPSG:4326". */
export const LONLAT: GeoCrs = { kind: 'lonlat' };

/** "EPSG:4326" or "EPSG:32749": how a CRS is named in ImportedBoundaries.crs. */
export function crsLabel(crs: GeoCrs): string {
  return crs.kind === 'lonlat' ? 'EPSG:4326' : `EPSG:${crs.epsg}`;
}

function utm(zone: number, south: boolean, epsg: number): GeoCrs | null {
  if (!Number.isInteger(zone) || zone < FIRST_ZONE || zone > LAST_ZONE) return null;
  return { kind: 'utm', zone, south, epsg };
}

/**
 * The CRS of an EPSG code, or null if the app cannot read it.
 *
 * DGN95 (Datum Geodesi Nasional 1995, EPSG:4755) is Indonesia's national datum, realised on
 * ITRF and the WGS84 ellipsoid; the EPSG dataset's only transformation to WGS84, EPSG:15912
 * "DGN95 to WGS 84 (1)", is a null transformation with 1 m accuracy (PROJ: `projinfo -s
 * EPSG:4755 -t EPSG:4326` gives `+proj=noop`). So DGN95 lon/lat and DGN95 / UTM are read as
 * WGS84. DGN95 / UTM codes (checked with `gdalsrsinfo`, EPSG dataset of PROJ 9.1): 23866-23872
 * are zones 46N-52N, 23877-23884 zones 47S-54S. EPSG:23830-23853 are DGN95 / Indonesia TM-3
 * (3-degree zones, k0 0.9999, false easting 200 km, false northing 1500 km), not UTM, and are
 * not accepted here.
 */
export function crsFromEpsg(code: number): GeoCrs | null {
  if (code === 4326 || code === 4979 || code === 4755) return LONLAT;
  if (code >= 32601 && code <= 32660) return utm(code - 32600, false, code);
  if (code >= 32701 && code <= 32760) return utm(code - 32700, true, code);
  if (code >= 23866 && code <= 23872) return utm(code - 23866 + 46, false, code);
  if (code >= 23877 && code <= 23884) return utm(code - 23877 + 47, true, code);
  return null;
}

function unknown(crs: string, file: string): ImportError {
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
  if (typeof name !== 'string') throw unknown(JSON.stringify(member), file);
  return crsFromName(name, file);
}

/** The CRS of a name such as "EPSG:32749", "urn:ogc:def:crs:EPSG::32749" or "OGC:CRS84". */
export function crsFromName(name: string, file: string): GeoCrs {
  const text = name.trim();
  if (/(^|[:/])CRS84$/i.test(text) || /OGC(:|::)1\.3:CRS84/i.test(text)) return LONLAT;
  const match = /EPSG:(?:[\d.]*:)?(\d+)$/i.exec(text) ?? /EPSG\/[\d.]+\/(\d+)$/i.exec(text) ?? /^(\d+)$/.exec(text);
  const crs = match ? crsFromEpsg(Number(match[1])) : null;
  if (!crs) throw unknown(text, file);
  return crs;
}

/** A node of parsed WKT: KEYWORD[arg, arg, ...]; strings keep their text, numbers are numbers. */
interface WktNode {
  keyword: string;
  args: (WktNode | string | number)[];
}

/** Parses WKT (1 or 2) into nodes; returns null on text that is not WKT. */
function parseWkt(text: string): WktNode | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const node = (): WktNode | null => {
    skip();
    const start = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
    const keyword = text.slice(start, i).toUpperCase();
    skip();
    if (!keyword || (text[i] !== '[' && text[i] !== '(')) return null;
    const close = text[i] === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      if (text[i] === close) {
        i++;
        return { keyword, args };
      }
      if (text[i] === '"') {
        let value = '';
        i++;
        while (i < text.length) {
          if (text[i] === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (text[i] === '"') break;
          else value += text[i++];
        }
        if (i >= text.length) return null;
        i++;
        args.push(value);
      } else if (/[-+.\d]/.test(text[i] ?? '')) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i));
        if (!m) return null;
        args.push(Number(m[0]));
        i += m[0].length;
      } else {
        // A bare word (AXIS["x",EAST]) or a nested node.
        const save = i;
        const child = node();
        if (child) args.push(child);
        else {
          i = save;
          const m = /^[A-Za-z_]\w*/.exec(text.slice(i));
          if (!m) return null;
          args.push(m[0]);
          i += m[0].length;
        }
      }
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) return null;
    }
  };
  const root = node();
  skip();
  return root && i === text.length ? root : null;
}

const children = (n: WktNode, ...keywords: string[]): WktNode[] =>
  n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));

/** The node's own EPSG code (AUTHORITY["EPSG","32749"] in WKT1, ID["EPSG",32749] in WKT2). */
function ownEpsg(n: WktNode): number | null {
  for (const id of children(n, 'AUTHORITY', 'ID')) {
    if (String(id.args[0]).toUpperCase() === 'EPSG' && Number.isFinite(Number(id.args[1]))) return Number(id.args[1]);
  }
  return null;
}

/** Whether a geographic CRS node is WGS84 or DGN95 (same ellipsoid, null transformation). */
function isWgs84Like(geog: WktNode): boolean {
  const code = ownEpsg(geog);
  if (code !== null) return code === 4326 || code === 4979 || code === 4755;
  const names = JSON.stringify(geog).toUpperCase().replace(/[\s_]+/g, ' ');
  const datumOk = /WGS ?(19)?84|WORLD GEODETIC SYSTEM 1984|DGN ?95|DATUM GEODESI NASIONAL 1995/.test(names);
  const ellipsoid = children(geog, 'DATUM', 'ENSEMBLE')
    .flatMap((d) => children(d, 'SPHEROID', 'ELLIPSOID'))
    .concat(children(geog, 'SPHEROID', 'ELLIPSOID'));
  const ellipsoidOk = ellipsoid.every((e) => Math.abs(Number(e.args[1]) - 6378137) < 1e-3 && Math.abs(Number(e.args[2]) - 298.257223563) < 1e-6);
  return datumOk && ellipsoidOk;
}

/** Parameters of a projected CRS, by lower-case name without spaces or underscores. */
function parameters(projcs: WktNode): Map<string, number> {
  const out = new Map<string, number>();
  const conversion = children(projcs, 'CONVERSION')[0] ?? projcs;
  for (const p of children(conversion, 'PARAMETER')) {
    out.set(String(p.args[0]).toLowerCase().replace(/[\s_]+/g, ''), Number(p.args[1]));
  }
  return out;
}

/**
 * The CRS described by a WKT string, such as the content of a Shapefile's .prj. EPSG codes are
 * used when present; otherwise (ArcGIS's ESRI WKT has none) the projection is recognised from
 * its datum and parameters: transverse Mercator, scale 0.9996, false easting 500 km, false
 * northing 0 or 10,000 km, latitude of origin 0, a zone's central meridian, metres.
 */
export function crsFromWkt(wkt: string, file: string): GeoCrs {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  const root = parseWkt(text);
  if (!root) throw unknown(text, file);
  const kind = root.keyword;
  const name = typeof root.args[0] === 'string' ? root.args[0] : text;
  if (['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS'].includes(kind)) {
    const code = ownEpsg(root);
    const crs = code !== null ? crsFromEpsg(code) : isWgs84Like(root) ? LONLAT : null;
    if (crs?.kind === 'lonlat') return crs;
    throw unknown(name, file);
  }
  if (kind !== 'PROJCS' && kind !== 'PROJCRS' && kind !== 'PROJECTEDCRS') throw unknown(name, file);
  const code = ownEpsg(root);
  if (code !== null) {
    const crs = crsFromEpsg(code);
    if (!crs) throw unknown(`${name} (EPSG:${code})`, file);
    return crs;
  }
  const geog = children(root, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS')[0];
  if (!geog || !isWgs84Like(geog)) throw unknown(name, file);
  const method = JSON.stringify(children(root, 'PROJECTION', 'CONVERSION')).toLowerCase().replace(/[\s_]+/g, '');
  const p = parameters(root);
  const get = (...keys: string[]) => keys.map((k) => p.get(k)).find((v) => v !== undefined);
  const centralMeridian = get('centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin');
  const scale = get('scalefactor', 'scalefactoratnaturalorigin');
  const falseEasting = get('falseeasting');
  const falseNorthing = get('falsenorthing');
  const origin = get('latitudeoforigin', 'latitudeofnaturalorigin') ?? 0;
  const unit = children(root, 'UNIT', 'LENGTHUNIT')[0];
  const metres = !unit || Math.abs(Number(unit.args[1]) - 1) < 1e-12;
  const zone = centralMeridian === undefined ? NaN : (centralMeridian + 183) / 6;
  const isUtm =
    method.includes('transversemercator') &&
    scale !== undefined && Math.abs(scale - 0.9996) < 1e-9 &&
    falseEasting === 500000 && origin === 0 && metres &&
    (falseNorthing === 0 || falseNorthing === 10000000) && Number.isInteger(zone);
  const south = falseNorthing === 10000000;
  const crs = isUtm ? utm(zone, south, (south ? 32700 : 32600) + zone) : null;
  if (!crs) throw unknown(name, file);
  return crs;
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
    throw unknown(`EPSG:${header.code}`, file);
  }
  if (header.wkt) return crsFromWkt(header.wkt, file);
  if (header.code_string) return crsFromName(header.code_string, file);
  if (!header.code) return LONLAT;
  throw unknown(`${org}:${header.code}`, file);
}
