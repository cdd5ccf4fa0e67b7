import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, finishSeed, hashIndex, seedHash, seedSfc32 } from '../../../src/analysis/random';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 50 }, () => [a.next(), a.normal(), a.int(1, 6)]);
    const seqB = Array.from({ length: 50 }, () => [b.next(), b.normal(), b.int(1, 6)]);
    expect(seqA).toEqual(seqB);
  });

  it('gives different sequences for different seeds, even adjacent ones', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).not.toEqual(seqB);
  });

  it('keeps next() in [0, 1) with a roughly uniform spread', () => {
    const r = createRandom(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      bins[Math.floor(v * 10)]++;
    }
    for (const count of bins) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('draws normals with mean about 0 and sd about 1', () => {
    const r = createRandom(11);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('draws integers within inclusive bounds, reaching both ends', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 3);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
  });

  it('rejects bad arguments', () => {
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
    expect(() => createRandom(1).int(3, 2)).toThrow(RangeError);
    expect(() => createRandom(1).int(0.5, 2)).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('is stable and separates labels', () => {
    expect(deriveSeed(5, 'a', 1)).toBe(deriveSeed(5, 'a', 1));
    expect(deriveSeed(5, 'a', 1)).not.toBe(deriveSeed(5, 'a', 2));
    expect(deriveSeed(5, 'a')).not.toBe(deriveSeed(6, 'a'));
    // Label boundaries matter: ('ab', 'c') is not ('a', 'bc').
    expect(deriveSeed(5, 'ab', 'c')).not.toBe(deriveSeed(5, 'a', 'bc'));
  });
});

describe('the allocation-free seeding of permutation loops', () => {
  it('draws the same stream as before it was written allocation-free (values pinned from the earlier code)', () => {
    const r = createRandom(2026);
    expect([r.next(), r.next(), r.next()]).toEqual([0.36991024669259787, 0.09992390591651201, 0.81249920418486]);
    expect([deriveSeed(7, 'local-moran', 0), deriveSeed(7, 'local-moran', 83401), deriveSeed(-3, 'gi-star', 10)]).toEqual([3665030969, 3247848265, 35793407]);
  });

  it('hashIndex extends a seed hash exactly as deriveSeed does with a number label', () => {
    for (const i of [0, 1, 9, 10, 99, 100, 12345, 83401, 2 ** 31 - 1]) {
      expect(finishSeed(hashIndex(seedHash(42, 'local-geary'), i))).toBe(deriveSeed(42, 'local-geary', i));
    }
  });

  it('seedSfc32 gives the state createRandom starts from: stepped inline, the same numbers', () => {
    const state = new Int32Array(4);
    seedSfc32(99, state);
    let [a, b, c, d] = state;
    const reference = createRandom(99);
    for (let k = 0; k < 20; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      expect((t >>> 0) / 4294967296).toBe(reference.next());
    }
  });
});
