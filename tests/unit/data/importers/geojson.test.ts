import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../../../src/data/importers/geojson';
import { ImportError } from '../../../../src/data/importers/types';
import proj4 from 'proj4';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/import/geo/${name}`, import.meta.url)));
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const surakarta = readFileSync(new URL('../../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8');

/** The ImportError `promise` rejects with (fails the test if none, or another error, is thrown). */
async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

const square = [
  [110.8, -7.56],
  [110.81, -7.56],
  [110.81, -7.55],
  [110.8, -7.55],
  [110.8, -7.56],
];

describe('readGeoJson', () => {
  it('reads the real Surakarta boundaries unchanged', async () => {
    const result = await readGeoJson(bytes(surakarta), 'surakarta.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    const source = JSON.parse(surakarta);
    expect(result.boundaries.areas.features).toHaveLength(54);
    expect(result.boundaries.crs).toBe('EPSG:4326');
    expect(result.boundaries.reprojected).toBe(false);
    expect(result.boundaries.format).toBe('geojson');
    expect(result.boundaries.areas.features[0].geometry).toEqual(source.features[0].geometry);
    expect(result.boundaries.areas.features[0].properties.kode).toBe('33.72.01.1001');
    expect(result.notes).toEqual([]);
  });

  it('lists exactly the defects of invalid-polygons.geojson and keeps what can be drawn', async () => {
    const result = await readGeoJson(fixture('invalid-polygons.geojson'), 'invalid-polygons.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.issues).toEqual([
      { feature: 0, label: 'BOWTIE', problem: 'self-intersection', action: 'kept' },
      { feature: 1, label: 'UNCLOSED', problem: 'unclosed-ring', action: 'repaired' },
      { feature: 2, label: 'THREE', problem: 'too-few-points', action: 'dropped' },
      { feature: 3, label: 'NAN', problem: 'non-finite', action: 'dropped' },
      { feature: 4, label: 'EMPTY', problem: 'empty', action: 'dropped' },
    ]);
    expect(result.boundaries.areas.features.map((f) => f.properties.kode)).toEqual(['BOWTIE', 'UNCLOSED', 'VALID']);
    const unclosed = result.boundaries.areas.features[1].geometry.coordinates[0] as number[][];
    expect(unclosed).toHaveLength(5);
    expect(unclosed[4]).toEqual(unclosed[0]);
  });

  it('wraps a single Feature, a bare geometry and a GeometryCollection, with a note', async () => {
    const feature = { type: 'Feature', properties: { kode: 'X' }, geometry: { type: 'Polygon', coordinates: [square] } };
    const a = await readGeoJson(bytes(feature), 'f.json');
    expect(a.kind === 'areas' && a.boundaries.areas.features[0].properties).toEqual({ kode: 'X' });
    expect(a.notes).toEqual([{ key: 'importGeo.note.wrapped', params: { file: 'f.json', type: 'Feature' } }]);
    const b = await readGeoJson(bytes(feature.geometry), 'g.json');
    expect(b.kind === 'areas' && b.boundaries.areas.features).toHaveLength(1);
    expect(b.notes[0]).toEqual({ key: 'importGeo.note.wrapped', params: { file: 'g.json', type: 'Polygon' } });
    const c = await readGeoJson(bytes({ type: 'GeometryCollection', geometries: [feature.geometry, { type: 'Point', coordinates: [110.8, -7.5] }] }), 'gc.json');
    expect(c.kind === 'areas' && c.boundaries.areas.features).toHaveLength(1);
    expect(c.notes).toEqual([
      { key: 'importGeo.note.wrapped', params: { file: 'gc.json', type: 'GeometryCollection' } },
      { key: 'importGeo.note.otherGeometries', params: { file: 'gc.json', count: 1 } },
    ]);
  });

  it('says where a JSON syntax error is, and when the file is cut off', async () => {
    const broken = await importError(readGeoJson(bytes('{\n  "type": "FeatureCollection",\n  "features": [}\n'), 'x.geojson'));
    expect(broken.key).toBe('importGeo.jsonSyntax');
    expect(broken.params).toEqual({ file: 'x.geojson', line: 3, column: 16, found: JSON.stringify('}\n') });
    const cut = await importError(readGeoJson(bytes(surakarta.slice(0, 5000)), 'cut.geojson'));
    expect(cut.key).toBe('importGeo.jsonTruncated');
    expect(cut.params).toEqual({ file: 'cut.geojson', line: 1 });
  });

  it('reads NaN and Infinity tokens (Python json) as missing coordinates', async () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"A"},"geometry":{"type":"Polygon","coordinates":[[[110.8,-7.5],[NaN,-7.5],[110.9,-Infinity],[110.8,-7.5]]]}},{"type":"Feature","properties":{"kode":"B"},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(square)}]}}]}`;
    const result = await readGeoJson(bytes(text), 'nan.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.issues).toEqual([{ feature: 0, label: 'A', problem: 'non-finite', action: 'dropped' }]);
    expect(result.boundaries.areas.features).toHaveLength(1);
  });

  it('refuses JSON that is not GeoJSON, and GeoJSON without usable geometry', async () => {
    expect((await importError(readGeoJson(bytes({ nama: 'x', data: [] }), 'a.json'))).params).toEqual({ file: 'a.json', found: '{ nama, data }' });
    expect((await importError(readGeoJson(bytes([1, 2]), 'b.json'))).key).toBe('importGeo.notGeoJson');
    expect((await importError(readGeoJson(bytes({ type: 'Topology', objects: {} }), 'c.json'))).params.found).toBe('type "Topology"');
    expect((await importError(readGeoJson(bytes({ type: 'FeatureCollection', features: [] }), 'd.json'))).key).toBe('importGeo.noFeatures');
    const lines = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [110, -7],
              [111, -7],
            ],
          },
        },
      ],
    };
    expect((await importError(readGeoJson(bytes(lines), 'e.json'))).key).toBe('importGeo.noUsableGeometry');
    const allBroken = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }] };
    expect((await importError(readGeoJson(bytes(allBroken), 'f.json'))).key).toBe('importGeo.noUsableGeometry');
  });

  it('swaps coordinates written as lat, lon and says so', async () => {
    const swapped = JSON.parse(surakarta);
    for (const f of swapped.features) {
      f.geometry.coordinates =
        f.geometry.type === 'Polygon'
          ? f.geometry.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [y, x]))
          : f.geometry.coordinates.map((p: number[][][]) => p.map((ring) => ring.map(([x, y]) => [y, x])));
    }
    const result = await readGeoJson(bytes(swapped), 'swapped.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.notes).toEqual([{ key: 'importGeo.note.swapped', params: { file: 'swapped.geojson' } }]);
    expect(result.boundaries.areas.features[0].geometry).toEqual(JSON.parse(surakarta).features[0].geometry);
  });

  it('reprojects a UTM crs member and refuses metres without one or an unknown crs', async () => {
    // Made with proj4 itself; its agreement with GDAL is tested in projection.test.ts.
    const utm = square.map(([x, y]) => proj4('EPSG:4326', 'EPSG:32749', [x, y]));
    const withCrs = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32749' } },
      features: [{ type: 'Feature', properties: { kode: 'U' }, geometry: { type: 'Polygon', coordinates: [utm] } }],
    };
    const result = await readGeoJson(bytes(withCrs), 'utm.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.crs).toBe('EPSG:32749');
    expect(result.boundaries.reprojected).toBe(true);
    const ring = result.boundaries.areas.features[0].geometry.coordinates[0] as number[][];
    ring.forEach(([x, y], k) => {
      expect(x).toBeCloseTo(square[k][0], 9);
      expect(y).toBeCloseTo(square[k][1], 9);
    });
    expect(result.notes).toEqual([{ key: 'importGeo.note.reprojected', params: { file: 'utm.geojson', crs: 'EPSG:32749' } }]);

    const { crs: _, ...without } = withCrs;
    const metres = await importError(readGeoJson(bytes(without), 'm.geojson'));
    expect(metres.key).toBe('importGeo.projectedWithoutCrs');
    expect(metres.params.example).toBe(`${utm[0][0]}, ${utm[0][1]}`);

    const unknown = { ...withCrs, crs: { type: 'name', properties: { name: 'EPSG:2154' } } };
    expect((await importError(readGeoJson(bytes(unknown), 'l.geojson'))).params).toEqual({ crs: 'EPSG:2154', file: 'l.geojson' });
  });

  it('reprojects a BPN TM-3 crs member (zone 49.1, EPSG:23835)', async () => {
    const tm3 = square.map(([x, y]) => proj4('EPSG:4326', '+proj=tmerc +lon_0=109.5 +k=0.9999 +x_0=200000 +y_0=1500000 +datum=WGS84', [x, y]));
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::23835' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [tm3] } }],
    };
    const result = await readGeoJson(bytes(collection), 'tm3.geojson');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.crs).toBe('EPSG:23835');
    (result.boundaries.areas.features[0].geometry.coordinates[0] as number[][]).forEach(([x, y], k) => {
      expect(x).toBeCloseTo(square[k][0], 9);
      expect(y).toBeCloseTo(square[k][1], 9);
    });
  });

  it('reads point files as points, with unusable points skipped', async () => {
    const result = await readGeoJson(fixture('points-in-gap.geojson'), 'points.geojson');
    if (result.kind !== 'points') throw new Error('expected points');
    expect(result.points.points.features).toHaveLength(5);
    expect(result.points.points.features[0].properties.nama).toBe('Posyandu Pajang');
    expect(result.points.skipped).toEqual([]);
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [110.8, -7.5] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [null, -7.5] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [110.8, 97.5] } },
        { type: 'Feature', properties: {}, geometry: null },
      ],
    };
    const m = await readGeoJson(bytes(mixed), 'mixed.geojson');
    if (m.kind !== 'points') throw new Error('expected points');
    expect(m.points.points.features).toHaveLength(1);
    expect(m.points.skipped).toEqual([
      { row: 2, reason: 'missing' },
      { row: 3, reason: 'out-of-range' },
      { row: 4, reason: 'missing' },
    ]);
  });
});
