/**
 * `npm run bench`: builds what is needed, serves it, drives Chromium through every measure of
 * issue 7 (each against a baseline measured in the same run, interleaved), and writes
 * tests/bench/results/latest.{json,md}.
 *
 * Options: `--runs=N` (default 5), `--only=1,2,3,5,7` (a subset; 7 needs 1; 8 is the household
 * ceiling, with `--households-large` also at 5 and 20 million households, or with
 * `--households=1,2` at the CSV sizes given, in millions; `6` is 6a and 6b,
 * `6a` or `6b` one of them). A run with fewer than 5 repetitions or a subset writes
 * results/partial.{json,md} instead of the latest; with `--merge`, a subset's rows, checks and
 * notes replace those of the same measures in results/latest.{json,md} instead (said in its notes).
 * `--reuse-r`: measure 6b takes R's samples from results/latest.json instead of running R again.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, VIEWPORT } from './lib/browser';
import { buildAll, buildLisaPage } from './lib/build';
import { START_VIEW, type BenchContext } from './lib/context';
import { describeMachine } from './lib/machine';
import { nationalFile } from './lib/national-file';
import { findLisaModule } from './lib/lisa-module';
import { APP_BUILD, CACHE, LISA_BUILD, PAGES_BUILD, RESULTS, ROOT } from './lib/paths';
import { toMarkdown, type Results } from './lib/report';
import { startServer, type BenchServer } from './lib/server';
import { measureFirstPaint } from './measures/first-paint';
import { measureHouseholds } from './measures/households';
import { measureHouseholdCeiling } from './measures/household-ceiling';
import { measureLocalMoran } from './measures/local-moran';
import { measureLocalMoranNational } from './measures/local-moran-national';
import { measureNational } from './measures/national';
import { measureAllIndonesia } from './measures/all-indonesia';
import { buildNationalMap } from '../../scripts/build-national-map';
import { measureRecolour } from './measures/recolour';
import { measureWeight } from './measures/weight';

const ALL = ['1', '2', '3', '4', '5', '6', '7', '8'];

/** Without GDAL (or the national file) measures 2d and 4 become rows that say what they need. */
function nationalMapMissing(error: unknown): false {
  console.error(`bench: the national map cannot be built (${error instanceof Error ? error.message : String(error)}); rows 2d and 4 will say so`);
  return false;
}

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The app's map area at the bench viewport, so the baseline map has the same pixels to fill. */
async function probeMapSize(server: BenchServer): Promise<{ size: { width: number; height: number }; chromium: string }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${server.origin}/app/?${START_VIEW}`);
    const box = await page.locator('.map').boundingBox({ timeout: 60_000 });
    if (!box) throw new Error('the app shows no map');
    return { size: { width: Math.round(box.width), height: Math.round(box.height) }, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 5);
  const only = option('only')?.split(',') ?? ALL;
  const wants = (id: string) => only.includes(id);
  if (wants('7') && !wants('1')) only.push('1');
  const wants6a = wants('6') || wants('6a');
  const wants6b = wants('6') || wants('6b');

  // The national tiles and values go into public/national, which the app build copies.
  const nationalMap = wants('2') || wants('4') ? await buildNationalMap(join(ROOT, 'public', 'national')).catch(nationalMapMissing) : false;
  const build = buildAll();
  const lisaModule = wants6a ? findLisaModule() : null;
  const lisaBuilt = lisaModule !== null && buildLisaPage(lisaModule) !== 'failed';
  const national = wants('2') || wants('3') || wants('4') ? await nationalFile() : null;
  mkdirSync(CACHE, { recursive: true });
  const server = await startServer([
    { prefix: '/app/', dir: APP_BUILD, compress: true },
    { prefix: '/bench/', dir: PAGES_BUILD, compress: true },
    { prefix: '/bench-lisa/', dir: LISA_BUILD, compress: true },
    { prefix: '/data/', dir: join(ROOT, 'data'), compress: true },
    { prefix: '/cache/', dir: CACHE, compress: false },
  ]);
  try {
    console.log('bench: compressing served files (gzip -9) ...');
    await server.prewarm();
    const probe = await probeMapSize(server);
    const machine = describeMachine(probe.chromium);
    const ctx: BenchContext = {
      server,
      runs,
      appUrl: (query) => `${server.origin}/app/?${query}`,
      pageUrl: (page, query) => `${server.origin}/bench/${page}${query ? `?${query}` : ''}`,
      mapSize: probe.size,
      log: (message) => console.log(`bench: ${message}`),
    };
    const results: Results = {
      machine,
      settings: {
        runs,
        viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
        'map area': `${probe.size.width}×${probe.size.height}`,
        'app build': build.app,
        serving: 'own static server; JS/CSS/WASM/GeoJSON gzip -9; hashed assets immutable, the rest no-cache + ETag',
      },
      rows: [],
      checks: [],
      notes: [],
    };
    const started = Date.now();
    if (wants('1')) {
      const fp = await measureFirstPaint(ctx);
      results.rows.push(...fp.rows);
      results.checks.push(...fp.checks);
      results.notes.push(...fp.notes);
      if (wants('7')) {
        const w = await measureWeight(ctx, fp.coldRequests, fp.baselineColdRequests, fp.throttledRequests);
        results.rows.push(...w.rows);
        results.checks.push(...w.checks);
        results.notes.push(...w.notes);
      }
    }
    if (wants('2')) results.rows.push(...(await measureRecolour(ctx)));
    if (wants('3')) {
      const n = await measureNational(ctx, national ? statSync(national).size : null);
      results.rows.push(...n.rows);
      results.checks.push(...n.checks);
    }
    if (wants('2') || wants('4')) {
      const a = await measureAllIndonesia(ctx, national, nationalMap, wants('2'));
      results.rows.push(...a.rows.filter((r) => wants(r.id[0])));
      results.checks.push(...a.checks);
      results.notes.push(...a.notes.filter((n) => wants(n[0])));
    }
    if (wants('5')) {
      const h = await measureHouseholds(ctx);
      results.rows.push(...h.rows);
      results.checks.push(...h.checks);
      results.notes.push(...h.notes);
    }
    if (wants('8')) {
      const sizes = /^--households=([\d.,]+)$/.exec(process.argv.find((a) => a.startsWith('--households=')) ?? '')?.[1];
      const c = await measureHouseholdCeiling(ctx, {
        large: process.argv.includes('--households-large'),
        sizes: sizes?.split(',').map((m) => Math.round(Number(m) * 1e6)),
      });
      results.rows.push(...c.rows);
      results.checks.push(...c.checks);
      results.notes.push(...c.notes);
    }
    if (wants6a) {
      const l = await measureLocalMoran(ctx, lisaModule, lisaBuilt);
      results.rows.push(...l.rows);
      results.checks.push(...l.checks);
      results.notes.push(...l.notes);
    }
    if (wants6b) {
      const l = await measureLocalMoranNational(ctx);
      results.rows.push(...l.rows);
      results.checks.push(...l.checks);
      results.notes.push(...l.notes);
    }
    results.rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    results.settings['bench minutes'] = Math.round((Date.now() - started) / 6000) / 10;
    // Other work on the machine skews timings; the load at both ends says how much there was.
    results.settings['load average at end'] = Math.round(loadavg()[0] * 100) / 100;
    if (process.argv.includes('--merge')) write(merge(results, only), 'latest');
    else write(results, runs >= 5 && only.length >= ALL.length ? 'latest' : 'partial');
  } finally {
    await server.close();
  }
}

/** Whether a row, check or note id (`6b`, `6`) belongs to one of the measures asked for. */
function measured(id: string, only: string[]): boolean {
  return only.some((o) => id === o || (/^\d+$/.test(o) && new RegExp(`^${o}[a-z]?$`).test(id)));
}

/** `results` of a subset merged into results/latest.json: its measures replaced, the rest kept. */
function merge(results: Results, only: string[]): Results {
  const file = join(RESULTS, 'latest.json');
  if (!existsSync(file)) return results;
  const latest = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const noteId = (note: string) => /^(\d+[a-z]?):/.exec(note)?.[1] ?? '';
  const keep = <T>(items: T[], id: (item: T) => string) => items.filter((item) => !measured(id(item), only));
  const rows = [...keep(latest.rows, (r) => r.id), ...results.rows].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return {
    // This run's machine and settings: most rows are new; the kept ones say when they ran (notes).
    ...latest,
    machine: results.machine,
    settings: results.settings,
    rows,
    checks: [...keep(latest.checks, (c) => c.id), ...results.checks].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
    notes: [
      ...keep(latest.notes, noteId),
      ...results.notes,
      `Measure ${only.join(', ')} re-run alone on ${when} UTC (${results.settings.runs} runs, ${results.settings['bench minutes']} min, ` +
        `load average at end ${results.settings['load average at end']}) and merged into this run's results (\`--merge\`).`,
    ],
  };
}

function write(results: Results, name: string): void {
  mkdirSync(RESULTS, { recursive: true });
  const markdown = toMarkdown(results);
  writeFileSync(join(RESULTS, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(RESULTS, `${name}.md`), markdown);
  console.log(`\n${markdown}\nbench: wrote tests/bench/results/${name}.json and ${name}.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
