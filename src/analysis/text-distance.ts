/**
 * Edit distance between short strings (kelurahan names), for suggesting a kelurahan when a
 * table's spelling differs from the boundary file's ("Semangi" for "Semanggi").
 *
 * Optimal string alignment (restricted Damerau-Levenshtein): insertions, deletions,
 * substitutions and transpositions of two neighbouring characters each cost 1, and no
 * substring is edited twice. Typing slips are mostly of these four kinds, and OSA is cheaper
 * than the unrestricted distance while equal to it on such slips.
 */

/** Scratch rows of osaDistance (JavaScript is single-threaded, so one set suffices). */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The OSA distance between `a` and `b` (compared by UTF-16 code unit).
 *
 * With `max`, computation stops as soon as the distance must exceed `max`, and `max + 1` is
 * returned: matching one name against thousands of candidates only needs to know which are
 * within a small budget, and most are rejected after a row or two.
 */
export function osaDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m <= max ? m : max + 1;
  if (m === 0) return n <= max ? n : max + 1;

  // Three rolling rows: the one two above (for transpositions), the previous and the current.
  // They are reused between calls: a fuzzy search measures thousands of words per query.
  if (rows[0].length <= m) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (m + 1));
  let [before, previous, current] = rows;
  for (let j = 0; j <= m; j++) previous[j] = j;

  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later cell is at least the smallest of this row (OSA looks back two rows, but a
    // transposition from row i-1 still costs at least that row's minimum plus one).
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[m];
  return distance <= max ? distance : max + 1;
}

/** Distinct q-grams of a word padded with one boundary mark on each side. */
function qgrams(word: string, q: 2 | 3): string[] {
  const padded = `\u0002${word}\u0003`;
  const grams = new Set<string>();
  for (let i = 0; i + q <= padded.length; i++) grams.add(padded.slice(i, i + q));
  return [...grams];
}

/**
 * At most how many q-grams of a word one OSA edit destroys: a transposition touches the
 * q+1 grams that overlap the swapped pair, a substitution or deletion q of them.
 */
const GRAMS_PER_EDIT = { 3: 4, 2: 3 } as const;

/**
 * Words within a small edit distance of a query, without comparing the query to every word:
 * 83,000 kelurahan names times 100,000 table rows would be 8·10⁹ distance computations.
 *
 * Distance 0 and 1 are found by hashing one-letter deletions of the words and of the query.
 * Distance 2 and more (asked only when nothing is that close) goes through q-gram indexes
 * with count filtering: a word within distance d of the query shares at least |G| - k·d of the
 * query's distinct q-grams G, where at most k grams die per edit (4 for trigrams, 3 for
 * bigrams), so only words reaching that count in the query's posting lists are measured,
 * most shared grams first. Trigrams are used where the bound is positive, bigrams for shorter
 * queries, and below that the words of a similar length are measured one by one.
 */
export class FuzzyIndex {
  private readonly postings = { 2: new Map<string, number[]>(), 3: new Map<string, number[]>() };
  private readonly byLength = new Map<number, number[]>();
  private readonly counts: Uint16Array;
  /** Each word under itself and under every one-letter deletion of it; built on first use. */
  private deletions: Map<string, number[]> | null = null;

  constructor(private readonly words: readonly string[]) {
    this.counts = new Uint16Array(words.length);
    words.forEach((word, id) => {
      for (const q of [2, 3] as const) {
        const postings = this.postings[q];
        for (const gram of qgrams(word, q)) {
          const list = postings.get(gram);
          if (list) list.push(id);
          else postings.set(gram, [id]);
        }
      }
      const same = this.byLength.get(word.length);
      if (same) same.push(id);
      else this.byLength.set(word.length, [id]);
    });
  }

  private static deleteOne(word: string): Set<string> {
    const variants = new Set<string>();
    for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
    return variants;
  }

  /**
   * Words at distance 0 or 1 by hashing (the symmetric-deletion idea): two words are one
   * insertion, deletion, substitution or transposition apart only if deleting at most one
   * letter from each makes them equal. Cheaper than gram counting, and typing slips are
   * mostly one edit.
   */
  private withinOne(query: string): { ids: number[]; distance: number } | null {
    if (!this.deletions) {
      const deletions = new Map<string, number[]>();
      this.words.forEach((word, id) => {
        for (const variant of [word, ...FuzzyIndex.deleteOne(word)]) {
          const list = deletions.get(variant);
          if (!list) deletions.set(variant, [id]);
          else if (list[list.length - 1] !== id) list.push(id);
        }
      });
      this.deletions = deletions;
    }
    let best = 1;
    let ids: number[] = [];
    const measured = new Set<number>();
    for (const variant of [query, ...FuzzyIndex.deleteOne(query)]) {
      for (const id of this.deletions.get(variant) ?? []) {
        if (measured.has(id)) continue;
        measured.add(id);
        const distance = osaDistance(query, this.words[id], best);
        if (distance < best) {
          best = distance;
          ids = [id];
        } else if (distance === best) {
          ids.push(id);
        }
      }
    }
    return ids.length > 0 ? { ids: ids.sort((a, b) => a - b), distance: best } : null;
  }

  /**
   * Words that may lie within `max` of `query` (a superset of those that do), most shared
   * grams first, with the count that a word at distance d must reach: `shared >= total - perEdit·d`.
   */
  private candidates(query: string, max: number): { ids: number[]; shared: number[]; total: number; perEdit: number } {
    for (const q of [3, 2] as const) {
      const grams = qgrams(query, q);
      const need = grams.length - GRAMS_PER_EDIT[q] * max;
      if (need < 1) continue;
      const touched: number[] = [];
      for (const gram of grams) {
        for (const id of this.postings[q].get(gram) ?? []) {
          if (this.counts[id] === 0) touched.push(id);
          this.counts[id] += 1;
        }
      }
      const ids = touched.filter((id) => this.counts[id] >= need);
      ids.sort((a, b) => this.counts[b] - this.counts[a] || a - b);
      const shared = ids.map((id) => this.counts[id]);
      for (const id of touched) this.counts[id] = 0;
      return { ids, shared, total: grams.length, perEdit: GRAMS_PER_EDIT[q] };
    }
    const ids: number[] = [];
    for (let length = Math.max(0, query.length - max); length <= query.length + max; length++) {
      for (const id of this.byLength.get(length) ?? []) ids.push(id);
    }
    // No gram bound: every word is measured.
    return { ids, shared: ids.map(() => 0), total: 0, perEdit: 0 };
  }

  /**
   * The indexed words closest to `query` at a distance of at most `max`, all of them when
   * several tie, with that distance; null when none is that close. An exact hit is returned
   * with distance 0.
   */
  nearest(query: string, max: number): { ids: number[]; distance: number } | null {
    if (max < 0) return null;
    if (max >= 1) {
      const close = this.withinOne(query);
      if (close) return close;
    }
    let best = max;
    let ids: number[] = [];
    const found = this.candidates(query, max);
    for (let i = 0; i < found.ids.length; i++) {
      // Words sharing many grams come first; once a close one is found, words sharing too
      // few grams to be as close are skipped without measuring.
      if (found.shared[i] < found.total - found.perEdit * best) break;
      const id = found.ids[i];
      const word = this.words[id];
      if (Math.abs(word.length - query.length) > best) continue;
      const distance = osaDistance(query, word, best);
      if (distance < best) {
        best = distance;
        ids = [id];
      } else if (distance === best) {
        ids.push(id);
      }
    }
    return ids.length > 0 ? { ids: ids.sort((a, b) => a - b), distance: best } : null;
  }
}
