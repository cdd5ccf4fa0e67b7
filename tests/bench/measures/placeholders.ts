/** Rows for measures of issue 7 that need work not done yet: said plainly, never faked. */
import { placeholder, type Row } from '../lib/report';

/**
 * Measure 6a while no Local Moran's I exists in src/analysis (6b, national, runs the app's
 * analysis worker: measures/local-moran-national.ts).
 */
export function localMoranPlaceholder(): Row[] {
  return [
    placeholder(
      '6a',
      "Local Moran's I, 999 permutations, Surakarta, vs R spdep localmoran_perm",
      'a LISA function exported by src/analysis (autocorrelation.ts or local-moran.ts), in progress elsewhere',
      'faster than R spdep',
    ),
  ];
}
