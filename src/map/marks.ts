/**
 * Performance marks the maps set once per page (read by the benchmark, tests/bench, and by the
 * start-up code that waits for the first picture before heavier work), and a way to wait for one.
 */
/** The first kelurahan polygons of the page are on screen (map idle). */
export const MARK_POLYGONS = 'pkk:polygons-drawn';
/** The first full choropleth of the page is on screen (map idle). */
export const MARK_CHOROPLETH = 'pkk:choropleth-drawn';
/** The first values answered by DuckDB (after the prebuilt or stored first view) are in the state. */
export const MARK_DATABASE = 'pkk:database-values';
/** The first full choropleth of the map of all of Indonesia is on screen. */
export const MARK_NATIONAL = 'pkk:national-drawn';

/** Resolves when a performance mark of that name exists, or after `timeoutMs` anyway. */
export function whenMarked(name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, 'mark').length > 0) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark', buffered: true });
    setTimeout(() => {
      observer.disconnect();
      resolve();
    }, timeoutMs);
  });
}

/** Sets a mark the first time only (the marks say when something first happened on the page). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
