/**
 * "When what was asked for is drawn": the next time the map is idle, after a repaint is asked
 * for. Both maps announce their picture this way (data-rendered, performance marks).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Calls `drawn` at the map's next idle; the returned function cancels it (an effect's cleanup,
 * when a newer answer is on its way). `drawn` receives `cancelled()` for any step it takes later.
 */
export function whenIdle(map: MapLibreMap, drawn: (cancelled: () => boolean) => void): () => void {
  let cancelled = false;
  map.once('idle', () => {
    if (!cancelled) drawn(() => cancelled);
  });
  map.triggerRepaint();
  return () => {
    cancelled = true;
  };
}
