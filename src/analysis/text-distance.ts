/**
 * Edit distance between short strings (kelurahan names), for suggesting a kelurahan when a
 * table's spelling differs from the boundary file's ("Semangi" for "Semanggi").
 *
 * Optimal string alignment (restricted Damerau-Levenshtein): insertions, deletions,
 * substitutions and transpositions of two neighbouring characters each cost 1, and no
 * substring is edited twice. Typing slips are mostly of these four kinds, and OSA is cheaper
 * than the unrestricted distance while equal to it on such slips.
 */

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
  let before = new Array<number>(m + 1).fill(0);
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1);
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

/** Distinct trigrams of a word padded with one boundary mark on each side. */
function trigrams(word: string): string[] {
  const padded = `\u0002${word}\u0003`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Every OSA edit (a transposition included) destroys at most this many trigrams of a word. */
const GRAMS_PER_EDIT = 4;

/**
 * Words within a small edit distance of a query, without comparing the query to every word:
 * 83,000 kelurahan names times 100,000 table rows would be 8·10⁹ distance computations.
 *
 * Candidates come from a trigram index. A word within distance d of the query shares at least
 * |G| - 4d of the query's trigrams G, so it must contain one of the |G| - (|G| - 4d) + 1
 * rarest of them (prefix filtering); only those posting lists are read, and only the words
 * they name are measured. Queries too short for that bound fall back to the words of a
 * similar length.
 */
export class FuzzyIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly byLength = new Map<number, number[]>();
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly words: readonly string[]) {
    this.seen = new Uint32Array(words.length);
    words.forEach((word, id) => {
      for (const gram of trigrams(word)) {
        const list = this.postings.get(gram);
        if (list) list.push(id);
        else this.postings.set(gram, [id]);
      }
      const same = this.byLength.get(word.length);
      if (same) same.push(id);
      else this.byLength.set(word.length, [id]);
    });
  }

  /**
   * The indexed words closest to `query` at a distance of at most `max`, all of them when
   * several tie, with that distance; null when none is that close. An exact hit is returned
   * with distance 0.
   */
  nearest(query: string, max: number): { ids: number[]; distance: number } | null {
    if (max < 0) return null;
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    let best = max;
    let ids: number[] = [];
    const consider = (id: number) => {
      if (this.seen[id] === this.stamp) return;
      this.seen[id] = this.stamp;
      const word = this.words[id];
      if (Math.abs(word.length - query.length) > best) return;
      const distance = osaDistance(query, word, best);
      if (distance < best) {
        best = distance;
        ids = [id];
      } else if (distance === best) {
        ids.push(id);
      }
    };

    const grams = trigrams(query);
    const mustShare = grams.length - GRAMS_PER_EDIT * max;
    if (mustShare >= 1) {
      const lists = grams.map((g) => this.postings.get(g) ?? []).sort((a, b) => a.length - b.length);
      for (const list of lists.slice(0, grams.length - mustShare + 1)) for (const id of list) consider(id);
    } else {
      for (let length = Math.max(0, query.length - max); length <= query.length + max; length++) {
        for (const id of this.byLength.get(length) ?? []) consider(id);
      }
    }
    return ids.length > 0 ? { ids: ids.sort((a, b) => a - b), distance: best } : null;
  }
}
