/**
 * A targeting reason as a sentence: one unit is "1 RTLH unit" in English, not "1 RTLH units";
 * more keep the plural; Indonesian has no plural and reads the same either way.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n';
import type { Lang } from '../../../src/data/catalog';
import { reasonText } from '../../../src/ui/targeting-reasons';

const words = (lang: Lang) => ({ lang, t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params) });

describe('reasonText', () => {
  it('says one RTLH unit in the singular in English', () => {
    expect(reasonText(words('en'), { key: 'targeting.reason.count', params: { units: 1 } })).toBe('1 RTLH unit not yet repaired');
    expect(reasonText(words('en'), { key: 'targeting.reason.repaired', params: { units: 1, from: 2023, to: 2023 } })).toBe('1 RTLH unit was repaired in 2023');
    expect(reasonText(words('en'), { key: 'targeting.reason.repaired', params: { units: 1, from: 2021, to: 2024 } })).toBe('1 RTLH unit repaired in 2021–2024');
  });

  it('keeps the plural for other counts and Indonesian unchanged', () => {
    expect(reasonText(words('en'), { key: 'targeting.reason.count', params: { units: 1234 } })).toBe('1,234 RTLH units not yet repaired');
    expect(reasonText(words('id'), { key: 'targeting.reason.count', params: { units: 1 } })).toBe('1 unit RTLH belum diperbaiki');
  });
});
