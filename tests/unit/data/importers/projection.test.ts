import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg, crsFromWkt, type GeoCrs } from '../../../../src/data/importers/crs';
import { lonLatProjection } from '../../../../src/data/importers/projection';
import { ImportError } from '../../../../src/data/importers/types';
import { degreeLengths } from '../../../../src/analysis/geodesy';

const prj = (name: string) => readFileSync(new URL(`../../../fixtures/import/geo/${name}`, import.meta.url), 'utf8');
const fixture = <T>(name: string): T => JSON.parse(prj(name));

// Made by make-utm-reference.sh and make-projection-fixtures.sh (gdaltransform, GDAL 3.6.2 / PROJ 9.1).
type Point = { x: number; y: number; lon: number; lat: number };
const pointReference = fixture<Record<'webMercator' | 'asiaLambert' | 'id74Utm49s' | 'id74LonLat', Point>>('projection-reference.json');
const utmReference = fixture<{ zone: number; south: boolean; x: number; y: number; lon: number; lat: number }[]>('utm-reference.json');
const tm3Reference = fixture<{ epsg: number; x: number; y: number; lon: number; lat: number }[]>('tm3-reference.json');
// Made by make-crs-wkt.sh (gdalsrsinfo: WKT1, ESRI WKT, WKT2:2019).
const wkts = fixture<{ code: number; format: string; wkt: string }[]>('crs-wkt.json');

/** Ground distance in metres between two nearby lon/lat points. */
function metresApart(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const d = degreeLengths((lat1 + lat2) / 2);
  return Math.hypot((lon1 - lon2) * d.lon, (lat1 - lat2) * d.lat);
}

function projected(code: number): Extract<GeoCrs, { kind: 'proj4' }> {
  const crs = crsFromEpsg(code);
  if (crs?.kind !== 'proj4') throw new Error(`EPSG:${code} is not projected`);
  return crs;
}

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** Worst distance in metres between the conversion and GDAL's answers. */
function worstAgainst<R extends Point>(rows: R[], toLonLat: (row: R) => [number, number]): number {
  let worst = 0;
  for (const r of rows) {
    const [lon, lat] = toLonLat(r);
    worst = Math.max(worst, metresApart(lon, lat, r.lon, r.lat));
  }
  return worst;
}

describe('lonLatProjection agrees with gdaltransform', () => {
  // gdaltransform prints 15 significant digits (about 1e-8 m); PROJ and proj4 use the same
  // exact (Poder/Engsager) transverse Mercator, so they agree far below a micrometre.
  it('UTM zones 46-54 north and south, by WGS84 and DGN95 code, to 1 micrometre', () => {
    expect(new Set(utmReference.map((r) => `${r.zone}${r.south}`)).size).toBe(18);
    expect(utmReference).toHaveLength(450);
    const wgs84 = worstAgainst(utmReference, (r) => lonLatProjection(projected((r.south ? 32700 : 32600) + r.zone), 'f').toLonLat!(r.x, r.y));
    expect(wgs84).toBeLessThan(1e-6);
    const dgn95 = utmReference.filter((r) => (r.south ? r.zone >= 47 : r.zone <= 52));
    const worst = worstAgainst(dgn95, (r) => lonLatProjection(projected(r.south ? 23877 + r.zone - 47 : 23866 + r.zone - 46), 'f').toLonLat!(r.x, r.y));
    expect(worst).toBeLessThan(1e-6);
  });

  it('BPN TM-3 zones 46.2-54.1 (EPSG:23830-23845) to 1 micrometre', () => {
    expect(new Set(tm3Reference.map((r) => r.epsg)).size).toBe(16);
    expect(worstAgainst(tm3Reference, (r) => lonLatProjection(projected(r.epsg), 'f').toLonLat!(r.x, r.y))).toBeLessThan(1e-6);
    // The same through the .prj GDAL writes for zone 49.1 (ESRI WKT, no codes), named by its code.
    const fromPrj = lonLatProjection(crsFromWkt(prj('tm3-49-1.prj'), 'k.prj') as Extract<GeoCrs, { kind: 'proj4' }>, 'k.prj');
    expect(fromPrj.label).toBe('EPSG:23835');
    expect(
      worstAgainst(
        tm3Reference.filter((r) => r.epsg === 23835),
        (r) => fromPrj.toLonLat!(r.x, r.y),
      ),
    ).toBeLessThan(1e-6);
  });

  it('a zone centre: TM-3 49.1 false origin is 109.5 E on the equator', () => {
    const [lon, lat] = lonLatProjection(projected(23835), 'f').toLonLat!(200000, 1500000);
    expect(lon).toBeCloseTo(109.5, 12);
    expect(lat).toBeCloseTo(0, 12);
  });
});

