/** What the feature overlays hand to the map: significant kelurahan, the focus area's drawing, program sites. */
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { areaFeatures, significantKode, siteFeatures } from '../../../../src/map/overlays/overlay-features';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const kelurahan = ['a', 'b', 'c'].map((kode, i) => ({ geometry: square(i), properties: { kode } }));

describe('significantKode', () => {
  it('keeps the kelurahan whose category is a significant one, never "not significant" or "isolated"', () => {
    const categories = {
      rows: [
        { index: 0, label: 'cluster.ns' },
        { index: 1, label: 'cluster.hh' },
        { index: 5, label: 'cluster.isolated' },
      ],
      codes: Int8Array.from([1, 0, 5, -1, 1]),
    };
    expect(significantKode(categories, ['k1', 'k2', 'k3', 'k4', 'k5'])).toEqual(['k1', 'k5']);
    expect(significantKode({ rows: [{ index: 0, label: 'hotspot.ns' }], codes: [0] }, ['k1'])).toEqual([]);
  });
});

describe('areaFeatures', () => {
  const none = { shape: null, mode: 'none' as const, draft: [], picked: new Set<string>() };

  it('is empty with nothing shown, and the shape alone when not editing', () => {
    expect(areaFeatures(none, kelurahan).features).toEqual([]);
    const shown = areaFeatures({ ...none, shape: square(5) }, kelurahan).features;
    expect(shown.map((f) => f.geometry)).toEqual([square(5)]);
  });

  it('while drawing: the ring so far, closed from three vertices, and each vertex', () => {
    const one = areaFeatures({ ...none, mode: 'draw', draft: [[0, 0]] }, kelurahan).features;
    expect(one.map((f) => f.geometry.type)).toEqual(['Point']);
    const three = areaFeatures(
      {
        ...none,
        mode: 'draw',
        draft: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
      kelurahan,
    ).features;
    expect(three.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point', 'Point']);
    expect(three[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    });
  });

  it('while picking: the picked kelurahan, and the drafted vertices are not drawn', () => {
    const picked = areaFeatures({ ...none, mode: 'pick', draft: [[9, 9]], picked: new Set(['c', 'a']) }, kelurahan).features;
    expect(picked.map((f) => f.geometry)).toEqual([square(0), square(2)]);
  });
});

describe('siteFeatures', () => {
  it('one point per site with what its popup says', () => {
    const [site] = siteFeatures([{ lon: 110.8, lat: -7.5, nama: 'Posyandu', program: 'pkh', tahun: 2023 }]).features;
    expect(site.geometry).toEqual({ type: 'Point', coordinates: [110.8, -7.5] });
    expect(site.properties).toEqual({ nama: 'Posyandu', program: 'pkh', tahun: 2023 });
  });
});
