import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contiguity } from '../../../src/analysis/contiguity';
import { fromGal } from '../../../src/analysis/gal';
import { readGeoJson, runCli, SURAKARTA, SURAKARTA_FGB, tempDir } from './run-cli';

/** Neighbour ids of each id in a .gal file. */
function neighbourSets(text: string): Map<string, string[]> {
  const gal = fromGal(text);
  const out = new Map<string, string[]>();
  gal.ids.forEach((id, i) => {
    const row = Array.from(gal.weights.indices.subarray(gal.weights.offsets[i], gal.weights.offsets[i + 1]), (j) => gal.ids[j]);
    out.set(id, row.sort());
  });
  return out;
}

describe('peta-kantong weights', () => {
  it('writes Surakarta queen weights as a GeoDa .gal file equal to contiguity()', async () => {
    const dir = await tempDir();
    const out = join(dir, 'surakarta.gal');
    const run = await runCli(['weights', '--boundaries', SURAKARTA, '--type', 'queen', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[0]).toBe('0 54 kelurahan_surakarta_3372 kode');
    const gal = fromGal(text);
    expect(gal.ids).toHaveLength(54);
    const sets = neighbourSets(text);
    // Pajang and Laweyan (Laweyan kecamatan) share a long boundary.
    expect(sets.get('33.72.01.1001')).toContain('33.72.01.1002');
    expect(sets.get('33.72.01.1002')).toContain('33.72.01.1001');
    const direct = contiguity(
      readGeoJson(SURAKARTA).features.map((f) => f.geometry),
      { rule: 'queen' },
    ).weights;
    expect(gal.weights.offsets).toEqual(direct.offsets);
    expect(gal.weights.indices).toEqual(direct.indices);
    expect(run.stdout).toMatch(/^.*surakarta\.gal: 54 kelurahan, queen contiguity \(snap 10 m\), mean \d\.\d\d neighbours \(min \d+, max \d+\); islands: none\n$/);
  });

  it('reads FlatGeobuf: the same neighbours as the GeoJSON, whatever the feature order', async () => {
    const dir = await tempDir();
    await runCli(['weights', '--boundaries', SURAKARTA, '--type', 'rook', '--out', join(dir, 'a.gal')]);
    const run = await runCli(['weights', '--boundaries', SURAKARTA_FGB, '--type', 'rook', '--out', join(dir, 'b.gal')]);
    expect(run.code).toBe(0);
    const fromJson = neighbourSets(await readFile(join(dir, 'a.gal'), 'utf8'));
    const fromFgb = neighbourSets(await readFile(join(dir, 'b.gal'), 'utf8'));
    expect(fromFgb.size).toBe(54);
    expect(Object.fromEntries(fromFgb)).toEqual(Object.fromEntries(fromJson));
  });

  it('writes k nearest neighbours with exactly k per kelurahan', async () => {
    const dir = await tempDir();
    const out = join(dir, 'knn.gal');
    const run = await runCli(['weights', '--boundaries', SURAKARTA, '--type', 'knn', '--k', '6', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('knn (k = 6), mean 6.00 neighbours (min 6, max 6)');
    for (const row of neighbourSets(await readFile(out, 'utf8')).values()) expect(row).toHaveLength(6);
  });

  it('lists islands by id, and links them to their nearest kelurahan with --islands knn', async () => {
    const dir = await tempDir();
    const city = readGeoJson(SURAKARTA);
    // A small square 2 km east of the city: nobody's neighbour.
    city.features.push({
      type: 'Feature',
      properties: { kode: '99.99.99.9999', kelurahan: 'Pulau' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [110.9, -7.57],
            [110.901, -7.57],
            [110.901, -7.571],
            [110.9, -7.571],
            [110.9, -7.57],
          ],
        ],
      },
    });
    const boundaries = join(dir, 'with-island.geojson');
    await writeFile(boundaries, JSON.stringify(city));
    const kept = await runCli(['weights', '--boundaries', boundaries, '--type', 'queen', '--out', join(dir, 'a.gal')]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('islands: 1 (99.99.99.9999)');
    const linked = await runCli(['weights', '--boundaries', boundaries, '--type', 'queen', '--islands', 'knn', '--out', join(dir, 'b.gal')]);
    expect(linked.stdout).toContain('islands: none; 1 island(s) linked to their nearest kelurahan: 99.99.99.9999');
    expect(neighbourSets(await readFile(join(dir, 'b.gal'), 'utf8')).get('99.99.99.9999')).toHaveLength(1);
  });
});
