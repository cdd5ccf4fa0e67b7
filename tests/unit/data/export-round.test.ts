import { describe, expect, it } from 'vitest';
import { findIndicator, type IndicatorDef } from '../../../src/data/catalog';
import { exportDecimals, roundTo } from '../../../src/data/export-round';

const indicator = (id: string) => findIndicator(id) as IndicatorDef;

describe('the export rounding rule', () => {
  it('keeps counts whole and rates, areas and scores to two decimals', () => {
    expect(exportDecimals(indicator('penduduk_miskin'), 'jumlah')).toBe(0);
    expect(exportDecimals(indicator('penduduk_miskin'), 'rasio')).toBe(2);
    expect(exportDecimals(indicator('luas_ha'), 'jumlah')).toBe(2);
    expect(exportDecimals(indicator('indeks_kantong_kemiskinan'), 'rasio')).toBe(2);
  });

  it('keeps decimals of scores and percentages registered as counts (the composite index is shown as "jumlah")', () => {
    // The composite's scores lie between 0 and 1: written whole, every kelurahan read 0 or 1.
    expect(exportDecimals(indicator('indeks_kantong_kemiskinan'), 'jumlah')).toBe(2);
    const coverage = { ...indicator('penduduk_miskin'), id: 'program:cakupan:pkh', unit: { id: '% sasaran', en: '% of eligible' }, rate: null };
    expect(exportDecimals(coverage, 'jumlah')).toBe(2);
    expect(exportDecimals(indicator('rumah_tangga'), 'jumlah')).toBe(0);
    expect(exportDecimals(indicator('rtlh'), 'jumlah')).toBe(0);
  });

  it('rounds half away from float noise, leaves empty values empty and never writes -0', () => {
    expect(roundTo(16.17410857693543, 2)).toBe(16.17);
    expect(roundTo(37.49999999999999, 2)).toBe(37.5);
    expect(roundTo(5915.4, 0)).toBe(5915);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false);
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map((v) => roundTo(v, 2))).toEqual([null, null, null, null]);
  });
});
