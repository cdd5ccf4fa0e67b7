/**
 * A reconciliation of two registers as map indicators (issue 19, item 3): its per-kelurahan
 * counts become an aggregate dataset (the kind a workspace file carries for household data), so
 * the map, legend, table and tooltip show "share of P3KE households not in DTSEN" the way they
 * show any imported figure, with no path of their own. Counts below the threshold are left out
 * (no value, not "<5" that could be worked back from a rate); shares are rates of summed counts
 * over the households the register holds there, so kecamatan and city figures stay right.
 */
import type { ReconcileCounts } from '../analysis/reconcile';
import type { IndicatorDef, LocalText } from './catalog';
import type { AggregateMeta } from './dataset-apply';
import { countOfColumn, type ReconcileCountColumn } from './reconcile-columns';
import { gzip, type StoredDataset } from './store';

export const RECONCILE_DATASET = 'rekonsiliasi';

/** What can be put on the map: every count column but the households with the same desil (the complement of those that differ, not a discrepancy). */
export type ReconcileMeasure = Exclude<ReconcileCountColumn, 'desil_same'>;
export const RECONCILE_MEASURES: readonly ReconcileMeasure[] = ['only_a', 'only_b', 'both', 'moved_in', 'moved_out', 'duplicates_a', 'duplicates_b', 'desil_differs_2plus'];

/** Denominators: the households each register holds in the kelurahan, and those with a desil in both. */
type Base = 'rt_a' | 'rt_b' | 'desil_dibandingkan';

const COUNT: Record<ReconcileMeasure | Base, (c: ReconcileCounts) => number> = {
  ...countOfColumn,
  // Every household of A here is in both, moved out or only in A; of B, in both, moved in or only in B.
  rt_a: (c) => c.both + c.movedOut + c.onlyA,
  rt_b: (c) => c.both + c.movedIn + c.onlyB,
  desil_dibandingkan: (c) => c.desilCompared,
};

/**
 * The denominator of each share. Duplicates have none: the rows of a register in a kelurahan
 * are not its matched households when it was matched by NIK, so they are shown as counts only.
 */
const BASE: Record<ReconcileMeasure, Base | null> = {
  both: 'rt_a',
  only_a: 'rt_a',
  only_b: 'rt_b',
  moved_in: 'rt_b',
  moved_out: 'rt_a',
  duplicates_a: null,
  duplicates_b: null,
  desil_differs_2plus: 'desil_dibandingkan',
};

export const reconcileIndicatorId = (m: ReconcileMeasure | Base) => `${RECONCILE_DATASET}_${m}`;
/** Whether a measure can be shown as a share (else only as a count). */
export const hasShare = (m: ReconcileMeasure) => BASE[m] !== null;

/** One value of `nilai`: null where the count is below the threshold. */
export interface ReconcileValue {
  kode: string;
  indikator: string;
  nilai: number | null;
}

