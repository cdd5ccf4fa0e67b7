/**
 * Measure 5: one million synthetic household rows (CSV generated once, seeded) aggregated to
 * kelurahan indicators in the app's DuckDB-WASM, against a plain JavaScript loop over rows
 * parsed from the same text. Load and query are reported separately; DuckDB's start-up is
 * reported but left out of the ratio (the app pays it once, at start).
 */
import { basename } from 'node:path';
import { launchBrowser, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { HOUSEHOLD_ROWS, householdCsv } from '../lib/households';
import { compare, type Check, type Row } from '../lib/report';
import { summarize } from '../lib/stats';
import type { BenchWindow, HouseholdTimes } from '../pages/api';

/** Runs measure 5. */
export async function measureHouseholds(ctx: BenchContext): Promise<{ rows: Row[]; checks: Check[]; notes: string[] }> {
  const url = `${ctx.server.origin}/cache/${basename(householdCsv())}`;
  const browser = await launchBrowser();
  const runs: HouseholdTimes[] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      ctx.log(`households: run ${run + 1}/${ctx.runs}`);
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await page.goto(ctx.pageUrl('households.html', ''));
        await page.waitForFunction(() => 'bench' in window);
        const duckdbFirst = run % 2 === 0;
        runs.push(await page.evaluate(({ url, duckdbFirst }) => (window as unknown as BenchWindow).bench.run(url, duckdbFirst), { url, duckdbFirst }));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const pick = (f: (t: HouseholdTimes) => number) => runs.map(f);
  const rows = [
    compare(
      { id: '5a', measure: '1M households: load (DuckDB read_csv vs JS parse to objects)', unit: 'ms' },
      pick((t) => t.duckdbLoad),
      pick((t) => t.jsParse),
    ),
    compare(
      { id: '5b', measure: '1M households: aggregate to kelurahan (SQL GROUP BY vs JS loop)', unit: 'ms' },
      pick((t) => t.duckdbQuery),
      pick((t) => t.jsLoop),
    ),
    compare(
      { id: '5c', measure: '1M households: load + aggregate', unit: 'ms', note: 'DuckDB start-up not included (below)' },
      pick((t) => t.duckdbLoad + t.duckdbQuery),
      pick((t) => t.jsParse + t.jsLoop),
    ),
  ];
  const agree = runs.filter((t) => t.agree && t.rows === HOUSEHOLD_ROWS).length;
  const checks: Check[] = [
    {
      id: '5',
      text: `DuckDB and the JavaScript loop gave identical aggregates for all ${runs[0].kelurahan} kelurahan of ${HOUSEHOLD_ROWS.toLocaleString('en-US')} rows: ${agree}/${runs.length} runs`,
      ok: agree === runs.length,
    },
  ];
  const start = summarize(pick((t) => t.duckdbStart));
  const fetched = summarize(pick((t) => t.fetch));
  const register = summarize(pick((t) => t.duckdbRegister));
  const notes = [
    `5: DuckDB-WASM start-up in the household page (WASM from the page's own fetch, worker, instantiate): median ${Math.round(start.median)} ms ` +
      `(${Math.round(start.min)}–${Math.round(start.max)}); of the load, registerFileText (the 1M-row text copied to DuckDB's worker) took a median ${Math.round(register.median)} ms; fetching the ${HOUSEHOLD_ROWS.toLocaleString('en-US')}-row CSV (not timed in either side): median ${Math.round(fetched.median)} ms.`,
  ];
  return { rows, checks, notes };
}
