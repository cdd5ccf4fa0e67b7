/**
 * Measure 6b: Local Moran's I with 999 permutations on all 83,402 desa/kelurahan of Indonesia, in
 * the app's analysis workers (src/workers/analysis.worker.ts through the app's WorkerClient, one per
 * reported core as the app splits it, and on one worker for the scaling), against
 * R spdep's localmoran_perm on the same national queen weights (10 m snap, built once by
 * lib/national-weights-cache.ts with the project's code and written as GAL for R) and the same
 * synthetic values. Each run is one fresh browser context (workers warmed up with 9 permutations,
 * then APP_CALLS timed calls), one on a single worker (one call), and one fresh serial R process (one
 * timed call), interleaved. While the workers run, the page records the gaps between animation
 * frames on the main thread. With `--reuse-r` the R side is not run: its samples come from the 6b
 * row of results/latest.json (said in the notes), and the I_i check against R is left out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { nationalLisaInput } from '../lib/national-weights-cache';
import { BENCH, CACHE, RESULTS } from '../lib/paths';
import { compare, placeholder, type Check, type Results, type Row } from '../lib/report';
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

/** R's samples of the last 6b run in results/latest.json, and when it ran (for --reuse-r). */
function earlierR(): { ms: number[]; when: string } | null {
  const file = join(RESULTS, 'latest.json');
  if (!existsSync(file)) return null;
  const latest = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const row = latest.rows.find((r) => r.id === '6b');
  const when = latest.notes.find((n) => n.startsWith('Measure 6b re-run alone on'))?.slice(27, 43) ?? 'an earlier run';
  return row?.samples?.baseline.length ? { ms: row.samples.baseline, when } : null;
}

