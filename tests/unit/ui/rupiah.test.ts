/** Rupiah amounts as typed in an Indonesian office (src/ui/rupiah.ts). */
import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiah } from '../../../src/ui/rupiah';

describe('parseRupiah', () => {
  it('reads dots and spaces as thousands separators, with or without Rp and ,00', () => {
    for (const text of ['2.000.000.000', '2000000000', 'Rp 2.000.000.000', 'Rp2.000.000.000,00', '2 000 000 000', ' 2.000.000.000 ']) {
      expect(parseRupiah(text)).toBe(2_000_000_000);
    }
    expect(parseRupiah('20.000.000')).toBe(20_000_000);
    expect(parseRupiah('0')).toBe(0);
  });

  it('reads amounts in words: miliar, M, juta, jt, triliun, with a decimal comma', () => {
    expect(parseRupiah('2 miliar')).toBe(2_000_000_000);
    expect(parseRupiah('Rp 2,5 miliar')).toBe(2_500_000_000);
    expect(parseRupiah('2,5M')).toBe(2_500_000_000);
    expect(parseRupiah('750 juta')).toBe(750_000_000);
    expect(parseRupiah('20 jt')).toBe(20_000_000);
    expect(parseRupiah('1 triliun')).toBe(1_000_000_000_000);
  });

  it('refuses what is not a whole-rupiah amount instead of reading another number', () => {
    // "2.000000000" is what a number field made of "2.000.000.000" (and then allocated Rp0).
    for (const text of ['2.000000000', '2.00.000', '2 kilo', '', 'abc', '-5', '1.234,56', '12.34', 'miliar']) {
      expect(parseRupiah(text)).toBeNull();
    }
  });

  it('shows amounts with id-ID separators, which it reads back', () => {
    expect(formatRupiah(10_000_000_000)).toBe('10.000.000.000');
    expect(parseRupiah(formatRupiah(10_000_000_000))).toBe(10_000_000_000);
  });
});
