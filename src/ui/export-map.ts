/**
 * Exports of the map on screen as a print layout: PDF (A4/A3, portrait/landscape, one page or an
 * atlas of one page per kecamatan) with real text, and PNG at screen or print resolution laid
 * out on the same page geometry. The map image is rendered at the export resolution by the map
 * (see src/map/export-image.ts), never upscaled.
 */
import bbox from '@turf/bbox';
import { mapPdf, mapPixels, pageLayout, chooseScaleBar, type MapPage, type PageSpec } from '../export/map-layout';
// The fonts travel with this code (no fetch); they include the symbols Noto lacks (≤ ≥ →), so PDFs do not print "<=".
import { pdfFonts } from '../export/pdf-fonts';
import type { MapImage, MapImagePort } from '../map/export-image';
import { NO_DATA_COLOR } from '../map/palette';
import type { AreaCollection } from '../data/boundaries';
import type { City } from '../data/catalog';
import type { CitySummary } from '../data/indicators';
import type { AnalysisState } from '../state/analysis.svelte';
import { changeUnitOf, unitOf } from './format';
import { categoryRows, classRows, type CategoryRowsSource, type ClassRowsSource } from './legend-rows';
import { cityValueLine } from './city-value';
import { legendNote } from './legend-note';
import { mapTitle } from './map-title';

/** What a printed map reads of the map on screen (the app's state has all of it). */
export interface MapExportSource extends ClassRowsSource, CategoryRowsSource {
  readonly kelurahan: AreaCollection | null;
  readonly city: Pick<City, 'nama'>;
  readonly tahun: number;
  readonly compareYear: number | null;
  readonly summary: CitySummary | null;
  readonly shownSynthetic: boolean;
  readonly analysis: Pick<AnalysisState, 'active' | 'label' | 'span' | 'categories' | 'descriptor' | 'permutations'>;
}

const PRINT_DPI = 300;
const SCREEN_DPI = 96;

/** One page group: the whole region, or one kecamatan for an atlas. */
function groups(app: MapExportSource, atlas: boolean): { name: string | null; bounds?: [number, number, number, number] }[] {
  if (!atlas) return [{ name: null }];
  const byKecamatan = new Map<string, typeof features>();
  const features = app.kelurahan?.features ?? [];
  for (const f of features) byKecamatan.set(f.properties.kecamatan, [...(byKecamatan.get(f.properties.kecamatan) ?? []), f]);
  return [...byKecamatan]
    .sort((a, b) => a[0].localeCompare(b[0], 'id'))
    .map(([name, list]) => ({ name, bounds: bbox({ type: 'FeatureCollection', features: list }) as [number, number, number, number] }));
}

/** The printed content of one page: title, legend and sources as on screen. */
function pageContent(app: MapExportSource, image: MapImage, kecamatan: string | null, title: string | null): MapPage {
  const baseTitle = mapTitle(app.t, { indicator: app.indicator.label[app.lang], tahun: app.tahun, compareYear: app.compareYear, isChange: app.isChange, span: app.analysis.span });
  const place = kecamatan ? `${app.t('panel.kecamatan', { name: kecamatan })}, ${app.city.nama}` : app.city.nama;
  const rows = app.categories ? categoryRows(app) : classRows(app);
  const missing = app.categories ? 0 : (app.classification?.missing ?? 0);
  return {
    title: title ?? baseTitle,
    subtitle: [title ? baseTitle : null, place, app.analysis.active ? app.t(app.analysis.label) : null].filter(Boolean).join(' · '),
    map: image,
    legend: {
      title: app.indicator.label[app.lang],
      // A change of a "%" is in percentage points, as on the screen's legend.
      unit: (app.isChange ? changeUnitOf : unitOf)(app.indicator, app.shownMeasure, app.lang),
      rows: rows.map((r) => ({ color: r.color, label: r.note ? `${r.label} (${r.note})` : r.label, count: app.t('legend.count', { n: r.count }) })),
      noData: missing > 0 ? { color: NO_DATA_COLOR, label: app.t('legend.noData'), count: app.t('legend.count', { n: missing }) } : undefined,
      note: exportNote(app),
    },
    source: app.shownSynthetic ? `${app.t('synthetic.badge')}: ${app.t('legend.demoSource')}` : app.indicator.source[app.lang],
    attribution: app.t('attribution.boundaries'),
    synthetic: app.shownSynthetic ? app.t('synthetic.badge') : null,
    date: app.t('export.created', { date: new Date().toLocaleDateString(app.lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) }),
    labels: { scale: app.t('export.scale'), north: app.t('export.north'), page: (n, total) => app.t('export.page', { n, total }) },
  };
}

