/**
 * Where the page's main thread goes while a household register is imported (issue 17, the page
 * freeze of bench measure 8): imports a register in the built app in Chromium through the import
 * dialog, records a Chrome trace (timeline and V8 sampling profiler) of the join and the commit,
 * and prints each main-thread task longer than 100 ms with the functions that took its time.
 * A diagnostic for a developer, not a test: run it against a served build.
 *
 *   npx vite build && npx vite preview --port 4306 &
 *   npx tsx scripts/profile-household-import.ts http://127.0.0.1:4306 tests/bench/.cache/rumah_tangga_SINTETIS_3372_1m.csv
 */
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { ARGS, CHROMIUM } from '../tests/bench/lib/browser';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
}

const [origin = 'http://127.0.0.1:4306', file = 'tests/bench/.cache/rumah_tangga_SINTETIS_3372_1m.csv', phases = 'join,commit'] = process.argv.slice(2);
const TRACE = '/tmp/pkk-household-trace.json';
const LONG_MS = 100;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15 * 60_000);
  await page.goto(`${origin}/?kota=surakarta&tahun=2025&indikator=penduduk_miskin&ukuran=rasio&kelas=5`);
  await page.locator('.map[data-rendered^="surakarta|2025|penduduk_miskin"]').waitFor({ timeout: 120_000 });
  await page.evaluate(async () => {
    const { app } = (window as unknown as { __pkk: { app: { workspace: { database(): Promise<unknown> }; importSession: { householdCeiling: number } } } }).__pkk;
    app.importSession.householdCeiling = Number.POSITIVE_INFINITY;
    await app.workspace.database();
  });
  await page.getByTestId('tab-data').click();
  // Every frame gap above LONG_MS, with the phase it fell in.
  await page.evaluate(`(() => {
    const w = window;
    w.__gaps = [];
    w.__phase = 'read';
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      if (now - last > ${LONG_MS}) w.__gaps.push({ phase: w.__phase, at: Math.round(last), gap: Math.round(now - last) });
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const wanted = new Set(phases.split(','));
  const setPhase = (phase: string) => page.evaluate(`window.__phase = ${JSON.stringify(phase)}`);
  const dialog = page.getByTestId('import-dialog');
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'v8',
    'v8.execute',
    'disabled-by-default-v8.cpu_profiler',
    'disabled-by-default-v8.gc',
    'blink.user_timing',
  ];
  let tracing = false;
  const trace = async (phase: string) => {
    await setPhase(phase);
    if (wanted.has(phase) && !tracing) {
      await browser.startTracing(page, { path: TRACE, categories });
      tracing = true;
    }
  };
  const t0 = Date.now();
  await trace('read');
  await page.getByTestId('import-input').setInputFiles(file);
  await dialog.getByTestId('import-summary').or(dialog.getByTestId('import-error')).first().waitFor();
  console.log(`read: ${Date.now() - t0} ms`);
  let t = Date.now();
  await trace('join');
  await dialog.getByTestId('import-next').click();
  await dialog.getByTestId('join-report').or(dialog.getByTestId('import-error')).first().waitFor();
  console.log(`join: ${Date.now() - t} ms`);
  t = Date.now();
  await trace('commit');
  await dialog.getByTestId('import-commit').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]') || document.querySelector('[data-testid="import-error"]'), null, {
    polling: 250,
    timeout: 15 * 60_000,
  });
  console.log(`commit: ${Date.now() - t} ms`);
  await page.waitForTimeout(1000);
  await setPhase('after');
  const gaps = await page.evaluate('window.__gaps');
  if (tracing) writeFileSync(TRACE, await browser.stopTracing());
  console.log('frame gaps >', LONG_MS, 'ms:', JSON.stringify(gaps));
  const error = page.getByTestId('import-error');
  if (await error.isVisible()) console.log('error:', await error.innerText());
  await browser.close();
  if (tracing) analyse(JSON.parse(readFileSync(TRACE, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]);
}

/** Prints the main thread's long tasks, and per task the sampled functions' self time. */
function analyse(raw: { traceEvents: TraceEvent[] } | TraceEvent[]): void {
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && (e.dur ?? 0) > LONG_MS * 1000).sort((a, b) => a.ts - b.ts);
  // The V8 sampling profile of the main thread: nodes and (time, node) samples.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => (e as unknown as { id: string }).id));
  let ts = 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || !profileIds.has((e as unknown as { id: string }).id)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node });
    });
  }
  const startEvent = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const base = (startEvent?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
  console.log(`\n${tasks.length} main-thread tasks over ${LONG_MS} ms`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let previous = base;
    for (const s of samples) {
      const at = base + s.ts;
      const step = at - previous;
      previous = at;
      if (at < task.ts || at > end) continue;
      const node = nodes.get(s.node);
      const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`;
      if (node) self.set(name(node), (self.get(name(node)) ?? 0) + step);
      const seen = new Set<string>();
      for (let n = node; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
        const key = name(n);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + step);
      }
    }
    const children = new Map<string, number>();
    for (const e of onMain) {
      if (e.ph !== 'X' || e === task || e.ts < task.ts || e.ts > end || /RunTask/.test(e.name)) continue;
      children.set(e.name, Math.max(children.get(e.name) ?? 0, 0) + (e.dur ?? 0));
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `    ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
        .join('\n');
    console.log(`\ntask at +${((task.ts - tasks[0].ts) / 1e6).toFixed(1)} s: ${(task.dur! / 1000).toFixed(0)} ms`);
    console.log('  trace events (summed, nested counted twice):\n' + top(children, 8));
    console.log('  sampled self time:\n' + top(self, 10));
    console.log('  sampled inclusive time:\n' + top(inclusive, 14));
  }
}

if (process.env.ANALYSE_ONLY) analyse(JSON.parse(readFileSync(TRACE, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]);
else await main();
