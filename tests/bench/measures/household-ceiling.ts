/**
 * Measure 8: where the browser stops with household registers (issue 17, item 1). Seeded
 * DTSEN-like registers of 1, 5 and 20 million households (src/cli/generate-register-scale.ts,
 * spread over Surakarta's kelurahan so they join the app's region) are imported in the real app
 * in Chromium through its import dialog, as a user would: pick the file, wait for the table,
 * join, commit. Reported per file: the read's MB/s (DuckDB's reader on the File), the join and
 * the commit (reduce, store, aggregate) times, peak memory (the page's JS heap from the DevTools
 * protocol, and the renderer process's peak resident memory, which holds DuckDB's WASM memory),
 * the longest gap between two animation frames on the main thread, and the long frames (Long
 * Animation Frames) with what filled them. A frame's own part is the page's work, the import's,
 * without MapLibre drawing the map after the commit: a redraw costs the same whatever changed the
 * map (row 4c compares it with a bare MapLibre page), and under software WebGL on this machine
 * every redraw is a long frame. The largest file that imports whole with no own part above
 * RESPONSIVE_GAP_MS is the ceiling the app enforces (src/data/household-file.ts,
 * HOUSEHOLD_CEILING_BYTES cites this measure's row 8g). The gaps between frames, which also hold
 * the map's redraws and the time other processes took the machine's two cores, are in the notes.
 */
import type { Browser, Page } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findDefaultCodes, readDesaCodes } from '../../../src/cli/desa-codes';
import { generateRegisterScale } from '../../../src/cli/generate-register-scale';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import { START_STAMP, START_VIEW, type BenchContext } from '../lib/context';
import { CACHE, ROOT } from '../lib/paths';
import { summarize, type Summary } from '../lib/stats';
import type { Check, Row } from '../lib/report';

/**
 * The register sizes of issue 17. The bench's normal run imports the first only (about a minute);
 * `--households-large` adds 5 and 20 million (their files are generated once into the cache, and
 * each import takes minutes), to find the ceiling again after a change to the read.
 */
const SIZES = [1_000_000, 5_000_000, 20_000_000];
const NORMAL_SIZES = SIZES.slice(0, 1);
/** Parquet with `--households-large`: 1 and 5 million (20 million is left out to keep the opt-in run under an hour). */
const PARQUET_SIZES = SIZES.slice(0, 2);
/** A frame gap the user notices as the page hanging (two frames missed at 10 fps). */
export const RESPONSIVE_GAP_MS = 200;
/** Surakarta (33.72): the bench's app view, so every row joins a kelurahan on the map. */
const WILAYAH = '33.72';
const STEP_TIMEOUT = 8 * 60_000;
const MB = 1024 * 1024;

/** One file's import. */
export interface CeilingRun {
  rows: number;
  bytes: number;
  /** Pick to the table shown (head read + DuckDB read_csv into the raw table). */
  readMs: number | null;
  /**
   * CPU time the page's renderer (its main thread and workers, DuckDB's among them) spent on the
   * read: on a loaded machine the wall time says more about the other processes than the app.
   */
  readCpuMs: number | null;
  joinMs: number | null;
  commitMs: number | null;
  /** Largest JS heap of the page (main thread), bytes. */
  heapPeak: number;
  /** Peak resident memory of the page's renderer process (VmHWM), bytes; null off Linux. */
  rendererPeak: number | null;
  /** Its resident memory with the map shown and DuckDB started, before the import (VmRSS). */
  rendererBefore: number | null;
  /** Longest gap between animation frames during the read, and during join + commit. */
  readGap: number;
  commitGap: number;
  /**
   * The longest long frame's own part: the page's work (the import's: reading, dialog, join,
   * storing), without the map drawing itself after the commit, which any change of indicator
   * costs too (row 4c compares it with a bare MapLibre page). This decides "responsive".
   */
  ownFrame: LongFrame | null;
  /** The longest map redraw (MapLibre's render) seen, ms. */
  mapDraw: number;
  /** Where it stopped, when it did not import whole. */
  failure: string | null;
}