/** The printed legend's note: the region's value on a class map, the test behind LISA clusters. */
function exportNote(app: MapExportSource): string | undefined {
  const clusters = app.analysis.active ? app.analysis.categories : null;
  // Methods whose map the pseudo p decides (LISA, Local Geary, bivariate LISA) state its cut-off and permutations.
  const method = app.analysis.descriptor;
  const pseudo = method?.kind === 'local' && method.decidesBy === 'pseudoP';
  const lisa = clusters && pseudo ? { cutoff: clusters.cutoff, permutations: app.analysis.permutations } : null;
  const cityLine = app.categories ? null : cityValueLine(app.summary, app.indicator, app.shownMeasure, { lang: app.lang, region: app.city.nama, t: app.t, change: app.isChange });
  return legendNote({ cityLine, lisa, lang: app.lang, t: app.t });
}

async function pages(app: MapExportSource, port: MapImagePort, spec: PageSpec, dpi: number, atlas: boolean, title: string | null): Promise<MapPage[]> {
  const size = mapPixels(spec, dpi);
  const codes = (app.kelurahan?.features ?? []).map((f) => f.properties.kode);
  const result: MapPage[] = [];
  for (const group of groups(app, atlas)) {
    const image = await port.render({ ...size, codes, bounds: group.bounds });
    result.push(pageContent(app, image, group.name, title));
  }
  return result;
}

export async function exportPdf(app: MapExportSource, port: MapImagePort, spec: PageSpec, atlas: boolean, title: string | null): Promise<Uint8Array> {
  return pagesPdf(pages(app, port, spec, PRINT_DPI, atlas, title), spec);
}

/** Pages (as they arrive) as a PDF with the app's fonts embedded; also the national map's export. */
export async function pagesPdf(content: Promise<MapPage[]>, spec: PageSpec): Promise<Uint8Array> {
  return mapPdf(await content, spec, pdfFonts());
}

/**
 * A PNG of the same layout: at 96 dpi (screen) or 300 dpi (print). Text is drawn with the page
 * font at the layout's positions; the map is rendered for the frame at that resolution.
 */
export async function exportPng(
  app: MapExportSource,
  port: MapImagePort,
  spec: PageSpec,
  quality: 'screen' | 'print',
  title: string | null,
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const dpi = quality === 'print' ? PRINT_DPI : SCREEN_DPI;
  const [page] = await pages(app, port, spec, dpi, false, title);
  return pagePng(page, spec, dpi);
}

/** The dots per inch of a PNG export: 300 for print, 96 for screen. */
export const pngDpi = (quality: 'screen' | 'print') => (quality === 'print' ? PRINT_DPI : SCREEN_DPI);

