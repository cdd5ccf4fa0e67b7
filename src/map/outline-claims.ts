/**
 * Who outlines which kelurahan. Several features draw on the same outline layer (RTLH targets in
 * their tab, "both gaps worst" in the water tab) and each feature's overlay switches its own
 * flags on and off when it likes: counting claims per kelurahan makes the result independent of
 * the order in which the overlays update (one overlay clearing its flags can no longer clear a
 * flag another still wants). The layer is shown while anyone claims a kelurahan on it. Pure:
 * the map calls come through `apply`, so tests count them.
 */
export interface OutlineTarget<Layer extends string> {
  /** Sets (or clears) a kelurahan's flag read by `layer`. */
  flag(layer: Layer, kode: string, on: boolean): void;
  /** Shows or hides `layer` (with its casing). */
  show(layer: Layer, on: boolean): void;
}

export class OutlineClaims<Layer extends string> {
  readonly #counts = new Map<Layer, Map<string, number>>();
  readonly #apply: OutlineTarget<Layer>;

  constructor(apply: OutlineTarget<Layer>) {
    this.#apply = apply;
  }

  /** Outlines `ids` on `layer` until the returned release is called (once; later calls do nothing). */
  claim(layer: Layer, ids: readonly string[]): () => void {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return () => {};
    let counts = this.#counts.get(layer);
    if (!counts) this.#counts.set(layer, (counts = new Map()));
    const wasShown = counts.size > 0;
    for (const kode of unique) {
      const n = counts.get(kode) ?? 0;
      counts.set(kode, n + 1);
      if (n === 0) this.#apply.flag(layer, kode, true);
    }
    if (!wasShown) this.#apply.show(layer, true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const kode of unique) {
        const n = counts.get(kode) ?? 0;
        if (n > 1) counts.set(kode, n - 1);
        else {
          counts.delete(kode);
          this.#apply.flag(layer, kode, false);
        }
      }
      if (counts.size === 0) this.#apply.show(layer, false);
    };
  }
}
