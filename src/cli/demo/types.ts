/**
 * Shapes shared by the synthetic demo generator, its CLI and its tests.
 * Rows are plain objects so they serialise to CSV and compare in tests without
 * any class machinery.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** One entry of `data/kota.json`. */
export interface CityInfo {
  /** Kemendagri kode kota, e.g. `33.72`. */
  kode: string;
  slug: string;
  nama: string;
  provinsi?: string;
  /** Official number of kelurahan/desa. */
  kelurahan: number;
  /** File name inside `data/boundaries/`. */
  boundaries: string;
}

/** Properties carried by every kelurahan polygon in `data/boundaries/`. */
export interface KelurahanProperties {
  kode: string;
  kelurahan: string;
  kode_kecamatan: string;
  kecamatan: string;
  kode_kota: string;
  kota: string;
  [key: string]: unknown;
}

export type KelurahanFeature = Feature<Polygon | MultiPolygon, KelurahanProperties>;
export type KelurahanCollection = FeatureCollection<Polygon | MultiPolygon, KelurahanProperties>;

/** Boundaries keyed by kode kota (`33.72`). */
export type BoundariesByCity = Record<string, KelurahanCollection>;

/** Key columns that start every row of `indikator.csv`, in file order. */
export const INDICATOR_KEY_COLUMNS = ['kode', 'kelurahan', 'kode_kecamatan', 'kecamatan', 'kode_kota', 'tahun'] as const;

/** Ids of the indicators the generator produces (every one is described in the catalog). */
export type IndicatorId =
  | 'penduduk'
  | 'rumah_tangga'
  | 'rumah'
  | 'luas_ha'
  | 'penduduk_miskin'
  | 'penduduk_miskin_ekstrem'
  | 'rt_desil_1_4'
  | 'rt_desil_1'
  | 'rtlh'
  | 'luas_kumuh_ha'
  | 'rt_tanpa_air_layak'
  | 'rt_tanpa_sanitasi_layak'
  | 'rt_miskin_kepala_perempuan'
  | 'lansia'
  | 'penyandang_disabilitas';

/** One kelurahan in one year: key columns plus every indicator. */
export interface IndicatorRow extends Record<IndicatorId, number> {
  kode: string;
  kelurahan: string;
  kode_kecamatan: string;
  kecamatan: string;
  kode_kota: string;
  tahun: number;
}

/** Program ids the generator produces (every one is described in the catalog). */
export type ProgramId = 'pkh' | 'bpnt' | 'gerobak_usaha' | 'pelatihan_umkm' | 'perbaikan_rtlh' | 'pmt' | 'bank_sampah' | 'bantuan_csr_baznas';

/** Beneficiaries (`penerima`) and eligible (`sasaran`) of one program in one kelurahan and year. */
export interface ProgramRow {
  kode: string;
  tahun: number;
  program: ProgramId;
  penerima: number;
  sasaran: number;
}

/** A program site (bank sampah unit, PMT post, ...), a point inside its kelurahan. */
export interface SiteRow {
  id: string;
  program: ProgramId;
  nama: string;
  kode: string;
  lat: number;
  lon: number;
  tahun: number;
}

/** Everything `generateDemo` returns, rows already sorted as they are written. */
export interface DemoData {
  indicators: IndicatorRow[];
  programs: ProgramRow[];
  sites: SiteRow[];
}

/** First and last year of the demo series. */
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2025;
/** Every demo year, ascending. */
export const YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];
