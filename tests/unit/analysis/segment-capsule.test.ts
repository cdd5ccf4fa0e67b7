import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/analysis/random';
import { withinInterval } from '../../../src/analysis/segment-capsule';

/** Distance from point P to segment CD, the plain way. */
function pointSegment(px: number, py: number, cx: number, cy: number, dx: number, dy: number): number {
  const ex = dx - cx;
  const ey = dy - cy;
  const l2 = ex * ex + ey * ey;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - cx) * ex + (py - cy) * ey) / l2));
  return Math.hypot(px - (cx + t * ex), py - (cy + t * ey));
}

describe('part of a segment within a distance of another segment', () => {
  it('agrees with sampling on random segments, including parallel, crossing and degenerate ones', () => {
    const random = createRandom(20251122);
    const out = new Float64Array(2);
    let nonEmpty = 0;
    for (let trial = 0; trial < 400; trial++) {
      const v = () => random.next() * 40 - 20;
      const [ax, ay] = [v(), v()];
      let [bx, by, cx, cy, dx, dy] = [v(), v(), v(), v(), v(), v()];
      if (trial % 10 === 0) [dx, dy] = [cx, cy]; // CD a point
      if (trial % 10 === 1) [bx, by] = [ax, ay]; // AB a point
      if (trial % 10 === 2) [cx, cy, dx, dy] = [ax + 3, ay + 1, bx + 3, by + 1]; // parallel, offset
      const r = 1 + random.next() * 8;
      const hit = withinInterval(ax, ay, bx, by, cx, cy, dx, dy, r, out);
      const samples = 2000;
      let within = 0;
      const wrong: number[] = []; // samples on the wrong side of the interval (collected, not asserted one by one)
      for (let s = 0; s <= samples; s++) {
        const t = s / samples;
        const d = pointSegment(ax + t * (bx - ax), ay + t * (by - ay), cx, cy, dx, dy);
        const inInterval = hit && t >= out[0] - 1e-9 && t <= out[1] + 1e-9;
        if (d <= r - 1e-9) {
          within++;
          if (!inInterval) wrong.push(t);
        } else if (d > r + 1e-9 && hit && t > out[0] + 1e-12 && t < out[1] - 1e-12) {
          wrong.push(t);
        }
      }
      expect(wrong, `trial ${trial}`).toEqual([]);
      if (hit) {
        nonEmpty++;
        // Interval ends are where the distance is exactly r, or the segment's own ends.
        for (const t of [out[0], out[1]]) {
          const d = pointSegment(ax + t * (bx - ax), ay + t * (by - ay), cx, cy, dx, dy);
          expect(d).toBeLessThanOrEqual(r + 1e-9);
          if (t > 1e-12 && t < 1 - 1e-12) expect(d).toBeCloseTo(r, 9);
        }
      } else {
        expect(within).toBe(0);
      }
    }
    // The random cases exercise both answers.
    expect(nonEmpty).toBeGreaterThan(50);
    expect(nonEmpty).toBeLessThan(390);
  });

  it('finds the overlap of two collinear segments side by side within the distance', () => {
    const out = new Float64Array(2);
    // AB from 0 to 100 on y = 0; CD from 40 to 140 on y = 3; r = 5: AB is near CD from x = 36.
    expect(withinInterval(0, 0, 100, 0, 40, 3, 140, 3, 5, out)).toBe(true);
    expect(out[0]).toBeCloseTo(0.36, 12);
    expect(out[1]).toBe(1);
    expect(withinInterval(0, 0, 100, 0, 40, 6, 140, 6, 5, out)).toBe(false);
  });
});
