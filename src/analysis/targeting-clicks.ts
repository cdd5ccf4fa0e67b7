/**
 * What a click on the map does to a hand-edited RTLH list (issue 15, item 6). Kept apart from the
 * allocation so the rule can be tested without a map: a click on a listed kelurahan takes it out;
 * a click on any other pins it in together with every kelurahan already listed. The user decided
 * on the list they were looking at plus the one they clicked, so adding one never displaces
 * another when the budget is spent; allocateBudget reports the shortfall instead.
 */
import type { Overrides } from './targeting';

/** The user's edits: `include` pinned (allocated in full), `added` the pinned ones clicked in themselves, `exclude` taken out. */
export interface ListEdits extends Overrides {
  added: Set<string>;
}

/** The edits after a click on `kode`, given the kode currently listed; the input is not changed. */
export function clickKelurahan(edits: ListEdits, listed: ReadonlySet<string>, kode: string): ListEdits {
  const include = new Set(edits.include);
  const added = new Set(edits.added);
  const exclude = new Set(edits.exclude);
  if (listed.has(kode)) {
    include.delete(kode);
    added.delete(kode);
    exclude.add(kode);
  } else {
    exclude.delete(kode);
    for (const other of listed) include.add(other);
    include.add(kode);
    added.add(kode);
  }
  return { include, added, exclude };
}
