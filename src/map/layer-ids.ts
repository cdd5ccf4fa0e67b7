/**
 * Names of the map's sources, layers and feature-state keys, in a module of their own so the
 * base style (style.ts) and the overlay outlines (overlay-style.ts) share them without importing
 * each other.
 */
export const SOURCE = {
  kelurahan: 'kelurahan',
  kecamatan: 'kecamatan',
  labels: 'kelurahan-labels',
  points: 'titik',
  sites: 'lokasi-program',
  area: 'kawasan',
  osm: 'osm',
} as const;

export const LAYER = {
  background: 'background',
  osm: 'osm',
  fill: 'kelurahan-fill',
  line: 'kelurahan-line',
  kecamatan: 'kecamatan-line',
  highlight: 'kelurahan-highlight',
  neighbours: 'kelurahan-neighbours',
  labels: 'kelurahan-labels',
  significant: 'kelurahan-signifikan',
  targets: 'kelurahan-sasaran',
  highlightCasing: 'kelurahan-highlight-alas',
  neighboursCasing: 'kelurahan-neighbours-alas',
  significantCasing: 'kelurahan-signifikan-alas',
  targetsCasing: 'kelurahan-sasaran-alas',
  areaLineCasing: 'kawasan-garis-alas',
  points: 'titik',
  areaFill: 'kawasan-isi',
  areaLine: 'kawasan-garis',
  areaVertices: 'kawasan-titik',
  siteClusters: 'lokasi-program-kelompok',
  siteCount: 'lokasi-program-jumlah',
  sites: 'lokasi-program',
} as const;

/** The feature-state key set on kelurahan with a significant local statistic (cluster, hot/cold spot). */
export const SIGNIFICANT_STATE = 'signifikan';
/** The feature-state key set on kelurahan chosen for a program (RTLH targets, focus areas). */
export const TARGET_STATE = 'sasaran';
/** The feature-state key that holds a kelurahan's value. */
export const VALUE_STATE = 'nilai';
/** The feature-state key that holds a kelurahan's category (cluster, hot spot); -1 = none. */
export const CATEGORY_STATE = 'kategori';
/** The feature-state flag of the selected kelurahan's neighbours. */
export const NEIGHBOUR_STATE = 'tetangga';
