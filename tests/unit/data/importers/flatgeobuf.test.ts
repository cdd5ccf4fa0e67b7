import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFlatGeobufImport } from '../../../../src/data/importers/flatgeobuf';
import { ImportError } from '../../../../src/data/importers/types';
import { degreeLengths } from '../../../../src/analysis/geodesy';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/import/geo/${name}`, import.meta.url)));
const source = JSON.parse(readFileSync(new URL('../../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url), 'utf8'));

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('readFlatGeobufImport', () => {
  it('reads surakarta.fgb (written by ogr2ogr) with every kelurahan and its attributes', async () => {
    const result = await readFlatGeobufImport(new Blob([fixture('surakarta.fgb')]), 'surakarta.fgb');
    if (result.kind !== 'areas') throw new Error('expected areas');
    const { boundaries } = result;
    expect(boundaries.format).toBe('flatgeobuf');
    expect(boundaries.crs).toBe('EPSG:4326');
    expect(boundaries.issues).toEqual([]);
    expect(boundaries.areas.features).toHaveLength(54);
    // The spatial index reorders features; match by code.
    const pajang = boundaries.areas.features.find((f) => f.properties.kode === '33.72.01.1001')!;
    expect(pajang.properties.kelurahan).toBe('Pajang');
    expect(pajang.properties.kecamatan).toBe('Laweyan');
    expect(pajang.geometry.coordinates).toEqual(source.features[0].geometry.coordinates);
  });

  it('honours a UTM header CRS and reprojects back onto the source vertices within 1 micrometre', async () => {
    const result = await readFlatGeobufImport(fixture('surakarta-utm49s.fgb'), 'utm.fgb');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.crs).toBe('EPSG:32749');
    expect(result.boundaries.reprojected).toBe(true);
    const byKode = new Map(source.features.map((f: { properties: { kode: string } }) => [f.properties.kode, f]));
    const d = degreeLengths(-7.56);
    let worst = 0;
    for (const f of result.boundaries.areas.features) {
      const original = byKode.get(f.properties.kode as string) as { geometry: { coordinates: unknown } };
      const a = (f.geometry.coordinates as unknown[]).flat(3) as number[];
      const b = (original.geometry.coordinates as unknown[]).flat(3) as number[];
      expect(a.length).toBe(b.length);
      for (let k = 0; k < a.length; k += 2) worst = Math.max(worst, Math.hypot((a[k] - b[k]) * d.lon, (a[k + 1] - b[k + 1]) * d.lat));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('says a cut-off file is truncated, and a file of another kind is not FlatGeobuf', async () => {
    const cut = await importError(readFlatGeobufImport(fixture('surakarta-truncated.fgb'), 'cut.fgb'));
    expect(cut.key).toBe('importGeo.fgbTruncated');
    expect(cut.params.expected).toBe(54);
    expect(cut.params.read).toBeLessThan(54);
    const header = await importError(readFlatGeobufImport(fixture('surakarta.fgb').slice(0, 100), 'h.fgb'));
    expect(header.key).toBe('importGeo.fgbTruncated');
    const other = await importError(readFlatGeobufImport(new TextEncoder().encode('{"type":"FeatureCollection"}'), 'x.fgb'));
    expect(other.key).toBe('importGeo.fgbNotFlatGeobuf');
  });
});

describe('readFlatGeobufImport with points', () => {
  it('reads a point layer (written by the flatgeobuf library) as points', async () => {
    const { serialize } = await import('flatgeobuf/lib/mjs/geojson.js');
    const sites = JSON.parse(readFileSync(new URL('../../../fixtures/import/geo/points-in-gap.geojson', import.meta.url), 'utf8'));
    const result = await readFlatGeobufImport(serialize(sites, 4326), 'sites.fgb');
    if (result.kind !== 'points') throw new Error('expected points');
    expect(result.points.points.features.map((f) => f.geometry.coordinates)).toEqual(sites.features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates));
    expect(result.points.points.features[4].properties.nama).toBe('Kantor di Jakarta');
  });
});
