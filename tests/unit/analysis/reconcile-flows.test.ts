/**
 * Moved households as a kecamatan matrix: kelurahan pairs summed into their kecamatan pair, only
 * groups with a move as rows and columns, and the matrix's total is every moved household.
 */
import { describe, expect, it } from 'vitest';
import { flowMatrix } from '../../../src/analysis/reconcile-flows';

const kecamatan = (kode: string) => kode.slice(0, 8);

describe('flowMatrix', () => {
  it('sums kelurahan pairs by kecamatan, rows and columns only where households moved', () => {
    const flows = [
      { from: '33.72.01.1001', to: '33.72.02.1001', count: 3 },
      { from: '33.72.01.1002', to: '33.72.02.1005', count: 4 },
      { from: '33.72.01.1002', to: '33.72.01.1001', count: 1 },
      { from: '33.72.03.1001', to: '33.72.01.1003', count: 7 },
    ];
    const m = flowMatrix(flows, kecamatan);
    expect(m.from).toEqual(['33.72.01', '33.72.03']);
    expect(m.to).toEqual(['33.72.01', '33.72.02']);
    // Rows 01 and 03, columns 01 and 02: 01 -> 01 one household, 01 -> 02 3 + 4, 03 -> 01 seven.
    expect(m.counts).toEqual([
      [1, 7],
      [7, 0],
    ]);
    expect(m.counts.flat().reduce((a, b) => a + b, 0)).toBe(15);
  });
});
