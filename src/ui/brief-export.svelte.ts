/**
 * The rakor brief's one click (issue 18, item 3): counts the pockets if they are not counted yet,
 * reads the figures, renders two or three maps by showing each view and asking the map for an
 * image (the same MapImagePort the PDF map export uses), then puts the view back, builds the
 * document model (brief-model.ts) and writes the A4 PDF (src/export/brief-pdf.ts).
 */
import bbox from '@turf/bbox';
import { briefPdf, type BriefMap } from '../export/brief-pdf';
import { pdfFonts } from '../export/pdf-fonts';
import { findIndicator } from '../data/catalog';
import { labelWithUnit } from '../data/indicator-label';
import { messages } from '../i18n';
import type { AppState } from '../state/app.svelte';
import type { PocketsState } from '../state/pockets.svelte';
import type { SavedView } from '../state/views.svelte';
import { briefAttention, briefFigures, briefSynthetic } from '../state/brief-data';
import { setOf, sumsBy } from '../state/collections';
import { categoryRows, classRows } from './legend-rows';
import { buildBrief, type BriefInputs, type BriefTargeting } from './brief-model';

/** Map images for an A4 text column at about 200 dpi. */
const MAP_SIZE = { width: 1400, height: 1000 };
/** Most maps in a brief. */
const MAP_LIMIT = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the map shows what is chosen (values and, for a local method, its categories). */
async function settled(app: AppState, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const values = app.valuesKey === app.wantedKey && !app.loadingData && !app.loadingBoundaries && app.kelurahan !== null;
    const analysis = app.analysis.descriptor?.kind !== 'local' || (app.analysis.categories !== null && !app.analysis.running);
    // The map view names what it has drawn, once idle, in data-rendered (src/map/MapView.svelte).
    const stamp = document.querySelector('[data-rendered]')?.getAttribute('data-rendered');
    const drawn = stamp === undefined || stamp === null || (stamp.startsWith(`${app.wantedKey}|`) && (!app.analysis.active || stamp.endsWith(`|${app.analysis.method}`)));
    if (values && analysis && drawn) {
      // Let the map view's effects copy the new colours into feature-state before the image.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await sleep(250);
      return;
    }
    await sleep(100);
  }
  throw new Error('the map did not finish drawing');
}

/** The views to draw: the region's saved views, else its LISA map in the first and last year. */
function briefViews(app: AppState, years: number[]): SavedView[] {
  const saved = app.views.list.filter((v) => v.params.kota === app.city.slug || v.params.kota === app.city.kode);
  if (saved.length > 0) return saved.slice(0, MAP_LIMIT);
  const now = $state.snapshot(app.view);
  const a = app.analysis;
  const lisa = { metode: 'lisa', permutasi: a.permutations, seed: a.seed, alpha: a.alpha, koreksi: a.correction, bobot: a.rule, toleransi: a.toleranceMetres, kedua: null };
  return [...new Set([years[0], years[years.length - 1]])].map((tahun) => ({
    id: `brief-${tahun}`,
    title: app.t('brief.mapLisa', { indicator: app.indicator.label[app.lang], year: tahun }),
    note: '',
    params: { ...now, tahun, analisis: lisa, banding: null, peta: null },
    area: null,
    bivariate: null,
    panel: app.panel,
  }));
}

/** Shows each view, renders it, and puts back what was on screen. */
async function renderViews(app: AppState, views: SavedView[]): Promise<BriefMap[]> {
  const port = app.mapPort;
  if (!port || views.length === 0) return [];
  const before: SavedView = {
    id: 'brief-restore',
    title: '',
    note: '',
    params: $state.snapshot(app.view),
    area: app.areas.activeId,
    bivariate: app.program.bivariate ? { choice: app.program.choice, need: app.program.needIndicator } : null,
    panel: app.panel,
  };
  const maps: BriefMap[] = [];
  try {
    for (const view of views) {
      app.views.open(view);
      await settled(app);
      const features = app.kelurahan?.features ?? [];
      const bounds = bbox({ type: 'FeatureCollection', features }) as [number, number, number, number];
      const image = await port.render({ ...MAP_SIZE, codes: features.map((f) => f.properties.kode), bounds });
      const legend = (app.categories ? categoryRows(app) : classRows(app)).map((r) => ({ color: r.color, label: `${r.label} (${app.t('legend.count', { n: r.count })})` }));
      maps.push({ title: view.title, png: image.png, widthPx: image.widthPx, heightPx: image.heightPx, legend });
    }
  } finally {
    app.views.open(before);
    // The method the user had: open() turns the analysis off for a view without one.
    await settled(app).catch(() => undefined);
  }
  return maps;
}

/** Writes the brief for the region and year on screen, in the app's language. */
export async function writeBrief(app: AppState, pockets: PocketsState): Promise<Uint8Array> {
  const lang = app.lang;
  const result = await pockets.run();
  const years = app.years.length > 0 ? app.years : [app.tahun];
  const year = app.tahun;
  const earlier = years.filter((y) => y < year);
  const previous = earlier.length > 0 ? earlier[earlier.length - 1] : null;
  const [figures, attention] = await Promise.all([briefFigures(app, year, previous), briefAttention(app, year)]);
  const lines = app.targeting.rows.length > 0 ? app.targeting.allocation.lines : [];
  const targeting: BriefTargeting | null = lines.length > 0 ? { year: app.tahun, rows: lines.map((l) => ({ nama: l.nama, kecamatan: l.kecamatan, units: l.units })) } : null;
  const byYear = pockets.byYear;
  const emerging = result?.emerging ?? null;
  const words = messages[lang] as Record<string, string>;
  const patternOf = emerging
    ? (members: number[]) => {
        const categories = members.map((i) => emerging.kelurahan[i]?.category).filter((c) => c && c !== 'none') as string[];
        const counts = sumsBy(
          categories,
          (c) => c,
          () => 1,
        );
        const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
        return top ? (words[`emerging.category.${top[0]}`] ?? top[0]) : null;
      }
    : undefined;
  const indicatorName = labelWithUnit(app.indicator.label[lang], app.shownMeasure === 'rasio' && app.indicator.rate ? app.indicator.rate.unit[lang] : '');
  const maps = await renderViews(app, briefViews(app, years));
  const sources = [
    ...setOf([
      app.shownSynthetic ? `${app.t('synthetic.badge')}: ${app.t('legend.demoSource')}` : app.indicator.source[lang],
      // Program coverage comes from the demo's synthetic program data (src/state/program.svelte.ts).
      ...(attention?.program ? [findIndicator(app.program.coverageId)?.source[lang] ?? ''] : []),
      app.t('attribution.boundaries'),
    ]),
  ].filter(Boolean);
  const inputs: BriefInputs = {
    lang,
    region: app.city.nama,
    year,
    previousYear: previous,
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the brief's date of writing, read once by the document builder; nothing watches it change.
    created: new Date(),
    synthetic: briefSynthetic(app, attention),
    figures,
    pockets:
      result && byYear && pockets.sensitivity
        ? {
            indicator: indicatorName,
            years: byYear,
            names: result.names,
            alpha: app.analysis.alpha,
            correction: app.analysis.correction,
            permutations: result.permutations,
            sensitivity: pockets.sensitivity,
            patternOf,
          }
        : null,
    attention,
    targeting,
    maps,
    sources,
  };
  return briefPdf(buildBrief(inputs), pdfFonts());
}
