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
const none: ListEdits = { include: new Set(), added: new Set(), exclude: new Set() };
const listOf = (edits: ListEdits) => allocateBudget(ranked, { units: 35 }, edits);
const click = (edits: ListEdits, kode: string) => clickKelurahan(edits, new Set(listOf(edits).lines.map((l) => l.kode)), kode);

describe('clickKelurahan', () => {
  it('adding a kelurahan to a spent budget keeps the one already listed and reports the shortfall', () => {
    expect(listOf(none).lines.map((l) => l.kode)).toEqual(['top']);
    const edits = click(none, 'mid');
    expect([...edits.include].sort()).toEqual(['mid', 'top']);
    expect([...edits.added]).toEqual(['mid']); // "top" was kept, not clicked
    const list = listOf(edits);
    // top 40 + mid 30 = 70 units for a 35-unit budget: 35 short, nobody dropped
    expect(list.lines.map((l) => [l.kode, l.units])).toEqual([['top', 40], ['mid', 30]]);
    expect(list.shortfall).toEqual({ units: 35, money: null });
  });

  it('clicking a listed kelurahan takes it out and unpins it; the freed budget goes down the ranking', () => {
    const edits = click(click(none, 'mid'), 'top');
    expect([[...edits.include], [...edits.added], [...edits.exclude]]).toEqual([['mid'], ['mid'], ['top']]);
    // mid 30 pinned, then 5 units to "low" (top is out)
    expect(listOf(edits).lines.map((l) => [l.kode, l.units])).toEqual([['mid', 30], ['low', 5]]);
    expect(listOf(edits).shortfall).toBeNull();
  });

  it('clicking a kelurahan taken out brings it back as one the user added, keeping the list it joins', () => {
    // out: list mid 30, low 5 (partly); back in: top pinned with mid and low, each now in full
    const edits = click(click(none, 'top'), 'top');
    expect([[...edits.exclude], [...edits.added]]).toEqual([[], ['top']]);
    const list = listOf(edits);
    expect(list.lines.map((l) => [l.kode, l.units])).toEqual([['top', 40], ['mid', 30], ['low', 20]]);
    expect(list.shortfall).toEqual({ units: 55, money: null }); // 90 - 35
  });

  it('does not change the edits it is given', () => {
    const before: ListEdits = { include: new Set(['top']), added: new Set(['top']), exclude: new Set(['low']) };
    clickKelurahan(before, new Set(['top']), 'mid');
    expect([[...before.include], [...before.added], [...before.exclude]]).toEqual([['top'], ['top'], ['low']]);
  });
});
