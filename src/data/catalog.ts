/**
 * The indicator catalog (data/catalog.json): what every column means, its unit, how it becomes a
 * rate, and whether higher is worse. The app, the SQL and the demo generator all read this one file.
 */
import catalogJson from '../../data/catalog.json';
import citiesJson from '../../data/kota.json';

export type Lang = 'id' | 'en';
export type LocalText = Record<Lang, string>;

export type Theme = 'kependudukan' | 'kemiskinan' | 'perumahan' | 'air_sanitasi' | 'kerentanan' | 'program' | 'impor';
export type Direction = 'higher_worse' | 'higher_better' | 'neutral';

export interface RateDef {
  /** The catalog id of the denominator column. */
  denominator: string;
  /** Multiplier: 100 for a percentage or "per 100 households", 1000 for "per 1,000 people". */
  per: number;
  unit: LocalText;
}

export interface IndicatorDef {
  id: string;
  label: LocalText;
  unit: LocalText;
  theme: Theme;
  /** `index`: a score or ratio per kelurahan (e.g. M0) that cannot be added up into a city total. */
  kind: 'count' | 'area' | 'index';
  rate: RateDef | null;
  direction: Direction;
  definition: LocalText;
  source: LocalText;
  /** Set on indicators from an imported dataset: its id and the kab/kota it was joined to. */
  dataset?: string;
  regionKode?: string;
  /** Counts from household records: values from 1 to this minus one are shown as "<N". */
  suppressBelow?: number;
  /** Computed from the demo's synthetic data although it belongs to a dataset (program coverage). */
  synthetic?: boolean;
}

export interface ProgramDef {
  id: string;
  label: LocalText;
  group: string;
  opd: string;
  unit: LocalText;
  eligible: LocalText;
}

export interface Catalog {
  indicators: IndicatorDef[];
  programs: ProgramDef[];
  programGroups: { id: string; label: LocalText }[];
  synthetic: boolean;
}

/** A kabupaten/kota on the map: a demo city, or one read from the national file or imported. */
export interface City {
  kode: string;
  /** The demo city's slug (surakarta), or the code (35.72) for other regions. */
  slug: string;
  nama: string;
  provinsi: string;
  kelurahan: number;
  boundaries: string;
  /** Absent for the demo cities, whose boundaries and synthetic indicators ship with the app. */
  source?: 'national' | 'imported';
  /** [west, south, east, north], for regions outside the demo. */
  bbox?: [number, number, number, number];
}

export const catalog = catalogJson as Catalog;
export const cities = citiesJson as City[];

/**
 * The composite poverty-pocket index, offered beside the catalog's indicators. Its values are
 * computed from the catalog's rates by src/analysis/composite.ts, not read from a column.
 */
export const COMPOSITE_INDICATOR: IndicatorDef = {
  id: 'indeks_kantong_kemiskinan',
  label: { id: 'Indeks kantong kemiskinan (komposit)', en: 'Poverty-pocket index (composite)' },
  unit: { id: 'skor', en: 'score' },
  theme: 'kemiskinan',
  kind: 'count',
  rate: null,
  direction: 'higher_worse',
  definition: {
    id: 'Rata-rata berbobot dari indikator terpilih setelah dinormalkan (makin tinggi makin rentan); bobot dan arah tampil di panel kiri, kontribusi tiap indikator di profil kelurahan.',
    en: 'Weighted mean of the chosen indicators after normalisation (higher is needier); weights and directions are shown in the left panel, each indicator\'s contribution in the kelurahan profile.',
  },
  source: {
    id: 'Dihitung di peramban dari data contoh (sintetis) dalam katalog.',
    en: 'Computed in the browser from the sample (synthetic) data in the catalog.',
  },
};

/** Whether a value is shown as a count or as a rate per the catalog's denominator. */
export type Measure = 'jumlah' | 'rasio';

const importedIndicators = new Map<string, IndicatorDef>();

/** Makes an imported dataset's indicators known (replacing that dataset's previous ones). */
export function registerIndicators(dataset: string, defs: IndicatorDef[]): void {
  unregisterIndicators(dataset);
  for (const def of defs) importedIndicators.set(def.id, { ...def, dataset });
}

export function unregisterIndicators(dataset: string): void {
  for (const [id, def] of importedIndicators) if (def.dataset === dataset) importedIndicators.delete(id);
}

/** The catalog's indicators followed by every imported one. */
export function allIndicators(): IndicatorDef[] {
  return [...catalog.indicators, ...importedIndicators.values()];
}

export function findIndicator(id: string): IndicatorDef | undefined {
  if (id === COMPOSITE_INDICATOR.id) return COMPOSITE_INDICATOR;
  return catalog.indicators.find((i) => i.id === id) ?? importedIndicators.get(id);
}

/** Whether an indicator has data in a region: demo indicators in demo cities, imported ones where they were joined. */
export function indicatorInRegion(indicator: IndicatorDef, region: City): boolean {
  return indicator.regionKode ? indicator.regionKode === region.kode : !region.source;
}

/** Whether an indicator's numbers in a region are the demo's synthetic ones (and must say so), not the user's data. */
export function showsSyntheticData(indicator: Pick<IndicatorDef, 'synthetic' | 'dataset'>, region: Pick<City, 'source'>): boolean {
  return (indicator.synthetic ?? !indicator.dataset) && !region.source;
}

export function findCity(kodeOrSlug: string): City | undefined {
  return cities.find((c) => c.kode === kodeOrSlug || c.slug === kodeOrSlug);
}

/** The measure actually available: an indicator without a rate can only be shown as a count. */
export function effectiveMeasure(indicator: IndicatorDef, wanted: Measure): Measure {
  return wanted === 'rasio' && indicator.rate ? 'rasio' : 'jumlah';
}
