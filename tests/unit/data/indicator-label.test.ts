/**
 * An indicator's name with its unit: one pair of brackets even when the user's label carries its
 * own note (the brief printed "Penduduk miskin (impor) (per 100 Penduduk)"), and a unit the label
 * already names is not repeated.
 */
import { describe, expect, it } from 'vitest';
import { labelWithUnit } from '../../../src/data/indicator-label';

describe('labelWithUnit', () => {
  it('puts the unit in brackets after a plain label', () => {
    expect(labelWithUnit('Penduduk miskin', '%')).toBe('Penduduk miskin (%)');
  });

  it("joins the unit to the label's own bracketed note instead of a second pair", () => {
    expect(labelWithUnit('Penduduk miskin (impor)', 'per 100 Penduduk')).toBe('Penduduk miskin (impor, per 100 Penduduk)');
  });

  it('does not repeat a unit the label already names', () => {
    expect(labelWithUnit('RTLH per 100 rumah tangga', 'per 100 rumah tangga')).toBe('RTLH per 100 rumah tangga');
    expect(labelWithUnit('Penduduk miskin (%)', '%')).toBe('Penduduk miskin (%)');
  });

  it('leaves the label alone without a unit', () => {
    expect(labelWithUnit('Indeks komposit', '')).toBe('Indeks komposit');
  });
});
