/**
 * The rakor brief's one click (issue 18, item 3): counts the pockets if they are not counted yet,
 * reads the figures, renders two or three maps by showing each view and asking the map for an
 * image (the same MapImagePort the PDF map export uses), then puts the view back, builds the
 * document model (brief-model.ts) and writes the A4 PDF (src/export/brief-pdf.ts). It reads only
 * its BriefHost (below), never the app's state: the registry that calls it (map-props.ts) hands
 * the app over as that host, as the app hands itself to each feature state.
 */
import bbox from '@turf/bbox';
import { briefPdf, type BriefMap } from '../export/brief-pdf';
import { pdfFonts } from '../export/pdf-fonts';
import { findIndicator } from '../data/catalog';
import { labelWithUnit } from '../data/indicator-label';
import { messages } from '../i18n';
import type { MapImagePort } from '../map/export-image';
import type { AnalysisState } from '../state/analysis.svelte';
import type { PocketsState } from '../state/pockets.svelte';
import type { ProgramState } from '../state/program.svelte';
import type { TargetingState } from '../state/targeting.svelte';
import type { ViewParams } from '../state/url';
import type { SavedView, ViewsState } from '../state/views.svelte';
import { briefAttention, briefFigures, briefSynthetic, type BriefDataHost } from '../state/brief-data';
import { setOf, sumsBy } from '../state/collections';
import { categoryRows, classRows, type CategoryRowsSource, type ClassRowsSource } from './legend-rows';
import { buildBrief, type BriefInputs, type BriefTargeting } from './brief-model';

/**
 * What the brief reads and drives: the map on screen (its values, legend and view) and the state
 * objects it asks. Read live, not copied: the brief opens each view through `views` and waits
 * until the map has drawn it, so every value here changes under it while it runs.
 */
export interface BriefHost extends BriefDataHost, ClassRowsSource, CategoryRowsSource {
  readonly years: number[];
  /** The values on the map and the request they should answer: equal once the map has its values. */
  readonly valuesKey: string;
  readonly wantedKey: string;
  readonly loadingData: boolean;
  readonly loadingBoundaries: boolean;
  readonly view: ViewParams;
  readonly panel: string;
  readonly shownSynthetic: boolean;
  readonly mapPort: MapImagePort | null;
  readonly analysis: Pick<
    AnalysisState,
    'descriptor' | 'categories' | 'running' | 'active' | 'method' | 'permutations' | 'seed' | 'alpha' | 'correction' | 'rule' | 'toleranceMetres'
  >;
  readonly views: Pick<ViewsState, 'list' | 'open'>;
  readonly areas: { readonly activeId: string | null };
  readonly program: BriefDataHost['program'] & Pick<ProgramState, 'bivariate' | 'choice' | 'needIndicator'>;
  readonly targeting: Pick<TargetingState, 'rows' | 'allocation'>;
}

