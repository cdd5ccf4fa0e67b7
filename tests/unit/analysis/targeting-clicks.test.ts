/**
 * Clicking kelurahan in and out of the RTLH list (issue 15, item 6): the sequence a user made on
 * the Surakarta map, replayed on hand-made rows, with the list recomputed after every click.
 */
import { describe, expect, it } from 'vitest';
import { allocateBudget, rankRtlh, type RtlhRow } from '../../../src/analysis/targeting';
import { clickKelurahan, type ListEdits } from '../../../src/analysis/targeting-clicks';

// Ranked by units: top 40 (rank 1), mid 30, low 20. A 35-unit budget is spent inside "top".
const rows: RtlhRow[] = [
  { kode: 'top', nama: 'Semanggi', kecamatan: 'A', units: 40, households: 100, areaKm2: 1, repaired: 0 },
  { kode: 'mid', nama: 'Pasarkliwon', kecamatan: 'A', units: 30, households: 100, areaKm2: 1, repaired: 0 },
  { kode: 'low', nama: 'Lain', kecamatan: 'A', units: 20, households: 100, areaKm2: 1, repaired: 0 },
];
const ranked = rankRtlh(rows, { by: 'units', notYetCovered: false });
const none: ListEdits = { include: new Set(), keep: new Map(), exclude: new Set() };
const listOf = (edits: ListEdits) => allocateBudget(ranked, { units: 35 }, edits);
const click = (edits: ListEdits, kode: string) => clickKelurahan(edits, listOf(edits).lines, kode);

describe('clickKelurahan', () => {
  it('adding a kelurahan to a spent budget keeps the one listed with its units and reports the shortfall', () => {
    expect(listOf(none).lines.map((l) => [l.kode, l.units])).toEqual([['top', 35]]);
    const edits = click(none, 'mid');
    expect([[...edits.include], [...edits.keep]]).toEqual([['mid'], [['top', 35]]]);
    const list = listOf(edits);
    // top keeps its 35, mid gets its 30: 65 units for a 35-unit budget, 30 short, nobody dropped
    expect(list.lines.map((l) => [l.kode, l.units])).toEqual([
      ['top', 35],
      ['mid', 30],
    ]);
    expect(list.shortfall).toEqual({ units: 30, money: null });
  });

  it('clicking a listed kelurahan takes it out and unpins it; the freed budget goes down the ranking', () => {
    const edits = click(click(none, 'mid'), 'top');
    expect([[...edits.include], [...edits.keep], [...edits.exclude]]).toEqual([['mid'], [], ['top']]);
    // mid 30 pinned, then 5 units to "low" (top is out)
    expect(listOf(edits).lines.map((l) => [l.kode, l.units])).toEqual([
      ['mid', 30],
      ['low', 5],
    ]);
    expect(listOf(edits).shortfall).toBeNull();
  });

  it('clicking a kelurahan taken out brings it back in full, keeping what the list held meanwhile', () => {
    // out: list mid 30, low 5; back in: top 40 in full, mid and low keep 30 and 5: 75 for 35, 40 short
    const edits = click(click(none, 'top'), 'top');
    expect([[...edits.exclude], [...edits.include]]).toEqual([[], ['top']]);
    const list = listOf(edits);
    expect(list.lines.map((l) => [l.kode, l.units])).toEqual([
      ['top', 40],
      ['mid', 30],
      ['low', 5],
    ]);
    expect(list.shortfall).toEqual({ units: 40, money: null });
  });

  it('does not change the edits it is given', () => {
    const before: ListEdits = { include: new Set(['top']), keep: new Map(), exclude: new Set(['low']) };
    clickKelurahan(before, [{ kode: 'top', units: 35 }], 'mid');
    expect([[...before.include], [...before.keep], [...before.exclude]]).toEqual([['top'], [], ['low']]);
  });
});
