/**
 * Local Moran's I with 999 permutations, the app's own analysis code on the weights and values
 * R spdep used (passed in by the runner), timed after one untimed warm-up call as R is.
 */
import { localMoran } from '@bench/local-moran';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import type { LisaApi } from './api';

const api: LisaApi = {
  localMoran(values, neighbours, reps) {
    const weights = weightsFromNeighbours(neighbours);
    // spdep's localmoran_perm draws neighbour values with replacement; do the same work here.
    const options = { permutations: 999, sampling: 'with-replacement' as const };
    let result = localMoran(values, weights, { ...options, seed: 0 });
    const ms: number[] = [];
    for (let r = 1; r <= reps; r++) {
      const start = performance.now();
      result = localMoran(values, weights, { ...options, seed: r });
      ms.push(performance.now() - start);
    }
    return { ms, I: Array.from(result.I) };
  },
};
(window as unknown as { bench: LisaApi }).bench = api;