/** The register of `rows` households, generated once into the cache (SCALE's generator, seeded). */
async function register(rows: number, log: (m: string) => void, format: 'csv' | 'parquet' = 'csv'): Promise<string> {
  const file = join(CACHE, `rumah_tangga_SINTETIS_${WILAYAH.replace('.', '')}_${rows / 1e6}m.${format}`);
  if (existsSync(file)) return file;
  const source = findDefaultCodes(ROOT);
  if (!source) throw new Error('no national desa/kelurahan file for the kelurahan codes');
  const codes = await readDesaCodes(source, WILAYAH);
  log(`household ceiling: generating ${rows.toLocaleString('en-US')} households as ${format} (${codes.length} kelurahan)`);
  await generateRegisterScale({ rows, out: file, format, codes });
  return file;
}

/** The browser's renderer processes: pids and CPU seconds used so far (the DevTools protocol's SystemInfo, asked of the browser). */
async function renderers(browser: Browser): Promise<{ pids: number[]; cpuSeconds: number }> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    const list = processInfo.filter((p) => p.type === 'renderer');
    return { pids: list.map((p) => p.id), cpuSeconds: list.reduce((sum, p) => sum + p.cpuTime, 0) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Resident memory (`VmHWM`: peak, `VmRSS`: now) of the largest of `pids` from /proc; null off Linux. */
function residentMemory(pids: readonly number[], field: 'VmHWM' | 'VmRSS'): number | null {
  if (!existsSync('/proc/self/status')) return null;
  let largest = 0;
  for (const pid of pids) {
    try {
      const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      largest = Math.max(largest, kb * 1024);
    } catch {
      // the process has ended
    }
  }
  return largest;
}

/**
 * Starts recording the longest gap between animation frames (the page's main thread) and the
 * long frames (Chromium's Long Animation Frames): each one's length, what filled it, and how much
 * of it was the map drawing itself (MapLibre's render, timed by wrapping it, and the frame the
 * map's canvas is presented in). What is left is the page's own work: the import's.
 */
async function watchFrames(page: Page): Promise<void> {
  // A string: tsx would wrap a named function of a closure in a helper the page does not have.
  await page.evaluate(`(() => {
    const gap = { max: 0, last: performance.now(), frames: [] };
    window.__gap = gap;
    requestAnimationFrame(function tick(now) {
      gap.max = Math.max(gap.max, now - gap.last);
      gap.last = now;
      requestAnimationFrame(tick);
    });
    const draws = [];
    const map = window.__pkk.map;
    const render = map._render;
    map._render = function (...args) {
      const start = performance.now();
      try { return render.apply(this, args); } finally { draws.push([start, performance.now()]); }
    };
    new PerformanceObserver((list) => {
      for (const f of list.getEntries()) {
        if (f.duration < 100) continue;
        const end = f.startTime + f.duration;
        const inFrame = draws.filter(([a, b]) => a >= f.startTime && b <= end);
        const drawMs = inFrame.reduce((sum, [a, b]) => sum + b - a, 0);
        const styleStart = f.styleAndLayoutStart || end;
        // The map drew in this frame: its presentation (style, layout, paint of the canvas) is the map's too.
        const own = f.duration - drawMs - (inFrame.length > 0 ? end - styleStart : 0);
        gap.frames.push({
          at: Math.round(f.startTime), duration: Math.round(f.duration), own: Math.round(own), mapDraw: Math.round(drawMs),
          rendering: Math.round(end - f.renderStart), styleAndLayout: Math.round(end - styleStart),
          scripts: f.scripts.map((s) => ({ ms: Math.round(s.duration), invoker: s.invoker, source: (s.sourceURL || '').split('/').pop() + ':' + (s.sourceFunctionName || '') })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  })()`);
}

/** One long frame: its length, the part that was the page's own work (not the map drawing itself), and its scripts. */
interface LongFrame {
  /** Set when kept in a run: which step it fell in. */
  phase?: string;
  at: number;
  duration: number;
  own: number;
  mapDraw: number;
  /** Of its length: the rendering update (animation-frame callbacks, style, layout, paint), and of that style and layout. */
  rendering: number;
  styleAndLayout: number;
  scripts: { ms: number; invoker: string; source: string }[];
}

/** The longest frame gap since the last call and the long frames in it, and restart. */
function takeGap(page: Page): Promise<{ max: number; frames: LongFrame[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __gap: { max: number; last: number; frames: LongFrame[] } };
    const max = Math.max(w.__gap.max, performance.now() - w.__gap.last);
    const frames = w.__gap.frames;
    w.__gap.max = 0;
    w.__gap.frames = [];
    return { max, frames };
  });
}

