import { describe, expect, it } from 'vitest';
import { formatNumber, messages, translate } from '../../../src/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const idKeys = Object.keys(messages.id).sort();
    expect(Object.keys(messages.en).sort()).toEqual(idKeys);
    for (const key of idKeys as (keyof typeof messages.id)[]) {
      expect(messages.id[key].trim(), key).not.toBe('');
      expect(messages.en[key].trim(), key).not.toBe('');
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.id[key]));
    }
  });

  it('names the classification schemes in Indonesian, the method\'s author only in brackets (issue 15: "Natural breaks" in the Indonesian interface)', () => {
    const schemes = (Object.keys(messages.id) as (keyof typeof messages.id)[]).filter((k) => k.startsWith('scheme.'));
    for (const key of schemes) expect(messages.id[key].replace(/\(.*\)/, ''), key).not.toMatch(/\b(natural|breaks|equal|quantile|standard deviation)\b/i);
    expect(messages.id['scheme.fisher']).toBe('Jeda alami (Fisher-Jenks)');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'panel.rankOf', { rank: 2, n: 54 })).toBe('2 dari 54');
    expect(translate('en', 'panel.rankOf', { rank: 2 })).toBe('2 of {n}');
  });

  it('formats numbers as Indonesian readers expect', () => {
    expect(formatNumber(17910, 'id')).toBe('17.910');
    expect(formatNumber(7.4399, 'id', 2)).toBe('7,44');
    expect(formatNumber(17910.5, 'en', 1)).toBe('17,910.5');
    expect(formatNumber(null, 'id')).toBe('–');
    expect(formatNumber(Number.NaN, 'id')).toBe('–');
  });
});
