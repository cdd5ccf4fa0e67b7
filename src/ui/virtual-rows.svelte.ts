/**
 * Long tables render only the rows in view: the national table (83,402 desa) and the table of a
 * provinsi opened as a region (8,563 desa in Jawa Tengah took about 10 s to open as a full DOM
 * table). One window rule for both, at a fixed row height, so the rows in view follow from the
 * scroll position alone, without measuring the DOM.
 */

export interface RowWindowOptions {
  /** Rows rendered beyond the view on each side, so a quick scroll does not show blanks. */
  overscan?: number;
  /** Up to this many rows, all are rendered (a city's table: the browser's find still sees every row). */
  renderAll?: number;
}

/** The rows to render, `first` (inclusive) to `last` (exclusive), for a scroll position and a view height in px. */
export function rowWindow(count: number, scrollTop: number, viewport: number, rowHeight: number, options: RowWindowOptions = {}): { first: number; last: number } {
  const { overscan = 8, renderAll = 0 } = options;
  if (count <= renderAll) return { first: 0, last: count };
  // Before the first layout the view has no height yet: a screenful guess, not every row.
  const height = viewport > 0 ? viewport : 40 * rowHeight;
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * A scroll container's window over `count()` rows: bind `viewport` to its clientHeight and call
 * `scrolled` from its scroll event; `first`/`last` say which rows to render and `before`/`after`
 * the px the rows not rendered would take above and below them.
 */
export class VirtualRows {
  scrollTop = $state(0);
  viewport = $state(0);

  constructor(
    readonly rowHeight: number,
    private readonly count: () => number,
    private readonly options: RowWindowOptions = {},
  ) {}

  #window = $derived.by(() => rowWindow(this.count(), this.scrollTop, this.viewport, this.rowHeight, this.options));
  first = $derived.by(() => this.#window.first);
  last = $derived.by(() => this.#window.last);
  before = $derived.by(() => this.#window.first * this.rowHeight);
  after = $derived.by(() => (this.count() - this.#window.last) * this.rowHeight);

  scrolled = (event: Event): void => {
    this.scrollTop = (event.currentTarget as HTMLElement).scrollTop;
  };
}
