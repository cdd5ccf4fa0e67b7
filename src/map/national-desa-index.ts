/**
 * The desa index the national colour layer reads (national-colour-layer.ts): each desa's number
 * in one kode list, written into feature-state once, so a recolour never touches feature-state.
 * Values, cluster runs and a prebuilt first view each bring a kode list; the same list (the same
 * array or the same codes in the same order, as every national answer has) keeps the index, any
 * other is placed on it through the codes.
 */

/** Writes one desa's index into the map's feature-state. */
export type SetDesaIndex = (kode: string, index: number) => void;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class DesaIndex {
  /** The kode list whose positions are the indices in feature-state. */
  list: readonly string[] = [];
  #position: Map<string, number> | null = null;

  /** The number of desa indexed (texels the colour layer uses). */
  get count(): number {
    return this.list.length;
  }

  /**
   * Where each of `kode` sits in the index: null when `kode` is the indexed list itself. The
   * first list becomes the index (every desa's state written once); a later list whose codes
   * the index lacks extends it with them.
   */
  place(kode: readonly string[], set: SetDesaIndex): Int32Array | null {
    if (sameList(kode, this.list)) {
      this.list = kode;
      return null;
    }
    if (this.list.length === 0) {
      kode.forEach((k, i) => set(k, i));
      this.list = kode;
      this.#position = null;
      return null;
    }
    this.#position ??= new Map(this.list.map((k, i) => [k, i]));
    const position = this.#position;
    const extended = [...this.list];
    const out = new Int32Array(kode.length);
    kode.forEach((k, j) => {
      let i = position.get(k);
      if (i === undefined) {
        i = extended.length;
        extended.push(k);
        position.set(k, i);
        set(k, i);
      }
      out[j] = i;
    });
    this.list = extended;
    return out;
  }

  /** Forgets the index (the map it was written into is gone). */
  clear(): void {
    this.list = [];
    this.#position = null;
  }
}
