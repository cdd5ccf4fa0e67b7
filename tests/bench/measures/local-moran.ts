/**
 * Measure 6: Local Moran's I with 999 permutations on Surakarta (poverty rate 2025), the app's
 * analysis code in the browser against R spdep's localmoran_perm, on the same queen weights
 * (R builds them; the page receives R's neighbour lists). Each run is one fresh browser context
 * and one fresh R process, interleaved, each timing three calls after a warm-up. Without the
 * LISA module or without R spdep, the row says so.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { cityBoundary } from '../lib/geo';
import { BENCH, CACHE, ROOT } from '../lib/paths';
import { compare, placeholder, type Check, type Row } from '../lib/report';
import type { BenchWindow } from '../pages/api';
import { localMoranPlaceholder } from './placeholders';

const CALLS_PER_RUN = 3;

interface RResult {
  neighbours: number[][];
  Ii: number[];
  ms: number[];
  spdep: string;
  R: string;
}

function hasRSpdep(): boolean {
  const probe = 'quit(status = if (all(sapply(c("spdep", "sf", "jsonlite"), requireNamespace, quietly = TRUE))) 0 else 1)';
  return spawnSync('Rscript', ['-e', probe], { encoding: 'utf8' }).status === 0;
}

/** Surakarta's kode (boundary file order) and poverty rate 2025 (%), from the demo indicators. */
function surakartaInput(geojson: string): { ids: string[]; values: number[] } {
  const ids = (JSON.parse(readFileSync(geojson, 'utf8')) as { features: { properties: { kode: string } }[] }).features.map((f) => f.properties.kode);
  const lines = readFileSync(join(ROOT, 'data/demo/indikator.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const col = (name: string) => header.indexOf(name);
  const rate = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    if (c[col('tahun')] === '2025') rate.set(c[col('kode')], (Number(c[col('penduduk_miskin')]) / Number(c[col('penduduk')])) * 100);
  }
  return { ids, values: ids.map((kode) => rate.get(kode) ?? NaN) };
}

function runR(geojson: string, inputFile: string, reps: number): RResult {
  const out = join(CACHE, 'lisa-spdep.json');
  const r = spawnSync('Rscript', [join(BENCH, 'r/local-moran.R'), geojson, inputFile, out, String(reps)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as RResult;
}

/** Runs measure 6; `module` is the LISA module found, null when there is none (yet). */
export async function measureLocalMoran(ctx: BenchContext, module: string | null, pageBuilt: boolean): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  if (!module) return { rows: localMoranPlaceholder(), checks: [], notes: [] };
  if (!pageBuilt) return { rows: localMoranPlaceholder(), checks: [], notes: [`6: ${module} exports localMoran, but the bench page calling it did not build (see the console).`] };
  if (!hasRSpdep()) {
    return { rows: [placeholder('6a', "Local Moran's I, Surakarta", 'Rscript with spdep, sf and jsonlite (for the weights and the baseline)')], checks: [], notes: [] };
  }
  const city = cityBoundary('surakarta');
  const geojson = join(ROOT, 'data', city.dataPath);
  const input = surakartaInput(geojson);
  const inputFile = join(CACHE, 'lisa-input.json');
  writeFileSync(inputFile, JSON.stringify(input));

  const browser = await launchBrowser();
  const app: number[] = [];
  const baseline: number[] = [];
  let rLast: RResult | undefined;
  let jsI: number[] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      for (const side of run % 2 === 0 ? ['app', 'R'] : ['R', 'app']) {
        ctx.log(`local Moran: run ${run + 1}/${ctx.runs}, ${side}`);
        if (side === 'R') {
          rLast = runR(geojson, inputFile, CALLS_PER_RUN);
          baseline.push(...rLast.ms);
          continue;
        }
        // The page needs R's neighbours: the first run of all is R's when it goes first, else
        // get them from one extra R call (not timed into the results).
        const neighbours = (rLast ??= runR(geojson, inputFile, 1)).neighbours;
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          const page = await context.newPage();
          await page.goto(`${ctx.server.origin}/bench-lisa/lisa.html`);
          await page.waitForFunction(() => 'bench' in window);
          const result = await page.evaluate(({ values, neighbours, reps }) => (window as unknown as BenchWindow).bench.localMoran(values, neighbours, reps), {
            values: input.values,
            neighbours,
            reps: CALLS_PER_RUN,
          });
          app.push(...result.ms);
          jsI = result.I;
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const r = rLast!;
  const maxDiff = Math.max(...jsI.map((v, i) => Math.abs(v - r.Ii[i])));
  return {
    rows: [
      compare(
        {
          id: '6a',
          measure: "Local Moran's I, 999 permutations, Surakarta (54), browser main thread vs R spdep localmoran_perm",
          unit: 'ms',
          goal: 'faster than R spdep',
          note: `${CALLS_PER_RUN} calls per run after a warm-up; same queen weights (poly2nb, snap 10 m); ${module}`,
        },
        app,
        baseline,
        1,
      ),
    ],
    checks: [{ id: '6a', text: `Ii equal to spdep ${r.spdep}'s for all ${jsI.length} kelurahan (max |difference| ${maxDiff.toExponential(1)})`, ok: maxDiff < 1e-9 }],
    notes: [`6: baseline ${r.R}, spdep ${r.spdep}, single-threaded, timed inside R (start-up and package loading excluded, as page load is on the browser side).`],
  };
}
