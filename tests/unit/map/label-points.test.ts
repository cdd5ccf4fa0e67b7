import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { labelPoints } from '../../../src/map/label-points';
import type { AreaCollection } from '../../../src/data/boundaries';

const cities = JSON.parse(readFileSync('data/kota.json', 'utf8')) as { boundaries: string; kelurahan: number }[];

describe('label points', () => {
  it.each(cities.map((c) => [c.boundaries, c] as const))('%s: one point per kelurahan, inside it', (_, city) => {
    const areas = JSON.parse(readFileSync(`data/boundaries/${city.boundaries}`, 'utf8')) as AreaCollection;
    const points = labelPoints(areas);
    expect(points.features).toHaveLength(city.kelurahan);
    points.features.forEach((point, i) => {
      expect(point.properties.kode).toBe(areas.features[i].properties.kode);
      expect(booleanPointInPolygon(point, areas.features[i])).toBe(true);
    });
  });

  it('in a region of several kab/kota, marks desa labels and adds one label per kab/kota, inside it', () => {
    const read = (file: string) => JSON.parse(readFileSync(`data/boundaries/${file}`, 'utf8')) as AreaCollection;
    const solo = read('kelurahan_surakarta_3372.geojson');
    const pekalongan = read('kelurahan_pekalongan_3375.geojson');
    const areas: AreaCollection = { type: 'FeatureCollection', features: [...solo.features, ...pekalongan.features] };
    const points = labelPoints(areas).features;
    const desa = points.filter((p) => p.properties.tingkat === 'desa');
    const kabkota = points.filter((p) => p.properties.tingkat === 'kabkota');
    expect(desa).toHaveLength(areas.features.length);
    expect(kabkota.map((p) => [p.properties.kode, p.properties.kelurahan])).toEqual([
      ['33.72', 'Kota Surakarta'],
      ['33.75', 'Kota Pekalongan'],
    ]);
    for (const [point, city] of [
      [kabkota[0], solo],
      [kabkota[1], pekalongan],
    ] as const) {
      expect(city.features.some((f) => booleanPointInPolygon(point, f))).toBe(true);
    }
    // One kab/kota alone: names only, no level (every kelurahan named at every zoom).
    expect(labelPoints(solo).features.every((p) => p.properties.tingkat === undefined)).toBe(true);
  });

  it('labels the largest part of a kelurahan in several parts', () => {
    const square = (x: number, size: number) => [
      [
        [x, 0],
        [x + size, 0],
        [x + size, size],
        [x, size],
        [x, 0],
      ],
    ];
    const areas: AreaCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kode: '1', kelurahan: 'Pulau' },
          geometry: { type: 'MultiPolygon', coordinates: [square(0, 0.001), square(1, 0.01)] },
        },
      ],
    };
    const [lon] = labelPoints(areas).features[0].geometry.coordinates;
    expect(lon).toBeGreaterThan(1);
  });
});
