/**
 * Which feature receives the map's clicks. Normally a click selects the kelurahan under it; while
 * a feature has a tool armed (editing a target list, drawing or picking a focus area) the click
 * goes to that tool instead. The map asks this state rather than knowing which tab is open, so a
 * new feature with a click tool touches neither the map nor the other features.
 */

/** A click on the map: where, and the kelurahan under it (null over empty map). */
export interface MapClick {
  lngLat: [number, number];
  kode: string | null;
}

export interface MapTool {
  /** The feature the tool belongs to (for tests and for reading the state). */
  readonly id: string;
  /** Takes a click; false lets it through to the selection. */
  click(at: MapClick): boolean;
}

export class MapToolState {
  /** The tool map clicks go to; null: clicks select. */
  active = $state.raw<MapTool | null>(null);

  /** Makes `tool` the active one until the returned release is called (a later tool replaces it). */
  use(tool: MapTool): () => void {
    this.active = tool;
    return () => {
      if (this.active === tool) this.active = null;
    };
  }

  /** Gives a click to the active tool; false when there is none or it let the click through. */
  click(at: MapClick): boolean {
    return this.active?.click(at) ?? false;
  }
}
