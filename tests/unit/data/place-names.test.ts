import { describe, expect, it } from 'vitest';
import { nameForms, normalizeName } from '../../../src/data/place-names';

describe('normalizeName', () => {
  it('ignores case, spaces, punctuation and administrative prefixes', () => {
    for (const s of ['Kemlayan', 'KEMLAYAN ', 'Kel. Kemlayan', 'Kel.\u00a0Kemlayan', 'Kelurahan Kemlayan', 'Desa/Kelurahan Kemlayan', 'kel kemlayan']) {
      expect(normalizeName(s), s).toBe('kemlayan');
    }
    expect(normalizeName('Kec. Pasar Kliwon', 'kecamatan')).toBe('pasarkliwon');
  });

  it('writes out abbreviations and joins words, as the boundary files write "Pasarkliwon"', () => {
    expect(normalizeName('Ps. Kliwon')).toBe(normalizeName('Pasarkliwon'));
    expect(normalizeName('Kp. Baru')).toBe(normalizeName('Kampungbaru'));
    expect(normalizeName('Tg. Balai')).toBe('tanjungbalai');
  });

  it('keeps "Kampung" and a name that is only a prefix word', () => {
    expect(normalizeName('Kampung Baru')).toBe('kampungbaru');
    expect(normalizeName('Kampung Bali')).toBe('kampungbali');
    expect(normalizeName('Desa')).toBe('desa');
  });

  it('modernises the old spelling and numbers', () => {
    expect(normalizeName('Djebres')).toBe('jebres');
    expect(normalizeName('Tjemani')).toBe('cemani');
    expect(normalizeName('Soerakarta')).toBe('surakarta');
    expect(normalizeName('Tanjungbalai Kota II')).toBe(normalizeName('Tanjungbalai Kota 2'));
    expect(normalizeName('Sriwédari')).toBe('sriwedari');
    // Today's spelling keeps nj and j: Banjarsari must not turn into "banyarsari".
    expect(normalizeName('Banjarsari')).toBe('banjarsari');
    // Respelling works on the joined words, so a "tj" across two words cannot split one name in two forms.
    expect(normalizeName('Bukitjaya')).toBe(normalizeName('Bukit Jaya'));
  });

  it('gives the form with and without the prefix when they differ', () => {
    expect(nameForms('Desa Baru')).toEqual(['baru', 'desabaru']);
    expect(nameForms('Jebres')).toEqual(['jebres']);
    expect(nameForms('  ')).toEqual([]);
    expect(normalizeName(null)).toBe('');
  });
});
