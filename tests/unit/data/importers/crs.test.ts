import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg, crsFromFlatGeobuf, crsFromGeoJsonMember, crsFromName, crsFromWkt, crsLabel, tm3CentralMeridian } from '../../../../src/data/importers/crs';
import { ImportError } from '../../../../src/data/importers/types';

// Made by tests/fixtures/import/geo/make-crs-wkt.sh (gdalsrsinfo: WKT1, ESRI WKT, WKT2:2019).
const wkts: { code: number; format: string; wkt: string }[] = JSON.parse(readFileSync(new URL('../../../fixtures/import/geo/crs-wkt.json', import.meta.url), 'utf8'));

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('crsFromEpsg', () => {
  it('knows lon/lat, UTM on WGS84 and DGN95, BPN TM-3 and web Mercator; nothing else', () => {
    expect(crsFromEpsg(4326)).toEqual({ kind: 'lonlat' });
    expect(crsFromEpsg(4755)).toEqual({ kind: 'lonlat' }); // DGN95 lon/lat: a null shift to WGS84
    expect(crsFromEpsg(32749)).toEqual({ kind: 'proj4', label: 'EPSG:32749', definition: expect.stringMatching(/^\+proj=utm \+zone=49 \+south /) });
    expect(crsFromEpsg(32650)).toMatchObject({ definition: expect.stringMatching(/^\+proj=utm \+zone=50 \+ellps/) });
    expect(crsFromEpsg(32601)).toMatchObject({ label: 'EPSG:32601' }); // every zone: proj4 computes any
    expect(crsFromEpsg(23866)).toMatchObject({ label: 'EPSG:23866', definition: expect.stringMatching(/\+zone=46 \+ellps/) });
    expect(crsFromEpsg(23884)).toMatchObject({ definition: expect.stringMatching(/\+zone=54 \+south/) });
    expect(crsFromEpsg(23835)).toMatchObject({ definition: expect.stringMatching(/^\+proj=tmerc \+lat_0=0 \+lon_0=109.5 \+k=0.9999 \+x_0=200000 \+y_0=1500000 /) });
    expect(crsFromEpsg(3857)).toMatchObject({ label: 'EPSG:3857', definition: expect.stringMatching(/^\+proj=merc /) });
    for (const code of [4238, 23849, 23846, 2154, 23854, 23829]) expect(crsFromEpsg(code), String(code)).toBeNull();
  });

  it('places the TM-3 zones 3 degrees apart from 94.5 E (zone 46.2) to 139.5 E (zone 54.1)', () => {
    expect(tm3CentralMeridian(23830)).toBe(94.5);
    expect(tm3CentralMeridian(23835)).toBe(109.5);
    expect(tm3CentralMeridian(23845)).toBe(139.5);
  });
});

describe('crsFromWkt', () => {
  it('passes any WKT1, ESRI WKT or WKT2 on to proj4, named by its name', () => {
    expect(wkts).toHaveLength(33);
    for (const { wkt } of wkts) expect(crsFromWkt(`\uFEFF${wkt}\n`, 'x.prj')).toEqual({ kind: 'proj4', label: expect.any(String), definition: wkt });
    const esri = wkts.find((w) => w.code === 23834 && w.format === 'wkt_esri')!.wkt;
    expect(crsLabel(crsFromWkt(esri, 'a.prj'))).toBe('DGN_1995_Indonesia_TM-3_Zone_48.2');
  });

  it('refuses text that is not WKT, naming it in the message', () => {
    expect(importError(() => crsFromWkt('hello', 'a.prj')).params).toEqual({ crs: 'hello', file: 'a.prj' });
    expect(importError(() => crsFromWkt('PROJCS["x",GEOGCS["y"', 'a.prj')).key).toBe('importGeo.unknownCrs');
    expect(String(importError(() => crsFromWkt(`x${'y'.repeat(300)}`, 'a.prj')).params.crs).length).toBeLessThanOrEqual(120);
  });
});

describe('crsFromGeoJsonMember, crsFromName, crsFromFlatGeobuf', () => {
  it('reads the names GeoJSON writers use', () => {
    const named = (name: string) => crsLabel(crsFromGeoJsonMember({ type: 'name', properties: { name } }, 'f.geojson'));
    expect(named('urn:ogc:def:crs:EPSG::32749')).toBe('EPSG:32749');
    expect(named('urn:ogc:def:crs:EPSG:6.6:4326')).toBe('EPSG:4326');
    expect(named('EPSG:4326')).toBe('EPSG:4326');
    expect(named('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(named('http://www.opengis.net/def/crs/EPSG/0/32750')).toBe('EPSG:32750');
    expect(named('urn:ogc:def:crs:EPSG::23835')).toBe('EPSG:23835');
    expect(crsLabel(crsFromGeoJsonMember(undefined, 'f'))).toBe('EPSG:4326');
    expect(importError(() => crsFromName('urn:ogc:def:crs:EPSG::2154', 'f.geojson')).params).toEqual({ crs: 'urn:ogc:def:crs:EPSG::2154', file: 'f.geojson' });
    expect(importError(() => crsFromGeoJsonMember({ type: 'link', properties: { href: 'x' } }, 'f')).key).toBe('importGeo.unknownCrs');
  });

  it('reads a FlatGeobuf header CRS: a known code, else its WKT', () => {
    expect(crsLabel(crsFromFlatGeobuf({ org: 'EPSG', code: 32749, wkt: null }, 'f.fgb'))).toBe('EPSG:32749');
    expect(crsLabel(crsFromFlatGeobuf(null, 'f.fgb'))).toBe('EPSG:4326');
    const esri = wkts.find((w) => w.code === 32650 && w.format === 'wkt_esri')!.wkt;
    expect(crsFromFlatGeobuf({ org: null, code: 0, wkt: esri }, 'f.fgb')).toMatchObject({ kind: 'proj4', definition: esri });
    const lcc = 'PROJCS["RGF93 / Lambert-93",GEOGCS["RGF93"]]';
    expect(crsFromFlatGeobuf({ org: 'EPSG', code: 2154, wkt: lcc }, 'f.fgb')).toMatchObject({ definition: lcc });
    expect(importError(() => crsFromFlatGeobuf({ org: 'EPSG', code: 2154, wkt: null }, 'f.fgb')).params).toEqual({ crs: 'EPSG:2154', file: 'f.fgb' });
  });
});
