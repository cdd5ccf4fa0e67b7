import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readShapefileZip } from '../../../../src/data/importers/shapefile';
import { assembleRings } from '../../../../src/data/importers/shapefile-shp';
import { ImportError } from '../../../../src/data/importers/types';
import { degreeLengths } from '../../../../src/analysis/geodesy';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/import/geo/${name}`, import.meta.url)));
// Made by make-crs-wkt.sh (gdalsrsinfo).
const wkts: { code: number; format: string; wkt: string }[] = JSON.parse(readFileSync(new URL('../../../fixtures/import/geo/crs-wkt.json', import.meta.url), 'utf8'));
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

/** The fixture's files, to rebuild variants of the archive. */
const utmFiles = unzipSync(fixture('surakarta-utm49s.zip'));

/** Largest distance in metres between corresponding vertices of two geometries. */
function worstVertexMetres(a: unknown, b: unknown): number {
  const x = (a as unknown[]).flat(3) as number[];
  const y = (b as unknown[]).flat(3) as number[];
  expect(x.length).toBe(y.length);
  const d = degreeLengths(-7.56);
  let worst = 0;
  for (let k = 0; k < x.length; k += 2) worst = Math.max(worst, Math.hypot((x[k] - y[k]) * d.lon, (x[k + 1] - y[k + 1]) * d.lat));
  return worst;
}

describe('readShapefileZip', () => {
  it('reads surakarta-utm49s.zip: 54 kelurahan back on the source vertices within 1 micrometre, attributes intact', async () => {
    const result = await readShapefileZip(new Blob([fixture('surakarta-utm49s.zip')]), 'surakarta-utm49s.zip');
    if (result.kind !== 'areas') throw new Error('expected areas');
    const { boundaries } = result;
    expect(boundaries.format).toBe('shapefile');
    expect(boundaries.crs).toBe('EPSG:32749');
    expect(boundaries.reprojected).toBe(true);
    expect(boundaries.issues).toEqual([]);
    expect(boundaries.areas.features).toHaveLength(54);
    let worst = 0;
    boundaries.areas.features.forEach((f, k) => {
      const original = source.features[k];
      expect(f.properties.kode).toBe(original.properties.kode);
      expect(f.properties.kelurahan).toBe(original.properties.kelurahan);
      expect(f.properties.kecamatan).toBe(original.properties.kecamatan);
      expect(f.properties.kode_kecam).toBe(original.properties.kode_kecamatan); // DBF names stop at 10 characters
      expect(f.geometry.type).toBe(original.geometry.type);
      // GDAL writes shapefile outer rings clockwise; the reader returns RFC 7946 order, which is the source's.
      worst = Math.max(worst, worstVertexMetres(f.geometry.coordinates, original.geometry.coordinates));
    });
    expect(worst).toBeLessThan(1e-6);
    expect(result.notes).toEqual([{ key: 'importGeo.note.reprojected', params: { file: 'surakarta-utm49s.zip', crs: 'EPSG:32749' } }]);
  });

  it('reads surakarta-tm3-49-1.zip (BPN TM-3 zone 49.1, ESRI WKT): back on the source vertices within 1 micrometre', async () => {
    const result = await readShapefileZip(fixture('surakarta-tm3-49-1.zip'), 'surakarta-tm3-49-1.zip');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect([result.boundaries.crs, result.boundaries.reprojected, result.boundaries.issues]).toEqual(['EPSG:23835', true, []]);
    expect(result.boundaries.areas.features).toHaveLength(54);
    let worst = 0;
    result.boundaries.areas.features.forEach((f, k) => {
      expect(f.properties.kode).toBe(source.features[k].properties.kode);
      worst = Math.max(worst, worstVertexMetres(f.geometry.coordinates, source.features[k].geometry.coordinates));
    });
    // GDAL projected the source forward; proj4 brings it back: their disagreement, plus rounding.
    expect(worst).toBeLessThan(1e-6);
    expect(result.notes).toEqual([{ key: 'importGeo.note.reprojected', params: { file: 'surakarta-tm3-49-1.zip', crs: 'EPSG:23835' } }]);
  });

  it('assumes WGS84 for lon/lat over Indonesia without .prj, and refuses UTM without .prj', async () => {
    const result = await readShapefileZip(fixture('surakarta-noprj.zip'), 'noprj.zip');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.crs).toBe('EPSG:4326');
    expect(result.boundaries.areas.features).toHaveLength(54);
    expect(worstVertexMetres(result.boundaries.areas.features[0].geometry.coordinates, source.features[0].geometry.coordinates)).toBe(0);
    expect(result.notes).toEqual([{ key: 'importGeo.note.assumedWgs84', params: { file: 'noprj.zip', layer: 'kelurahan_surakarta' } }]);
    const error = await importError(readShapefileZip(fixture('utm-noprj.zip'), 'utm-noprj.zip'));
    expect(error.key).toBe('importGeo.noPrjProjected');
    expect(error.params).toEqual({ file: 'utm-noprj.zip', layer: 'kelurahan_surakarta' });
  });

  it('picks the polygon layer of two, assembles holes and islands, decodes Windows-1252', async () => {
    const result = await readShapefileZip(fixture('two-layers.zip'), 'two.zip');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.notes).toEqual([{ key: 'importGeo.note.layerChosen', params: { file: 'two.zip', layer: 'donut', others: 'sites' } }]);
    const [d1, d2] = result.boundaries.areas.features;
    expect(d1.properties).toEqual({ kode: 'D1', nama: 'Kauman Ümit', luas: 12.5, aktif: 1, tanggal: '2024-05-17' });
    expect(d2.properties).toEqual({ kode: 'D2', nama: 'Sérang', luas: 3, aktif: 0, tanggal: null });
    expect(d1.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        // outer anticlockwise, hole clockwise (RFC 7946), the island its own polygon
        [
          [
            [110.8, -7.58],
            [110.84, -7.58],
            [110.84, -7.54],
            [110.8, -7.54],
            [110.8, -7.58],
          ],
          [
            [110.81, -7.57],
            [110.81, -7.55],
            [110.83, -7.55],
            [110.83, -7.57],
            [110.81, -7.57],
          ],
        ],
        [
          [
            [110.815, -7.565],
            [110.825, -7.565],
            [110.825, -7.555],
            [110.815, -7.555],
            [110.815, -7.565],
          ],
        ],
      ],
    });
    expect(d2.geometry.type).toBe('Polygon');
  });

  it('reads Windows-1252 text by default when there is no .cpg', async () => {
    const files = unzipSync(fixture('two-layers.zip'));
    const { 'donut.cpg': _, ...rest } = files;
    const only = Object.fromEntries(Object.entries(rest).filter(([n]) => n.startsWith('donut')));
    const result = await readShapefileZip(zipSync(only), 'nocpg.zip');
    if (result.kind !== 'areas') throw new Error('expected areas');
    expect(result.boundaries.areas.features[1].properties.nama).toBe('Sérang');
  });

  it('reads a point layer as points', async () => {
    const files = unzipSync(fixture('two-layers.zip'));
    const sites = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('sites')));
    const result = await readShapefileZip(zipSync(sites), 'sites.zip');
    if (result.kind !== 'points') throw new Error('expected points');
    expect(result.points.points.features).toHaveLength(5);
    expect(result.points.points.features[3].properties.nama).toBe('Pos celah batas');
  });

  it('names what is missing or broken', async () => {
    const { 'kelurahan_surakarta.dbf': _dbf, ...noDbf } = utmFiles;
    expect((await importError(readShapefileZip(zipSync(noDbf), 'a.zip'))).params).toEqual({ file: 'a.zip', layer: 'kelurahan_surakarta', part: 'kelurahan_surakarta.dbf' });
    const { 'kelurahan_surakarta.shp': _shp, ...noShp } = utmFiles;
    expect((await importError(readShapefileZip(zipSync(noShp), 'b.zip'))).params).toEqual({ file: 'b.zip', layer: 'kelurahan_surakarta', part: 'kelurahan_surakarta.shp' });
    expect((await importError(readShapefileZip(zipSync({ 'baca.txt': strToU8('halo') }), 'c.zip'))).key).toBe('importGeo.zipNoShapefile');
    const zipped = fixture('surakarta-utm49s.zip');
    expect((await importError(readShapefileZip(zipped.slice(0, zipped.length - 100), 'd.zip'))).key).toBe('importGeo.zipBroken');
    expect((await importError(readShapefileZip(strToU8('bukan zip'), 'e.zip'))).key).toBe('importGeo.zipBroken');
    const shp = utmFiles['kelurahan_surakarta.shp'];
    const cut = await importError(readShapefileZip(zipSync({ ...utmFiles, 'kelurahan_surakarta.shp': shp.slice(0, 10000) }), 'f.zip'));
    expect(cut.key).toBe('importGeo.shpBroken');
    expect(cut.params.feature).toBeGreaterThan(1);
    const dbf = utmFiles['kelurahan_surakarta.dbf'];
    expect((await importError(readShapefileZip(zipSync({ ...utmFiles, 'kelurahan_surakarta.dbf': dbf.slice(0, 5000) }), 'g.zip'))).key).toBe('importGeo.dbfBroken');
  });

  it('refuses a .prj proj4 cannot use, and a datum it cannot shift to WGS84, naming the .prj', async () => {
    const withPrj = (text: string) => readShapefileZip(zipSync({ ...utmFiles, 'kelurahan_surakarta.prj': strToU8(text) }), 'h.zip');
    expect((await importError(withPrj('bukan WKT'))).params).toEqual({ file: 'kelurahan_surakarta.prj', crs: 'bukan WKT' });
    expect((await importError(withPrj('LOCAL_CS["Grid proyek",UNIT["metre",1]]'))).params).toEqual({ file: 'kelurahan_surakarta.prj', crs: 'Grid proyek' });
    // ID74 / UTM 49N as GDAL writes it (no TOWGS84: EPSG has several ID74 shifts, none chosen).
    const id74 = wkts.find((w) => w.code === 4238 && w.format === 'wkt_esri')!.wkt;
    const datum = await importError(withPrj(id74));
    expect(datum.key).toBe('importGeo.datumNotConvertible');
    expect(datum.params).toEqual({ file: 'kelurahan_surakarta.prj', crs: 'GCS_Indonesian_1974', datum: 'D_Indonesian_1974' });
  });

  it('refuses a ZIP bomb by its declared sizes, before inflating', async () => {
    // 20 MB of zeros (above the 16 MB exemption) deflate about 1000 to 1.
    const bomb = zipSync({ 'bom.shp': new Uint8Array(20 * 1024 * 1024), 'bom.dbf': new Uint8Array(10) }, { level: 9 });
    const ratio = await importError(readShapefileZip(bomb, 'bom.zip'));
    expect(ratio.key).toBe('importGeo.zipRatio');
    expect(ratio.params.entry).toBe('bom.shp');
    expect(Number(ratio.params.ratio)).toBeGreaterThan(500);
    // A small archive declaring 3 GB in its central directory: refused without allocating.
    const forged = zipSync({ 'big.shp': new Uint8Array(100), 'big.dbf': new Uint8Array(100) }, { level: 0 });
    const view = new DataView(forged.buffer);
    for (let p = forged.length - 22; p >= 0; p--) {
      if (view.getUint32(p, true) === 0x02014b50) {
        view.setUint32(p + 20, 0x60000000, true); // compressed size
        view.setUint32(p + 24, 0xb0000000, true); // uncompressed size, about 2.9 GB
      }
    }
    const large = await importError(readShapefileZip(forged, 'big.zip'));
    expect(large.key).toBe('importGeo.zipTooLarge');
    expect(large.params).toEqual({ file: 'big.zip', size: 5632, limit: 1024 });
  });
});

describe('assembleRings', () => {
  const cw = (ring: number[][]) => ring; // shapefile outer rings are clockwise as written below
  it('nests by containment when no ring is clockwise', () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ]; // anticlockwise
    const hole = [
      [2, 2],
      [8, 2],
      [8, 8],
      [2, 8],
      [2, 2],
    ]; // also anticlockwise: writer ignored the rule
    const g = assembleRings([cw(outer), hole]);
    expect(g).toEqual({ type: 'Polygon', coordinates: [outer, [...hole].reverse()] });
  });
  it('makes an anticlockwise ring outside every outer ring a polygon of its own', () => {
    const outer = [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
      [0, 0],
    ]; // clockwise
    const stray = [
      [20, 0],
      [30, 0],
      [30, 10],
      [20, 10],
      [20, 0],
    ]; // anticlockwise, outside
    const g = assembleRings([outer, stray]);
    expect(g).toEqual({ type: 'MultiPolygon', coordinates: [[[...outer].reverse()], [stray]] });
  });
});
