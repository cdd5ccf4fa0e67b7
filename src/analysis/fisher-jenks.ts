/**
 * Natural breaks by Fisher's exact optimisation (Fisher 1958; Hartigan 1975, pp. 130-142), as R
 * classInt's `style = "fisher"`: the partition of the sorted values into k runs with the least
 * total within-class sum of squared deviations. Breaks are classInt's: the minimum, then halfway
 * between the largest value of a class and the smallest of the next, then the maximum.
 */
import { degenerateBreaks, sortedFinite } from './class-breaks';

/**
 * Up to this many values the dynamic programme is run exactly as classInt's Fortran does it
 * (same sums, same order, same tie rule), so that even tied optima give classInt's breaks.
 * Beyond it (classInt samples there, above 3,000 distinct values, so its breaks become random) an
 * equally exact O(k n log n) divide-and-conquer version keeps the national file (83,402 values)
 * fast: about 0.3 s against minutes for the quadratic programme.
 */
export const FISHER_QUADRATIC_LIMIT = 3000;

/**
 * Start index of each class (ascending, first 0) of an optimal partition of `sorted` into k
 * classes, with classInt's tie rule: among equally good splits the last class starts earliest.
 * O(k n^2) time, O(k n) memory.
 */
export function fisherStartsQuadratic(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  // cost[j][i]: least within-class sum of squares of sorted[0..i] in j + 1 classes;
  // start[j][i]: where the last of those classes begins.
  const cost = Array.from({ length: k }, () => new Float64Array(n).fill(Infinity));
  const start = Array.from({ length: k }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) {
    let sumSq = 0;
    let sum = 0;
    let within = 0;
    // Grow the last class backwards from i, accumulating as the Fortran does (x^2 then x).
    for (let a = i; a >= 0; a--) {
      const x = sorted[a];
      sumSq += x * x;
      sum += x;
      const size = i - a + 1;
      within = sumSq - (sum * sum) / size;
      if (a > 0) {
        for (let j = 1; j < k; j++) {
          const candidate = within + cost[j - 1][a - 1];
          // ">=" as in classInt: a later (earlier-starting) candidate wins ties.
          if (cost[j][i] >= candidate) {
            cost[j][i] = candidate;
            start[j][i] = a;
          }
        }
      }
    }
    cost[0][i] = within;
    start[0][i] = 0;
  }
  return backtrack(start, n, k);
}

/** Walk the table of class starts back from the last value. */
function backtrack(start: readonly Int32Array[], n: number, k: number): number[] {
  const starts = new Array<number>(k);
  let end = n - 1;
  for (let j = k - 1; j >= 0; j--) {
    starts[j] = start[j][end];
    end = starts[j] - 1;
  }
  return starts;
}

/**
 * The same optimum in O(k n log n): the best start of the last class never moves left as the
 * class's end moves right (the within-class sum of squares satisfies the quadrangle inequality),
 * so each layer is solved by divide and conquer. Sums of squares come from prefix sums of the
 * values centred on their mean, to keep cancellation small. Ties go to the earliest start, as in
 * classInt, up to rounding (which may resolve an exact tie differently than the Fortran's sums).
 */
export function fisherStartsFast(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  let mean = 0;
  for (const v of sorted) mean += v / n;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    s1[i + 1] = s1[i] + d;
    s2[i + 1] = s2[i] + d * d;
  }
  // Within-class sum of squares of sorted[a..i].
  const within = (a: number, i: number): number => {
    const size = i - a + 1;
    const s = s1[i + 1] - s1[a];
    const ss = s2[i + 1] - s2[a] - (s * s) / size;
    return ss > 0 ? ss : 0;
  };
  let previous = new Float64Array(n);
  for (let i = 0; i < n; i++) previous[i] = within(0, i);
  const start = [new Int32Array(n)];
  for (let j = 1; j < k; j++) {
    const current = new Float64Array(n).fill(Infinity);
    const starts = new Int32Array(n);
    const prev = previous;
    // Solve ends lo..hi knowing their best starts lie in optLo..optHi.
    const solve = (lo: number, hi: number, optLo: number, optHi: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >> 1;
      let best = Infinity;
      let bestStart = Math.max(optLo, j);
      for (let a = Math.max(optLo, j); a <= Math.min(optHi, mid); a++) {
        const candidate = prev[a - 1] + within(a, mid);
        if (candidate < best) {
          best = candidate;
          bestStart = a;
        }
      }
      current[mid] = best;
      starts[mid] = bestStart;
      solve(lo, mid - 1, optLo, bestStart);
      solve(mid + 1, hi, bestStart, optHi);
    };
    solve(j, n - 1, j, n - 1);
    start.push(starts);
    previous = current;
  }
  return backtrack(start, n, k);
}

/**
 * Fisher-Jenks natural breaks as classInt's `classIntervals(x, k, style = "fisher")$brks`
 * (without its random sampling above 3,000 distinct values: the exact optimum is computed).
 */
export function fisherBreaks(values: Iterable<number | null | undefined>, k: number): number[] {
  const sorted = sortedFinite(values);
  const degenerate = degenerateBreaks(sorted, k);
  if (degenerate) return degenerate;
  const starts = sorted.length <= FISHER_QUADRATIC_LIMIT ? fisherStartsQuadratic(sorted, k) : fisherStartsFast(sorted, k);
  return breaksFromStarts(sorted, starts);
}

/** classInt's breaks for a partition: min, midpoints between neighbouring classes, max. */
export function breaksFromStarts(sorted: readonly number[], starts: readonly number[]): number[] {
  const mids = starts.slice(1).map((s) => (sorted[s - 1] + sorted[s]) / 2);
  return [sorted[0], ...mids, sorted[sorted.length - 1]];
}
