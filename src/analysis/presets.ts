/**
 * Ready-made composite indices. Indicator ids, denominators and multipliers are those of
 * data/catalog.json (a test checks they still agree), written out here so the analysis core does
 * not load the catalog.
 */
import type { IndexDirection, Normalisation } from './composite';

/** An indicator of a preset, as a catalog count over a catalog denominator. */
export interface PresetIndicator {
  /** Catalog id of the count. */
  id: string;
  /** Catalog id of the denominator: the rate is id / denominator x per. */
  denominator: string;
  per: number;
  direction: IndexDirection;
  weight: number;
}

/** A named composite index with its indicators, weights and normalisation. */
export interface CompositePreset {
  id: string;
  /** Bahasa Indonesia and English (the catalog's LocalText, written out: analysis imports no data). */
  label: { id: string; en: string };
  normalisation: Normalisation;
  indicators: readonly PresetIndicator[];
}

/**
 * "Indeks kantong kemiskinan": poverty share, extreme-poverty share, RTLH per 100 households,
 * households without safe water and without proper sanitation (shares), all as rates, all
 * higher-is-worse, equal weights. Min-max normalisation so each indicator spans 0 (best
 * kelurahan in the city) to 1 (worst) and the index reads as an average position between them.
 */
export const POVERTY_POCKET_INDEX: CompositePreset = {
  id: 'indeks_kantong_kemiskinan',
  label: { id: 'Indeks kantong kemiskinan', en: 'Poverty-pocket index' },
  normalisation: 'minmax',
  indicators: [
    { id: 'penduduk_miskin', denominator: 'penduduk', per: 100, direction: 'higher_worse', weight: 1 },
    { id: 'penduduk_miskin_ekstrem', denominator: 'penduduk', per: 100, direction: 'higher_worse', weight: 1 },
    { id: 'rtlh', denominator: 'rumah_tangga', per: 100, direction: 'higher_worse', weight: 1 },
    { id: 'rt_tanpa_air_layak', denominator: 'rumah_tangga', per: 100, direction: 'higher_worse', weight: 1 },
    { id: 'rt_tanpa_sanitasi_layak', denominator: 'rumah_tangga', per: 100, direction: 'higher_worse', weight: 1 },
  ],
};

/** Every preset, for a menu. */
export const COMPOSITE_PRESETS: readonly CompositePreset[] = [POVERTY_POCKET_INDEX];
