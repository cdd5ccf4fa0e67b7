/**
 * Measure 2: from a drawn Surakarta choropleth, a change of indicator, of year or of classes,
 * until the map container's `data-rendered` names the new view (MapView sets it once the map is
 * idle with it). Baseline: the minimal MapLibre page replacing its GeoJSON source data with new
 * property values (data-driven fill-color) until idle. Each run is a fresh browser context and
 * takes three samples of each kind.
 */
import type { Browser, Page } from '@playwright/test';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import { START_STAMP, START_VIEW, baselineUrl, type BenchContext } from '../lib/context';
import { cityBoundary } from '../lib/geo';
import { compare, type Row } from '../lib/report';
import type { BenchWindow } from '../pages/api';

/** The part of `window.__pkk.app` the bench drives (src/state/app.svelte.ts). */
interface AppHandle {
  wantedKey: string;
  setIndicator(id: string): void;
  setYear(tahun: number): void;
  setClasses(classes: number): void;
}

type Kind = 'indicator' | 'year' | 'classes';
/** Three changes of each kind from the start view, each to a value not shown before. */
const CHANGES: Record<Kind, (string | number)[]> = {
  indicator: ['rtlh', 'rt_tanpa_air_layak', 'rt_desil_1_4'],
  year: [2024, 2023, 2022],
  classes: [7, 4, 6],
};
const SAMPLES = 3;

/** Changes the app's view and resolves with the ms until `data-rendered` shows it. */
function changeApp(page: Page, kind: Kind, value: string | number): Promise<number> {
  return page.evaluate(
    ({ kind, value }) => {
      const { app } = (window as unknown as { __pkk: { app: AppHandle } }).__pkk;
      const map = document.querySelector('.map')!;
      const before = map.getAttribute('data-rendered');
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no redraw after ${kind} = ${value}`)), 60_000);
        const observer = new MutationObserver(() => {
          const now = map.getAttribute('data-rendered') ?? '';
          if (now === before || !now.startsWith(`${app.wantedKey}|`)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - start);
        });
        observer.observe(map, { attributes: true, attributeFilter: ['data-rendered'] });
        const start = performance.now();
        if (kind === 'indicator') app.setIndicator(String(value));
        else if (kind === 'year') app.setYear(Number(value));
        else app.setClasses(Number(value));
      });
    },
    { kind, value },
  );
}

async function appRun(browser: Browser, ctx: BenchContext): Promise<Record<Kind, number[]>> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(ctx.appUrl(START_VIEW));
    await page.waitForFunction((stamp) => document.querySelector('.map')?.getAttribute('data-rendered') === stamp, START_STAMP, { timeout: 120_000 });
    const out: Record<Kind, number[]> = { indicator: [], year: [], classes: [] };
    for (const kind of Object.keys(CHANGES) as Kind[]) {
      for (const value of CHANGES[kind].slice(0, SAMPLES)) out[kind].push(await changeApp(page, kind, value));
    }
    return out;
  } finally {
    await context.close();
  }
}

async function baselineRun(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:polygons-drawn').length > 0, null, { timeout: 60_000 });
    const out: number[] = [];
    for (let i = 0; i < SAMPLES; i++) out.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.recolour()));
    return out;
  } finally {
    await context.close();
  }
}

/** Runs measure 2 on Surakarta (2d, national, is measured with the map of Indonesia: all-indonesia.ts). */
export async function measureRecolour(ctx: BenchContext): Promise<Row[]> {
  const url = baselineUrl(ctx, cityBoundary('surakarta'));
  const browser = await launchBrowser();
  const app: Record<Kind, number[]> = { indicator: [], year: [], classes: [] };
  const baseline: number[] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      for (const side of run % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app']) {
        ctx.log(`recolour: run ${run + 1}/${ctx.runs}, ${side}`);
        if (side === 'app') {
          const r = await appRun(browser, ctx);
          for (const kind of Object.keys(app) as Kind[]) app[kind].push(...r[kind]);
        } else baseline.push(...(await baselineRun(browser, url)));
      }
    }
  } finally {
    await browser.close();
  }
  const note = `${SAMPLES} samples per run; baseline: setData with new properties`;
  return [
    compare({ id: '2a', measure: 'Recolour Surakarta (54): indicator', unit: 'ms', note }, app.indicator, baseline),
    compare({ id: '2b', measure: 'Recolour Surakarta (54): year', unit: 'ms', note }, app.year, baseline),
    compare({ id: '2c', measure: 'Recolour Surakarta (54): classes', unit: 'ms', note }, app.classes, baseline),
  ];
}
