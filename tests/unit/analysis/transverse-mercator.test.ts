import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lonLatToUtm, utmCentralMeridian, utmToLonLat } from '../../../src/analysis/transverse-mercator';
import { degreeLengths } from '../../../src/analysis/geodesy';

interface Reference { zone: number; south: boolean; x: number; y: number; lon: number; lat: number }

// Made by tests/fixtures/import/geo/make-utm-reference.sh (gdaltransform, GDAL 3.6 / PROJ 9).
const reference: Reference[] = JSON.parse(
  readFileSync(new URL('../../fixtures/import/geo/utm-reference.json', import.meta.url), 'utf8'),
);

/** Ground distance in metres between two nearby lon/lat points. */
function metresApart(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const d = degreeLengths((lat1 + lat2) / 2);
  return Math.hypot((lon1 - lon2) * d.lon, (lat1 - lat2) * d.lat);
}

describe('UTM on WGS84 (Krüger series)', () => {
  it('covers every zone 46-54 in both hemispheres', () => {
    const zones = new Set(reference.map((r) => `${r.zone}${r.south ? 'S' : 'N'}`));
    expect(zones.size).toBe(18);
    expect(reference.length).toBe(450);
  });

  it('inverse agrees with GDAL to well under a millimetre', () => {
    let worst = 0;
    for (const r of reference) {
      const [lon, lat] = utmToLonLat(r.x, r.y, r.zone, r.south);
      worst = Math.max(worst, metresApart(lon, lat, r.lon, r.lat));
    }
    // gdaltransform prints 15 significant digits (about 1e-7 m); the series is good to nanometres.
    expect(worst).toBeLessThan(1e-6);
  });

  it('forward agrees with GDAL to well under a millimetre', () => {
    let worst = 0;
    for (const r of reference) {
      const [x, y] = lonLatToUtm(r.lon, r.lat, r.zone, r.south);
      worst = Math.max(worst, Math.hypot(x - r.x, y - r.y));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('puts the false origin on the central meridian at the equator', () => {
    expect(utmCentralMeridian(49)).toBe(111);
    const [lon, lat] = utmToLonLat(500000, 10000000, 49, true);
    expect(lon).toBeCloseTo(111, 12);
    expect(lat).toBeCloseTo(0, 12);
    // A known point: Surakarta's city hall, about 110.83 E 7.57 S, lies in zone 49S.
    const [x, y] = lonLatToUtm(110.8275, -7.5693, 49, true);
    const [lon2, lat2] = utmToLonLat(x, y, 49, true);
    expect(metresApart(lon2, lat2, 110.8275, -7.5693)).toBeLessThan(1e-6);
    expect(x).toBeGreaterThan(480000);
    expect(x).toBeLessThan(500000);
    expect(y).toBeGreaterThan(9160000);
  });
});
