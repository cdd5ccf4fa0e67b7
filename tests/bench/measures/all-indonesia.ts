/**
 * Measures 2d and 4: the app's map of all of Indonesia (vector tiles built by
 * `npm run data:national`, values by feature-state).
 *
 * - 4a: navigation to `?nasional=1` until the full choropleth of every desa is drawn at zoom
 *   4-5 (the `pkk:national-drawn` mark), on a fresh profile (cold) and a second visit (warm); then
 *   a jump to zoom 8 over Java until the map is idle with every tile.
 * - 2d / 4b: a change of indicator, year or classes until `data-rendered` names the new view, once
 *   the page has settled (the region behind the national map loaded, 1.5 s of quiet).
 *   Baseline (2d): the minimal MapLibre page holding all 83,402 polygons as one GeoJSON source
 *   and replacing it with new properties (what a map without feature-state must do).
 * - 4c: frames while panning at zoom 8 (requestAnimationFrame gaps during 4 s of panBy steps), and
 *   the page's JavaScript heap from the DevTools protocol. Baseline: a bare MapLibre page
 *   (pages/national-pan.ts) over the same tiles, at the same place and size, panned the same way.
 */
import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, launchProfile, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { CACHE } from '../lib/paths';
import { compare, placeholder, type Check, type Row } from '../lib/report';
import { summarize } from '../lib/stats';
import type { BenchWindow } from '../pages/api';

const NATIONAL_QUERY = 'nasional=1';
const START = 'penduduk_miskin|2025|5|quantile';
/** Over Central Java at zoom 8, the densest desa of the country. */
const JAVA = { center: [110.4, -7.3] as [number, number], zoom: 8 };

type Kind = 'indicator' | 'year' | 'classes';
const CHANGES: { kind: Kind; value: string | number }[] = [
  { kind: 'indicator', value: 'rtlh' },
  { kind: 'year', value: 2024 },
  { kind: 'classes', value: 7 },
  { kind: 'indicator', value: 'tanpa_air_layak' },
  { kind: 'year', value: 2025 },
  { kind: 'classes', value: 4 },
];

/** The national GeoJSON for the baseline, written once by GDAL into the bench cache. */
export function nationalGeoJson(fgb: string): string | null {
  const target = join(CACHE, 'desa-kelurahan-indonesia.geojson');
  if (existsSync(target) && statSync(target).size > 0) return target;
  try {
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=5', '-lco', 'RFC7946=YES', `${target}.tmp`, fgb, '-select', 'kode'], { stdio: 'ignore' });
    renameSync(`${target}.tmp`, target);
    return target;
  } catch {
    return null;
  }
}

async function waitDrawn(page: Page, prefix: string, timeout = 180_000): Promise<void> {
  await page.waitForFunction((p) => document.querySelector('[data-testid="national-map"]')?.getAttribute('data-rendered')?.startsWith(p), prefix, { timeout, polling: 50 });
}

