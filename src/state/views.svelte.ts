/**
 * Saved views and presentation mode. A view is everything the URL holds (region, year,
 * indicator, measure, classes, analysis, change, camera) plus what the tabs add (focus area,
 * program map), with a title and a note. Views form a sequence the user can reorder and present
 * full screen in a meeting, one per slide.
 */
import type { StoredView } from '../data/store';
import type { City, IndicatorDef, Lang } from '../data/catalog';
import type { ViewParams } from './url';
import { noticeOf, type NoticeHost } from './host';

export type SavedView = StoredView<ViewParams>;

/** What saved views read from the app (the view on screen and what the tabs add to it) and set when one is opened. */
export interface ViewsHost extends NoticeHost {
  readonly city: City;
  readonly tahun: number;
  readonly lang: Lang;
  readonly indicator: IndicatorDef;
  readonly view: ViewParams;
  readonly panel: string;
  readonly areas: { readonly activeId: string | null; select(id: string | null): unknown };
  readonly program: { bivariate: boolean; choice: string; needIndicator: string };
  readonly workspace: { saveViews(views: SavedView[]): Promise<void> };
  applyView(view: ViewParams): void;
}

export class ViewsState {
  list = $state.raw<SavedView[]>([]);
  /** Presentation mode: the index of the view on screen, or null when not presenting. */
  slide = $state<number | null>(null);

  constructor(private readonly host: ViewsHost) {}

  presenting = $derived(this.slide !== null);
  current = $derived.by(() => (this.slide === null ? null : (this.list[this.slide] ?? null)));

  async restore(saved: SavedView[] | undefined): Promise<void> {
    if (saved) this.list = saved;
  }

  async #save(): Promise<void> {
    await this.host.workspace.saveViews(this.list).catch((error: unknown) => {
      const notice = noticeOf(error, 'workspace.storageFailed');
      this.host.notify(notice.key, notice.params);
    });
  }

  /** Saves what is on screen now, with a title and a note. */
  async add(title: string, note: string): Promise<void> {
    const view: SavedView = {
      id: `tampilan-${Date.now().toString(36)}`,
      title: title.trim() || `${this.host.indicator.label[this.host.lang]} · ${this.host.city.nama} · ${this.host.tahun}`,
      note: note.trim(),
      params: $state.snapshot(this.host.view),
      area: this.host.areas.activeId,
      bivariate: this.host.program.bivariate ? { choice: this.host.program.choice, need: this.host.program.needIndicator } : null,
      panel: this.host.panel,
    };
    this.list = [...this.list, view];
    await this.#save();
  }

  async remove(id: string): Promise<void> {
    this.list = this.list.filter((v) => v.id !== id);
    await this.#save();
  }

  /** Moves a view one place earlier (-1) or later (+1) in the sequence. */
  async move(id: string, step: -1 | 1): Promise<void> {
    const i = this.list.findIndex((v) => v.id === id);
    const j = i + step;
    if (i < 0 || j < 0 || j >= this.list.length) return;
    const list = [...this.list];
    [list[i], list[j]] = [list[j], list[i]];
    this.list = list;
    await this.#save();
  }

  /** Shows a saved view. */
  open(view: SavedView): void {
    this.host.applyView(view.params);
    this.host.areas.select(view.area ?? null);
    this.host.program.bivariate = view.bivariate !== null && view.bivariate !== undefined;
    if (view.bivariate) {
      this.host.program.choice = view.bivariate.choice;
      this.host.program.needIndicator = view.bivariate.need;
    }
  }

  /** Starts presenting from the first view (or `from`). */
  present(from = 0): void {
    if (this.list.length === 0) return;
    this.slide = Math.min(Math.max(0, from), this.list.length - 1);
    this.open(this.list[this.slide]);
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  step(delta: 1 | -1): void {
    if (this.slide === null) return;
    const next = this.slide + delta;
    if (next < 0 || next >= this.list.length) return;
    this.slide = next;
    this.open(this.list[next]);
  }

  stop(): void {
    this.slide = null;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }
}
