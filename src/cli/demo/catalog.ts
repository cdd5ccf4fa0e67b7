/**
 * Typed view of `data/catalog.json`, the indicator and program catalog the app
 * imports. The generator takes its column order and number formats from here,
 * so the CSV header and the catalog cannot disagree.
 */
import catalogJson from '../../../data/catalog.json';

/** A text in Bahasa Indonesia (`id`) and English (`en`). */
export interface LocalizedText {
  id: string;
  en: string;
}

export type Theme = 'kependudukan' | 'kemiskinan' | 'perumahan' | 'air_sanitasi' | 'kerentanan';

/** One indicator: one column of `indikator.csv`. */
export interface CatalogIndicator {
  id: string;
  label: LocalizedText;
  unit: LocalizedText;
  theme: Theme;
  kind: 'count' | 'area';
  /** How to turn the count into a rate, or null when a rate makes no sense. */
  rate: { denominator: string; per: number; unit: LocalizedText } | null;
  direction: 'higher_worse' | 'higher_better' | 'neutral';
  definition: LocalizedText;
  source: LocalizedText;
}

export interface CatalogProgram {
  id: string;
  label: LocalizedText;
  group: string;
  opd: string;
  unit: LocalizedText;
  eligible: LocalizedText;
}

export interface CatalogProgramGroup {
  id: string;
  label: LocalizedText;
}

export interface Catalog {
  indicators: CatalogIndicator[];
  programs: CatalogProgram[];
  programGroups: CatalogProgramGroup[];
  synthetic: boolean;
}

/** The catalog as committed in `data/catalog.json`. */
export const catalog: Catalog = catalogJson as Catalog;

/** Decimals written for an indicator: areas in ha get 2, counts none. */
export function indicatorDecimals(indicator: CatalogIndicator): number {
  return indicator.kind === 'area' ? 2 : 0;
}
