/** Test input for local-statistic runs split across workers (local-parallel and local-threads tests). */
import type { LocalInput } from '../../../src/workers/analysis-tasks';
import { createRandom } from '../../../src/analysis/random';
import { weightsFromNeighbours } from '../../../src/analysis/weights';

/** A side x side queen lattice, its last cell cut off as an island, with a smooth trend plus noise. */
export function latticeInput(method: string, side = 24, seed = 5): LocalInput {
  const n = side * side;
  const neighbours: number[][] = [];
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const list: number[] = [];
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && cc >= 0 && rr < side && cc < side) list.push(rr * side + cc);
        }
      neighbours.push(list);
    }
  const island = n - 1;
  neighbours[island] = [];
  for (const list of neighbours) if (list.includes(island)) list.splice(list.indexOf(island), 1);
  const w = weightsFromNeighbours(neighbours);
  const random = createRandom(seed);
  const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i / side / 3) * 4 + (i % side) / 5 + random.normal());
  const values2 = Float64Array.from(values, (v) => v + 2 * random.normal());
  values[7] = Number.NaN; // a kelurahan without a value is left out, not tested
  // Codes in an order other than the lattice's, as a boundary file's would be.
  const ids = Array.from({ length: n }, (_, i) => `33${String((i * 37) % n).padStart(4, '0')}`);
  return { method, values, values2, ids, offsets: w.offsets, indices: w.indices, permutations: 199, seed: 11 };
}
