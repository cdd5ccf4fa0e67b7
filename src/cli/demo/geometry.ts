/**
 * Geometry helpers for the demo generator: areas, centroids, distances and
 * random points inside a kelurahan. Thin wrappers over turf so the generator
 * reads in domain terms.
 */
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import type { Random } from '../../analysis/random';
import type { KelurahanFeature } from './types';

/** [lon, lat] in degrees. */
export type LonLat = [number, number];

/** Geodesic area of a kelurahan in hectares (unrounded). */
export function areaHa(feature: KelurahanFeature): number {
  return area(feature) / 10_000;
}

/** Vertex centroid of a kelurahan polygon (turf `centroid`), as [lon, lat]. */
export function centroidOf(feature: KelurahanFeature): LonLat {
  const [lon, lat] = centroid(feature).geometry.coordinates;
  return [lon, lat];
}

/**
 * Distance in km between two nearby points. An equirectangular approximation is
 * plenty inside one city (error well below 0.1 % over 20 km) and keeps the
 * latent field cheap and obviously deterministic.
 */
export function distanceKm(a: LonLat, b: LonLat): number {
  const meanLat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (b[0] - a[0]) * 111.32 * Math.cos(meanLat);
  const dy = (b[1] - a[1]) * 110.574;
  return Math.hypot(dx, dy);
}

/** Round to 6 decimals (about 0.1 m), the precision written to CSV. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A random point strictly inside `feature` and outside every polygon in
 * `neighbours`, by rejection sampling in the bounding box. The test runs on the
 * point already rounded to 6 decimals, so the written coordinates are the ones
 * checked. Excluding neighbours matters because the upstream polygons overlap by
 * hairline slivers: a point in a sliver would belong to two kelurahan.
 * @throws Error after `maxTries` misses (a degenerate polygon)
 */
export function randomPointInside(feature: KelurahanFeature, neighbours: readonly KelurahanFeature[], random: Random, maxTries = 10_000): LonLat {
  const [minLon, minLat, maxLon, maxLat] = bbox(feature);
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const point: LonLat = [round6(minLon + random.next() * (maxLon - minLon)), round6(minLat + random.next() * (maxLat - minLat))];
    if (!booleanPointInPolygon(point, feature, { ignoreBoundary: true })) continue;
    if (neighbours.some((other) => booleanPointInPolygon(point, other))) continue;
    return point;
  }
  throw new Error(`no point found inside ${feature.properties.kode} after ${maxTries} tries`);
}