/** The values of every measure and denominator per kelurahan; counts from 1 to threshold - 1 are null. */
export function reconcileIndicatorValues(kelurahan: readonly ReconcileCounts[], threshold: number): ReconcileValue[] {
  const keys = [...RECONCILE_MEASURES, 'rt_a', 'rt_b', 'desil_dibandingkan'] as const;
  return kelurahan.flatMap((c) =>
    keys.map((m) => {
      const n = COUNT[m](c);
      return { kode: c.kode, indikator: reconcileIndicatorId(m), nilai: n > 0 && n < threshold ? null : n };
    }),
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Names = { a: LocalText; b: LocalText };

function labels(names: Names): Record<ReconcileMeasure | Base, LocalText> {
  const { a, b } = names;
  return {
    both: { id: `Rumah tangga di ${a.id} dan ${b.id}, kelurahan sama`, en: `Households in ${a.en} and ${b.en}, same kelurahan` },
    only_a: { id: `Rumah tangga ${a.id} yang tidak ada di ${b.id}`, en: `${a.en} households not in ${b.en}` },
    only_b: { id: `Rumah tangga ${b.id} yang tidak ada di ${a.id}`, en: `${b.en} households not in ${a.en}` },
    moved_in: { id: `Tercatat di sini oleh ${b.id}, di kelurahan lain oleh ${a.id}`, en: `Recorded here by ${b.en}, elsewhere by ${a.en}` },
    moved_out: { id: `Tercatat di sini oleh ${a.id}, di kelurahan lain oleh ${b.id}`, en: `Recorded here by ${a.en}, elsewhere by ${b.en}` },
    duplicates_a: { id: `NIK kepala ganda di ${a.id}`, en: `Duplicate head NIK in ${a.en}` },
    duplicates_b: { id: `NIK kepala ganda di ${b.id}`, en: `Duplicate head NIK in ${b.en}` },
    desil_differs_2plus: { id: `Desil ${a.id} dan ${b.id} berbeda 2 atau lebih`, en: `${a.en} and ${b.en} desil 2 or more apart` },
    rt_a: { id: `Rumah tangga di ${a.id}`, en: `Households in ${a.en}` },
    rt_b: { id: `Rumah tangga di ${b.id}`, en: `Households in ${b.en}` },
    desil_dibandingkan: { id: `Rumah tangga dengan desil di ${a.id} dan ${b.id}`, en: `Households with a desil in ${a.en} and ${b.en}` },
  };
}

/** The indicator definitions, labelled with the registers' kinds; synthetic when the demo registers are used. */
export function reconcileIndicatorDefs(names: Names, files: { a: string; b: string }, threshold: number, synthetic: boolean): IndicatorDef[] {
  const label = labels(names);
  const prefix: LocalText = { id: 'Rekonsiliasi: ', en: 'Reconciliation: ' };
  const note: LocalText = synthetic ? { id: ' (contoh sintetis)', en: ' (synthetic sample)' } : { id: '', en: '' };
  const unit: LocalText = { id: 'rumah tangga', en: 'households' };
  const def = (m: ReconcileMeasure | Base, rate: Base | null): IndicatorDef => ({
    id: reconcileIndicatorId(m),
    label: { id: `${prefix.id}${label[m].id}`, en: `${prefix.en}${label[m].en}` },
    unit,
    theme: 'impor',
    kind: 'count',
    rate: rate ? { denominator: reconcileIndicatorId(rate), per: 100, unit: { id: `% dari ${lowerFirst(label[rate].id)}`, en: `% of ${lowerFirst(label[rate].en)}` } } : null,
    direction: m === 'both' || m.startsWith('rt_') || m === 'desil_dibandingkan' ? 'neutral' : 'higher_worse',
    definition: {
      id: `Dihitung di peramban dengan mencocokkan ${files.a} dan ${files.b}. Jumlah di bawah ${threshold} tidak ditampilkan (tanpa nilai).`,
      en: `Computed in the browser by matching ${files.a} with ${files.b}. Counts below ${threshold} are not shown (no value).`,
    },
    source: { id: `Rekonsiliasi ${files.a} dan ${files.b}${note.id}`, en: `Reconciliation of ${files.a} and ${files.b}${note.en}` },
    dataset: RECONCILE_DATASET,
    ...(threshold > 1 ? { suppressBelow: threshold } : {}),
    synthetic,
  });
  return [...RECONCILE_MEASURES.map((m) => def(m, BASE[m])), def('rt_a', null), def('rt_b', null), def('desil_dibandingkan', null)];
}

/** The reconciliation as a stored aggregate dataset of region `regionKode` (dotted) for `year`. */
export async function reconcileDataset(
  kelurahan: readonly ReconcileCounts[],
  options: { names: Names; files: { a: string; b: string }; regionKode: string; year: number; threshold: number; synthetic: boolean },
): Promise<StoredDataset> {
  const { names, files, regionKode, year, threshold, synthetic } = options;
  const lines = ['kode,kode_kota,tahun,indikator,nilai'];
  for (const v of reconcileIndicatorValues(kelurahan, threshold)) lines.push(`${v.kode},${v.kode.slice(0, 5)},${year},${v.indikator},${v.nilai ?? ''}`);
  const indicators = reconcileIndicatorDefs(names, files, threshold, synthetic);
  const file = `${files.a} + ${files.b}`;
  const meta: AggregateMeta = {
    kind: 'aggregate',
    source: { file, format: 'csv', sheet: null, headerRow: 1, rowCount: kelurahan.length, joined: { code: kelurahan.length, name: 0, fuzzy: 0, manual: 0, unmatched: 0, missing: 0 } },
    from: 'households',
    indicators,
    suppressedBelow: threshold,
  };
  const payload = await gzip(new TextEncoder().encode(`${lines.join('\n')}\n`));
  const name = synthetic ? `Rekonsiliasi (contoh sintetis)` : `Rekonsiliasi`;
  return { id: RECONCILE_DATASET, kind: 'indicators', name, file, regionKode, created: new Date().toISOString(), meta, payload };
}
