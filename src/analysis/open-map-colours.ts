/**
 * GeoDa draws "not significant" in #F0F0F0 on a white page with every polygon outlined. The map of
 * all of Indonesia has neither: 83,402 desa without outlines below zoom 9 over a blue sea, where
 * that near-white sat on the old grey-blue background (#EEF1F4) and beside the light grey of "no
 * data" (#D9D9D9) as one colour. On that map "not significant" is white instead, so it differs
 * from the sea and from "no data" at a glance (tests/unit/map/national-colours.test.ts measures
 * how much); the cluster colours themselves stay GeoDa's.
 */

/** "Not significant" on a map without outlines (the national map). */
export const OPEN_MAP_NOT_SIGNIFICANT = '#ffffff';

/** The categories that mean "no significant cluster" (LISA and Gi/Gi*). */
const NOT_SIGNIFICANT = new Set(['cluster.ns', 'hotspot.ns']);

/** `rows` with the not-significant category in the open-map colour; the others as they are. */
export function openMapColours<T extends { label: string; color: string }>(rows: readonly T[]): T[] {
  return rows.map((row) => (NOT_SIGNIFICANT.has(row.label) ? { ...row, color: OPEN_MAP_NOT_SIGNIFICANT } : row));
}
