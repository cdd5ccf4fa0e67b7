/**
 * What a click on the map does to a hand-edited RTLH list (issue 15, item 6). Kept apart from the
 * allocation so the rule can be tested without a map: a click on a listed kelurahan takes it out;
 * a click on any other pins it in (in full) and keeps every kelurahan already listed with the
 * units it has. So adding one never displaces another when the budget is spent: allocateBudget
 * reports the shortfall instead.
 */
import type { Overrides } from './targeting';

/** The user's edits, as allocateBudget reads them (see Overrides). */
export interface ListEdits extends Overrides {
  keep: ReadonlyMap<string, number>;
}

/** The edits after a click on `kode`, given the lines listed now; the input is not changed. */
export function clickKelurahan(edits: ListEdits, listed: readonly { kode: string; units: number }[], kode: string): ListEdits {
  const include = new Set(edits.include);
  const keep = new Map(edits.keep);
  const exclude = new Set(edits.exclude);
  if (listed.some((line) => line.kode === kode)) {
    include.delete(kode);
    keep.delete(kode);
    exclude.add(kode);
  } else {
    for (const line of listed) if (!include.has(line.kode)) keep.set(line.kode, line.units);
    exclude.delete(kode);
    include.add(kode);
  }
  return { include, keep, exclude };
}
