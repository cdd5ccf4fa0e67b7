/**
 * A reconciliation on the map (issue 19, item 3): the synthetic registers reconciled as the app
 * does, stored as the aggregate dataset the map reads, replayed into DuckDB. Each kelurahan's
 * value equals the reconciliation's count, counts from 1 to 4 have no value, and a share is the
 * count over the households the register holds there (and no share where the count is hidden).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReconcileCounts } from '../../../src/analysis/reconcile';
import { openNodeDatabase } from '../../../src/cli/node-db';
import { catalog } from '../../../src/data/catalog';
import { applyStoredDataset, datasetIndicators } from '../../../src/data/dataset-apply';
import { fetchValues, loadIndicators } from '../../../src/data/indicators';
import { readTable } from '../../../src/data/importers/read-table';
import { RECONCILE_MEASURES, reconcileDataset, reconcileIndicatorId, type ReconcileMeasure } from '../../../src/data/reconcile-indicator';
import { ReconcileState } from '../../../src/state/reconcile.svelte';

const file = (path: string, name: string) => new File([readFileSync(path)], name, { type: 'text/csv' });
const count: Record<ReconcileMeasure, (c: ReconcileCounts) => number> = {
  both: (c) => c.both,
  only_a: (c) => c.onlyA,
  only_b: (c) => c.onlyB,
  moved_in: (c) => c.movedIn,
  moved_out: (c) => c.movedOut,
  duplicates_a: (c) => c.duplicatesA,
  duplicates_b: (c) => c.duplicatesB,
  desil_differs_2plus: (c) => c.desilDiffers2plus,
};

describe('reconciliation as a map indicator', () => {
  it('has per kelurahan the reconciliation counts, none below 5, and shares of the register households', async () => {
    const db = await openNodeDatabase();
    await loadIndicators(db, readFileSync('data/demo/indikator.csv', 'utf8'), catalog.indicators);
    const state = new ReconcileState({ workspace: { database: async () => db }, city: { kode: '33.72' }, readTable: (f) => readTable(f) });
    await state.load('a', file('data/demo/register_dtsen_sintetis_surakarta.csv', 'DTSEN (contoh sintetis).csv'), 'dtsen');
    await state.load('b', file('data/demo/register_p3ke_sintetis_surakarta.csv', 'P3KE (contoh sintetis).csv'), 'p3ke');
    const result = state.result!;
    const names = { a: { id: 'DTSEN', en: 'DTSEN' }, b: { id: 'P3KE', en: 'P3KE' } };
    const dataset = await reconcileDataset(result.kelurahan, { names, files: result.files, regionKode: '33.72', year: 2024, threshold: 5, synthetic: true });
    await applyStoredDataset(db, dataset);

    const defs = datasetIndicators(dataset);
    const onlyB = defs.find((d) => d.id === reconcileIndicatorId('only_b'))!;
    expect(onlyB.label.id).toBe('Rekonsiliasi: Rumah tangga P3KE yang tidak ada di DTSEN');
    expect(onlyB.rate?.denominator).toBe(reconcileIndicatorId('rt_b'));
    expect(onlyB.synthetic).toBe(true);

    let hidden = 0;
    let shown = 0;
    for (const m of RECONCILE_MEASURES) {
      const values = await fetchValues(db, { kodeKota: '33.72', tahun: 2024, indikator: reconcileIndicatorId(m), measure: 'jumlah' });
      expect(values.size).toBe(result.kelurahan.length);
      for (const c of result.kelurahan) {
        const n = count[m](c);
        if (n > 0 && n < 5) {
          hidden++;
          expect(values.get(c.kode), `${m} ${c.kode}`).toBeNull();
        } else {
          shown++;
          expect(values.get(c.kode), `${m} ${c.kode}`).toBe(n);
        }
      }
    }
    expect(hidden).toBeGreaterThan(20);
    expect(shown).toBeGreaterThan(100);

    const shares = await fetchValues(db, { kodeKota: '33.72', tahun: 2024, indikator: reconcileIndicatorId('only_b'), measure: 'rasio' });
    for (const c of result.kelurahan) {
      const households = c.both + c.movedIn + c.onlyB;
      const expected = (c.onlyB > 0 && c.onlyB < 5) || households < 5 ? null : (100 * c.onlyB) / households;
      if (expected === null) expect(shares.get(c.kode)).toBeNull();
      else expect(shares.get(c.kode)).toBeCloseTo(expected, 9);
    }
  }, 120_000);
});
