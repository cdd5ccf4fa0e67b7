/**
 * Integer allocation that hits a total exactly.
 *
 * Calibration needs kelurahan counts that are integers, sum exactly to a
 * published city figure, and never exceed a kelurahan bound (no more poor people
 * than residents). Rounding each share independently misses the total by a few
 * units, so shares are allocated with the largest-remainder (Hamilton) method.
 */

/**
 * Split `total` into non-negative integers proportional to `weights`, summing
 * exactly to `total`. With `caps`, no part exceeds its cap: the excess of capped
 * parts is redistributed to the others in proportion to their weights (water
 * filling) before the remainders are handed out. Ties in the remainders go to
 * the lower index, so the result is deterministic.
 *
 * @param total non-negative integer to distribute
 * @param weights non-negative finite weights, one per part
 * @param caps optional non-negative integer upper bound per part
 * @throws RangeError when the inputs cannot be satisfied (e.g. caps too small)
 */
export function allocateLargestRemainder(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (caps && caps.length !== n) throw new RangeError('caps and weights differ in length');
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight ${i} is not a non-negative number: ${w}`);
    if (caps) {
      const c = caps[i];
      if (!Number.isInteger(c) || c < 0) throw new RangeError(`cap ${i} is not a non-negative integer: ${c}`);
    }
  }
  const result = new Array<number>(n).fill(0);
  if (total === 0) return result;

  const capOf = (i: number): number => (caps ? caps[i] : Number.POSITIVE_INFINITY);
  // Parts with zero weight or zero cap can never receive anything.
  let active = weights.map((_, i) => i).filter((i) => weights[i] > 0 && capOf(i) > 0);
  const reachable = active.reduce((sum, i) => sum + Math.min(capOf(i), total), 0);
  if (active.length === 0 || reachable < total) {
    throw new RangeError(`cannot allocate ${total}: weights/caps allow at most ${reachable}`);
  }

  // Water filling: pin parts whose proportional share exceeds their cap.
  const quota = new Array<number>(n).fill(0);
  let remaining = total;
  for (;;) {
    const weightSum = active.reduce((sum, i) => sum + weights[i], 0);
    const overCap = active.filter((i) => (remaining * weights[i]) / weightSum > capOf(i));
    if (overCap.length === 0) {
      for (const i of active) quota[i] = (remaining * weights[i]) / weightSum;
      break;
    }
    for (const i of overCap) {
      result[i] = capOf(i);
      remaining -= capOf(i);
    }
    const pinned = new Set(overCap);
    active = active.filter((i) => !pinned.has(i));
  }

  let assigned = total - remaining;
  for (const i of active) {
    result[i] = Math.min(Math.floor(quota[i]), capOf(i));
    assigned += result[i];
  }
  // Hand the leftover units out by largest fractional remainder.
  const order = [...active].sort((a, b) => {
    const diff = quota[b] - Math.floor(quota[b]) - (quota[a] - Math.floor(quota[a]));
    return diff !== 0 ? diff : a - b;
  });
  let leftover = total - assigned;
  // More than one pass only happens through floating-point slack.
  while (leftover > 0) {
    let progressed = false;
    for (const i of order) {
      if (leftover === 0) break;
      if (result[i] < capOf(i)) {
        result[i] += 1;
        leftover -= 1;
        progressed = true;
      }
    }
    if (!progressed) throw new RangeError(`allocation stalled with ${leftover} left`);
  }
  return result;
}
