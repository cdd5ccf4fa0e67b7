/**
 * Spatial autocorrelation: the one door the worker, the CLI and the state use for global Moran's I,
 * local Moran's I (LISA), Getis-Ord Gi / Gi* and their inference. Each statistic lives in its own
 * module; this file only gathers their public API.
 */
export { moranI, spatialLag, weightConstants } from './moran';
export type { MoranOptions, MoranPermutation, MoranResult } from './moran';
export { localMoran, lisaClusters, quadrant, LisaCluster, GEODA_LISA_COLOURS, LIBGEODA_LISA_COLOURS } from './local-moran';
export type { LocalMoranResult, LisaClusters, LisaClusterCode } from './local-moran';
export { getisOrd, hotSpots, HOT_SPOT_LEVELS, GEODA_GI_COLOURS } from './getis-ord';
export type { GetisOrdOptions, GetisOrdResult, HotSpots, HotSpotBasis } from './getis-ord';
export type { PermutationOptions, Sampling } from './conditional-permutation';
export {
  DEFAULT_PERMUTATIONS,
  DEFAULT_PERMUTATION_SEED,
  MAX_PERMUTATIONS,
  SIGNIFICANCE_LEVELS,
  GEODA_SIGNIFICANCE_COLOURS,
  foldedPseudoP,
  normalTwoSided,
  normalUpperTail,
  permutationPower,
  requiredPermutations,
  significanceCutoff,
  significanceLevelOf,
  smallestPseudoP,
  strictestCutoff,
} from './significance';
export type { Correction, PermutationPower } from './significance';