/** Runs measure 6b. */
export async function measureLocalMoranNational(ctx: BenchContext): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  const input = await nationalLisaInput(ctx.log);
  if (!input)
    return { rows: [placeholder('6b', MEASURE, 'the national file ../shared/data/national/desa-kelurahan-indonesia.fgb.gz', 'faster than R spdep')], checks: [], notes: [] };
  const reuse = process.argv.includes('--reuse-r') ? earlierR() : null;
  if (!reuse && !hasRSpdep()) return { rows: [placeholder('6b', MEASURE, 'Rscript with spdep and jsonlite (the baseline)', 'faster than R spdep')], checks: [], notes: [] };
  const url = `${ctx.server.origin}/cache/${basename(input.bin)}`;
  const runs = Math.min(ctx.runs, MAX_RUNS);

  const browser = await launchBrowser();
  const app: number[] = [];
  const baseline: number[] = [];
  const frames: FrameGaps[] = [];
  const oneWorker: number[] = [];
  let workers = 0;
  let samePseudoP = true;
  let progressMessages = 0;
  let jsI: number[] = [];
  let jsIslands = -1;
  let rLast: RResult | undefined;
  try {
    const inPage = async (calls: number, workerCount?: number) => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await page.goto(ctx.pageUrl('lisa-national.html', ''));
        await page.waitForFunction(() => 'bench' in window);
        return await page.evaluate(({ url, calls, workerCount }) => (window as unknown as LisaNationalWindow).bench.lisaNational(url, calls, workerCount), {
          url,
          calls,
          workerCount,
        });
      } finally {
        await context.close();
      }
    };
    for (let run = 0; run < runs; run++) {
      for (const side of run % 2 === 0 ? ['app', 'R'] : ['R', 'app']) {
        ctx.log(`local Moran national: run ${run + 1}/${runs}, ${side}`);
        if (side === 'R') {
          if (reuse) continue;
          rLast = runR(input.gal, input.values);
          baseline.push(...rLast.ms);
          continue;
        }
        const result = await inPage(APP_CALLS);
        app.push(...result.ms);
        frames.push(...result.frames);
        progressMessages = result.progressMessages;
        workers = result.workers;
        jsI = result.I;
        jsIslands = result.islands;
        // The scaling: the same first call (seed 1) on one worker, whose p-values must not differ.
        const single = await inPage(1, 1);
        oneWorker.push(...single.ms);
        samePseudoP &&= single.pseudoP.every((p, i) => Object.is(p, result.pseudoP[i]));
      }
    }
  } finally {
    await browser.close();
  }
  if (reuse) baseline.push(...reuse.ms);
  const r = rLast;
  // I_i is deterministic (no permutation in it): compare every desa, absolute and relative. Where
  // x_i is within rounding of the mean, I_i is ~0 and both sides carry ~1e-13 of cancellation
  // (different summation order over 83,402 values), so relative differences count for |Ii| ≥ 1e-3.
  let maxAbs = 0;
  let maxRel = 0;
  const rIi = r?.Ii ?? [];
  for (let i = 0; i < rIi.length; i++) {
    const d = Math.abs(jsI[i] - rIi[i]);
    maxAbs = Math.max(maxAbs, d);
    if (Math.abs(rIi[i]) >= 1e-3) maxRel = Math.max(maxRel, d / Math.abs(rIi[i]));
  }
  const gapMax = summarize(frames.map((f) => f.max));
  const gapP95 = summarize(frames.map((f) => f.p95));
  const row = compare(
    {
      id: '6b',
      measure: MEASURE,
      unit: 'ms',
      goal: '≤ 0.1× R spdep (issue 16); page does not freeze',
      note:
        `${runs} runs (a fresh page with ${APP_CALLS} timed calls on ${workers} workers after a 9-permutation warm-up, ${reuse ? `R's samples reused from ${reuse.when}` : 'and a fresh R process with one call'}); ` +
        `on 1 worker: median ${round(summarize(oneWorker).median)} ms (${oneWorker.map(round).join(', ')} ms), so ${workers} workers are ${(summarize(oneWorker).median / summarize(app).median).toFixed(2)}× as fast; ` +
        `national queen weights (10 m snap, ${input.links.toLocaleString('en-US')} links, ` +
        `${input.islands} islands, zero.policy); main-thread frame gap during the worker run: max ${round(gapMax.max)} ms, median of the runs' p95 ${round(gapP95.median)} ms`,
    },
    app,
    baseline,
    0.1,
  );
  return {
    rows: [row],
    checks: [
      ...(r
        ? [
            {
              id: '6b',
              text: `national I_i equal to spdep ${r.spdep}'s Ii for all ${r.Ii.length.toLocaleString('en-US')} desa (max |difference| ${maxAbs.toExponential(1)}, max relative ${maxRel.toExponential(1)} where |Ii| ≥ 1e-3)`,
              ok: jsI.length === r.Ii.length && maxRel <= 1e-9 && maxAbs <= 1e-9,
            },
          ]
        : []),
      {
        id: '6b',
        text: `pseudo p-values of seed 1 identical on ${workers} workers and on 1 worker, for all ${jsI.length.toLocaleString('en-US')} desa, in every run`,
        ok: samePseudoP && oneWorker.length > 0,
      },
      {
        id: '6b',
        text: `islands: ${jsIslands} in the workers' result, ${r ? `${r.islands} in R's nb, ` : ''}${input.islands} in the weights built`,
        ok: jsIslands === input.islands && (!r || r.islands === input.islands),
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
      (r
        ? `6b: baseline ${r.R}, spdep ${r.spdep}, serial (coresOption ${r.cores}, mcOption ${String(r.mcOption)}), elapsed by system.time around localmoran_perm only `
        : `6b: baseline R spdep localmoran_perm, serial, samples reused from ${reuse?.when} (--reuse-r; not run again), elapsed by system.time around localmoran_perm only `) +
        `(read.gal, nb2listw and start-up excluded, as fetching and page load are on the browser side). The app's time is request to result through WorkerClient, ` +
        `including copying values and weights to each worker, the global Moran's I with its 999 permutations that runLocal also computes (in part 0), and copying the results back ` +
        `(${progressMessages} progress messages). Values: synthetic (seeded noise plus a smooth trend in the centroid's lon/lat).`,
    ],
  };
}
