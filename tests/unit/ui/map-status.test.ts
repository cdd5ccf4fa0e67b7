import { describe, expect, it } from 'vitest';
import { mapStatus } from '../../../src/ui/map-status';

const loading = { national: false, loadingBoundaries: false, loadingData: true, hasValues: false };

describe('the loading message over the map', () => {
  it("says the database is being prepared while the region's first values load", () => {
    expect(mapStatus(loading)).toBe('status.loadingData');
    expect(mapStatus({ ...loading, loadingBoundaries: true })).toBe('status.loadingBoundaries');
  });

  it('says nothing once values are shown, or when nothing loads', () => {
    expect(mapStatus({ ...loading, hasValues: true })).toBeNull();
    expect(mapStatus({ ...loading, loadingData: false })).toBeNull();
  });

  it('says nothing over the national map, where the region loads behind it (its panel says its own loading)', () => {
    expect(mapStatus({ ...loading, national: true })).toBeNull();
    expect(mapStatus({ ...loading, national: true, loadingBoundaries: true })).toBeNull();
  });
});
