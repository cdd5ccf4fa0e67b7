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
  /** One of the national synthetic sample's indicators, offered in regions that carry it (`City.nationalValues`). */
  national?: boolean;
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
  /**
   * A provinsi or several kab/kota opened from the national file: it carries the national
   * synthetic sample (public/national/contoh-nilai.csv) as indicators, so every tool has numbers.
   */
  nationalValues?: boolean;
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

/** One national sample indicator: a share per desa already, never summed (kind `index`). */
function nationalSample(column: string, label: LocalText, unit: LocalText, theme: Theme): IndicatorDef {
  return {
    id: `nasional_${column}`,
    label: { id: `${label.id} (contoh sintetis)`, en: `${label.en} (synthetic sample)` },
    unit,
    theme,
    kind: 'index',
    rate: null,
    direction: 'higher_worse',
    definition: {
      id: 'Angka contoh sintetis per desa/kelurahan dari berkas nasional aplikasi, dibuat acak untuk mencoba alat analisis; bukan data BPS atau pemerintah daerah.',
      en: 'A synthetic sample figure per desa/kelurahan from the app\'s national file, generated at random to try the analysis tools; not BPS or local government data.',
    },
    source: {
      id: 'Contoh sintetis nasional (national/contoh-nilai.csv), bukan data resmi.',
      en: 'National synthetic sample (national/contoh-nilai.csv), not official data.',
    },
    synthetic: true,
    national: true,
  };
}

/**
 * The counts RTLH targeting adds up, derived from the sample when a region loads
 * (src/data/national-values.ts): households per desa from a seeded hash, RTLH units from them and
 * the sample's RTLH per 100 households. Counts, so their rate is per 100 households again.
 */
function nationalSampleCounts(): IndicatorDef[] {
  const synthetic = { synthetic: true, national: true, rate: null, kind: 'count' as const };
  const source = {
    id: 'Contoh sintetis nasional: dihitung dari national/contoh-nilai.csv dengan jumlah rumah tangga acak berbenih, bukan data resmi.',
    en: 'National synthetic sample: computed from national/contoh-nilai.csv with seeded random household counts, not official data.',
  };
  return [
    {
      ...synthetic,
      id: 'nasional_rumah_tangga',
      label: { id: 'Jumlah rumah tangga (contoh sintetis)', en: 'Households (synthetic sample)' },
      unit: { id: 'rumah tangga', en: 'households' },
      theme: 'kependudukan',
      direction: 'neutral',
      definition: {
        id: 'Jumlah rumah tangga contoh per desa/kelurahan, diundi dengan benih tetap (desa 150–2.500, kelurahan 800–8.000) agar alat sasaran RTLH dapat dicoba; bukan data BPS.',
        en: 'A sample household count per desa/kelurahan, drawn with a fixed seed (desa 150–2,500, kelurahan 800–8,000) so RTLH targeting can be tried; not BPS data.',
      },
      source,
    },
    {
      ...synthetic,
      id: 'nasional_rtlh_unit',
      label: { id: 'Rumah tidak layak huni (RTLH, contoh sintetis)', en: 'Uninhabitable houses (RTLH, synthetic sample)' },
      unit: { id: 'unit', en: 'units' },
      theme: 'perumahan',
      rate: { denominator: 'nasional_rumah_tangga', per: 100, unit: { id: 'per 100 rumah tangga', en: 'per 100 households' } },
      direction: 'higher_worse',
      definition: {
        id: 'Rumah tidak layak huni contoh: jumlah rumah tangga contoh × RTLH per 100 rumah tangga contoh ÷ 100, dibulatkan; bukan data resmi.',
        en: 'Sample uninhabitable houses: the sample households × the sample RTLH per 100 households ÷ 100, rounded; not official data.',
      },
      source,
    },
  ];
}

/**
 * The national sample's indicators (the columns of public/national/contoh-nilai.csv, made by
 * src/cli/national/synthetic.ts), offered in a provinsi or several kab/kota opened as a region.
 */
export const NATIONAL_SAMPLE_INDICATORS: IndicatorDef[] = [
  nationalSample('penduduk_miskin', { id: 'Penduduk miskin', en: 'Poor population' }, { id: '%', en: '%' }, 'kemiskinan'),
  nationalSample('rtlh', { id: 'RTLH per 100 rumah tangga', en: 'RTLH per 100 households' }, { id: 'per 100 rumah tangga', en: 'per 100 households' }, 'perumahan'),
  nationalSample('tanpa_air_layak', { id: 'Rumah tangga tanpa air minum layak', en: 'Households without safe drinking water' }, { id: '%', en: '%' }, 'air_sanitasi'),
  ...nationalSampleCounts(),
];

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
  return [...catalog.indicators, ...NATIONAL_SAMPLE_INDICATORS, ...importedIndicators.values()];
}

export function findIndicator(id: string): IndicatorDef | undefined {
  if (id === COMPOSITE_INDICATOR.id) return COMPOSITE_INDICATOR;
  return catalog.indicators.find((i) => i.id === id) ?? NATIONAL_SAMPLE_INDICATORS.find((i) => i.id === id) ?? importedIndicators.get(id);
}

/** Whether an indicator has data in a region: demo indicators in demo cities, imported ones where they were joined. */
export function indicatorInRegion(indicator: IndicatorDef, region: City): boolean {
  if (indicator.national) return region.nationalValues === true;
  return indicator.regionKode ? indicator.regionKode === region.kode : !region.source;
}

/** Whether an indicator's numbers in a region are the demo's synthetic ones (and must say so), not the user's data. */
export function showsSyntheticData(indicator: Pick<IndicatorDef, 'synthetic' | 'dataset' | 'national'>, region: Pick<City, 'source'>): boolean {
  if (indicator.national) return true;
  return (indicator.synthetic ?? !indicator.dataset) && !region.source;
}

export function findCity(kodeOrSlug: string): City | undefined {
  return cities.find((c) => c.kode === kodeOrSlug || c.slug === kodeOrSlug);
}

/** The measure actually available: an indicator without a rate can only be shown as a count. */
export function effectiveMeasure(indicator: IndicatorDef, wanted: Measure): Measure {
  return wanted === 'rasio' && indicator.rate ? 'rasio' : 'jumlah';
}
