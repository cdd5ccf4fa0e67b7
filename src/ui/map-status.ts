/**
 * Which loading message sits over the map. The region's boundaries and values load behind the
 * national map too (the region is kept for when the user returns), and there they can wait long
 * behind the national queries: "Menyiapkan basis data di peramban…" then stayed over a national
 * map already drawn (issue 15). The national map says its own loading in its panel, so over it
 * the region's message is not shown.
 */
export type MapStatusKey = 'status.loadingBoundaries' | 'status.loadingData';

/** The message key to show over the region's map now, or null for none. */
export function mapStatus(state: { national: boolean; loadingBoundaries: boolean; loadingData: boolean; hasValues: boolean }): MapStatusKey | null {
  if (state.national) return null;
  if (state.loadingBoundaries) return 'status.loadingBoundaries';
  return state.loadingData && !state.hasValues ? 'status.loadingData' : null;
}