/** Changes the national view and resolves with the ms until `data-rendered` shows it. */
function changeNational(page: Page, kind: Kind, value: string | number): Promise<number> {
  return page.evaluate(
    ({ kind, value }) => {
      type National = { wantedKey: string; classes: number; setIndicator(id: string): void; setYear(t: number): void };
      const { app } = (window as unknown as { __pkk: { app: { national: National } } }).__pkk;
      const national = app.national;
      const map = document.querySelector('[data-testid="national-map"]')!;
      const before = map.getAttribute('data-rendered');
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no redraw after ${kind} = ${value}`)), 120_000);
        const observer = new MutationObserver(() => {
          const now = map.getAttribute('data-rendered') ?? '';
          if (now === before || !now.startsWith(`${national.wantedKey}|${national.classes}|`)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        observer.observe(map, { attributes: true, attributeFilter: ['data-rendered'] });
        const start = performance.now();
        if (kind === 'indicator') national.setIndicator(String(value));
        else if (kind === 'year') national.setYear(Number(value));
        else national.classes = Number(value);
      });
    },
    { kind, value },
  );
}

/*
 * The two page scripts below are strings, not functions: tsx (esbuild keepNames) would wrap named
 * inner functions in a `__name` helper that does not exist in the page.
 */

/** ms from a jump to Java at zoom 8 until the map is idle with every tile loaded. */
function jumpToJava(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const map = window.__pkk.nationalMap;
    const start = performance.now();
    function check() {
      if (!map.areTilesLoaded()) return;
      map.off('idle', check);
      resolve(performance.now() - start);
    }
    map.on('idle', check);
    map.jumpTo({ center: ${JSON.stringify(JAVA.center)}, zoom: ${JAVA.zoom} });
  })`) as Promise<number>;
}

/** Gaps between animation frames while the map pans in steps for `ms`; the gaps' list. */
function panFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const map = window.__pkk.nationalMap;
    const gaps = [];
    let last = performance.now();
    const end = last + ${ms};
    let step = 0;
    function frame(now) {
      gaps.push(now - last);
      last = now;
      // A steady drag: 12 px per frame, turning every second so new tiles keep coming in.
      const dir = Math.floor(step++ / 60) % 4;
      map.panBy([dir === 0 ? 12 : dir === 2 ? -12 : 0, dir === 1 ? 12 : dir === 3 ? -12 : 0], { animate: false });
      if (now < end) requestAnimationFrame(frame);
      else resolve(gaps.slice(1));
    }
    requestAnimationFrame(frame);
  })`) as Promise<number[]>;
}

/** Median frame gaps of the bare MapLibre page panning the same tiles, one per run (4c's baseline). */
async function panBaselineRun(browser: Browser, ctx: BenchContext): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const { width, height } = ctx.mapSize;
    const tiles = ctx.appUrl('').replace(/\?$/, '').replace(/\/?$/, '/') + 'national/tiles/{z}/{x}/{y}.pbf';
    await page.goto(ctx.pageUrl('national-pan.html', `tiles=${encodeURIComponent(tiles)}&size=${width},${height}&center=${JAVA.center.join(',')}&zoom=${JAVA.zoom}`));
    await page.waitForFunction(() => performance.getEntriesByName('bench:tiles-drawn').length > 0, null, { timeout: 120_000 });
    return await panFrames(page, 4000);
  } finally {
    await context.close();
  }
}

interface AppRun {
  firstRender: number;
  recolour: Record<Kind, number[]>;
  java: number;
  frames: number[];
  heapMB: number;
}

async function appRun(ctx: BenchContext): Promise<{ cold: AppRun; warm: number }> {
  const profile = await launchProfile();
  try {
    const { page, context } = profile;
    const firstVisit = async (): Promise<number> => {
      await page.goto('about:blank');
      await page.goto(ctx.appUrl(NATIONAL_QUERY), { waitUntil: 'commit' });
      await waitDrawn(page, START);
      return page.evaluate(() => performance.getEntriesByName('pkk:national-drawn')[0].startTime);
    };
    const firstRender = await firstVisit();
    // Recolours are timed on a settled page: after the national map the region behind it loads
    // (boundaries, DuckDB queries) and the other indicators are read; a user's first change comes
    // seconds later, not in the same instant.
    await page.waitForFunction(() => performance.getEntriesByName('pkk:choropleth-drawn').length > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    const recolour: Record<Kind, number[]> = { indicator: [], year: [], classes: [] };
    for (const { kind, value } of CHANGES) recolour[kind].push(await changeNational(page, kind, value));
    const java = await jumpToJava(page);
    const frames = await panFrames(page, 4000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heapMB = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
    const warm = await firstVisit();
    return { cold: { firstRender, recolour, java, frames, heapMB }, warm };
  } finally {
    await profile.close();
  }
}

async function baselineRun(browser: Browser, url: string, samples: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:polygons-drawn').length > 0, null, { timeout: 600_000 });
    const out: number[] = [];
    for (let i = 0; i < samples; i++) out.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.recolour()));
    return out;
  } finally {
    await context.close();
  }
}

export interface AllIndonesiaData {
  rows: Row[];
  checks: Check[];
  notes: string[];
}

/**
 * Runs measures 2d and 4a-c; `fgb` is the unzipped national file (for the baseline's GeoJSON);
 * without `withBaseline` (measure 2 not asked for) the long GeoJSON baseline is skipped.
 */
export async function measureAllIndonesia(ctx: BenchContext, fgb: string | null, tilesBuilt: boolean, withBaseline = true): Promise<AllIndonesiaData> {
  if (!tilesBuilt) {
    const needs = 'the national tiles (`npm run data:national`, which needs GDAL and ../shared/data/national)';
    return {
      rows: [
        placeholder('2d', 'Recolour, national (83,402 polygons)', needs, '≥ 10× faster than baseline'),
        placeholder('4a', 'All of Indonesia: first full render', needs, '< 5 s'),
      ],
      checks: [],
      notes: [],
    };
  }
  const runs: AppRun[] = [];
  const warm: number[] = [];
  const panBaseline: number[][] = [];
  const panBrowser = await launchBrowser();
  try {
    // Interleaved run by run, so app and baseline share the machine's moods.
    for (let run = 0; run < ctx.runs; run++) {
      ctx.log(`all of Indonesia: run ${run + 1}/${ctx.runs}`);
      const r = await appRun(ctx);
      runs.push(r.cold);
      warm.push(r.warm);
      panBaseline.push(await panBaselineRun(panBrowser, ctx));
    }
  } finally {
    await panBrowser.close();
  }
  // The baseline holds 83,402 polygons (8.8 million vertices) as GeoJSON: each setData takes
  // long, so fewer runs and samples.
  const baseline: number[] = [];
  const geojson = fgb && withBaseline ? nationalGeoJson(fgb) : null;
  const notes: string[] = [];
  if (geojson) {
    const browser = await launchBrowser();
    try {
      const { width, height } = ctx.mapSize;
      const url = ctx.pageUrl('baseline.html', `data=/cache/desa-kelurahan-indonesia.geojson&bbox=94.97,-11.01,141.03,6.08&size=${width},${height}&pad=20,20,20,20`);
      const baselineRuns = Math.min(3, ctx.runs);
      for (let run = 0; run < baselineRuns; run++) {
        ctx.log(`all of Indonesia: baseline run ${run + 1}/${baselineRuns}`);
        baseline.push(...(await baselineRun(browser, url, 2)));
      }
    } finally {
      await browser.close();
    }
    notes.push(
      `2d: baseline GeoJSON ${(statSync(geojson).size / 1e6).toFixed(0)} MB (83,402 polygons, 5 decimals), fetched and parsed once per run, then setData with new properties twice per run (${baseline.length} samples).`,
    );
  }
  const all = (kind: Kind) => runs.flatMap((r) => r.recolour[kind]);
  const recolours = [...all('indicator'), ...all('year'), ...all('classes')];
  const frames = runs.flatMap((r) => r.frames);
  const framesSummary = summarize(frames);
  const medianFrames = runs.map((r) => summarize(r.frames).median);
  const baselineFrames = panBaseline.map((gaps) => summarize(gaps).median);
  const baselineAll = summarize(panBaseline.flat());
  const rows: Row[] = [];
  const note2d =
    'app: vector tiles, each desa filled with the code of its index (feature-state, written once) and a custom colour layer turning codes into colours from one texel per desa (a change of indicator, year or classes uploads those texels); baseline: GeoJSON setData with new properties';
  if (baseline.length)
    rows.push(
      compare(
        { id: '2d', measure: 'Recolour, national (83,402 polygons): indicator, year or classes', unit: 'ms', goal: '≥ 10× faster than baseline', note: note2d },
        recolours,
        baseline,
        0.1,
      ),
    );
  else rows.push(placeholder('2d', 'Recolour, national (83,402 polygons)', 'GDAL to write the baseline GeoJSON', '≥ 10× faster than baseline'));
  const goal = (ms: number) => [ms];
  rows.push(
    compare(
      { id: '4a', measure: 'All of Indonesia: navigation to full choropleth at zoom 4-5, cold (fresh profile)', unit: 'ms', goal: '< 5 s', note: 'baseline column: the goal' },
      runs.map((r) => r.firstRender),
      goal(5000),
      1,
    ),
    compare(
      { id: '4a', measure: 'All of Indonesia: navigation to full choropleth at zoom 4-5, warm (second visit)', unit: 'ms', goal: '< 5 s', note: 'baseline column: the goal' },
      warm,
      goal(5000),
      1,
    ),
    compare(
      { id: '4a', measure: 'All of Indonesia: jump to zoom 8 (Central Java) until every tile is drawn', unit: 'ms', goal: '< 5 s', note: 'baseline column: the goal' },
      runs.map((r) => r.java),
      goal(5000),
      1,
    ),
    compare({ id: '4b', measure: 'All of Indonesia: recolour (indicator)', unit: 'ms', goal: '< 0.2 s', note: 'baseline column: the goal' }, all('indicator'), goal(200), 1),
    compare({ id: '4b', measure: 'All of Indonesia: recolour (year)', unit: 'ms', goal: '< 0.2 s', note: 'baseline column: the goal' }, all('year'), goal(200), 1),
    compare({ id: '4b', measure: 'All of Indonesia: recolour (classes)', unit: 'ms', goal: '< 0.2 s', note: 'baseline column: the goal' }, all('classes'), goal(200), 1),
    compare(
      {
        id: '4c',
        measure: 'All of Indonesia: median frame while panning at zoom 8',
        unit: 'ms',
        goal: '≤ 1.2× baseline',
        note:
          `per run medians ${medianFrames.map((m) => m.toFixed(0)).join(', ')} ms; p75 ${framesSummary.q3.toFixed(0)} ms, max ${framesSummary.max.toFixed(0)} ms over ${frames.length} frames; ` +
          `baseline: a bare MapLibre page (one fill layer of one colour) panning the same tiles the same way, per run medians ${baselineFrames.map((m) => m.toFixed(0)).join(', ')} ms, p75 ${baselineAll.q3.toFixed(0)} ms, max ${baselineAll.max.toFixed(0)} ms over ${baselineAll.n} frames`,
      },
      medianFrames,
      baselineFrames,
      1.2,
    ),
  );
  const heap = summarize(runs.map((r) => r.heapMB));
  notes.push(
    `4c: JavaScript heap of the page after the zoom-8 panning (DevTools Performance.getMetrics JSHeapUsedSize): median ${heap.median.toFixed(0)} MB (${heap.min.toFixed(0)}–${heap.max.toFixed(0)}); MapLibre's worker and GPU memory are not in it.`,
  );
  notes.push('4: software WebGL (SwiftShader) in headless Chromium on 2 cores: frame times are those of a machine without a GPU, the slowest case.');
  return { rows, checks: [], notes };
}
