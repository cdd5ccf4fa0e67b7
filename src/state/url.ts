/**
 * The view as a URL query, so that a reload or a shared link restores the same map.
 * Compact and versioned (`v=1`); unknown or invalid values are reported and fall back to defaults.
 */
import type { Lang, Measure } from '../data/catalog';
import { SCHEMES, type Scheme } from '../analysis/classify';
import { findMethod, METHOD_IDS } from '../analysis/methods';

export const URL_VERSION = 1;

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewParams {
  kota: string;
  tahun: number;
  indikator: string;
  ukuran: Measure;
  kelas: number;
  /** Classification scheme; `batas` holds the cut points of manual breaks. */
  skema: Scheme;
  batas: number[] | null;
  /** Empirical-Bayes smoothed rates. */
  eb: boolean;
  /** The analysis shown, when not the plain value map. */
  analisis: AnalysisParams | null;
  lang: Lang;
  peta: Camera | null;
  /** A change map: the year compared with (`tahun` minus `banding`); null for a plain map. */
  banding: number | null;
}

/** What reproduces an analysis exactly: method, inference and weights. */
export interface AnalysisParams {
  /** Id of a method of the registry (src/analysis/methods). */
  metode: string;
  permutasi: number;
  seed: number;
  alpha: number;
  koreksi: 'none' | 'bonferroni' | 'fdr';
  bobot: 'queen' | 'rook';
  toleransi: number;
  /** Second indicator of a two-indicator method (quadrants, bivariate LISA). */
  kedua: string | null;
}

export interface UrlProblem {
  name: string;
  value: string;
}

export interface Vocabulary {
  citySlugs: readonly string[];
  indicatorIds: readonly string[];
}

const MIN_CLASSES = 3;
const MAX_CLASSES = 9;

/** Reads what it can from a query string; every value it cannot use is listed in `problems`. */
export function parseViewParams(search: string, vocabulary: Vocabulary): { params: Partial<ViewParams>; problems: UrlProblem[] } {
  const query = new URLSearchParams(search);
  const params: Partial<ViewParams> = {};
  const problems: UrlProblem[] = [];
  const take = (name: string, accept: (raw: string) => boolean) => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    if (accept(raw)) return raw;
    problems.push({ name, value: raw });
    return undefined;
  };
  const version = take('v', (raw) => raw === String(URL_VERSION));
  if (query.has('v') && version === undefined) return { params, problems };

  const kota = take('kota', (raw) => vocabulary.citySlugs.includes(raw));
  if (kota) params.kota = kota;
  const tahun = take('tahun', (raw) => /^(19|20)\d\d$/.test(raw));
  if (tahun) params.tahun = Number(tahun);
  const indikator = take('indikator', (raw) => vocabulary.indicatorIds.includes(raw));
  if (indikator) params.indikator = indikator;
  const ukuran = take('ukuran', (raw) => raw === 'jumlah' || raw === 'rasio');
  if (ukuran) params.ukuran = ukuran as Measure;
  const kelas = take('kelas', (raw) => /^\d$/.test(raw) && Number(raw) >= MIN_CLASSES && Number(raw) <= MAX_CLASSES);
  if (kelas) params.kelas = Number(kelas);
  const skema = take('skema', (raw) => (SCHEMES as readonly string[]).includes(raw));
  if (skema) params.skema = skema as Scheme;
  const batas = take('batas', (raw) => parseBreaks(raw) !== null);
  if (batas) params.batas = parseBreaks(batas);
  const eb = take('eb', (raw) => raw === '1' || raw === '0');
  if (eb) params.eb = eb === '1';
  const metode = take('analisis', (raw) => METHOD_IDS.includes(raw));
  if (metode) {
    const int = (name: string, min: number, max: number) => take(name, (raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max);
    const permutasi = int('permutasi', 0, 99_999);
    const seed = int('seed', 1, 4_294_967_295);
    const alpha = take('alpha', (raw) => ['0.05', '0.01', '0.001'].includes(raw));
    const koreksi = take('koreksi', (raw) => ['none', 'bonferroni', 'fdr'].includes(raw));
    const bobot = take('bobot', (raw) => raw === 'queen' || raw === 'rook');
    const toleransi = int('toleransi', 0, 200);
    const kedua = take('kedua', (raw) => vocabulary.indicatorIds.includes(raw));
    params.analisis = {
      metode,
      permutasi: permutasi === undefined ? 999 : Number(permutasi),
      seed: seed === undefined ? 20250707 : Number(seed),
      alpha: alpha === undefined ? 0.05 : Number(alpha),
      koreksi: (koreksi ?? 'none') as AnalysisParams['koreksi'],
      bobot: (bobot ?? 'queen') as AnalysisParams['bobot'],
      toleransi: toleransi === undefined ? 10 : Number(toleransi),
      kedua: kedua ?? null,
    };
  }
  const banding = take('banding', (raw) => /^(19|20)\d\d$/.test(raw));
  if (banding) params.banding = Number(banding);
  const lang = take('lang', (raw) => raw === 'id' || raw === 'en');
  if (lang) params.lang = lang as Lang;
  const peta = take('peta', (raw) => parseCamera(raw) !== null);
  if (peta) params.peta = parseCamera(peta);
  return { params, problems };
}

/** Manual cut points as typed or linked: "5;10;15" (semicolons, so Indonesian decimal commas work). */
export function parseBreaks(raw: string): number[] | null {
  const parts = raw
    .split(/[;\s]+/)
    .filter(Boolean)
    .map((p) => Number(p.replace(',', '.')));
  if (parts.length === 0 || parts.length > 8 || parts.some((n) => !Number.isFinite(n))) return null;
  return parts.every((n, i) => i === 0 || n > parts[i - 1]) ? parts : null;
}

function parseCamera(raw: string): Camera | null {
  const parts = raw.split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts;
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

/** The query string of a view, in a fixed order so equal views give equal links. */
export function formatViewParams(view: ViewParams): string {
  const query = new URLSearchParams();
  query.set('v', String(URL_VERSION));
  query.set('kota', view.kota);
  query.set('tahun', String(view.tahun));
  query.set('indikator', view.indikator);
  query.set('ukuran', view.ukuran);
  query.set('kelas', String(view.kelas));
  if (view.skema !== 'quantile') query.set('skema', view.skema);
  if (view.skema === 'manual' && view.batas) query.set('batas', view.batas.join(';'));
  if (view.eb) query.set('eb', '1');
  const a = view.analisis;
  if (a) {
    query.set('analisis', a.metode);
    // The fields the method reads: a local statistic its inference and weights, a two-indicator
    // method its second indicator.
    const method = findMethod(a.metode);
    if (method?.secondVariable && a.kedua) query.set('kedua', a.kedua);
    if (method?.kind === 'local') {
      query.set('permutasi', String(a.permutasi));
      query.set('seed', String(a.seed));
      query.set('alpha', String(a.alpha));
      query.set('koreksi', a.koreksi);
      query.set('bobot', a.bobot);
      query.set('toleransi', String(a.toleransi));
    }
  }
  if (view.banding !== null) query.set('banding', String(view.banding));
  if (view.lang !== 'id') query.set('lang', view.lang);
  if (view.peta) {
    const { zoom, lat, lon } = view.peta;
    query.set('peta', `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`);
  }
  // '/', ';' and ',' (several kab/kota as one region: kota=33.11,33.72) are legal in a query and keep links readable.
  return query.toString().replaceAll('%2F', '/').replaceAll('%3B', ';').replaceAll('%2C', ',');
}
