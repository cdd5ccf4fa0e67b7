/**
 * LISA (local Moran's I, Anselin 1995) as a method descriptor: spdep's localmoran statistic with
 * GeoDa's conditional permutations, cluster map and colours (src/analysis/local-moran.ts).
 */
import { GEODA_LISA_COLOURS, LisaCluster, lisaClusters, localMoran } from '../local-moran';
import { strictestCutoff } from '../significance';
import type { LocalMethod, LocalStatistic, MethodCategory } from './types';

/** GeoDa's LISA categories in legend order, shared with the bivariate LISA (same codes and colours). */
export const LISA_CATEGORIES: readonly MethodCategory[] = [
  { code: LisaCluster.HighHigh, label: 'cluster.hh', words: 'High-High', color: GEODA_LISA_COLOURS[LisaCluster.HighHigh] },
  { code: LisaCluster.LowLow, label: 'cluster.ll', words: 'Low-Low', color: GEODA_LISA_COLOURS[LisaCluster.LowLow] },
  { code: LisaCluster.LowHigh, label: 'cluster.lh', words: 'Low-High', color: GEODA_LISA_COLOURS[LisaCluster.LowHigh] },
  { code: LisaCluster.HighLow, label: 'cluster.hl', words: 'High-Low', color: GEODA_LISA_COLOURS[LisaCluster.HighLow] },
  { code: LisaCluster.NotSignificant, label: 'cluster.ns', words: 'Not significant', color: GEODA_LISA_COLOURS[LisaCluster.NotSignificant] },
  { code: LisaCluster.Isolated, label: 'cluster.isolated', words: 'Isolated', color: GEODA_LISA_COLOURS[LisaCluster.Isolated] },
];

/** The cut-off a pseudo p must reach: the strictest a correction can ask for among `tests`. */
export const pseudoCutoff = (o: { alpha: number; correction: 'none' | 'bonferroni' | 'fdr' }, tests: number) => [{ cutoff: strictestCutoff(o.alpha, o.correction, tests) }];

/** GeoDa's LISA quadrants of the significant kelurahan, for every method whose statistic is a local Moran (lisa, lisa-bv). */
export const lisaClassify: LocalMethod['classify'] = (s, o) => {
  const { cluster, cutoff } = lisaClusters(s, o.alpha, o.correction);
  return { codes: cluster, cutoff };
};

export const lisa: LocalMethod = {
  kind: 'local',
  id: 'lisa',
  order: 10,
  label: 'analysis.method.lisa',
  note: 'analysis.note.lisa',
  secondVariable: false,
  decidesBy: 'pseudoP',
  options: ['alpha', 'correction'],
  weightsStyle: 'row-standardised',
  moranScatter: true,
  // Each category says in words what it means for the kelurahan clicked (the bivariate LISA, whose
  // neighbours are of another indicator, keeps the bare names).
  categories: LISA_CATEGORIES.map((c) => ({ ...c, explain: c.label.replace('cluster.', 'cluster.explain.') })),
  profile: [
    { label: 'panel.standardised', field: 'value', digits: 3 },
    { label: 'panel.lag', field: 'lag', digits: 3 },
    { label: 'panel.statistic.lisa', field: 'statistic', digits: 3 },
    { label: 'panel.zScore', field: 'zScore', digits: 2 },
    { label: 'panel.pseudoP', field: 'pseudoP', digits: 4 },
  ],
  columns: [
    ['I', 'statistic'],
    ['lag', 'lag'],
    ['z', 'value'],
    ['p', 'pseudoP'],
  ],
  compute(x, _y, weights, options): LocalStatistic {
    const r = localMoran(x, weights, options);
    return { ...r, statistic: r.I };
  },
  classify: lisaClassify,
  neededCutoffs: pseudoCutoff,
};
