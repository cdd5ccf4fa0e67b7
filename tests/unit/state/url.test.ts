import { describe, expect, it } from 'vitest';
import { formatViewParams, parseBreaks, parseViewParams, type ViewParams } from '../../../src/state/url';

const vocabulary = { citySlugs: ['surakarta', 'probolinggo'], indicatorIds: ['rtlh', 'penduduk_miskin'] };
const view: ViewParams = {
  kota: 'probolinggo',
  tahun: 2022,
  indikator: 'rtlh',
  ukuran: 'rasio',
  kelas: 7,
  skema: 'quantile',
  batas: null,
  eb: false,
  analisis: null,
  lang: 'en',
  peta: { zoom: 12.5, lat: -7.75123, lon: 113.21567 },
  banding: null,
};

describe('view in the URL', () => {
  it('round-trips a whole view', () => {
    const query = formatViewParams(view);
    expect(query).toBe('v=1&kota=probolinggo&tahun=2022&indikator=rtlh&ukuran=rasio&kelas=7&lang=en&peta=12.50/-7.75123/113.21567');
    expect(parseViewParams(`?${query}`, vocabulary)).toEqual({
      params: { ...view, skema: undefined, batas: undefined, eb: undefined, analisis: undefined, banding: undefined },
      problems: [],
    });
    const change = formatViewParams({ ...view, banding: 2021 });
    expect(change).toContain('&banding=2021&');
    expect(parseViewParams(`?${change}`, vocabulary).params.banding).toBe(2021);
    const smoothed = formatViewParams({ ...view, eb: true });
    expect(smoothed).toContain('eb=1');
    expect(parseViewParams(`?${smoothed}`, vocabulary).params.eb).toBe(true);
  });

  it('carries a scheme and, for manual breaks, the cut points', () => {
    const query = formatViewParams({ ...view, skema: 'manual', batas: [2.5, 5, 10] });
    expect(query).toContain('skema=manual&batas=2.5;5;10');
    expect(parseViewParams(`?${query}`, vocabulary).params).toMatchObject({ skema: 'manual', batas: [2.5, 5, 10] });
    expect(parseViewParams('?skema=fisher&batas=3;1', vocabulary)).toEqual({ params: { skema: 'fisher' }, problems: [{ name: 'batas', value: '3;1' }] });
  });

  it('carries an analysis so that a shared LISA map reproduces exactly', () => {
    const analisis = { metode: 'lisa', permutasi: 1079, seed: 42, alpha: 0.01, koreksi: 'fdr', bobot: 'rook', toleransi: 5, kedua: null } as const;
    const query = formatViewParams({ ...view, analisis });
    expect(query).toContain('analisis=lisa&permutasi=1079&seed=42&alpha=0.01&koreksi=fdr&bobot=rook&toleransi=5');
    expect(parseViewParams(`?${query}`, vocabulary).params.analisis).toEqual(analisis);
    const quadrant = formatViewParams({ ...view, analisis: { ...analisis, metode: 'quadrant', kedua: 'penduduk_miskin' } });
    expect(quadrant).toContain('analisis=quadrant&kedua=penduduk_miskin');
    expect(quadrant).not.toContain('seed');
    const { problems } = parseViewParams('?analisis=lisa&seed=abc&alpha=0.2', vocabulary);
    expect(problems.map((p) => p.name)).toEqual(['seed', 'alpha']);
  });

  it('reads manual breaks as people type them', () => {
    expect(parseBreaks('5; 10;15')).toEqual([5, 10, 15]);
    expect(parseBreaks('2,5;7,5')).toEqual([2.5, 7.5]);
    expect(parseBreaks('10;5')).toBeNull();
    expect(parseBreaks('a;b')).toBeNull();
    expect(parseBreaks('')).toBeNull();
  });

  it('leaves the default language and an unset camera out', () => {
    expect(formatViewParams({ ...view, lang: 'id', peta: null })).not.toMatch(/lang|peta/);
  });

  it('reports every value it cannot use and keeps the rest', () => {
    const { params, problems } = parseViewParams('?kota=bandung&tahun=2023&indikator=x&kelas=12&peta=1/2', vocabulary);
    expect(params).toEqual({ tahun: 2023 });
    expect(problems.map((p) => p.name)).toEqual(['kota', 'indikator', 'kelas', 'peta']);
  });

  it('refuses a link from an unknown future version as a whole', () => {
    const { params, problems } = parseViewParams('?v=9&kota=surakarta', vocabulary);
    expect(params).toEqual({});
    expect(problems).toEqual([{ name: 'v', value: '9' }]);
  });
});
