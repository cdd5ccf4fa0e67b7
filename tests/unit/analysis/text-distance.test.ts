import { describe, expect, it } from 'vitest';
import { FuzzyIndex, osaDistance } from '../../../src/analysis/text-distance';
import { createRandom } from '../../../src/analysis/random';

/** Textbook full-matrix OSA (Wikipedia's "optimal string alignment distance"), as a reference. */
function referenceOsa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function randomWord(random: ReturnType<typeof createRandom>, alphabet: string, maxLength: number): string {
  const length = random.int(0, maxLength);
  let word = '';
  for (let i = 0; i < length; i++) word += alphabet[random.int(0, alphabet.length - 1)];
  return word;
}

describe('osaDistance', () => {
  it('gives the hand-counted distances', () => {
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('semangi', 'semanggi')).toBe(1); // one letter left out
    expect(osaDistance('jajengan', 'jayengan')).toBe(1); // one letter replaced
    expect(osaDistance('kemlayan', 'kemalyan')).toBe(1); // two neighbours swapped
    expect(osaDistance('ca', 'abc')).toBe(3); // OSA, unlike full Damerau (2), edits no substring twice
    expect(osaDistance('', 'abc')).toBe(3);
    expect(osaDistance('jebres', 'jebres')).toBe(0);
  });

  it('stops at the bound and says max + 1', () => {
    expect(osaDistance('kitten', 'sitting', 2)).toBe(3);
    expect(osaDistance('kitten', 'sitting', 3)).toBe(3);
    expect(osaDistance('mojo', 'mojosongo', 2)).toBe(3);
    expect(osaDistance('ab', 'ba', 0)).toBe(1);
  });

  it('equals the full-matrix reference on random words, with and without a bound', () => {
    const random = createRandom(7);
    for (let n = 0; n < 2000; n++) {
      const a = randomWord(random, 'abcd', 8);
      const b = randomWord(random, 'abcd', 8);
      const reference = referenceOsa(a, b);
      expect(osaDistance(a, b), `${a} ${b}`).toBe(reference);
      const max = random.int(0, 4);
      expect(osaDistance(a, b, max), `${a} ${b} ≤${max}`).toBe(Math.min(reference, max + 1));
    }
  });
});

describe('FuzzyIndex', () => {
  it('finds exactly the nearest words a brute-force scan finds', () => {
    const random = createRandom(11);
    const words = Array.from({ length: 600 }, () => randomWord(random, 'aeiknrs', 9));
    const index = new FuzzyIndex(words);
    for (let n = 0; n < 400; n++) {
      const query = randomWord(random, 'aeiknrs', 9);
      const max = random.int(0, 2);
      const distances = words.map((w) => referenceOsa(query, w));
      const best = Math.min(...distances);
      const expected = best <= max ? { ids: distances.flatMap((d, i) => (d === best ? [i] : [])), distance: best } : null;
      expect(index.nearest(query, max), `${query} ≤${max}`).toEqual(expected);
    }
  });

  it('suggests Semanggi for Semangi among real Surakarta names', () => {
    const index = new FuzzyIndex(['semanggi', 'sewu', 'serengan', 'sangkrah', 'kemlayan']);
    expect(index.nearest('semangi', 1)).toEqual({ ids: [0], distance: 1 });
    expect(index.nearest('sukamaju', 2)).toBeNull();
  });
});
