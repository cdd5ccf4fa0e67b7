/**
 * Spatial imports chained as the import session chains them: a file is read (readShapefileZip,
 * readGeoJson, or readTable + DuckDB + pointsFromRows for a CSV of sites), then planned
 * (planBoundaries: a region; planPoints: counts per kelurahan of Surakarta).
 */
import { readFileSync } from 'node:fs';
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Database } from '../../../src/data/database';
import { loadRawTable, rawTable } from '../../../src/data/datasets';
import { readGeoJson } from '../../../src/data/importers/geojson';
import { pointsFromRows } from '../../../src/data/importers/points';
import { readShapefileZip } from '../../../src/data/importers/shapefile';
import { readTable } from '../../../src/data/importers/read-table';
import { ImportError } from '../../../src/data/importers/types';
import { buildJoinReport } from '../../../src/data/join';
import { planBoundaries, planPoints, type BoundaryPlan, type PointPlan } from '../../../src/state/geo-import';
import { ROOT, fixtureFile, openPipelineDatabase, stageTable, surakartaAreas, targetsOf } from './pipeline';

const geoBytes = (name: string) => new Uint8Array(readFileSync(`${ROOT}tests/fixtures/import/geo/${name}`));
/** The region index as the app asks it (loadRegionIndex().byKode), for the two codes involved. */
const NAMES = {
  nama: (kode: string) => (kode === '33.72' ? 'Kota Surakarta' : undefined),
  provinsi: (kode: string) => (kode.slice(0, 2) === '33' ? 'Jawa Tengah' : undefined),
};
const source = surakartaAreas();

