import { describe, expect, it } from 'vitest';
import { stillToReach } from '../../../src/state/access.svelte';

describe('households still to reach for an access target', () => {
  it('is everyone without access at a 100 % target, and what exceeds the allowance below it (checked by hand)', () => {
    expect(stillToReach(120, 1000, 100)).toBe(120);
    // 95 % target: 50 of 1,000 households may remain without access; 120 − 50 = 70.
    expect(stillToReach(120, 1000, 95)).toBe(70);
    // 90 %: the allowance (100) nearly covers the 120; 20 remain. 88 %: allowance 120, none.
    expect(stillToReach(120, 1000, 90)).toBe(20);
    expect(stillToReach(120, 1000, 88)).toBe(0);
    expect(stillToReach(120, 1000, 50)).toBe(0);
    // A fraction of a household rounds up: 95.5 % of 333 allows 14.985, so 20 − 14.985 → 6.
    expect(stillToReach(20, 333, 95.5)).toBe(6);
  });

  it('is unknown without both counts', () => {
    expect(stillToReach(null, 1000, 100)).toBeNull();
    expect(stillToReach(10, null, 100)).toBeNull();
  });
});
