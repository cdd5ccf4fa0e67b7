/**
 * The latent "need" field behind every synthetic indicator of a city.
 *
 * Real poverty clusters: neighbouring kelurahan resemble each other, and a few
 * pockets (riverside settlements, old markets, the coast) stand out. Drawing
 * each kelurahan independently would give salt-and-pepper maps on which the
 * app's cluster statistics find nothing. So each city gets a smooth field: a sum
 * of Gaussian bumps centred on a few real kelurahan, a mild linear gradient
 * across the city and a little noise. Indicators then load on this field.
 */
import type { Random } from '../../analysis/random';
import { distanceKm, type LonLat } from './geometry';

/** A pocket: a Gaussian bump of need centred on one kelurahan. */
export interface Pocket {
  /** Index of the centre kelurahan in the city's (sorted) list. */
  index: number;
  /** Height of the bump, in raw field units. */
  amplitude: number;
  /** Standard deviation of the bump, km. */
  sigmaKm: number;
}

/** Gaussian kernel value of a pocket at a point. */
export function pocketKernel(pocket: Pocket, centroids: readonly LonLat[], at: LonLat): number {
  const d = distanceKm(centroids[pocket.index], at);
  return Math.exp(-(d * d) / (2 * pocket.sigmaKm * pocket.sigmaKm));
}

/**
 * Distance from kelurahan `index` to its k-th nearest other centroid, km: the
 * local spacing of kelurahan. A pocket's width scales with it, so a pocket
 * spans a handful of kelurahan whether they are small (old centre) or large.
 */
export function kthNeighbourKm(centroids: readonly LonLat[], index: number, k = 4): number {
  const distances = centroids
    .filter((_, j) => j !== index)
    .map((c) => distanceKm(centroids[index], c))
    .sort((a, b) => a - b);
  return distances[Math.min(k, distances.length) - 1] ?? 1;
}

/** Widest pocket (sd of the Gaussian bump), km. */
const MAX_SIGMA_KM = 2;

/**
 * Choose 2-4 pocket centres on real kelurahan. Required centres (Semanggi)
 * come first and are the strongest; the others are drawn at random among
 * kelurahan that are not within an existing pocket's core, so pockets do not
 * merge into one blob.
 */
export function choosePockets(kodes: readonly string[], centroids: readonly LonLat[], required: readonly string[], random: Random): Pocket[] {
  const pockets: Pocket[] = [];
  for (const kode of required) {
    const index = kodes.indexOf(kode);
    if (index < 0) throw new Error(`required pocket ${kode} is not among the kelurahan`);
    // Higher than any random pocket (at most 1.3) plus the whole gradient swing
    // (0.6), and tighter, so it stays the city's clearest peak whatever the seed.
    pockets.push({ index, amplitude: 2.4, sigmaKm: 0.6 * kthNeighbourKm(centroids, index) });
  }
  const count = Math.max(random.int(2, 4), pockets.length);
  // Pockets are dense kampung among close neighbours, not a lone peripheral
  // kelurahan of fields and fishponds whose neighbours are kilometres away.
  const localSpacing = centroids.map((_, i) => kthNeighbourKm(centroids, i));
  const typical = [...localSpacing].sort((a, b) => a - b)[Math.floor(localSpacing.length / 2)];
  const eligible = kodes.map((_, i) => i).filter((i) => localSpacing[i] <= 1.25 * typical);
  let reach = 2;
  while (pockets.length < count) {
    const candidates = eligible.filter((i) => pockets.every((p) => distanceKm(centroids[p.index], centroids[i]) >= reach * p.sigmaKm));
    if (candidates.length === 0) {
      // A small city cannot host that many well separated pockets: relax.
      reach *= 0.7;
      continue;
    }
    const index = candidates[random.int(0, candidates.length - 1)];
    // Capped: a pocket is a neighbourhood; a bump as wide as the city would
    // flatten the field into noise.
    const sigmaKm = Math.min(MAX_SIGMA_KM, localSpacing[index] * (1.3 + 0.5 * random.next()));
    pockets.push({ index, amplitude: 0.9 + 0.4 * random.next(), sigmaKm });
  }
  return pockets;
}

/** Soft ceiling on |z|: keeps ranks (tanh is monotonic) but stops extreme tails. */
const Z_LIMIT = 3;

/** Standardise to mean 0, sd 1 (a constant vector becomes all zeros). */
function standardise(values: readonly number[]): number[] {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n) || 1;
  return values.map((v) => (v - mean) / sd);
}

/**
 * Evaluate the need field at every kelurahan centroid and standardise it
 * (mean 0, sd 1, softly limited to ±3). Higher means more need.
 * The smooth part (pockets + gradient) is standardised before the noise is
 * added, so the noise share is the same whether the pockets are sharp or broad.
 * @param gradientStrength gradient swing from the city's centre to its far edge, in pocket-amplitude units
 * @param noiseSd sd of independent per-kelurahan noise, in sd of the smooth part
 */
export function needField(centroids: readonly LonLat[], pockets: readonly Pocket[], random: Random, gradientStrength = 0.6, noiseSd = 0.25): number[] {
  const n = centroids.length;
  const meanLon = centroids.reduce((s, c) => s + c[0], 0) / n;
  const meanLat = centroids.reduce((s, c) => s + c[1], 0) / n;
  const centre: LonLat = [meanLon, meanLat];
  const angle = 2 * Math.PI * random.next();
  // Signed position of each centroid along the gradient direction, km.
  const along = centroids.map((c) => {
    const dx = Math.sign(c[0] - meanLon) * distanceKm(centre, [c[0], meanLat]);
    const dy = Math.sign(c[1] - meanLat) * distanceKm(centre, [meanLon, c[1]]);
    return dx * Math.cos(angle) + dy * Math.sin(angle);
  });
  const reach = Math.max(...along.map(Math.abs)) || 1;

  const smooth = standardise(
    centroids.map((c, i) => {
      const bumps = pockets.reduce((s, p) => s + p.amplitude * pocketKernel(p, centroids, c), 0);
      return bumps + (gradientStrength * along[i]) / reach;
    }),
  );
  const noisy = standardise(smooth.map((v) => v + noiseSd * random.normal()));
  return noisy.map((v) => Z_LIMIT * Math.tanh(v / Z_LIMIT));
}
