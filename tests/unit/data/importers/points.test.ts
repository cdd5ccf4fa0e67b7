import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCoordinate, pointsFromRows } from '../../../../src/data/importers/points';
import { ImportError } from '../../../../src/data/importers/types';
import { assignPointsToAreas } from '../../../../src/analysis/point-in-area';
import { readGeoJson } from '../../../../src/data/importers/geojson';

const csv = readFileSync(new URL('../../../fixtures/import/geo/program-sites.csv', import.meta.url), 'utf8');
const [header, ...rows] = csv
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(';'));

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('pointsFromRows', () => {
  it('reads program-sites.csv (lintang;bujur, decimal comma) and lists unusable rows', () => {
    const result = pointsFromRows(header, rows, 'program-sites.csv');
    expect(result.latColumn).toBe('lintang');
    expect(result.lonColumn).toBe('bujur');
    expect(result.points.features).toHaveLength(5);
    expect(result.points.features[0].geometry.coordinates).toEqual([110.7870261, -7.5680936]);
    expect(result.points.features[0].properties).toEqual({ nama: 'Posyandu Pajang', lintang: '-7,5680936', bujur: '110,7870261', catatan: 'inside 33.72.01.1001' });
    expect(result.skipped).toEqual([
      { row: 7, reason: 'missing' },
      { row: 8, reason: 'non-finite' },
      { row: 9, reason: 'out-of-range' },
    ]);
  });

  it('assigns the CSV sites to Surakarta kelurahan exactly (inside, hairline gap, outside)', async () => {
    const boundaries = await readGeoJson(readFileSync(new URL('../../../../data/boundaries/kelurahan_surakarta_3372.geojson', import.meta.url)), 's.geojson');
    if (boundaries.kind !== 'areas') throw new Error('expected areas');
    const areas = boundaries.boundaries.areas.features;
    const points = pointsFromRows(header, rows, 'program-sites.csv').points.features.map((f) => f.geometry.coordinates as [number, number]);
    const result = assignPointsToAreas(points, areas);
    expect(result.map((r) => [r.index < 0 ? null : areas[r.index].properties.kode, r.how])).toEqual([
      ['33.72.01.1001', 'inside'],
      ['33.72.03.1008', 'inside'],
      ['33.72.05.1014', 'inside'],
      ['33.72.04.1011', 'nearest'],
      [null, 'none'],
    ]);
  });

  it('finds columns by name in any case, and swaps columns holding lat in lon', () => {
    const a = pointsFromRows(['Nama', 'Latitude', 'Longitude'], [['A', '-7.55', '110.82']], 'a.csv');
    expect([a.lonColumn, a.latColumn]).toEqual(['Longitude', 'Latitude']);
    const b = pointsFromRows(['KOORDINAT_X', 'KOORDINAT_Y'], [['110,82', '-7,55']], 'b.csv');
    expect(b.points.features[0].geometry.coordinates).toEqual([110.82, -7.55]);
    const swapped = pointsFromRows(
      ['lat', 'lon'],
      [
        ['110.82', '-7.55'],
        ['110.83', '-7.56'],
      ],
      'c.csv',
    );
    expect([swapped.lonColumn, swapped.latColumn]).toEqual(['lat', 'lon']);
    expect(swapped.points.features[1].geometry.coordinates).toEqual([110.83, -7.56]);
  });

  it('refuses tables without coordinate columns, with metres, or with no usable row', () => {
    expect(importError(() => pointsFromRows(['nama', 'alamat'], [['A', 'Jl. Slamet Riyadi']], 'x.csv')).params).toEqual({ file: 'x.csv', columns: 'nama, alamat' });
    const metres = importError(() => pointsFromRows(['x', 'y'], [['481234,5', '9163456,1']], 'm.csv'));
    expect(metres.key).toBe('importGeo.pointsProjected');
    expect(metres.params).toEqual({ file: 'm.csv', lonColumn: 'x', latColumn: 'y', example: '481234.5; 9163456.1' });
    expect(importError(() => pointsFromRows(['lat', 'lon'], [['', '']], 'e.csv')).key).toBe('importGeo.noValidPoints');
  });

  it('parses coordinates as people write them', () => {
    expect(parseCoordinate('-7,5612')).toBe(-7.5612);
    expect(parseCoordinate(' 110.8231 ')).toBe(110.8231);
    expect(parseCoordinate('\u22127.5')).toBe(-7.5);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('NA')).toBeNull();
    expect(parseCoordinate("7°33'S")).toBeNaN();
    expect(parseCoordinate('1.234,5')).toBeNaN();
    expect(parseCoordinate('Infinity')).toBeNaN();
  });
});
