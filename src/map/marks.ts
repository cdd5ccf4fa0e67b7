/**
 * Performance marks the maps set once per page (read by the benchmark, tests/bench, and by the
 * start-up code that waits for the first picture before heavier work).
 */
/** The first kelurahan polygons of the page are on screen (map idle). */
export const MARK_POLYGONS = 'pkk:polygons-drawn';
/** The first full choropleth of the page is on screen (map idle). */
export const MARK_CHOROPLETH = 'pkk:choropleth-drawn';
/** The first full choropleth of the map of all of Indonesia is on screen. */
export const MARK_NATIONAL = 'pkk:national-drawn';
