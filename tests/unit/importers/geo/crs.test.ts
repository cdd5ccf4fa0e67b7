import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg, crsFromFlatGeobuf, crsFromGeoJsonMember, crsFromName, crsFromWkt, crsLabel } from '../../../../src/data/importers/crs';
import { ImportError } from '../../../../src/data/importers/types';

// Made by tests/fixtures/import/geo/make-crs-wkt.sh (gdalsrsinfo: WKT1, ESRI WKT, WKT2:2019).
const wkts: { code: number; format: string; wkt: string }[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/import/geo/crs-wkt.json', import.meta.url), 'utf8'),
);

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** What each EPSG code must read as; null = refused. DGN95 reads as its WGS84 equivalent. */
const expected: Record<number, string | null> = {
  4326: 'EPSG:4326',
  4755: 'EPSG:4326',
  32749: 'EPSG:32749',
  32650: 'EPSG:32650',
  32746: 'EPSG:32746',
  32754: 'EPSG:32754',
  23879: 'EPSG:23879', // DGN95 / UTM zone 49S: its own code when the WKT carries it
  23866: 'EPSG:23866', // DGN95 / UTM zone 46N
  23834: null, // DGN95 / Indonesia TM-3 zone 48.2: not UTM
  3857: null, // web Mercator
  4238: null, // ID74: another datum
};
/** ESRI WKT has no codes, so UTM is recognised by its parameters and named by the WGS84 code. */
const expectedEsri: Record<number, string | null> = { ...expected, 23879: 'EPSG:32749', 23866: 'EPSG:32646' };

describe('crsFromWkt', () => {
  it('reads GDAL WKT1, ESRI WKT and WKT2 of every test code as expected', () => {
    expect(wkts).toHaveLength(33);
    for (const { code, format, wkt } of wkts) {
      const want = (format === 'wkt_esri' ? expectedEsri : expected)[code];
      if (want === null) {
        const error = importError(() => crsFromWkt(wkt, 'x.prj'));
        expect(error.key, `${code} ${format}`).toBe('importGeo.unknownCrs');
        expect(String(error.params.crs).length).toBeLessThanOrEqual(120);
      } else {
        expect(crsLabel(crsFromWkt(wkt, 'x.prj')), `${code} ${format}`).toBe(want);
      }
    }
  });

  it('gives zone and hemisphere', () => {
    const esri = wkts.find((w) => w.code === 32749 && w.format === 'wkt_esri')!.wkt;
    expect(crsFromWkt(esri, 'a.prj')).toEqual({ kind: 'utm', zone: 49, south: true, epsg: 32749 });
    expect(crsFromEpsg(23866)).toEqual({ kind: 'utm', zone: 46, south: false, epsg: 23866 });
    expect(crsFromEpsg(23884)).toEqual({ kind: 'utm', zone: 54, south: true, epsg: 23884 });
    expect(crsFromEpsg(32645)).toBeNull(); // zone 45: outside Indonesia's zones
    expect(crsFromEpsg(32755)).toBeNull();
  });

  it('refuses text that is not WKT, naming it in the message', () => {
    expect(importError(() => crsFromWkt('hello', 'a.prj')).params).toEqual({ crs: 'hello', file: 'a.prj' });
    expect(importError(() => crsFromWkt('PROJCS["x",GEOGCS["y"', 'a.prj')).key).toBe('importGeo.unknownCrs');
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
    expect(crsLabel(crsFromGeoJsonMember(undefined, 'f'))).toBe('EPSG:4326');
    expect(importError(() => crsFromName('urn:ogc:def:crs:EPSG::3857', 'f.geojson')).params).toEqual({ crs: 'urn:ogc:def:crs:EPSG::3857', file: 'f.geojson' });
    expect(importError(() => crsFromGeoJsonMember({ type: 'link', properties: { href: 'x' } }, 'f')).key).toBe('importGeo.unknownCrs');
  });

  it('reads a FlatGeobuf header CRS', () => {
    expect(crsLabel(crsFromFlatGeobuf({ org: 'EPSG', code: 32749, wkt: null }, 'f.fgb'))).toBe('EPSG:32749');
    expect(crsLabel(crsFromFlatGeobuf(null, 'f.fgb'))).toBe('EPSG:4326');
    const esri = wkts.find((w) => w.code === 32650 && w.format === 'wkt_esri')!.wkt;
    expect(crsLabel(crsFromFlatGeobuf({ org: null, code: 0, wkt: esri }, 'f.fgb'))).toBe('EPSG:32650');
    expect(importError(() => crsFromFlatGeobuf({ org: 'EPSG', code: 3857, wkt: null }, 'f.fgb')).params).toEqual({ crs: 'EPSG:3857', file: 'f.fgb' });
  });
});
