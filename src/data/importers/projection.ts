/**
 * Turning a file's projected (or non-WGS84) coordinates into WGS84 lon/lat with proj4, the
 * JavaScript port of PROJ. Its transverse Mercator is PROJ's exact Poder/Engsager series, so
 * UTM and BPN's TM-3 agree with gdaltransform to nanometres, and it reads WKT1, ESRI WKT and
 * WKT2 with every projection it implements (Lambert, Mercator, ...). Imported only through a
 * dynamic import from geo-features.ts: proj4 is about 130 KB and only a projected file needs it.
 */
import proj4 from 'proj4';
import { TM3_FIRST_EPSG, TM3_LAST_EPSG, tm3CentralMeridian, unknownCrs, type GeoCrs } from './crs';
import { ImportError } from './types';

/** How a file's coordinates reach lon/lat. */
export interface LonLatProjection {
  /** The CRS as named in notes and ImportedBoundaries.crs ("EPSG:32749", or the WKT's name). */
  label: string;
  /** Null when the coordinates are WGS84 lon/lat already (a WKT of WGS84, DGN95 or SRGI2013 lon/lat). */
  toLonLat: ((x: number, y: number) => [number, number]) | null;
}

/** The fields of a parsed proj4 projection read here (proj4's own types leave most of them out). */
interface Proj {
  projName?: string;
  title?: string;
  datumCode?: string;
  datum?: { datum_type: number };
  a?: number;
  rf?: number;
  k0?: number;
  x0?: number;
  y0?: number;
  long0?: number;
  lat0?: number;
  to_meter?: number;
  axis?: string;
}

// proj4's datum kinds (lib/constants/values.js): a 3- or 7-parameter shift to WGS84, a grid
// shift, WGS84 itself, or no datum information at all.
const PJD_3PARAM = 1;
const PJD_7PARAM = 2;
const PJD_WGS84 = 4;

/**
 * Datums read as WGS84 without a shift: WGS84; DGN95 (null transformation EPSG:15912, see
 * crs.ts); SRGI2013, Indonesia's datum since 2013 on ITRF2008 (PROJ goes through DGN95, a
 * Helmert shift under 1 m stated to 1.2 m accuracy); ITRF realisations. "Not specified (based on
 * WGS 84 spheroid)", GDAL's name for an unnamed datum on the WGS84 ellipsoid, matches too, as
 * PROJ's ballpark transformation treats it.
 */
const WGS84_LIKE_DATUM = /WGS[\s_]?(19)?84|WORLD[\s_]GEODETIC[\s_]SYSTEM[\s_]1984|DGN[\s_]?(19)?95|DATUM[\s_]GEODESI[\s_]NASIONAL|SRGI|REFERENSI[\s_]GEOSPASIAL|ITRF|TERRESTRIAL[\s_]REFERENCE/i;

/** The datum names a WKT mentions (WKT1 DATUM, WKT2 DATUM/TRF/ENSEMBLE). */
function datumNames(definition: string): string[] {
  return [...definition.matchAll(/\b(?:DATUM|GEODETICDATUM|TRF|ENSEMBLE)\s*[[(]\s*"([^"]*)"/gi)].map((m) => m[1]);
}

const near = (a: number | undefined, b: number, tolerance = 1e-9) => a !== undefined && Math.abs(a - b) <= tolerance;
const DEG = 180 / Math.PI;

/**
 * The EPSG code of a WKT without codes (ArcGIS's ESRI WKT) that is a WGS84/DGN95 UTM zone or a
 * TM-3 zone, recognised from its parameters, so the note names "EPSG:32749" rather than
 * "WGS_1984_UTM_Zone_49S". UTM zones are named by their WGS84 code, as DGN95 equals WGS84 here.
 */
function codeFromParameters(p: Proj): string | null {
  if (!/transverse|tmerc|utm/i.test(p.projName ?? '') || !near(p.a, 6378137, 1e-3) || !near(p.rf, 298.257223563, 1e-6)) return null;
  if (!near(p.lat0 ?? 0, 0) || !near(p.to_meter ?? 1, 1)) return null;
  const meridian = (p.long0 ?? NaN) * DEG;
  const zone = (meridian + 183) / 6;
  if (near(p.k0, 0.9996) && near(p.x0, 500000, 1e-6) && Math.abs(zone - Math.round(zone)) < 1e-9 && zone >= 1 && zone <= 60) {
    if (near(p.y0 ?? 0, 0, 1e-6)) return `EPSG:${32600 + Math.round(zone)}`;
    if (near(p.y0, 10000000, 1e-6)) return `EPSG:${32700 + Math.round(zone)}`;
  }
  if (near(p.k0, 0.9999) && near(p.x0, 200000, 1e-6) && near(p.y0, 1500000, 1e-6)) {
    for (let code = TM3_FIRST_EPSG; code <= TM3_LAST_EPSG; code++) if (near(meridian, tm3CentralMeridian(code))) return `EPSG:${code}`;
  }
  return null;
}

/**
 * Parses the CRS with proj4 and builds its conversion to WGS84 lon/lat. Throws ImportError
 * 'importGeo.unknownCrs' for a definition proj4 cannot read or that is not a map projection (a
 * local engineering CRS), and 'importGeo.datumNotConvertible' for a datum other than WGS84 (or
 * one equal to it) with no shift to WGS84 given (TOWGS84 in WKT1): converting it as if it were
 * WGS84 would move every boundary by tens to hundreds of metres without saying so.
 */
export function lonLatProjection(crs: Extract<GeoCrs, { kind: 'proj4' }>, file: string): LonLatProjection {
  let parsed: InstanceType<typeof proj4.Proj>;
  try {
    parsed = new proj4.Proj(crs.definition);
  } catch (cause) {
    throw new ImportError('importGeo.unknownCrs', unknownCrs(crs.label, file).params, { cause });
  }
  const proj = parsed as unknown as Proj;
  if (!proj?.projName || proj.projName === 'identity' || proj.projName === 'geocent') throw unknownCrs(crs.label, file);
  const title = proj.title && /^EPSG:\d+$/.test(proj.title) ? proj.title : null;
  const label = crs.label.startsWith('EPSG:') ? crs.label : (title ?? codeFromParameters(proj) ?? crs.label);

  const datumType = proj.datum?.datum_type;
  const shifted = datumType === PJD_3PARAM || datumType === PJD_7PARAM;
  const names = datumNames(crs.definition);
  const wgs84Like = datumType === PJD_WGS84 || names.some((n) => WGS84_LIKE_DATUM.test(n)) || (names.length === 0 && crs.definition.startsWith('+'));
  if (!shifted && !wgs84Like) {
    throw new ImportError('importGeo.datumNotConvertible', { file, crs: label, datum: names[0] ?? proj.datumCode ?? '?' });
  }
  if (proj.projName === 'longlat' && !shifted) return { label: 'EPSG:4326', toLonLat: null };

  // Shapefile, GeoJSON and FlatGeobuf store easting (or longitude) first whatever axis order
  // the CRS declares (WKT2 of EPSG:4326 says latitude first), so the declared order is ignored.
  proj.axis = 'enu';
  const converter = proj4(parsed, 'EPSG:4326');
  return {
    label,
    toLonLat: (x, y) => {
      try {
        const [lon, lat] = converter.forward([x, y]);
        return [lon, lat];
      } catch {
        return [NaN, NaN];
      }
    },
  };
}
