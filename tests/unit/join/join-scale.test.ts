import { describe, expect, it } from 'vitest';
import { buildJoinReport, type JoinKey, type JoinTarget } from '../../../src/data/join';
import { createRandom } from '../../../src/analysis/random';
import { normalizeName } from '../../../src/data/place-names';

/**
 * National scale: 83,000 synthetic desa/kelurahan (names built from common Indonesian place
 * syllables, so many repeat across the country as real ones do) and 100,000 keys. No timing is
 * asserted (the bench measures that); the test shows the join completes, which a distance to
 * every target for every key (8·10⁹ comparisons) would not within the test timeout.
 */
const SYLLABLES = [
  'suka',
  'maju',
  'jaya',
  'sari',
  'rejo',
  'mulyo',
  'wetan',
  'kulon',
  'lor',
  'kidul',
  'karang',
  'tanjung',
  'sido',
  'harjo',
  'wono',
  'sumber',
  'mekar',
  'makmur',
  'tegal',
  'banjar',
  'pasir',
  'kali',
  'gunung',
  'batu',
  'air',
  'teluk',
  'bukit',
  'padang',
  'lubuk',
  'koto',
];

function national(random: ReturnType<typeof createRandom>): JoinTarget[] {
  const targets: JoinTarget[] = [];
  for (let n = 0; n < 83_000; n++) {
    const provinsi = 11 + Math.floor(n / 2500);
    const kab = 1 + (Math.floor(n / 250) % 10);
    const kec = 1 + (Math.floor(n / 25) % 10);
    const desa = 2001 + (n % 25);
    const parts = random.int(2, 3);
    let nama = '';
    for (let p = 0; p < parts; p++) nama += (p ? ' ' : '') + SYLLABLES[random.int(0, SYLLABLES.length - 1)];
    const two = (x: number) => String(x).padStart(2, '0');
    targets.push({ kode: `${provinsi}.${two(kab)}.${two(kec)}.${desa}`, nama: nama.replace(/^./, (c) => c.toUpperCase()), kecamatan: `Kecamatan ${provinsi}${kab}${kec}` });
  }
  return targets;
}

function typo(random: ReturnType<typeof createRandom>, name: string): string {
  const i = random.int(1, name.length - 2);
  return name.slice(0, i) + name.slice(i + 1); // one letter dropped
}

describe('join at national scale', () => {
  it('matches 100,000 keys against 83,000 targets', () => {
    const random = createRandom(2024);
    const targets = national(random);
    const keys: JoinKey[] = [];
    const kinds: ('code' | 'name' | 'typo' | 'garbage')[] = [];
    for (let n = 0; n < 100_000; n++) {
      const target = targets[random.int(0, targets.length - 1)];
      const kind = n % 10 < 5 ? 'code' : n % 10 < 8 ? 'name' : n % 10 < 9 ? 'typo' : 'garbage';
      kinds.push(kind);
      const nama = kind === 'name' ? target.nama : kind === 'typo' ? typo(random, target.nama) : kind === 'garbage' ? `Zq${n}x` : null;
      keys.push({
        kode: kind === 'code' ? target.kode.replace(/\./g, '') : null,
        nama,
        // Half the misspelt names come without a kecamatan, so the national index is searched.
        kecamatan: kind === 'code' || (kind === 'typo' && n % 20 === 8) ? null : target.kecamatan,
        tahun: null,
        rows: 1,
        firstRow: n + 2,
      });
    }

    const report = buildJoinReport(keys, targets, { oneRowPerKelurahan: false });

    expect(report.counts.code).toBe(50_000);
    expect(report.counts.code + report.counts.name + report.counts.fuzzy + report.counts.unmatched).toBe(100_000);
    const byKode = new Map(targets.map((t) => [t.kode, t]));
    for (const m of report.matched) {
      const target = byKode.get(m.kode) as JoinTarget;
      if (m.how === 'name') expect(normalizeName(target.nama)).toBe(normalizeName(keys[m.key].nama));
      // One letter was dropped: the nearest name is one edit away, or two when the slip made an
      // old-spelling pair ("Sido Jaya" → "Sid jaya": dj → j). With a kecamatan, only it is searched.
      if (m.how === 'fuzzy') expect([1, 2], JSON.stringify([keys[m.key], target])).toContain(m.distance);
      if (m.how === 'fuzzy' && keys[m.key].kecamatan !== null) expect(target.kecamatan).toBe(keys[m.key].kecamatan);
    }
    // Every garbage key stays unmatched; exact names match unless the kecamatan holds two of them.
    const unmatchedKeys = new Set(report.unmatched.map((u) => u.key));
    expect(kinds.filter((k, i) => k === 'garbage' && !unmatchedKeys.has(i))).toEqual([]);
    expect(report.unmatched.filter((u) => kinds[u.key] === 'name').every((u) => u.reason === 'ambiguous-name')).toBe(true);
    expect(report.counts.fuzzy).toBeGreaterThan(4_000);
  }, 120_000);
});
