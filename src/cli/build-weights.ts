/**
 * Spatial weights for the command-line tool: contiguity or k nearest neighbours from the
 * boundaries, or a GeoDa .gal file matched to them, plus the islands report both commands print.
 * All geometry and weights logic is src/analysis's; this file only picks and describes.
 */
import { readFile } from 'node:fs/promises';
import type { AreaCollection } from '../data/boundaries';
import { polygonCentroids } from '../analysis/centroids';
import { contiguity, DEFAULT_SNAP_METRES } from '../analysis/contiguity';
import { fromGal, GalError, type GalContents } from '../analysis/gal';
import { withKnnFallback } from '../analysis/knn-fallback';
import { knnWeights } from '../analysis/knn';
import { polygonRings } from '../analysis/polygon-rings';
import { cardinalities, islands, type Weights } from '../analysis/weights';
import { choice, numberOption, rejectOptions, type RawOptions } from './args';
import { UsageError } from './io';

export const WEIGHT_TYPES = ['queen', 'rook', 'knn'] as const;
export type WeightsType = (typeof WEIGHT_TYPES)[number];

/** Default k of k-nearest-neighbour weights (GeoDa's default too). */
export const DEFAULT_K = 4;

/** How to build weights from polygons. */
export interface WeightsSpec {
  type: WeightsType;
  /** knn only. */
  k?: number;
  /** queen and rook only: snapping tolerance in metres. */
  snapMetres?: number;
}

/** The weights options `--type`, `--k`, `--snap`, checked together (k only for knn, snap only for contiguity). */
export function weightsSpecOf(raw: RawOptions, fallback?: WeightsType): WeightsSpec {
  const type = fallback === undefined ? choice(raw, 'type', WEIGHT_TYPES) : choice(raw, 'type', WEIGHT_TYPES, fallback);
  if (type === undefined) throw new UsageError(`--type ${WEIGHT_TYPES.join('|')} is required`);
  if (type === 'knn') {
    rejectOptions(raw, ['snap'], 'to --type knn (it uses centroids, not boundaries)');
    return { type, k: numberOption(raw, 'k', { min: 1, integer: true }, DEFAULT_K) };
  }
  rejectOptions(raw, ['k'], `to --type ${type} (only to knn)`);
  return { type, snapMetres: numberOption(raw, 'snap', { min: 0 }, DEFAULT_SNAP_METRES) };
}

/** Plain words for a summary line: "queen contiguity (snap 10 m)", "knn (k = 4)". */
export function describeSpec(spec: WeightsSpec): string {
  return spec.type === 'knn' ? `knn (k = ${spec.k})` : `${spec.type} contiguity (snap ${spec.snapMetres} m)`;
}

/** Lon/lat centroids of the boundaries, interleaved (for knn and for linking islands). */
export function centroidsOf(areas: AreaCollection): Float64Array {
  return polygonCentroids(polygonRings(areas.features.map((f) => f.geometry)));
}

/** Binary weights from the boundaries, one observation per feature, in file order. */
export function weightsFromAreas(areas: AreaCollection, spec: WeightsSpec): Weights {
  if (spec.type === 'knn') {
    const points = centroidsOf(areas);
    try {
      return knnWeights(points, spec.k ?? DEFAULT_K).weights;
    } catch (error) {
      // knnWeights says plainly when k is too large for the number of polygons.
      throw new UsageError(`--k: ${(error as Error).message}`);
    }
  }
  return contiguity(
    areas.features.map((f) => f.geometry),
    { rule: spec.type, toleranceMetres: spec.snapMetres ?? DEFAULT_SNAP_METRES },
  ).weights;
}

/** Weights of a .gal file, matched to the boundaries' features, and which ids matched them. */
export interface GalWeights {
  weights: Weights;
  /** Boundary property whose values are the file's ids, or null for an old-style file read in record order. */
  idColumn: string | null;
}

/**
 * Reads a .gal file (GeoDa, spdep or our own) for the boundaries. The file's ids are matched to
 * the property its header names when the boundaries have it, else to `idColumn`; a header
 * without an id variable (spdep's old style, ids 1..n) is taken in the boundaries' order.
 */
export async function weightsFromGalFile(path: string, areas: AreaCollection, idColumn: string): Promise<GalWeights> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? error})`);
  }
  let probe: GalContents | undefined;
  try {
    probe = fromGal(text);
  } catch {
    // A file that leaves islands out can only be read against the ids; that read reports any fault.
  }
  const header = probe?.idVariable;
  const column = header && areas.features.every((f) => f.properties?.[header] !== undefined) ? header : idColumn;
  const ids = areas.features.map((f) => String(f.properties?.[column] ?? ''));
  const oldStyle = probe !== undefined && probe.idVariable === null && probe.ids.every((id, i) => id === String(i + 1));
  const known = new Set(ids);
  const positional = oldStyle && !probe!.ids.some((id) => known.has(id));
  try {
    const contents = fromGal(text, positional ? ids.map((_, i) => String(i + 1)) : ids);
    return { weights: contents.weights, idColumn: positional ? null : column };
  } catch (error) {
    if (error instanceof GalError) throw new UsageError(`${path}: ${error.message}${error.code === 'unknown-id' ? ` (matched against boundary property "${column}")` : ''}`);
    throw error;
  }
}

/** What linking islands to their nearest kelurahan changed. */
export interface LinkedIslands {
  weights: Weights;
  /** Observations that were islands and got a neighbour. */
  linked: number[];
}

/** Links every island to its nearest observation by centroid (symmetric), as the `--islands knn` option asks. */
export function linkIslands(weights: Weights, centroids: Float64Array): LinkedIslands {
  const before = islands(weights);
  if (before.length === 0 || weights.n < 2) return { weights, linked: [] };
  const result = withKnnFallback(weights, centroids, 1);
  return { weights: result.weights, linked: [...new Set(result.added.map((a) => a.from))] };
}

/** Neighbour counts: mean, min, max, and the islands. */
export interface WeightsSummary {
  n: number;
  meanNeighbours: number;
  minNeighbours: number;
  maxNeighbours: number;
  islands: number[];
}

export function summariseWeights(weights: Weights): WeightsSummary {
  const counts = cardinalities(weights);
  let sum = 0;
  let min = Infinity;
  let max = 0;
  for (const c of counts) {
    sum += c;
    min = Math.min(min, c);
    max = Math.max(max, c);
  }
  return {
    n: weights.n,
    meanNeighbours: weights.n ? sum / weights.n : 0,
    minNeighbours: weights.n ? min : 0,
    maxNeighbours: max,
    islands: islands(weights),
  };
}

/** "mean 5.04 neighbours (min 2, max 9); islands: none" with islands named by id (the first 20). */
export function describeNeighbours(summary: WeightsSummary, ids: readonly string[]): string {
  const named = summary.islands.slice(0, 20).map((i) => ids[i]);
  const more = summary.islands.length > 20 ? `, ... (${summary.islands.length} in all)` : '';
  const islandsText = summary.islands.length === 0 ? 'none' : `${summary.islands.length} (${named.join(', ')}${more})`;
  return `mean ${summary.meanNeighbours.toFixed(2)} neighbours (min ${summary.minNeighbours}, max ${summary.maxNeighbours}); islands: ${islandsText}`;
}
