/** Rows for measures of issue 7 that need work not done yet: said plainly, never faked. */
import { placeholder, type Row } from '../lib/report';

/** Measure 4: all of Indonesia on one map. */
export function allIndonesiaRows(): Row[] {
  const needs = 'a national map in the app (vector tiles built at build time, or FlatGeobuf read by viewport)';
  return [
    placeholder('4a', 'All of Indonesia: first full render at zoom 4-5 and at zoom 8', needs, '< 5 s'),
    placeholder('4b', 'All of Indonesia: recolour', needs, '< 0.2 s'),
    placeholder('4c', 'All of Indonesia: frame time while panning; browser memory', needs, 'median frame ≤ 50 ms'),
  ];
}

/**
 * Measure 6a while no Local Moran's I exists in src/analysis (6b, national, runs the app's
 * analysis worker: measures/local-moran-national.ts).
 */
export function localMoranPlaceholder(): Row[] {
  return [
    placeholder(
      '6a',
      "Local Moran's I, 999 permutations, Surakarta, vs R spdep localmoran_perm",
      "a LISA function exported by src/analysis (autocorrelation.ts or local-moran.ts), in progress elsewhere",
      'faster than R spdep',
    ),
  ];
}