/** Keeps a phase's longest own frame and longest map draw in the run. */
function noteFrames(run: CeilingRun, phase: string, frames: LongFrame[]): void {
  for (const frame of frames) {
    run.mapDraw = Math.max(run.mapDraw, frame.mapDraw);
    if (frame.own > (run.ownFrame?.own ?? -1)) run.ownFrame = { ...frame, phase };
  }
}

/** Logs the frames whose own part is over the limit, whole, for whoever looks for the cause. */
function logFrames(ctx: BenchContext, phase: string, frames: LongFrame[]): void {
  for (const frame of frames.filter((f) => f.own > RESPONSIVE_GAP_MS)) ctx.log(`household ceiling: long frame in ${phase}: ${JSON.stringify(frame)}`);
}

/** The longest own frame as the notes give it: its length, phase and the script that filled most of it. */
function frameText(frame: LongFrame | null): string {
  if (!frame) return 'none over 100 ms';
  const top = [...frame.scripts].sort((a, b) => b.ms - a.ms)[0];
  return `${frame.own} ms (${frame.phase}${top ? `; ${top.ms} ms in ${top.invoker} ${top.source}` : ''})`;
}

/** Waits for the first of the dialog's outcomes; the error's text when it failed. */
async function outcome(page: Page, success: string): Promise<string | null> {
  const dialog = page.getByTestId('import-dialog');
  const ok = page.locator(success);
  const error = dialog.getByTestId('import-error');
  await ok.or(error).first().waitFor({ timeout: STEP_TIMEOUT });
  return (await error.isVisible()) ? await error.innerText() : null;
}

/** Imports one register in a fresh browser and measures it. */
async function importOnce(ctx: BenchContext, file: string, rows: number): Promise<CeilingRun> {
  const bytes = statSync(file).size;
  const run: CeilingRun = {
    rows,
    bytes,
    readMs: null,
    readCpuMs: null,
    joinMs: null,
    commitMs: null,
    heapPeak: 0,
    rendererPeak: null,
    rendererBefore: null,
    readGap: 0,
    commitGap: 0,
    ownFrame: null,
    mapDraw: 0,
    failure: null,
  };
  // A local browser: the file input gets the path, not the file's bytes over a connection.
  const browser = await launchBrowser();
  let pids: number[] = [];
  let polling: NodeJS.Timeout | undefined;
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(ctx.appUrl(START_VIEW));
    await page.locator(`.map[data-rendered^="${START_STAMP}"]`).waitFor({ timeout: 120_000 });
    // DuckDB started before the clock: the app starts it once, at its first query. The app's
    // ceiling is lifted: this measure finds where it should be.
    await page.evaluate(async () => {
      const { app } = (
        window as unknown as { __pkk: { app: { workspace: { database(): Promise<unknown> }; importSession: { householdCeiling: number; householdRowCeiling: number } } } }
      ).__pkk;
      app.importSession.householdCeiling = Number.POSITIVE_INFINITY;
      app.importSession.householdRowCeiling = Number.POSITIVE_INFINITY;
      await app.workspace.database();
    });
    const before = await renderers(browser);
    pids = before.pids;
    run.rendererBefore = residentMemory(pids, 'VmRSS');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    polling = setInterval(() => {
      cdp
        .send('Performance.getMetrics')
        .then(({ metrics }) => {
          const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          run.heapPeak = Math.max(run.heapPeak, heap);
        })
        .catch(() => undefined);
    }, 250);
    await page.getByTestId('tab-data').click();
    await watchFrames(page);
    let start = performance.now();
    await page.getByTestId('import-input').setInputFiles(file);
    let failed = await outcome(page, '[data-testid="import-summary"]');
    const read = await takeGap(page);
    run.readGap = read.max;
    noteFrames(run, 'read', read.frames);
    logFrames(ctx, 'read', read.frames);
    if (failed) throw new Error(`read: ${failed}`);
    run.readMs = performance.now() - start;
    run.readCpuMs = ((await renderers(browser)).cpuSeconds - before.cpuSeconds) * 1000;
    ctx.log(`household ceiling: ${rows.toLocaleString('en-US')} read in ${Math.round(run.readMs)} ms (${(bytes / MB / (run.readMs / 1000)).toFixed(0)} MB/s)`);
    start = performance.now();
    await page.getByTestId('import-next').click();
    failed = await outcome(page, '[data-testid="join-report"]');
    if (failed) throw new Error(`join: ${failed}`);
    run.joinMs = performance.now() - start;
    start = performance.now();
    await page.getByTestId('import-commit').click();
    // Committed: the dialog closes; failed: it stays open on the message.
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]') || document.querySelector('[data-testid="import-error"]'), null, {
      timeout: STEP_TIMEOUT,
      polling: 250,
    });
    const error = page.getByTestId('import-error');
    if (await error.isVisible()) throw new Error(`commit: ${await error.innerText()}`);
    run.commitMs = performance.now() - start;
    const commit = await takeGap(page);
    run.commitGap = commit.max;
    noteFrames(run, 'join and commit', commit.frames);
    logFrames(ctx, 'join and commit', commit.frames);
  } catch (error) {
    run.failure = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 240);
  } finally {
    if (polling) clearInterval(polling);
    run.rendererPeak = residentMemory(pids, 'VmHWM');
    await browser.close().catch(() => undefined);
  }
  return run;
}