describe('lonLatProjection of WKT as GDAL writes it (WKT1, ESRI WKT, WKT2)', () => {
  const surakarta = utmReference.find((r) => r.zone === 49 && r.south && r.x === 499999.5 && r.y === 9100000)!;

  it('reads every test CRS, names it, and refuses ID74 without a datum shift', () => {
    expect(wkts).toHaveLength(33);
    const labels: Record<string, string> = {};
    for (const { code, format, wkt } of wkts) {
      const crs = crsFromWkt(wkt, 'x.prj') as Extract<GeoCrs, { kind: 'proj4' }>;
      if (code === 4238) {
        const error = importError(() => lonLatProjection(crs, 'x.prj'));
        expect(error.key).toBe('importGeo.datumNotConvertible');
        expect(String(error.params.datum)).toMatch(/Indonesian/);
        continue;
      }
      const projection = lonLatProjection(crs, 'x.prj');
      labels[`${code} ${format}`] = projection.label;
      if (code === 4326 || code === 4755) expect(projection.toLonLat, `${code} ${format}`).toBeNull();
      if ([32749, 23879].includes(code)) {
        const [lon, lat] = projection.toLonLat!(surakarta.x, surakarta.y);
        expect(metresApart(lon, lat, surakarta.lon, surakarta.lat), `${code} ${format}`).toBeLessThan(1e-6);
      }
    }
    // WKT1 and WKT2 carry their EPSG code; ESRI WKT of UTM and TM-3 is recognised from its parameters.
    expect(labels).toMatchObject({
      '4326 wkt_esri': 'EPSG:4326',
      '4755 wkt2_2019': 'EPSG:4326',
      '32749 wkt1': 'EPSG:32749',
      '32749 wkt_esri': 'EPSG:32749',
      '32749 wkt2_2019': 'EPSG:32749',
      '23879 wkt1': 'EPSG:23879',
      '23879 wkt_esri': 'EPSG:32749',
      '23866 wkt_esri': 'EPSG:32646',
      '23834 wkt1': 'EPSG:23834',
      '23834 wkt_esri': 'EPSG:23834',
      '23834 wkt2_2019': 'EPSG:23834',
      '3857 wkt_esri': 'WGS_1984_Web_Mercator_Auxiliary_Sphere',
    });
  });

  it('converts web Mercator and a Lambert conic as PROJ does', () => {
    const wm = pointReference.webMercator;
    const [lon, lat] = lonLatProjection(projected(3857), 'f').toLonLat!(wm.x, wm.y);
    expect(metresApart(lon, lat, wm.lon, wm.lat)).toBeLessThan(1e-6);
    const asia = pointReference.asiaLambert;
    const lambert = lonLatProjection(crsFromWkt(prj('asia-lambert.prj'), 'l.prj') as Extract<GeoCrs, { kind: 'proj4' }>, 'l.prj');
    expect(lambert.label).toBe('Asia_Lambert_Conformal_Conic');
    const [lonL, latL] = lambert.toLonLat!(asia.x, asia.y);
    expect(metresApart(lonL, latL, asia.lon, asia.lat)).toBeLessThan(1e-6);
  });

  it('refuses what proj4 cannot read or is not a map projection', () => {
    expect(importError(() => lonLatProjection({ kind: 'proj4', label: 'x', definition: 'PROJCS["x",GEOGCS["y"]]' }, 'a.prj')).key).toBe('importGeo.unknownCrs');
    const local = importError(() => lonLatProjection(crsFromWkt('LOCAL_CS["Site grid",UNIT["metre",1]]', 'b.prj') as Extract<GeoCrs, { kind: 'proj4' }>, 'b.prj'));
    expect(local.params).toEqual({ crs: 'Site grid', file: 'b.prj' });
  });

  it('converts a datum that carries its shift to WGS84 (TOWGS84)', () => {
    const id74 = pointReference.id74Utm49s;
    const projection = lonLatProjection(crsFromWkt(prj('id74-utm49s-towgs84.prj'), 'i.prj') as Extract<GeoCrs, { kind: 'proj4' }>, 'i.prj');
    const [lon, lat] = projection.toLonLat!(id74.x, id74.y);
    expect(metresApart(lon, lat, id74.lon, id74.lat)).toBeLessThan(1e-6);
    // The same datum as lon/lat is shifted too, not read as WGS84.
    const lonLat = pointReference.id74LonLat;
    const geographic = lonLatProjection(crsFromWkt(prj('id74-lonlat-towgs84.prj'), 'g.prj') as Extract<GeoCrs, { kind: 'proj4' }>, 'g.prj');
    const [lonG, latG] = geographic.toLonLat!(lonLat.x, lonLat.y);
    expect(metresApart(lonG, latG, lonLat.lon, lonLat.lat)).toBeLessThan(1e-6);
    expect(metresApart(lonLat.x, lonLat.y, lonLat.lon, lonLat.lat)).toBeGreaterThan(10);
    // Without the shift the same numbers would land tens of metres away: the test can tell.
    const [lon0, lat0] = lonLatProjection(projected(32749), 'f').toLonLat!(id74.x, id74.y);
    expect(metresApart(lon0, lat0, id74.lon, id74.lat)).toBeGreaterThan(10);
  });
});
