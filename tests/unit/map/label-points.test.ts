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
