/**
 * Per-kelurahan traits of one city that stay fixed over the demo years: where
 * it sits on the need field, how dense and how poor it tends to be, how well
 * programs reach it. Yearly values (indicators.ts, programs.ts) are drawn from
 * these traits plus small yearly noise, so trends stay smooth.
 */
import type { Random } from '../../analysis/random';
import { cityProfile, type CityProfile } from './calibration';
import { areaHa, centroidOf, type LonLat } from './geometry';
import { choosePockets, needField, pocketKernel, type Pocket } from './latent-field';
import type { CityInfo, KelurahanCollection, KelurahanFeature } from './types';

/** Clamp `value` into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Round to 2 decimals (hectares). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Fixed traits of one kelurahan. */
export interface KelurahanModel {
  feature: KelurahanFeature;
  kode: string;
  centroid: LonLat;
  /** Area from the real polygon, ha, unrounded. */
  areaHa: number;
  /** Standardised latent need (about -3..3). */
  need: number;
  /** Relative population weight in 2021 (area dampened, denser where needier). */
  populationWeight: number;
  /** Own yearly population growth rate. */
  growth: number;
  /** Relative poverty propensity (multiplies the city rate). */
  povertyFactor: number;
  householdSize: number;
  /** Dwellings per household (below 1 where households share houses). */
  dwellingsPerHousehold: number;
  /** Log-scale noise on the desil 1-4 share. */
  desilNoise: number;
  /** Share of desil 1-4 households that are in desil 1, in 2021. */
  desil1Share: number;
  femaleHeadShare: number;
  lansiaFactor: number;
  disabilityFactor: number;
  noWaterShare: number;
  noSanitationShare: number;
  rtlhShare: number;
  /** Yearly new RTLH (deterioration) as a share of dwellings. */
  rtlhNewShare: number;
  /** Slum share of the kelurahan area in 2021. */
  slumShare: number;
  /** Program reach, about 0.45-1.3: low near the city's under-served pocket. */
  service: number;
}

/** A city's fixed traits. */
export interface CityModel {
  city: CityInfo;
  profile: CityProfile;
  pockets: Pocket[];
  /** The pocket whose surroundings programs reach badly (a deliberate gap). */
  underServedPocket: Pocket;
  /** Kelurahan sorted by kode. */
  kelurahan: KelurahanModel[];
}

/**
 * Build the fixed traits of every kelurahan of a city.
 * @throws Error when the boundaries do not have the city's official kelurahan count
 */
export function buildCityModel(city: CityInfo, boundaries: KelurahanCollection, random: Random): CityModel {
  const profile = cityProfile(city.kode);
  const features = [...boundaries.features].sort((a, b) => compareKode(a.properties.kode, b.properties.kode));
  if (features.length !== city.kelurahan) {
    throw new Error(`${city.nama}: ${features.length} polygons, expected ${city.kelurahan}`);
  }
  for (const f of features) {
    if (f.properties.kode_kota !== city.kode) throw new Error(`${f.properties.kode} is not in kota ${city.kode}`);
  }
  const kodes = features.map((f) => f.properties.kode);
  const centroids = features.map(centroidOf);
  const pockets = choosePockets(kodes, centroids, profile.requiredPockets, random);
  const need = needField(centroids, pockets, random);
  // The last pocket is never a required one (Semanggi is being upgraded, not neglected).
  const underServedPocket = pockets[pockets.length - 1];

  const kelurahan = features.map((feature, i): KelurahanModel => {
    const z = need[i];
    const area = areaHa(feature);
    const gap = pocketKernel(underServedPocket, centroids, centroids[i]);
    return {
      feature,
      kode: kodes[i],
      centroid: centroids[i],
      areaHa: area,
      need: z,
      // area^0.6: large peripheral kelurahan (fields, ports, parks) are less dense.
      populationWeight: Math.pow(area, 0.6) * Math.exp(0.25 * z + 0.15 * random.normal()),
      growth: clamp(0.0065 + 0.003 * random.normal(), 0.001, 0.013),
      povertyFactor: Math.exp(0.35 * z + 0.08 * random.normal()),
      householdSize: clamp(profile.householdSize * Math.exp(0.04 * z + 0.03 * random.normal()), 3.05, 3.95),
      dwellingsPerHousehold: clamp(0.94 - 0.03 * z + 0.02 * random.normal(), 0.83, 1.02),
      desilNoise: 0.08 * random.normal(),
      desil1Share: clamp(0.26 + 0.04 * z + 0.03 * random.normal(), 0.1, 0.45),
      femaleHeadShare: clamp(0.24 + 0.025 * z + 0.03 * random.normal(), 0.12, 0.4),
      lansiaFactor: Math.exp(-0.04 * z + 0.08 * random.normal()),
      disabilityFactor: Math.exp(0.15 * z + 0.15 * random.normal()),
      noWaterShare: clamp(profile.noWaterShare * Math.exp(0.55 * z + 0.2 * random.normal()), 0, 0.6),
      noSanitationShare: clamp(profile.noSanitationShare * Math.exp(0.6 * z + 0.12 * random.normal()), 0, 0.7),
      rtlhShare: clamp(profile.rtlhShare * Math.exp(0.65 * z + 0.12 * random.normal()), 0, 0.45),
      rtlhNewShare: profile.rtlhShare * 0.04 * Math.exp(0.5 * z),
      slumShare: clamp(profile.slumFactor * Math.max(0, z - 0.5) * Math.exp(0.2 * random.normal()), 0, 0.6),
      service: clamp((1 - 0.55 * gap) * Math.exp(0.12 * random.normal()), 0.35, 1.3),
    };
  });
  return { city, profile, pockets, underServedPocket, kelurahan };
}

/** Order Kemendagri codes as plain strings (they are fixed-width per level). */
export function compareKode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