describe('surakarta-utm49s.zip: the Surakarta kelurahan as a Shapefile in UTM 49S', () => {
  let plan: BoundaryPlan;
  beforeAll(async () => {
    const read = await readShapefileZip(geoBytes('surakarta-utm49s.zip'), 'surakarta-utm49s.zip');
    if (read.kind !== 'areas') throw new Error('expected areas');
    expect([read.boundaries.crs, read.boundaries.reprojected, read.boundaries.issues]).toEqual(['EPSG:32749', true, []]);
    expect(read.notes).toEqual([{ key: 'importGeo.note.reprojected', params: { file: 'surakarta-utm49s.zip', crs: 'EPSG:32749' } }]);
    plan = planBoundaries(read.boundaries, NAMES);
  });

  it('becomes region 33.72 with all 54 kelurahan, none left out', () => {
    expect(plan.region).toEqual({
      kode: '33.72',
      slug: '33.72-impor',
      nama: 'Kota Surakarta',
      provinsi: 'Jawa Tengah',
      kelurahan: 54,
      boundaries: 'surakarta-utm49s.zip',
      source: 'imported',
    });
    expect(plan.areas.features).toHaveLength(54);
    expect([plan.withoutCode, plan.otherRegion]).toEqual([0, 0]);
    // GDAL wrote the GeoJSON feature id (= kode) as a field "id" before "kode": both qualify, the first wins.
    expect([plan.kodeProperty, plan.namaProperty, plan.kecamatanProperty]).toEqual(['kode', 'kelurahan', 'kecamatan']);
  });

  it('writes every kode as PP.KK.CC.DDDD, the same kelurahan with the same names as the shipped boundaries', () => {
    for (const f of plan.areas.features) expect(f.properties.kode).toMatch(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
    const shipped = source.features.map((f) => [f.properties.kode, f.properties.kelurahan, f.properties.kecamatan, f.properties.kode_kecamatan]);
    expect(plan.areas.features.map((f) => [f.properties.kode, f.properties.kelurahan, f.properties.kecamatan, f.properties.kode_kecamatan])).toEqual(shipped);
    expect(new Set(plan.areas.features.map((f) => `${f.properties.kode_kota}|${f.properties.jenis}|${f.properties.provinsi}`))).toEqual(new Set(['33.72|kelurahan|Jawa Tengah']));
  });

  it('reprojects back onto the source polygons: extents within 1e-6 degrees (0.1 m), areas within 0.01 %', () => {
    const byKode = new Map(source.features.map((f) => [f.properties.kode, f]));
    for (const f of plan.areas.features) {
      const original = byKode.get(f.properties.kode)!;
      const [a, b] = [turfBbox(f), turfBbox(original)];
      for (let i = 0; i < 4; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
      expect(Math.abs(turfArea(f) / turfArea(original) - 1)).toBeLessThan(1e-4);
    }
  });

  it('serves as join targets: a table joins to the imported region exactly as to the shipped one', async () => {
    const db = await openPipelineDatabase();
    const imported = await stageTable(db, 'wilayah_impor', fixtureFile('tables/surakarta-semicolon-1252.csv'), targetsOf(plan.areas));
    expect(imported.report).toEqual(buildJoinReport(imported.joinKeys, targetsOf(source)));
    expect(imported.report.counts).toEqual({ code: 8, name: 0, fuzzy: 0, unmatched: 0, duplicates: 0, missing: 46, rows: 8 });
  }, 60_000);
});

describe('invalid-polygons.geojson', () => {
  it('lists every defect and what was done, then refuses to make a region without Kemendagri codes', async () => {
    const read = await readGeoJson(geoBytes('invalid-polygons.geojson'), 'invalid-polygons.geojson');
    if (read.kind !== 'areas') throw new Error('expected areas');
    expect(read.boundaries.issues).toEqual([
      { feature: 0, label: 'BOWTIE', problem: 'self-intersection', action: 'kept' },
      { feature: 1, label: 'UNCLOSED', problem: 'unclosed-ring', action: 'repaired' },
      { feature: 2, label: 'THREE', problem: 'too-few-points', action: 'dropped' },
      { feature: 3, label: 'NAN', problem: 'non-finite', action: 'dropped' },
      { feature: 4, label: 'EMPTY', problem: 'empty', action: 'dropped' },
    ]);
    expect(read.boundaries.areas.features.map((f) => f.properties.kode)).toEqual(['BOWTIE', 'UNCLOSED', 'VALID']);
    let error: unknown;
    try {
      planBoundaries(read.boundaries, NAMES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect([(error as ImportError).key, (error as ImportError).params]).toEqual(['import.boundariesNoCode', { file: 'invalid-polygons.geojson' }]);
  });
});

/** What both point fixtures must give: three inside, the gap point in Mojosongo (0.761 m away, Jebres 6.922 m), Jakarta outside. */
function expectSurakartaSites(plan: PointPlan, skipped: number): void {
  expect([plan.inside, plan.nearest, plan.outside, plan.skipped]).toEqual([3, 1, 1, skipped]);
  // Every kelurahan has a count (0 = no site, not "no data"), in kode order.
  const withSite = ['33.72.01.1001', '33.72.03.1008', '33.72.04.1011', '33.72.05.1014'];
  expect(plan.counts).toHaveLength(54);
  expect(plan.counts.filter((c) => c.n > 0)).toEqual(withSite.map((kode) => ({ kode, n: 1 })));
  expect(plan.counts).toEqual(source.features.map((f) => ({ kode: f.properties.kode, n: withSite.includes(f.properties.kode) ? 1 : 0 })));
  expect(plan.points.features.map((f) => [f.properties.nama, f.properties.kode_kelurahan, f.properties.penempatan])).toEqual([
    ['Posyandu Pajang', '33.72.01.1001', 'inside'],
    ['Posyandu Sangkrah', '33.72.03.1008', 'inside'],
    ['Posyandu Banjarsari', '33.72.05.1014', 'inside'],
    ['Pos celah batas', '33.72.04.1011', 'nearest'],
    ['Kantor di Jakarta', null, 'none'],
  ]);
}

describe('points-in-gap.geojson: sites against the Surakarta kelurahan', () => {
  it('counts three inside, one in a hairline gap given to its nearest kelurahan, one outside', async () => {
    const read = await readGeoJson(geoBytes('points-in-gap.geojson'), 'points-in-gap.geojson');
    if (read.kind !== 'points') throw new Error('expected points');
    expectSurakartaSites(planPoints(read.points, source), 0);
  });
});

describe('program-sites.csv: the same sites as a table (lintang;bujur with decimal commas)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPipelineDatabase();
  }, 120_000);

  it('goes through readTable and DuckDB as the import session does, lists unusable rows by file row, and places the rest', async () => {
    const table = await readTable(fixtureFile('geo/program-sites.csv'));
    expect([table.delimiter, table.headerRow, table.rowCount]).toEqual([';', 1, 8]);
    // ImportSession.join() for points: the raw table's rows, NULL as '', header + 1 as the first row.
    await loadRawTable(db, 'titik', table.csv.slice());
    const rows = toRows(await db.query(`SELECT * FROM ${rawTable('titik')}`));
    const header = table.columns.map((c) => c.name);
    const cells = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
    const points = pointsFromRows(header, cells, table.file, table.headerRow + 1);
    expect([points.lonColumn, points.latColumn]).toEqual(['bujur', 'lintang']);
    expect(points.skipped).toEqual([
      { row: 7, reason: 'missing' }, // Tanpa koordinat
      { row: 8, reason: 'non-finite' }, // -7,5x
      { row: 9, reason: 'out-of-range' }, // -97,5
    ]);
    expectSurakartaSites(planPoints(points, source), 3);
  }, 60_000);
});
