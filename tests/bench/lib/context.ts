/** What every measure receives from the runner. */
import type { CityBoundary } from './geo';
import type { BenchServer } from './server';

export interface BenchContext {
  server: BenchServer;
  /** Repetitions per measure (at least 5 for a result that goes in the README). */
  runs: number;
  /** The built app's URL for a view, e.g. `appUrl('kota=surakarta')`. */
  appUrl(query: string): string;
  /** A bench page's URL, e.g. `pageUrl('baseline.html', 'data=...')`. */
  pageUrl(page: string, query: string): string;
  /** Size in CSS px of the app's map area (the baseline map is made the same size). */
  mapSize: { width: number; height: number };
  /** Progress for the console. */
  log(message: string): void;
}

/** The view every app measure starts from. */
export const START_VIEW = 'kota=surakarta&tahun=2025&indikator=penduduk_miskin&ukuran=rasio&kelas=5';
/** `data-rendered` of that view once drawn. */
export const START_STAMP = 'surakarta|2025|penduduk_miskin|rasio|5';

/**
 * The baseline page drawing `city`'s GeoJSON in a map of the app's map size, framed as the app
 * frames a city (MapView's framePadding leaves room for the legend when the map is wide).
 */
export function baselineUrl(ctx: BenchContext, city: CityBoundary): string {
  const { width, height } = ctx.mapSize;
  const { minX, minY, maxX, maxY } = city.bbox;
  const pad = width > 900 ? '30,60,30,340' : '30,30,30,30';
  return ctx.pageUrl('baseline.html', `data=/data/${city.dataPath}&bbox=${minX},${minY},${maxX},${maxY}&size=${width},${height}&pad=${pad}`);
}
