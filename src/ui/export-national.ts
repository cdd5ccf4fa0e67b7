/**
 * PNG and PDF of the map of all of Indonesia as it is shown: the value classes or the LISA / Gi*
 * categories, with their legend, the synthetic-data badge and the boundary attribution. The same
 * page layout and writers as the city map's export (export-map.ts), the map drawn again at print
 * size by the national map view (its MapImagePort).
 */
import { mapPixels, type MapPage, type PageSpec } from '../export/map-layout';
import type { Lang } from '../data/catalog';
import { formatNumber, type Translate } from '../i18n';
import type { MapImagePort } from '../map/export-image';
import { NO_DATA_COLOR } from '../map/palette';
import type { NationalState } from '../state/national.svelte';
import { pagePng, pagesPdf, pngDpi } from './export-map';
import { rowsOfClasses } from './legend-rows';

/** What the national export reads. */
export interface NationalExportInput {
  national: NationalState;
  port: MapImagePort;
  spec: PageSpec;
  lang: Lang;
  t: Translate;
}

/** Legend rows of what the map shows: categories after a run, else the value classes. */
function legendRows({ national, lang, t }: NationalExportInput): { rows: { color: string; label: string; count: string }[]; missing: number } {
  const categories = national.analysis.categories;
  if (categories)
    return { rows: categories.rows.map((r) => ({ color: r.color, label: t(r.label), count: t('national.count', { n: formatNumber(r.count, lang, 0) }) })), missing: 0 };
  const c = national.classification;
  if (!c || !national.values) return { rows: [], missing: 0 };
  const rows = rowsOfClasses(c, national.colors, national.values.nilai, (v) => formatNumber(v, lang, 1), t, lang);
  return {
    rows: rows.map((r) => ({ color: r.color, label: r.note ? `${r.label} (${r.note})` : r.label, count: t('national.count', { n: formatNumber(r.count, lang, 0) }) })),
    missing: c.missing,
  };
}

async function page(input: NationalExportInput, dpi: number): Promise<MapPage> {
  const { national, port, spec, lang, t } = input;
  const image = await port.render({ ...mapPixels(spec, dpi), codes: [] });
  const indicator = t(`national.ind.${national.indikator}`);
  const method = national.analysis.categories ? t(national.analysis.method === 'lisa' ? 'analysis.method.lisa' : 'analysis.method.gistar') : null;
  const { rows, missing } = legendRows(input);
  const count = formatNumber(national.values?.kode.length ?? 0, lang, 0);
  return {
    title: `${indicator} · ${national.tahun}`,
    subtitle: [t('national.exportSubtitle', { count }), method].filter(Boolean).join(' · '),
    map: image,
    legend: {
      title: method ?? indicator,
      unit: method ? indicator : '',
      rows,
      noData: missing > 0 ? { color: NO_DATA_COLOR, label: t('legend.noData'), count: t('national.count', { n: formatNumber(missing, lang, 0) }) } : undefined,
    },
    source: `${t('synthetic.badge')}: ${t('national.synthetic')}`,
    attribution: t('national.attribution'),
    synthetic: t('synthetic.badge'),
    date: t('export.created', { date: new Date().toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) }),
    labels: { scale: t('export.scale'), north: t('export.north'), page: (n, total) => t('export.page', { n, total }) },
  };
}

/** The file name: the indicator and year, with the method when clusters are shown. */
export function nationalExportName(national: Pick<NationalState, 'indikator' | 'tahun'> & { analysis: { categories: unknown; method: string } }): string {
  return `peta-indonesia-${national.indikator}-${national.tahun}${national.analysis.categories ? `-${national.analysis.method}` : ''}`;
}

export async function nationalPdf(input: NationalExportInput): Promise<Uint8Array> {
  return pagesPdf(
    page(input, pngDpi('print')).then((p) => [p]),
    input.spec,
  );
}

export async function nationalPng(input: NationalExportInput, quality: 'screen' | 'print'): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const dpi = pngDpi(quality);
  return pagePng(await page(input, dpi), input.spec, dpi);
}