/** Map images for an A4 text column at about 200 dpi. */
const MAP_SIZE = { width: 1400, height: 1000 };
/** Most maps in a brief. */
const MAP_LIMIT = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the map shows what is chosen (values and, for a local method, its categories). */
async function settled(host: BriefHost, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const values = host.valuesKey === host.wantedKey && !host.loadingData && !host.loadingBoundaries && host.kelurahan !== null;
    const analysis = host.analysis.descriptor?.kind !== 'local' || (host.analysis.categories !== null && !host.analysis.running);
    // The map view names what it has drawn, once idle, in data-rendered (src/map/MapView.svelte).
    const stamp = document.querySelector('[data-rendered]')?.getAttribute('data-rendered');
    const drawn = stamp === undefined || stamp === null || (stamp.startsWith(`${host.wantedKey}|`) && (!host.analysis.active || stamp.endsWith(`|${host.analysis.method}`)));
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
function briefViews(host: BriefHost, years: number[]): SavedView[] {
  const saved = host.views.list.filter((v) => v.params.kota === host.city.slug || v.params.kota === host.city.kode);
  if (saved.length > 0) return saved.slice(0, MAP_LIMIT);
  const now = $state.snapshot(host.view);
  const a = host.analysis;
  const lisa = { metode: 'lisa', permutasi: a.permutations, seed: a.seed, alpha: a.alpha, koreksi: a.correction, bobot: a.rule, toleransi: a.toleranceMetres, kedua: null };
  return [...new Set([years[0], years[years.length - 1]])].map((tahun) => ({
    id: `brief-${tahun}`,
    title: host.t('brief.mapLisa', { indicator: host.indicator.label[host.lang], year: tahun }),
    note: '',
    params: { ...now, tahun, analisis: lisa, banding: null, peta: null },
    area: null,
    bivariate: null,
    panel: host.panel,
  }));
}

/** Shows each view, renders it, and puts back what was on screen. */
async function renderViews(host: BriefHost, views: SavedView[]): Promise<BriefMap[]> {
  const port = host.mapPort;
  if (!port || views.length === 0) return [];
  const before: SavedView = {
    id: 'brief-restore',
    title: '',
    note: '',
    params: $state.snapshot(host.view),
    area: host.areas.activeId,
    bivariate: host.program.bivariate ? { choice: host.program.choice, need: host.program.needIndicator } : null,
    panel: host.panel,
  };
  const maps: BriefMap[] = [];
  try {
    for (const view of views) {
      host.views.open(view);
      await settled(host);
      const features = host.kelurahan?.features ?? [];
      const bounds = bbox({ type: 'FeatureCollection', features }) as [number, number, number, number];
      const image = await port.render({ ...MAP_SIZE, codes: features.map((f) => f.properties.kode), bounds });
      const legend = (host.categories ? categoryRows(host) : classRows(host)).map((r) => ({ color: r.color, label: `${r.label} (${host.t('legend.count', { n: r.count })})` }));
      maps.push({ title: view.title, png: image.png, widthPx: image.widthPx, heightPx: image.heightPx, legend });
    }
  } finally {
    host.views.open(before);
    // The method the user had: open() turns the analysis off for a view without one.
    await settled(host).catch(() => undefined);
  }
  return maps;
}

/** Writes the brief for the region and year on screen, in the language on screen. */
export async function writeBrief(host: BriefHost, pockets: PocketsState): Promise<Uint8Array> {
  const lang = host.lang;
  const result = await pockets.run();
  const years = host.years.length > 0 ? host.years : [host.tahun];
  const year = host.tahun;
  const earlier = years.filter((y) => y < year);
  const previous = earlier.length > 0 ? earlier[earlier.length - 1] : null;
  const [figures, attention] = await Promise.all([briefFigures(host, year, previous), briefAttention(host, year)]);
  const lines = host.targeting.rows.length > 0 ? host.targeting.allocation.lines : [];
  const targeting: BriefTargeting | null = lines.length > 0 ? { year: host.tahun, rows: lines.map((l) => ({ nama: l.nama, kecamatan: l.kecamatan, units: l.units })) } : null;
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
  const indicatorName = labelWithUnit(host.indicator.label[lang], host.shownMeasure === 'rasio' && host.indicator.rate ? host.indicator.rate.unit[lang] : '');
  const maps = await renderViews(host, briefViews(host, years));
  const sources = [
    ...setOf([
      host.shownSynthetic ? `${host.t('synthetic.badge')}: ${host.t('legend.demoSource')}` : host.indicator.source[lang],
      // Program coverage comes from the demo's synthetic program data (src/state/program.svelte.ts).
      ...(attention?.program ? [findIndicator(host.program.coverageId)?.source[lang] ?? ''] : []),
      host.t('attribution.boundaries'),
    ]),
  ].filter(Boolean);
  const inputs: BriefInputs = {
    lang,
    region: host.city.nama,
    year,
    previousYear: previous,
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- the brief's date of writing, read once by the document builder; nothing watches it change.
    created: new Date(),
    synthetic: briefSynthetic(host, attention),
    figures,
    pockets:
      result && byYear && pockets.sensitivity
        ? {
            indicator: indicatorName,
            years: byYear,
            names: result.names,
            alpha: host.analysis.alpha,
            correction: host.analysis.correction,
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
