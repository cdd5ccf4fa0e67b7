/**
 * Outline claims: two features outlining on the same layer must not undo each other, whatever
 * order their overlays update in (the targets layer is shared by RTLH targets and the water tab).
 */
import { describe, expect, it } from 'vitest';
import { OutlineClaims } from '../../../src/map/outline-claims';

function fake() {
  const flags = new Map<string, boolean>();
  const shown = new Map<string, boolean>();
  const calls: string[] = [];
  const claims = new OutlineClaims<'a' | 'b'>({
    flag: (layer, kode, on) => {
      flags.set(`${layer}:${kode}`, on);
      calls.push(`flag ${layer}:${kode}=${on}`);
    },
    show: (layer, on) => {
      shown.set(layer, on);
      calls.push(`show ${layer}=${on}`);
    },
  });
  return { claims, flags, shown, calls };
}

describe('OutlineClaims', () => {
  it('flags the kelurahan and shows the layer while claimed, clears both on release', () => {
    const { claims, flags, shown } = fake();
    const release = claims.claim('a', ['1', '2']);
    expect(flags.get('a:1')).toBe(true);
    expect(flags.get('a:2')).toBe(true);
    expect(shown.get('a')).toBe(true);
    release();
    expect(flags.get('a:1')).toBe(false);
    expect(flags.get('a:2')).toBe(false);
    expect(shown.get('a')).toBe(false);
  });

  it('keeps a kelurahan another claim still wants, in either release order', () => {
    for (const order of [0, 1]) {
      const { claims, flags, shown } = fake();
      const targets = claims.claim('a', ['1', '2']);
      const worst = claims.claim('a', ['2', '3']);
      // The overlay that updates first may be either one.
      (order === 0 ? targets : worst)();
      expect(flags.get('a:2')).toBe(true);
      expect(shown.get('a')).toBe(true);
      (order === 0 ? worst : targets)();
      expect(flags.get('a:2')).toBe(false);
      expect(shown.get('a')).toBe(false);
    }
  });

  it('a new claim made before the old one is released keeps the layer shown', () => {
    const { claims, flags, shown } = fake();
    const old = claims.claim('a', ['1']);
    claims.claim('a', ['1', '4']);
    old();
    expect(flags.get('a:1')).toBe(true);
    expect(flags.get('a:4')).toBe(true);
    expect(shown.get('a')).toBe(true);
  });

  it('layers are counted apart; an empty claim touches nothing; a second release does nothing', () => {
    const { claims, shown, calls } = fake();
    const none = claims.claim('b', []);
    none();
    expect(calls).toEqual([]);
    const a = claims.claim('a', ['1', '1']);
    const b = claims.claim('b', ['1']);
    a();
    a();
    expect(shown.get('a')).toBe(false);
    expect(shown.get('b')).toBe(true);
    b();
    expect(calls.filter((c) => c.startsWith('flag a:1'))).toEqual(['flag a:1=true', 'flag a:1=false']);
  });
});