/** A size's read times (CSV or Parquet alike): the samples, their summary and median in seconds, none when no run read the file. */
function readsOf(list: readonly CeilingRun[]): { samples: number[]; app: Summary | undefined; seconds: number | null } {
  const samples = list.filter((r) => r.readMs !== null).map((r) => r.readMs!);
  const app = samples.length > 0 ? summarize(samples) : undefined;
  return { samples, app, seconds: app ? app.median / 1000 : null };
}

/** The read's MB per CPU-second of the renderer: about the MB/s of an unloaded core. */
function cpuRate(list: readonly CeilingRun[], bytes: number): string {
  const cpu = list.filter((r) => r.readCpuMs !== null && r.readCpuMs > 0).map((r) => r.readCpuMs!);
  return cpu.length > 0 ? `, ${(bytes / MB / (summarize(cpu).median / 1000)).toFixed(0)} MB per CPU-second of the page` : '';
}

/** A size's frames as the notes give them: the page's own longest, the map's longest redraw, the longest gap between frames. */
function framesNote(list: readonly CeilingRun[]): string {
  const own = list.map((r) => r.ownFrame).reduce<LongFrame | null>((a, b) => ((b?.own ?? -1) > (a?.own ?? -1) ? b : a), null);
  const gap = Math.max(...list.map((r) => Math.max(r.readGap, r.commitGap)));
  return (
    `longest frame of the page's own work ${frameText(own)}, longest map redraw ${Math.max(...list.map((r) => r.mapDraw))} ms, ` +
    `longest gap between frames ${Math.round(gap)} ms (the map's redraws and the machine's other processes included)`
  );
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const label = (rows: number) => `${rows / 1e6}M households`;

/** Runs measure 8. */
export async function measureHouseholdCeiling(ctx: BenchContext, options: { large?: boolean; sizes?: number[] } = {}): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  const sizes = options.sizes ?? (options.large ? SIZES : NORMAL_SIZES);
  const runs: CeilingRun[] = [];
  for (const rows of sizes) {
    const file = await register(rows, ctx.log);
    for (let r = 0; r < ctx.runs; r++) {
      ctx.log(`household ceiling: ${label(rows)}, run ${r + 1}/${ctx.runs}`);
      const run = await importOnce(ctx, file, rows);
      runs.push(run);
      if (run.failure) break; // a size that does not import will not on a second try
    }
  }
  const bySize = sizes.map((rows) => runs.filter((r) => r.rows === rows));
  const rowsOut: Row[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  const responsive = (r: CeilingRun) => r.failure === null && (r.ownFrame?.own ?? 0) <= RESPONSIVE_GAP_MS;
  bySize.forEach((list, i) => {
    const rows = sizes[i];
    const { bytes } = list[0];
    const reads = readsOf(list);
    const mbps = reads.seconds === null ? null : bytes / MB / reads.seconds;
    rowsOut.push({
      id: `8${'abc'[i]}`,
      measure: `${label(rows)} (${mb(bytes)} CSV): import read in the app (DuckDB read_csv on the File)`,
      unit: 'ms',
      app: reads.app,
      goal: '≥ 100 MB/s',
      status: mbps === null ? 'missed' : mbps >= 100 ? 'met' : 'missed',
      samples: { app: reads.samples, baseline: [] },
      note: mbps === null ? `did not read: ${list[0].failure}` : `${mbps.toFixed(0)} MB/s${cpuRate(list, bytes)}`,
    });
    const commits = list.filter((r) => r.commitMs !== null).map((r) => r.commitMs! + r.joinMs!);
    rowsOut.push({
      id: `8${'def'[i]}`,
      measure: `${label(rows)}: join + aggregate (reduce, store, GROUP BY per kelurahan) in the app`,
      unit: 'ms',
      app: commits.length > 0 ? summarize(commits) : undefined,
      status: 'info',
      samples: { app: commits, baseline: [] },
      note: list.find((r) => r.failure)?.failure ?? undefined,
    });
    const peak = Math.max(...list.map((r) => r.rendererPeak ?? 0));
    const before = Math.max(...list.map((r) => r.rendererBefore ?? 0));
    const heap = Math.max(...list.map((r) => r.heapPeak));
    notes.push(
      `8: ${label(rows)} (${mb(bytes)}): peak memory ${peak > 0 ? `${mb(peak)} resident in the page's renderer (DuckDB's WASM memory included; ${mb(before)} before the import)` : 'not measured (no /proc)'}, ` +
        `page JS heap ${mb(heap)}; ${framesNote(list)}; ${list.every((r) => r.failure === null) ? 'imported whole' : `stopped: ${list.find((r) => r.failure)?.failure}`}.`,
    );
    checks.push({
      id: '8',
      text: `${label(rows)} (${mb(bytes)}) imports whole with no frame of the page's own work above ${RESPONSIVE_GAP_MS} ms: ${list.filter(responsive).length}/${list.length} runs`,
      ok: list.every(responsive),
    });
  });
  // Parquet: the same registers read by the app's Parquet path (hyparquet in the import worker, Arrow batches into DuckDB).
  const parquetSizes = options.large ? PARQUET_SIZES : NORMAL_SIZES;
  for (const [i, rows] of parquetSizes.entries()) {
    const file = await register(rows, ctx.log, 'parquet');
    const list: CeilingRun[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      ctx.log(`household ceiling: ${label(rows)} Parquet, run ${r + 1}/${ctx.runs}`);
      const run = await importOnce(ctx, file, rows);
      list.push(run);
      if (run.failure) break;
    }
    const { bytes } = list[0];
    const reads = readsOf(list);
    rowsOut.push({
      id: `8${'hi'[i]}`,
      measure: `${label(rows)} (${mb(bytes)} Parquet): import read in the app (hyparquet to Arrow batches in DuckDB)`,
      unit: 'ms',
      app: reads.app,
      status: 'info',
      samples: { app: reads.samples, baseline: [] },
      note:
        reads.seconds === null
          ? `did not read: ${list[0].failure}`
          : `${(bytes / MB / reads.seconds).toFixed(1)} MB/s of Parquet, ${Math.round(rows / reads.seconds).toLocaleString('en-US')} rows/s${cpuRate(list, bytes)}`,
    });
    const peak = Math.max(...list.map((r) => r.rendererPeak ?? 0));
    const commits = list.filter((r) => r.commitMs !== null).map((r) => r.commitMs! + r.joinMs!);
    notes.push(
      `8: ${label(rows)} Parquet (${mb(bytes)}): peak ${mb(peak)} resident in the page's renderer, ${framesNote(list)}, ` +
        `join + aggregate ${commits.length > 0 ? `${(summarize(commits).median / 1000).toFixed(1)} s` : 'not reached'}; ${list.every((r) => r.failure === null) ? 'imported whole' : `stopped: ${list.find((r) => r.failure)?.failure}`}.`,
    );
  }
  const fits = bySize.filter((list) => list.every(responsive)).map((list) => list[0]);
  const largest = fits.at(-1);
  rowsOut.push({
    id: '8g',
    measure: 'Household ceiling: the largest register that imports whole with the page responsive',
    unit: 'bytes',
    app: largest ? summarize([largest.bytes]) : undefined,
    status: 'info',
    note: largest
      ? `${label(largest.rows)}; the app refuses larger household files with the CLI command (HOUSEHOLD_CEILING_BYTES)`
      : `none imported whole with every frame of the page's own work under ${RESPONSIVE_GAP_MS} ms (the frames and the sizes that imported are in the notes)`,
  });
  return { rows: rowsOut, checks, notes };
}
