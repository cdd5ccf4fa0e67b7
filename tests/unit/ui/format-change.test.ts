/**
 * The change map's numbers: a difference of percentages is in percentage points, a difference of
 * any other rate or count in its own unit, and a rise carries its "+" (issue 15, item 4: the
 * change map said "-1,78%" for -1,78 percentage points).
 */
import { describe, expect, it } from 'vitest';
import { findIndicator, type IndicatorDef } from '../../../src/data/catalog';
import { changeUnitOf, formatChange, formatChangePlain } from '../../../src/ui/format';
import { cityValueLine } from '../../../src/ui/city-value';
import { translate, type MessageKey } from '../../../src/i18n';

const indicator = (id: string): IndicatorDef => findIndicator(id)!;

describe('the unit of a change', () => {
  it('is percentage points for a rate in %', () => {
    expect(changeUnitOf(indicator('penduduk_miskin'), 'rasio', 'id')).toBe('poin persen');
    expect(changeUnitOf(indicator('penduduk_miskin'), 'rasio', 'en')).toBe('percentage points');
    expect(changeUnitOf(indicator('penduduk_miskin'), 'rasio', 'id', true)).toBe('poin');
    expect(changeUnitOf(indicator('penduduk_miskin'), 'rasio', 'en', true)).toBe('pp');
  });

  it('keeps the qualifier of a percentage of something', () => {
    expect(changeUnitOf(indicator('luas_kumuh_ha'), 'rasio', 'id')).toBe('poin persen luas wilayah');
    expect(changeUnitOf(indicator('luas_kumuh_ha'), 'rasio', 'en')).toBe('percentage points of area');
  });

  it('is the rate itself for a rate per 100 households or per 1,000 people', () => {
    expect(changeUnitOf(indicator('rtlh'), 'rasio', 'id')).toBe('per 100 rumah tangga');
    expect(changeUnitOf(indicator('lansia'), 'rasio', 'en', true)).toBe('per 1,000 people');
  });

  it('is the unit of the count for a count', () => {
    expect(changeUnitOf(indicator('penduduk_miskin'), 'jumlah', 'id')).toBe('jiwa');
    expect(changeUnitOf(indicator('rtlh'), 'jumlah', 'en')).toBe('units');
  });
});

describe('a change as text', () => {
  it('writes a fall of a poverty rate in percentage points, never %', () => {
    const text = formatChange(-1.7834, indicator('penduduk_miskin'), 'rasio', 'id');
    expect(text).toBe('-1,78 poin persen');
    expect(formatChange(-1.7834, indicator('penduduk_miskin'), 'rasio', 'id', true)).toBe('-1,78 poin');
    expect(formatChange(-1.7834, indicator('penduduk_miskin'), 'rasio', 'en', true)).toBe('-1.78 pp');
  });

  it('signs a rise and leaves no change unsigned', () => {
    expect(formatChange(1.2, indicator('penduduk_miskin'), 'rasio', 'id', true)).toBe('+1,2 poin');
    expect(formatChangePlain(0, indicator('penduduk_miskin'), 'rasio', 'id')).toBe('0');
    expect(formatChangePlain(0.0001, indicator('penduduk_miskin'), 'rasio', 'id')).toBe('0');
    expect(formatChangePlain(-0.0001, indicator('penduduk_miskin'), 'rasio', 'id')).toBe('0');
  });

  it('writes a change of a count with thousands separators and its unit', () => {
    expect(formatChange(-1234, indicator('penduduk_miskin'), 'jumlah', 'id')).toBe('-1.234 jiwa');
    expect(formatChange(2.5, indicator('rtlh'), 'rasio', 'id')).toBe('+2,5 per 100 rumah tangga');
  });

  it('shows a missing change as a dash', () => {
    expect(formatChange(null, indicator('penduduk_miskin'), 'rasio', 'id')).toBe('–');
  });
});

describe("the region's line on a change map", () => {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate('id', key, params);
  const change = { jumlah: -1234, rasio: -1.234, kelurahanWithData: 54, kelurahan: 54 };

  it('gives the change of the rate in percentage points and of the count in its unit', () => {
    const line = cityValueLine(change, indicator('penduduk_miskin'), 'rasio', { lang: 'id', region: 'Kota Surakarta', t, change: true });
    expect(line).toBe('Seluruh Kota Surakarta: -1,23 poin persen (-1.234 jiwa)');
  });

  it('still gives a plain value with % when it is not a change', () => {
    const level = { jumlah: 40000, rasio: 7.44, kelurahanWithData: 54, kelurahan: 54 };
    expect(cityValueLine(level, indicator('penduduk_miskin'), 'rasio', { lang: 'id', region: 'Kota Surakarta', t })).toBe('Seluruh Kota Surakarta: 7,44% (40.000 jiwa)');
  });
});
