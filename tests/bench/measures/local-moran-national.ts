/**
 * Measure 6b: Local Moran's I with 999 permutations on all 83,402 desa/kelurahan of Indonesia, in
 * the app's analysis worker (src/workers/analysis.worker.ts through the app's WorkerClient), against
 * R spdep's localmoran_perm on the same national queen weights (10 m snap, built once by
 * lib/national-weights-cache.ts with the project's code and written as GAL for R) and the same
 * synthetic values. Each run is one fresh browser context (worker warmed up with 9 permutations,
 * then APP_CALLS timed calls) and one fresh serial R process (one timed call), interleaved. While the
 * worker runs, the page records the gaps between animation frames on the main thread.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { nationalLisaInput } from '../lib/national-weights-cache';
import { BENCH, CACHE } from '../lib/paths';
import { compare, placeholder, type Check, type Row } from '../lib/report';
import { summarize } from '../lib/stats';
import type { FrameGaps, LisaNationalWindow } from '../pages/lisa-national-api';

/** Runs at most this many times: one R call takes minutes on a shared machine. */
const MAX_RUNS = 3;
/** Timed app calls per browser context (after the warm-up): cheap next to R's, so more samples. */
const APP_CALLS = 2;
const MEASURE = "Local Moran's I, 999 permutations, national (83,402 desa), app's analysis worker vs R spdep localmoran_perm";

interface RResult {
  Ii: number[];
  ms: number[];
  islands: number;
  links: number;
  cores: number;
  mcOption: boolean;
  spdep: string;
  R: string;
}

function hasRSpdep(): boolean {
  const probe = 'quit(status = if (all(sapply(c("spdep", "jsonlite"), requireNamespace, quietly = TRUE))) 0 else 1)';
  return spawnSync('Rscript', ['-e', probe], { encoding: 'utf8' }).status === 0;
}

function runR(gal: string, values: string): RResult {
  const out = join(CACHE, 'lisa-national-spdep.json');
  const r = spawnSync('Rscript', [join(BENCH, 'r/local-moran-national.R'), gal, values, out, '1'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as RResult;
  return { ...result, ms: ([] as number[]).concat(result.ms) };
}

const round = (v: number) => Math.round(v);

/** Runs measure 6b. */
export async function measureLocalMoranNational(ctx: BenchContext): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  const input = await nationalLisaInput(ctx.log);
  if (!input)
    return { rows: [placeholder('6b', MEASURE, 'the national file ../shared/data/national/desa-kelurahan-indonesia.fgb.gz', 'faster than R spdep')], checks: [], notes: [] };
  if (!hasRSpdep()) return { rows: [placeholder('6b', MEASURE, 'Rscript with spdep and jsonlite (the baseline)', 'faster than R spdep')], checks: [], notes: [] };
  const url = `${ctx.server.origin}/cache/${basename(input.bin)}`;
  const runs = Math.min(ctx.runs, MAX_RUNS);

  const browser = await launchBrowser();
  const app: number[] = [];
  const baseline: number[] = [];
  const frames: FrameGaps[] = [];
  let progressMessages = 0;
  let jsI: number[] = [];
  let jsIslands = -1;
  let rLast: RResult | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      for (const side of run % 2 === 0 ? ['app', 'R'] : ['R', 'app']) {
        ctx.log(`local Moran national: run ${run + 1}/${runs}, ${side}`);
        if (side === 'R') {
          rLast = runR(input.gal, input.values);
          baseline.push(...rLast.ms);
          continue;
        }
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          const page = await context.newPage();
          await page.goto(ctx.pageUrl('lisa-national.html', ''));
          await page.waitForFunction(() => 'bench' in window);
          const result = await page.evaluate(({ url, calls }) => (window as unknown as LisaNationalWindow).bench.lisaNational(url, calls), { url, calls: APP_CALLS });
          app.push(...result.ms);
          frames.push(...result.frames);
          progressMessages = result.progressMessages;
          jsI = result.I;
          jsIslands = result.islands;
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const r = rLast!;
  // I_i is deterministic (no permutation in it): compare every desa, absolute and relative. Where
  // x_i is within rounding of the mean, I_i is ~0 and both sides carry ~1e-13 of cancellation
  // (different summation order over 83,402 values), so relative differences count for |Ii| ≥ 1e-3.
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < r.Ii.length; i++) {
    const d = Math.abs(jsI[i] - r.Ii[i]);
    maxAbs = Math.max(maxAbs, d);
    if (Math.abs(r.Ii[i]) >= 1e-3) maxRel = Math.max(maxRel, d / Math.abs(r.Ii[i]));
  }
  const gapMax = summarize(frames.map((f) => f.max));
  const gapP95 = summarize(frames.map((f) => f.p95));
  const row = compare(
    {
      id: '6b',
      measure: MEASURE,
      unit: 'ms',
      goal: 'faster than R spdep; page does not freeze',
      note:
        `${runs} runs (a fresh page with ${APP_CALLS} timed calls after a 9-permutation warm-up of the worker, and a fresh R process with one call); national queen weights (10 m snap, ${input.links.toLocaleString('en-US')} links, ` +
        `${input.islands} islands, zero.policy); main-thread frame gap during the worker run: max ${round(gapMax.max)} ms, median of the runs' p95 ${round(gapP95.median)} ms`,
    },
    app,
    baseline,
    1,
  );
  return {
    rows: [row],
    checks: [
      {
        id: '6b',
        text: `national I_i equal to spdep ${r.spdep}'s Ii for all ${r.Ii.length.toLocaleString('en-US')} desa (max |difference| ${maxAbs.toExponential(1)}, max relative ${maxRel.toExponential(1)} where |Ii| ≥ 1e-3)`,
        ok: jsI.length === r.Ii.length && maxRel <= 1e-9 && maxAbs <= 1e-9,
      },
      {
        id: '6b',
        text: `islands: ${jsIslands} in the worker's result, ${r.islands} in R's nb, ${input.islands} in the weights built`,
        ok: jsIslands === r.islands && r.islands === input.islands,
      },
      {
        id: '6b',
        text:
          `main thread kept drawing while the worker ran: largest gap between animation frames ${round(gapMax.max)} ms ` +
          `(per run: max ${frames.map((f) => `${round(f.max)} ms ending ${(f.maxEndsAt / 1000).toFixed(1)} s after the request`).join('; ')}; ` +
          `p95 ${frames.map((f) => round(f.p95)).join(', ')} ms; ${frames.map((f) => f.frames).join(', ')} frames)`,
        // Run on the main thread, the page would not draw at all for the whole run (about a minute).
        ok: gapMax.max < 1000,
      },
    ],
    notes: [
      `6b: baseline ${r.R}, spdep ${r.spdep}, serial (coresOption ${r.cores}, mcOption ${String(r.mcOption)}), elapsed by system.time around localmoran_perm only ` +
        `(read.gal, nb2listw and start-up excluded, as fetching and page load are on the browser side). The app's time is request to result through WorkerClient, ` +
        `including copying values and weights to the worker, the global Moran's I with its 999 permutations that runLocal also computes, and copying the result back ` +
        `(${progressMessages} progress messages). Values: synthetic (seeded noise plus a smooth trend in the centroid's lon/lat).`,
    ],
  };
}
