/**
 * A provinsi (DI Yogyakarta) and two kab/kota (Kota Surakarta and Kabupaten Sukoharjo) read from
 * the real national file as one region each, over HTTP ranges: every desa/kelurahan the region
 * index counts, once, in kode order, with progress. Skipped without ../shared/data/national.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSelectionFeatures } from '../../../src/data/national';
import { buildRegionIndex, resolveRegionSelection, type RegionFile } from '../../../src/data/regions';
import { ensureNationalFile, NATIONAL_GZ } from '../../e2e/national-fixture';
import { serveFile, type FileServer } from '../regions/range-server';
import regionsJson from '../../../public/regions/regions.json';

const index = buildRegionIndex(regionsJson as RegionFile);
const selection = (kodes: string[]) => resolveRegionSelection(index, kodes, (n) => `${n} more`)!;
let server: FileServer;

beforeAll(async () => {
  const path = await ensureNationalFile(join(tmpdir(), 'peta-kantong-national'));
  if (path) server = await serveFile(path, { ranges: true });
}, 240_000);

afterAll(async () => {
  await server?.close();
});

describe.skipIf(!existsSync(NATIONAL_GZ))('a wide region read from the national file', () => {
  it('reads DI Yogyakarta whole: its 438 desa/kelurahan, each once, sorted, converted in steps with progress', async () => {
    const diy = selection(['34']);
    expect(diy.count).toBe(438);
    const bytes: number[] = [];
    const converted: [number, number][] = [];
    const read = await readSelectionFeatures(server.url, diy.parts, { onProgress: (b) => bytes.push(b), onConverted: (done, total) => converted.push([done, total]) });
    const kodes = read.areas.features.map((f) => f.properties.kode);
    expect(kodes).toHaveLength(438);
    expect(new Set(kodes).size).toBe(438);
    expect(kodes.every((k) => k.startsWith('34.'))).toBe(true);
    expect(kodes).toEqual([...kodes].sort());
    // Per kab/kota, as many as the index says.
    for (const kab of index.regions.filter((r) => r.level === 'kabkota' && r.parent === '34')) {
      expect(read.areas.features.filter((f) => f.properties.kode_kota === kab.kode), kab.nama).toHaveLength(kab.kelurahan + kab.desa);
    }
    expect(read.areas.features[0].properties).toMatchObject({ kode_provinsi: '34', provinsi: 'Daerah Istimewa Yogyakarta' });
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes[bytes.length - 1]).toBe(read.bytesRead);
    expect(converted).toEqual([[400, 438]]);
  }, 120_000);

  it('reads two kab/kota as one region: Kota Surakarta and Kabupaten Sukoharjo, 221 together, none from around them', async () => {
    const pair = selection(['33.72', '33.11']);
    const read = await readSelectionFeatures(server.url, pair.parts);
    const kodes = read.areas.features.map((f) => f.properties.kode);
    expect(kodes).toHaveLength(pair.count);
    expect(pair.count).toBe(54 + 167);
    expect(kodes.filter((k) => k.startsWith('33.72.'))).toHaveLength(54);
    expect(kodes.filter((k) => k.startsWith('33.11.'))).toHaveLength(167);
    expect(kodes).toEqual([...kodes].sort());
    // Bytes of both reads are counted.
    expect(read.bytesRead).toBe((await readSelectionFeatures(server.url, [pair.parts[0]])).bytesRead + (await readSelectionFeatures(server.url, [pair.parts[1]])).bytesRead);
  }, 120_000);
});
