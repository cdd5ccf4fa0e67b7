/** The map's title says the span a multi-year analysis read, not the one year shown (issue 18, item 1). */
import { describe, expect, it } from 'vitest';
import { mapTitle } from '../../../src/ui/map-title';
import { translate, type MessageKey } from '../../../src/i18n';
import type { Lang } from '../../../src/data/catalog';

const t = (lang: Lang) => (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const base = { indicator: 'Penduduk miskin', tahun: 2025, compareYear: null, isChange: false, span: null };

describe('mapTitle', () => {
  it('names the year of a one-year map', () => {
    expect(mapTitle(t('id'), base)).toBe('Penduduk miskin, 2025');
  });
  it('names both years of a change map', () => {
    expect(mapTitle(t('en'), { ...base, isChange: true, compareYear: 2021 })).toBe('Change in Penduduk miskin, 2021–2025');
  });
  it('names the span of a multi-year analysis in both languages, even on a change map', () => {
    expect(mapTitle(t('id'), { ...base, span: [2021, 2025] })).toBe('Penduduk miskin, 2021–2025');
    expect(mapTitle(t('en'), { ...base, span: [2021, 2025], isChange: true, compareYear: 2023 })).toBe('Penduduk miskin, 2021–2025');
  });
});