/** One page drawn as a PNG at `dpi` (its map image rendered for that resolution); also the national map's export. */
export async function pagePng(page: MapPage, spec: PageSpec, dpi: number): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const layout = pageLayout(spec);
  const px = (mmValue: number) => Math.round((mmValue * dpi) / 25.4);
  const canvas = document.createElement('canvas');
  canvas.width = px(layout.page.widthMm);
  canvas.height = px(layout.page.heightMm);
  const g = canvas.getContext('2d')!;
  const s = layout.scale;
  const font = (sizePt: number, bold = false) => `${bold ? 700 : 400} ${Math.round((sizePt * dpi) / 72)}px "Noto Sans", sans-serif`;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#1c2833';
  g.textBaseline = 'top';
  g.font = font(18 * s, true);
  g.fillText(page.title, px(layout.header.xMm), px(layout.header.yMm));
  g.font = font(11 * s);
  g.fillText(page.subtitle, px(layout.header.xMm), px(layout.header.yMm + 9 * s));
  if (page.synthetic) {
    g.font = font(10 * s, true);
    const width = g.measureText(page.synthetic).width + px(4 * s);
    const x = px(layout.header.xMm + layout.header.widthMm) - width;
    g.fillStyle = '#fde68a';
    g.fillRect(x, px(layout.header.yMm), width, px(7 * s));
    g.fillStyle = '#7c2d12';
    g.fillText(page.synthetic, x + px(2 * s), px(layout.header.yMm + 1.2 * s));
  }
  const image = await createImageBitmap(new Blob([page.map.png as BlobPart], { type: 'image/png' }));
  const frame = layout.map;
  g.drawImage(image, px(frame.xMm), px(frame.yMm), px(frame.widthMm), px(frame.heightMm));
  g.strokeStyle = '#37474f';
  g.lineWidth = Math.max(1, px(0.3));
  g.strokeRect(px(frame.xMm), px(frame.yMm), px(frame.widthMm), px(frame.heightMm));
  // Scale bar and north arrow in the frame's lower left and upper right.
  const metresPerMm = (page.map.metresPerPixel * page.map.widthPx) / frame.widthMm;
  const bar = chooseScaleBar(metresPerMm, frame.widthMm * 0.25);
  const barX = px(frame.xMm + 6 * s);
  const barY = px(frame.yMm + frame.heightMm - 8 * s);
  g.fillStyle = '#1c2833';
  g.fillRect(barX, barY, px(bar.lengthMm), Math.max(2, px(1.2 * s)));
  g.font = font(8 * s);
  g.fillText(`${page.labels.scale}: ${bar.label}`, barX, barY + px(2 * s));
  const nx = px(frame.xMm + frame.widthMm - 10 * s);
  const ny = px(frame.yMm + 6 * s);
  g.beginPath();
  g.moveTo(nx, ny);
  g.lineTo(nx - px(3 * s), ny + px(9 * s));
  g.lineTo(nx + px(3 * s), ny + px(9 * s));
  g.closePath();
  g.fill();
  g.fillText(page.labels.north, nx - px(1.5 * s), ny + px(10 * s));
  // Legend rows beside or below the map.
  const legend = layout.legend;
  let y = px(legend.yMm);
  g.font = font(11 * s, true);
  g.fillText(page.legend.title, px(legend.xMm), y);
  y += px(6 * s);
  g.font = font(9 * s);
  g.fillText(page.legend.unit, px(legend.xMm), y);
  y += px(6 * s);
  for (const row of [...page.legend.rows, ...(page.legend.noData ? [page.legend.noData] : [])]) {
    g.fillStyle = row.color;
    g.fillRect(px(legend.xMm), y, px(6 * s), px(4 * s));
    g.strokeRect(px(legend.xMm), y, px(6 * s), px(4 * s));
    g.fillStyle = '#1c2833';
    g.fillText(`${row.label}  ${row.count}`, px(legend.xMm + 8 * s), y);
    y += px(5.5 * s);
  }
  if (page.legend.note) {
    g.font = font(8 * s);
    g.fillStyle = '#455a64';
    // Wrapped at spaces to the legend's width (fillText's maxWidth would squeeze the letters).
    const lines = page.legend.note.split('\n').flatMap((paragraph) =>
      paragraph.split(' ').reduce<string[]>((out, word) => {
        const last = out[out.length - 1];
        if (last !== undefined && g.measureText(`${last} ${word}`).width <= px(legend.widthMm)) out[out.length - 1] = `${last} ${word}`;
        else out.push(word);
        return out;
      }, []),
    );
    y += px(1 * s);
    for (const line of lines) {
      g.fillText(line, px(legend.xMm), y);
      y += px(4 * s);
    }
    g.fillStyle = '#1c2833';
  }
  g.font = font(8 * s);
  g.fillText(`${page.source} · ${page.attribution} · ${page.date}`, px(layout.footer.xMm), px(layout.footer.yMm));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The layout could not be drawn as an image');
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}
