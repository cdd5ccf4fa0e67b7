/**
 * The reconciliation counts on registers small enough to check by hand: both, only in one,
 * moved (both ends of the pair), duplicate head NIK, the desil matrix, and the region row.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type RegisterRow } from '../../../src/analysis/reconcile';

const K1 = '33.72.01.1001';
const K2 = '33.72.01.1002';
let next = 2;
const row = (key: string, kode: string, desil: number | null, nik: string | null = `nik-${key}`): RegisterRow => ({ row: next++, kode, key, nik, desil });

describe('reconcile', () => {
  const a = [row('h1', K1, 1), row('h2', K1, 2), row('h3', K1, 3), row('h4', K2, 1), row('h5', K2, 4, 'nik-h1')];
  const b = [row('h1', K1, 1), row('h2', K1, 5), row('h3', K2, 4), row('h6', K2, 2), row('h7', K2, 2, 'nik-h6')];
  const result = reconcile(a, b);
  const at = (kode: string) => result.kelurahan.find((c) => c.kode === kode)!;

  it('counts both, only in one, moves at both ends, and desil at A kelurahan', () => {
    expect(at(K1)).toMatchObject({ both: 2, onlyA: 0, onlyB: 0, movedOut: 1, movedIn: 0, desilSame: 1, desilDiffers2plus: 1, desilCompared: 3, duplicatesA: 0, duplicatesB: 0 });
    expect(at(K2)).toMatchObject({ both: 0, onlyA: 2, onlyB: 2, movedOut: 0, movedIn: 1, duplicatesA: 1, duplicatesB: 1, desilCompared: 0 });
  });

  it('the region counts a moved household as in both', () => {
    expect(result.region).toMatchObject({ both: 3, onlyA: 2, onlyB: 2, movedIn: 1, movedOut: 1, duplicatesA: 1, duplicatesB: 1, desilSame: 1, desilDiffers2plus: 1 });
    expect(result.flows).toEqual([{ from: K1, to: K2, count: 1 }]);
  });

  it('fills the desil matrix with A down and B across', () => {
    expect(result.desilMatrix[0][0]).toBe(1);
    expect(result.desilMatrix[1][4]).toBe(1);
    expect(result.desilMatrix[2][3]).toBe(1);
    expect(result.desilMatrix.flat().reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('lists each discrepancy with its rows, the moved pair and the earlier duplicate row', () => {
    const moved = result.discrepancies.find((d) => d.kind === 'moved')!;
    expect(moved).toEqual({ kode: K1, kind: 'moved', rowA: a[2].row, rowB: b[2].row, otherKode: K2 });
    const dup = result.discrepancies.find((d) => d.kind === 'duplicate_b')!;
    expect(dup).toEqual({ kode: K2, kind: 'duplicate_b', rowA: null, rowB: b[4].row, firstRow: b[3].row });
    expect(result.discrepancies.filter((d) => d.kind === 'desil_differs_2plus').map((d) => d.rowA)).toEqual([a[1].row]);
  });

  it('ignores an unknown desil and matches nothing without keys in common', () => {
    const r = reconcile([row('x', K1, null)], [row('y', K1, 3)]);
    expect(r.region).toMatchObject({ both: 0, onlyA: 1, onlyB: 1, desilCompared: 0 });
  });
});
