/**
 * Pockets year by year (issue 18, item 2): connected High-High groups on hand-built grids whose
 * answer is known, letters kept across years (persist, split, merge, disappear, reappear), the
 * sensitivity table, and the demo's Surakarta, where the generator planted the Semanggi pocket.
 */
import { describe, expect, it } from 'vitest';
import { connectedGroups, pocketLetter, pocketsByYear, pocketSensitivity, trackPockets, type LisaYear } from '../../../src/analysis/pockets';
import { weightsFromNeighbours } from '../../../src/analysis/weights';
import { surakartaLisa } from './surakarta-lisa';

/** Rook neighbours of a rows × cols grid, observations row by row. */
function grid(rows: number, cols: number) {
  const nb: number[][] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const list: number[] = [];
      if (r > 0) list.push((r - 1) * cols + c);
      if (r < rows - 1) list.push((r + 1) * cols + c);
      if (c > 0) list.push(r * cols + c - 1);
      if (c < cols - 1) list.push(r * cols + c + 1);
      nb.push(list);
    }
  return weightsFromNeighbours(nb);
}

/** Groups of a picture: '#' cells are in a pocket. */
const groupsOf = (picture: string[]) => {
  const cells = picture.join('');
  return connectedGroups(grid(picture.length, picture[0].length), (i) => cells[i] === '#');
};

/**
 * A LISA result whose High-High cells are the '#' of a picture: value and lag positive and p
 * 0.001 there ('+' cells: High-High at p 0.03, significant at 0.05 but not at 0.01), elsewhere
 * not significant.
 */
function lisaOf(picture: string[]): LisaYear {
  const cells = picture.join('');
  const n = cells.length;
  return {
    n,
    neighbourCount: new Int32Array(n).fill(2),
    pseudoP: Float64Array.from(cells, (c) => (c === '#' ? 0.001 : c === '+' ? 0.03 : 0.5)),
    value: Float64Array.from(cells, (c) => (c === '.' ? -1 : 1)),
    lag: Float64Array.from(cells, (c) => (c === '.' ? -1 : 1)),
  };
}

describe('connected High-High groups', () => {
  it('finds each 4-connected group, largest first', () => {
    expect(groupsOf(['##..', '#..#', '...#', '#...'])).toEqual([[0, 1, 4], [7, 11], [12]]);
  });

  it('does not join diagonal cells under rook weights, and finds none in an empty grid', () => {
    expect(groupsOf(['#.', '.#'])).toEqual([[0], [3]]);
    expect(groupsOf(['..', '..'])).toEqual([]);
  });

  it('joins a pair listed by only one side (asymmetric weights such as KNN)', () => {
    const w = weightsFromNeighbours([[1], [], []]);
    expect(connectedGroups(w, () => true)).toEqual([[0, 1], [2]]);
  });

  it('letters run A..Z then AA', () => {
    expect([0, 1, 25, 26, 27].map(pocketLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('pockets tracked across years', () => {
  const w = grid(3, 5);
  const years = (pictures: string[][]) => pictures.map((p, k) => ({ year: 2021 + k, lisa: lisaOf(p) }));

  it('keeps letters of pockets that persist while their members change, and says which disappeared', () => {
    const out = pocketsByYear(
      w,
      years([
        ['##...', '....#', '....#'],
        ['.##..', '.....', '....#'],
        ['.##..', '.....', '.....'],
      ]),
      0.05,
      'none',
    );
    expect(out.map((y) => y.pockets.map((p) => `${p.id}:${p.status}`))).toEqual([['A:new', 'B:new'], ['A:persisted', 'B:persisted'], ['A:persisted']]);
    expect(out.map((y) => y.disappeared)).toEqual([[], [], ['B']]);
    expect(out[1].pockets[0].members).toEqual([1, 2]);
  });

  it('a split keeps the letter in the part sharing most; a merge keeps the larger and records the other', () => {
    const out = pocketsByYear(
      w,
      years([
        ['####.', '.....', '.....'],
        ['##.#.', '.....', '.....'],
        ['####.', '.....', '.....'],
      ]),
      0.05,
      'none',
    );
    expect(out[1].pockets.map((p) => `${p.id}:${p.status}`)).toEqual(['A:persisted', 'B:split']);
    expect(out[2].pockets).toEqual([{ id: 'A', members: [0, 1, 2, 3], status: 'persisted', merged: ['B'] }]);
    expect(out[2].disappeared).toEqual([]);
  });

  it('a pocket that comes back where one had been takes its old letter; elsewhere a new one', () => {
    const out = pocketsByYear(
      w,
      years([
        ['#....', '.....', '....#'],
        ['.....', '.....', '....#'],
        ['#....', '.....', '..#..'],
      ]),
      0.05,
      'none',
    );
    expect(out.map((y) => y.pockets.map((p) => `${p.id}:${p.status}`))).toEqual([['A:new', 'B:new'], ['B:persisted'], ['A:reappeared', 'C:new']]);
    expect(out[2].disappeared).toEqual(['B']);
  });

  it('counts depend on the significance level and the correction', () => {
    // '+' cells join the pocket at 0.05 only: one pocket at 0.05 and 0.10, two at 0.01.
    const data = years([['#+#..', '.....', '....#']]);
    const rows = pocketSensitivity(w, data);
    const count = (alpha: number, correction: string) => rows.find((r) => r.alpha === alpha && r.correction === correction)!.counts[0];
    expect([count(0.01, 'none'), count(0.05, 'none'), count(0.1, 'none')]).toEqual([3, 2, 2]);
    // FDR over 15 tests: 3 p of 0.001 pass (0.001 < 0.05·k/15), the 0.03 does not (needs < 0.05·4/15 ≈ 0.013).
    expect(count(0.05, 'fdr')).toBe(3);
  });

  it('trackPockets without a year before gives every group a new letter in order', () => {
    expect(trackPockets([{ year: 2025, cutoff: 0.05, groups: [[3, 4], [9]] }])[0].pockets.map((p) => p.id)).toEqual(['A', 'B']);
  });
});

describe('the demo Surakarta (penduduk miskin %, queen, 999 permutations, seed 20250707)', () => {
  const { weights: w, years: data, names } = surakartaLisa();
  const name = (i: number) => names[i];

  it('has 3 pockets in 2021 and 2 in 2025 at α = 0.05, Semanggi in pocket A every year', () => {
    const out = pocketsByYear(w, data, 0.05, 'none');
    expect(out.map((y) => y.pockets.length)).toEqual([3, 2, 2, 2, 2]);
    for (const y of out) expect(y.pockets.find((p) => p.id === 'A')!.members.map(name)).toContain('Semanggi');
    expect(out[1].pockets.find((p) => p.id === 'B')!.merged).toEqual(['C']);
  }, 60_000);
});
