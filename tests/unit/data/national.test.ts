/**
 * readRegionFeatures against the real national file (unzipped from ../shared into the OS
 * temporary folder once), served by a local HTTP server with and without Range support and
 * opened as a Blob. The reference is an independent full pass over the file with flatgeobuf's
 * streaming reader, which reads every feature and knows nothing of bboxes.
 */
import { createReadStream, existsSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/data/importers/types';
import { readRegionFeatures } from '../../../src/data/national';
import { buildRegionIndex, type RegionFile } from '../../../src/data/regions';
import { ensureNationalFile, NATIONAL_FGB_BYTES, NATIONAL_GZ } from '../../e2e/national-fixture';
import { serveFile, type FileServer } from '../regions/range-server';
import regionsJson from '../../../public/regions/regions.json';

const index = buildRegionIndex(regionsJson as RegionFile);
const region = (kode: string) => index.byKode.get(kode)!;
const PREFIXES = ['35.72.', '33.72.', '34.04.', '21.04.09.'];
const SCHEMA = ['kode', 'kelurahan', 'kode_kecamatan', 'kecamatan', 'kode_kota', 'kota', 'kode_provinsi', 'provinsi', 'jenis', 'source'];

let path: string | null = null;
/** Every feature of the PREFIXES regions, by full pass: kode → national properties and geometry. */
const reference = new Map<string, { properties: Record<string, string>; geometry: Geometry }>();
let ranged: FileServer;

beforeAll(async () => {
  path = await ensureNationalFile(join(tmpdir(), 'peta-kantong-national'));
  if (!path) return;
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
  for await (const feature of deserialize(stream)) {
    const properties = feature.properties as Record<string, string>;
    if (PREFIXES.some((p) => properties.kode.startsWith(p))) reference.set(properties.kode, { properties, geometry: feature.geometry as Geometry });
  }
  ranged = await serveFile(path, { ranges: true });
}, 240_000);

afterAll(async () => {
  await ranged?.close();
});

const kodesOf = (prefix: string) => [...reference.keys()].filter((k) => k.startsWith(prefix)).sort();

/** The ImportError a promise rejects with (fails the test if it resolves or throws another error). */
async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

// Without ../shared/data/national the suite is skipped (reported as skipped, not passed).
describe.skipIf(!existsSync(NATIONAL_GZ))('readRegionFeatures on the national file', () => {
  it('has the national file to test against', () => {
    expect(path, `national file missing: ${NATIONAL_GZ}`).not.toBeNull();
    expect(kodesOf('35.72.')).toHaveLength(21);
  });

  it('reads Kota Blitar over HTTP ranges: exactly its 21 kelurahan, converted, under 2 % of the file', async () => {
    const before = ranged.bytesSent();
    const progress: number[] = [];
    const result = await readRegionFeatures(ranged.url, region('35.72'), { onProgress: (b) => progress.push(b) });
    const kodes = result.areas.features.map((f) => f.properties.kode);
    expect(kodes).toEqual(kodesOf('35.72.'));
    expect(kodes.every((k) => k.startsWith('35.72.'))).toBe(true);
    expect(result.fileBytes).toBe(NATIONAL_FGB_BYTES);
    expect(result.bytesRead).toBe(ranged.bytesSent() - before);
    expect(result.bytesRead).toBeLessThan(0.02 * NATIONAL_FGB_BYTES);
    expect(progress[progress.length - 1]).toBe(result.bytesRead);
    expect(result.repaired).toBe(0);
    expect(result.skipped).toBe(0);
    console.log(`Kota Blitar over HTTP: ${result.bytesRead} bytes (${((100 * result.bytesRead) / NATIONAL_FGB_BYTES).toFixed(3)} %)`);
    for (const feature of result.areas.features) {
      const ref = reference.get(feature.properties.kode)!;
      expect(Object.keys(feature.properties)).toEqual(SCHEMA);
      expect(feature.properties).toMatchObject({
        kelurahan: ref.properties.nama,
        kode_kecamatan: ref.properties.kode_kecamatan,
        kecamatan: ref.properties.kecamatan,
        kode_kota: '35.72',
        kota: 'Kota Blitar',
        kode_provinsi: '35',
        provinsi: 'Jawa Timur',
        jenis: 'kelurahan',
      });
      expect(feature.properties.source).toBe('github.com/cahyadsn/wilayah_boundaries@3c5a7960f4d2 db/kel/35/wilayah_boundaries_kel_35.72.sql (MIT, (c) Cahya DSN)');
      expect(feature.geometry).toEqual(ref.geometry);
    }
  });

  it('reads the same Kota Blitar from a local file (Blob.slice), reading as little', async () => {
    const blob = await openAsBlob(path!);
    const http = await readRegionFeatures(ranged.url, region('35.72'));
    const local = await readRegionFeatures(blob, region('35.72'));
    expect(local.areas).toEqual(http.areas);
    expect(local.fileBytes).toBe(NATIONAL_FGB_BYTES);
    expect(local.bytesRead).toBe(http.bytesRead);
  });

  it.each([
    ['33.72', 'Kota Surakarta', 54],
    ['34.04', 'Kabupaten Sleman', 86],
  ])('reads %s %s (%i desa/kelurahan) under 2 percent of the file', async (kode, nama, count) => {
    const result = await readRegionFeatures(ranged.url, region(kode));
    expect(result.areas.features.map((f) => f.properties.kode)).toEqual(kodesOf(`${kode}.`));
    expect(result.areas.features).toHaveLength(count);
    expect(result.areas.features.every((f) => f.properties.kota === nama)).toBe(true);
    expect(result.bytesRead).toBeLessThan(0.02 * NATIONAL_FGB_BYTES);
    console.log(`${nama} over HTTP: ${result.bytesRead} bytes (${((100 * result.bytesRead) / NATIONAL_FGB_BYTES).toFixed(3)} %)`);
  });

  it('repairs the islands stored as holes in Kecamatan Singkep Selatan without failing', async () => {
    const result = await readRegionFeatures(await openAsBlob(path!), region('21.04.09'));
    expect(result.areas.features.map((f) => f.properties.kode)).toEqual(kodesOf('21.04.09.'));
    // GDAL: 21.04.09.1004 and 21.04.09.2002 (Pulau Lalang) have a hole lying outside the shell.
    expect(result.repaired).toBeGreaterThanOrEqual(2);
    expect(result.skipped).toBe(0);
    const lalang = result.areas.features.find((f) => f.properties.kode === '21.04.09.2002')!;
    const ref = reference.get('21.04.09.2002')!.geometry;
    const refRings = ref.type === 'Polygon' ? [ref.coordinates] : ref.type === 'MultiPolygon' ? ref.coordinates : [];
    expect(lalang.geometry.type).toBe('MultiPolygon');
    // Same rings, no hole left outside a shell: more polygons than before, as many rings.
    const rings = (lalang.geometry.coordinates as number[][][][]).flat();
    expect(rings.length).toBe(refRings.flat().length);
    expect(lalang.geometry.coordinates.length).toBeGreaterThan(refRings.length);
  });

  it('stops at once when the server ignores Range, having received a few hundred KB at most', async () => {
    const plain = await serveFile(path!, { ranges: false });
    try {
      const error = await importError(readRegionFeatures(plain.url, region('35.72')));
      expect(error.key).toBe('regions.noRangeSupport');
      expect(error.params.file).toBe('desa-kelurahan-indonesia.fgb');
      // Let the socket close, then count what the server managed to hand over.
      await new Promise((done) => setTimeout(done, 200));
      expect(plain.requests).toHaveLength(1);
      console.log(`server without Range support sent ${plain.bytesSent()} bytes before the reader hung up`);
      expect(plain.bytesSent()).toBeLessThan(512 * 1024);
    } finally {
      await plain.close();
    }
  });

  it('says to unzip a .fgb.gz, by name or by its gzip magic bytes', async () => {
    const gz = await openAsBlob(NATIONAL_GZ);
    expect((await importError(readRegionFeatures(gz, region('35.72')))).key).toBe('regions.gzipped');
    const named = new File([new Uint8Array([0x1f, 0x8b, 8, 0])], 'desa.fgb.gz');
    expect((await importError(readRegionFeatures(named, region('35.72')))).params).toEqual({ file: 'desa.fgb.gz' });
    expect((await importError(readRegionFeatures(`${ranged.url}.gz`, region('35.72')))).key).toBe('regions.gzipped');
  });

  it('refuses a file that is not FlatGeobuf', async () => {
    const csv = new File(['kode,nama\n35.72.01.1001,Bendo\n'], 'data.csv');
    const error = await importError(readRegionFeatures(csv, region('35.72')));
    expect(error.key).toBe('regions.notFlatGeobuf');
    expect(error.params.file).toBe('data.csv');
  });

  it('reports a network failure', async () => {
    const closed = await serveFile(path!, { ranges: true });
    const url = closed.url;
    await closed.close();
    const error = await importError(readRegionFeatures(url, region('35.72')));
    expect(error.key).toBe('regions.network');
  });

  it('reports a region with no feature in the file', async () => {
    const error = await importError(readRegionFeatures(ranged.url, { kode: '99.99', bbox: region('35.72').bbox }));
    expect(error.key).toBe('regions.noFeatures');
    expect(error.params.kode).toBe('99.99');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readRegionFeatures(ranged.url, region('35.72'), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
