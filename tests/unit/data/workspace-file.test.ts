import { describe, expect, it } from 'vitest';
import { gzip, type StoredDataset, type StoredRegion } from '../../../src/data/store';
import { readWorkspaceFile, writeWorkspaceFile, WORKSPACE_FORMAT } from '../../../src/data/workspace-file';
import { ImportError } from '../../../src/data/importers/types';

const region: StoredRegion = {
  kode: '35.72',
  region: { kode: '35.72', slug: '35.72', nama: 'Kota Blitar', provinsi: 'Jawa Timur', kelurahan: 1, boundaries: '', source: 'national' },
  areas: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [112, -8],
              [112.1, -8],
              [112.1, -8.1],
              [112, -8],
            ],
          ],
        },
        properties: { kode: '35.72.01.1001' },
      },
    ],
  },
  savedAt: '2026-11-22T00:00:00Z',
};
const dataset: StoredDataset = {
  id: 'd1',
  kind: 'indicators',
  name: 'a.csv',
  file: 'a.csv',
  regionKode: '35.72',
  created: '2026-11-22',
  meta: { kind: 'indicators' },
  payload: new Uint8Array([0, 1, 2, 250, 255]),
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as ImportError,
  );

describe('workspace file', () => {
  it('round-trips regions and datasets, binary payloads included', async () => {
    const bytes = await writeWorkspaceFile({ datasets: [dataset], regions: [region] }, new Date('2026-11-22T10:00:00Z'));
    const read = await readWorkspaceFile(bytes, 'ruang-kerja.pkk');
    expect(read.regions).toEqual([region]);
    expect(read.datasets).toEqual([dataset]);
    expect(read.created).toBe('2026-11-22T10:00:00.000Z');
  });

  it('refuses what is not a workspace file, or one from a newer version, with the file named', async () => {
    const notGzip = await failure(readWorkspaceFile(new TextEncoder().encode('kode,nilai'), 'data.csv'));
    expect(notGzip).toBeInstanceOf(ImportError);
    expect([notGzip!.key, notGzip!.params]).toEqual(['workspace.fileInvalid', { file: 'data.csv' }]);
    const otherJson = await failure(readWorkspaceFile(await gzip(new TextEncoder().encode('{"type":"FeatureCollection"}')), 'x.pkk'));
    expect(otherJson!.key).toBe('workspace.fileInvalid');
    const newer = await failure(
      readWorkspaceFile(await gzip(new TextEncoder().encode(JSON.stringify({ format: WORKSPACE_FORMAT, version: 99, regions: [], datasets: [] }))), 'baru.pkk'),
    );
    expect([newer!.key, newer!.params]).toEqual(['workspace.fileVersion', { file: 'baru.pkk', version: '99' }]);
    const badRegion = await failure(
      readWorkspaceFile(await gzip(new TextEncoder().encode(JSON.stringify({ format: WORKSPACE_FORMAT, version: 1, regions: [{ kode: 1 }], datasets: [] }))), 'r.pkk'),
    );
    expect(badRegion!.key).toBe('workspace.fileInvalid');
  });
});
