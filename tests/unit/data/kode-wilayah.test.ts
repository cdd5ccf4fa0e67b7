import { describe, expect, it } from 'vitest';
import { formatKemendagri, isPlausibleKemendagri, kemendagriParts, looksLikeBps, normalizeKode, parseKode } from '../../../src/data/kode-wilayah';

describe('parseKode', () => {
  it('reads Semanggi (33.72.03.1002) in every common spelling', () => {
    const spellings = [
      '33.72.03.1002',
      '3372031002',
      "'3372031002",
      '’3372031002',
      ' 33 72 03 1002 ',
      '33-72-03-1002',
      '33–72–03–1002',
      '33.72.03.1002\u00a0',
      '3372031002.0',
      '3.372031002E+09',
    ];
    for (const s of spellings) expect(normalizeKode(s), s).toBe('3372031002');
    expect(normalizeKode(3372031002)).toBe('3372031002');
  });

  it('reads Windows-1252 quotes and dashes that were decoded as Latin-1 (Node 20.18.3+)', () => {
    expect(normalizeKode('\u00923372031002')).toBe('3372031002');
    expect(normalizeKode('33\u009672\u009603\u00961002')).toBe('3372031002');
  });

  it('tells the layout the separators show', () => {
    expect(parseKode('33.72.03.1002')).toEqual({ kind: 'kode', digits: '3372031002', layout: 'kemendagri' });
    expect(parseKode('33.72.010.001')).toEqual({ kind: 'kode', digits: '3372010001', layout: 'bps' });
    expect(parseKode('3372031002')).toEqual({ kind: 'kode', digits: '3372031002', layout: 'plain' });
  });

  it('refuses numbers Excel has rounded, and what is not a 10-digit code', () => {
    expect(parseKode('3.37203E+09')).toEqual({ kind: 'unreliable-number' });
    expect(parseKode('3,37203E+09')).toEqual({ kind: 'unreliable-number' });
    expect(parseKode('')).toEqual({ kind: 'empty' });
    expect(parseKode("  '  ")).toEqual({ kind: 'empty' });
    expect(parseKode(null)).toEqual({ kind: 'empty' });
    expect(parseKode('33.72.03')).toEqual({ kind: 'invalid' }); // a kecamatan
    expect(parseKode('Semanggi')).toEqual({ kind: 'invalid' });
    expect(parseKode('33720310021')).toEqual({ kind: 'invalid' });
    expect(parseKode(3372031002.5)).toEqual({ kind: 'invalid' });
  });
});

describe('Kemendagri and BPS', () => {
  it('splits and formats PP.KK.CC.DDDD', () => {
    expect(kemendagriParts('3372031002')).toEqual({ provinsi: '33', kabKota: '72', kecamatan: '03', desa: '1002' });
    expect(formatKemendagri('3372031002')).toBe('33.72.03.1002');
  });

  it('knows a BPS code by its desa part, which Kemendagri never starts with 0', () => {
    expect(isPlausibleKemendagri('3372031002')).toBe(true); // kelurahan
    expect(isPlausibleKemendagri('3301012001')).toBe(true); // desa
    expect(looksLikeBps('3372031002')).toBe(false);
    expect(looksLikeBps('3372010001')).toBe(true); // Pajang, BPS: kecamatan 010, desa 001
    expect(looksLikeBps('3372050015')).toBe(true);
    expect(isPlausibleKemendagri('3372010001')).toBe(false);
    expect(looksLikeBps('3372000001')).toBe(false); // kecamatan 000 exists in neither
  });
});
