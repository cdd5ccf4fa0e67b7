/**
 * The abbreviation table (src/data/place-abbreviations.ts): every rule, whole tokens only, and
 * no two real names of one kecamatan made equal by it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLACE_ABBREVIATIONS } from '../../../src/data/place-abbreviations';
import { normalizeName } from '../../../src/data/place-names';

describe('word abbreviations', () => {
  it.each([
    ['P. Panggang', 'Pulau Panggang'],
    ['P Panggang', 'Pulau Panggang'],
    ['Pl. Tidung', 'Pulau Tidung'],
    ['Kep. Seribu', 'Kepulauan Seribu'],
    ['Kp. Melayu', 'Kampung Melayu'],
    ['Kpg Melayu', 'Kampung Melayu'],
    ['Kmp Melayu', 'Kampung Melayu'],
    ['Ps. Minggu', 'Pasar Minggu'],
    ['Psr Minggu', 'Pasar Minggu'],
    ['Tg. Priok', 'Tanjung Priok'],
    ['Tj. Priok', 'Tanjung Priok'],
    ['Tjg Priok', 'Tanjung Priok'],
    ['Kb. Kacang', 'Kebon Kacang'],
    ['Gn. Meraksa Baru', 'Gunung Meraksa Baru'],
    ['Lbk. Mengkuang', 'Lubuk Mengkuang'],
    ['Dsn. Baru', 'Dusun Baru'],
    ['Sei Rampah', 'Sungai Rampah'],
    ['Seribu Utr', 'Seribu Utara'],
    ['Seribu Slt', 'Seribu Selatan'],
    ['Seribu Sel.', 'Seribu Selatan'],
    ['Melayu Brt', 'Melayu Barat'],
    ['Melayu Tmr', 'Melayu Timur'],
    ['Melayu Tim.', 'Melayu Timur'],
    ['Pulau Tgh', 'Pulau Tengah'],
  ])('%s is %s', (short, long) => {
    expect(normalizeName(short)).toBe(normalizeName(long));
  });

  it('has each written form once, so no token means two words', () => {
    const forms = PLACE_ABBREVIATIONS.flatMap((a) => a.forms);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('expands whole tokens only, never inside a word', () => {
    expect(normalizeName('Selo')).toBe('selo');
    expect(normalizeName('Timbang Deli')).toBe('timbangdeli');
    expect(normalizeName('Pasir Putih')).toBe('pasirputih');
    expect(normalizeName('Seibamban')).toBe('seibamban');
    expect(normalizeName('Kepuh')).toBe('kepuh');
  });

  it('expands a leading word only before a word, and a direction only after one', () => {
    // The trailing "P" of an Acehnese name and the "P.O." (Pasar Onan) of Tapanuli are not Pulau.
    expect(normalizeName('Paya Baro Ranto P')).toBe('payabarorantop');
    expect(normalizeName('P.O. Hurlang')).toBe('pohurlang');
    expect(normalizeName('Gampong Baro Kb')).toBe('gampongbarokb');
    // A name that starts with a direction's short form keeps it.
    expect(normalizeName('Sel Tani')).toBe('seltani');
    expect(normalizeName('Tim Jaya')).toBe('timjaya');
  });
});

describe('administrative prefixes', () => {
  it('drops kelurahan, kecamatan and kab/kota prefixes, each for its own kind', () => {
    for (const s of ['Kel. Gelora', 'Ds. Gelora', 'Desa Gelora', 'Kelurahan Gelora']) expect(normalizeName(s)).toBe('gelora');
    expect(normalizeName('Kec. Tanah Abang', 'kecamatan')).toBe('tanahabang');
    for (const s of ['Kab. Adm. Kepulauan Seribu', 'Kabupaten Administrasi Kepulauan Seribu', 'Kab. Adm. Kep. Seribu', 'KEPULAUAN SERIBU']) {
      expect(normalizeName(s, 'kabkota')).toBe('kepulauanseribu');
    }
    for (const s of ['Kota Adm. Jakarta Utara', 'Kota Administrasi Jakarta Utara', 'Kota Jakarta Utr']) {
      expect(normalizeName(s, 'kabkota')).toBe('jakartautara');
    }
  });

  it('keeps "Kota" in kelurahan and kecamatan names', () => {
    expect(normalizeName('Kota Baru')).toBe('kotabaru');
    expect(normalizeName('Kota Atambua', 'kecamatan')).toBe('kotaatambua');
  });
});

describe('real names of the national file (tests/fixtures/import/join/national/abbreviated-kecamatan.csv)', () => {
  const file = fileURLToPath(new URL('../../fixtures/import/join/national/abbreviated-kecamatan.csv', import.meta.url));
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const byKecamatan = new Map<string, string[]>();
  for (const line of lines) {
    const [kode, nama] = line.split(';');
    const kecamatan = kode.slice(0, 8);
    byKecamatan.set(kecamatan, [...(byKecamatan.get(kecamatan) ?? []), nama]);
  }

  it('keeps every distinct name of a kecamatan distinct after normalisation', () => {
    expect(byKecamatan.size).toBe(121);
    const merged: string[][] = [];
    for (const names of byKecamatan.values()) {
      const distinct = [...new Set(names)];
      const byForm = new Map<string, string[]>();
      for (const name of distinct) byForm.set(normalizeName(name), [...(byForm.get(normalizeName(name)) ?? []), name]);
      for (const same of byForm.values()) if (same.length > 1) merged.push(same);
    }
    expect(merged).toEqual([]);
  });

  it('writes out the abbreviations those names use', () => {
    const names = new Set(lines.map((line) => line.split(';')[1]));
    expect(names.has('Kmp Melayu Brt')).toBe(true);
    expect(normalizeName('Kmp Melayu Brt')).toBe('kampungmelayubarat');
    expect(normalizeName('Gn. Kembang Baru')).toBe('gunungkembangbaru');
  });
});
