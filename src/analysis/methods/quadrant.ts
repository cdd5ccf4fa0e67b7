/**
 * The TKPK quadrant method as a descriptor: two indicators, each against its city-wide rate,
 * give priorities 1-4 (src/analysis/quadrant.ts). It needs no weights; AnalysisState computes it.
 */
import type { QuadrantMethod } from './types';

export const quadrant: QuadrantMethod = {
  kind: 'quadrant',
  id: 'quadrant',
  order: 70,
  label: 'analysis.method.quadrant',
  secondVariable: true,
  // code = priority - 1
  categories: [
    { code: 0, label: 'quadrant.p1', words: 'Priority 1', color: '#d7191c' },
    { code: 1, label: 'quadrant.p2', words: 'Priority 2', color: '#fdae61' },
    { code: 2, label: 'quadrant.p3', words: 'Priority 3', color: '#fee08b' },
    { code: 3, label: 'quadrant.p4', words: 'Priority 4', color: '#abd9e9' },
  ],
};
