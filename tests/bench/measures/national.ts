/**
 * Measure 3: one kota from the 162 MB national FlatGeobuf, read by its bbox over HTTP range
 * requests with the app's own reader, against downloading the whole file. Bytes are what the bench server sent for the
 * file (every range counted); the kelurahan count inside the kota's kode prefix is checked
 * against the city's own boundary file. Each read is a fresh browser context (nothing cached).
 */
import type { Browser } from '@playwright/test';
import { launchBrowser, OFFICE_NETWORK, throttle, VIEWPORT } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { cityBoundary, type CityBoundary } from '../lib/geo';
import { compare, placeholder, type Check, type Row } from '../lib/report';
import type { BenchWindow, RectRead } from '../pages/api';

export const NATIONAL_PATH = '/cache/desa-kelurahan-indonesia.fgb';
const CITIES = ['surakarta', 'probolinggo'];

interface Transfer {
  ms: number;
  bytes: number;
  requests: number;
}

/** What the national page is asked to do in one context. */
type Job = { kind: 'rect'; rect: CityBoundary['bbox']; prefix: string } | { kind: 'download' };
type JobResult = Partial<RectRead> & { ms: number };

/** Runs `job` on the national page in a fresh context and counts what the server sent. */
async function onNationalPage(browser: Browser, ctx: BenchContext, throttled: boolean, job: Job): Promise<JobResult & Transfer> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(ctx.pageUrl('national.html', ''));
    await page.waitForFunction(() => 'bench' in window);
    if (throttled) await throttle(context, page);
    ctx.server.resetLog();
    const result = await page.evaluate(
      ({ url, job }): Promise<JobResult> => {
        const { bench } = window as unknown as BenchWindow;
        return job.kind === 'rect' ? bench.readRect(url, job.rect, job.prefix) : bench.download(url);
      },
      { url: ctx.server.origin + NATIONAL_PATH, job },
    );
    const records = ctx.server.log.filter((r) => r.path === NATIONAL_PATH);
    return { ...result, bytes: records.reduce((sum, r) => sum + r.bytes, 0), requests: records.length };
  } finally {
    await context.close();
  }
}

/** Runs measure 3; `fileBytes` is the unzipped file's size, null when the file is missing. */
export async function measureNational(ctx: BenchContext, fileBytes: number | null): Promise<{ rows: Row[]; checks: Check[] }> {
  if (fileBytes === null) {
    return {
      rows: [placeholder('3', 'Any region from the national file', 'the national file at ../shared/data/national/ (not found)', '< 2 % of bytes')],
      checks: [],
    };
  }
  const cities = CITIES.map(cityBoundary);
  const browser = await launchBrowser();
  const reads = new Map<string, (JobResult & Transfer)[]>();
  const whole: Transfer[] = [];
  try {
    for (const throttled of [false, true]) {
      for (let run = 0; run < ctx.runs; run++) {
        for (const city of run % 2 === 0 ? cities : [...cities].reverse()) {
          ctx.log(`national file: run ${run + 1}/${ctx.runs}, ${city.slug}${throttled ? ', throttled' : ''}`);
          const key = `${city.slug}${throttled ? ':throttled' : ''}`;
          reads.set(key, [...(reads.get(key) ?? []), await onNationalPage(browser, ctx, throttled, { kind: 'rect', rect: city.bbox, prefix: city.prefix })]);
        }
        // The whole 162 MB download is measured unthrottled only: at 10 Mbit/s it is computed.
        if (!throttled) {
          ctx.log(`national file: run ${run + 1}/${ctx.runs}, whole file`);
          whole.push(await onNationalPage(browser, ctx, false, { kind: 'download' }));
        }
      }
    }
  } finally {
    await browser.close();
  }
  return report(cities, reads, whole, fileBytes);
}

function report(cities: CityBoundary[], reads: Map<string, (JobResult & Transfer)[]>, whole: Transfer[], fileBytes: number) {
  const rows: Row[] = [];
  const checks: Check[] = [];
  // Throttled whole download: bytes at the emulated rate plus one round trip (a lower bound).
  const wholeThrottledMs = (fileBytes / OFFICE_NETWORK.downloadThroughput) * 1000 + OFFICE_NETWORK.latency;
  cities.forEach((city, i) => {
    const letter = (n: number) => String.fromCharCode(97 + i * 3 + n);
    const r = reads.get(city.slug)!;
    const t = reads.get(`${city.slug}:throttled`)!;
    const name = `${city.nama}`;
    rows.push(
      compare(
        { id: `3${letter(0)}`, measure: `${name}: bytes by bbox vs whole file`, unit: 'bytes', goal: '< 2 % of the file' },
        r.map((x) => x.bytes),
        whole.map((x) => x.bytes),
        0.02,
      ),
      compare(
        { id: `3${letter(1)}`, measure: `${name}: time by bbox vs whole file, unthrottled`, unit: 'ms', note: `${r[0].requests} range requests` },
        r.map((x) => x.ms),
        whole.map((x) => x.ms),
      ),
      compare(
        {
          id: `3${letter(2)}`,
          measure: `${name}: time by bbox, 10 Mbit/s, 40 ms`,
          unit: 'ms',
          note: `baseline computed: ${(fileBytes / 1e6).toFixed(0)} MB at 10 Mbit/s, not downloaded`,
        },
        t.map((x) => x.ms),
        [wholeThrottledMs],
      ),
    );
    const all = [...r, ...t];
    const right = all.filter((x) => x.matched === city.features);
    checks.push({
      id: `3${letter(0)}`,
      text:
        `${name}: ${all[0].matched} kelurahan with kode ${city.prefix}* read by the app's reader (src/data/national.ts) ` +
        `(expected ${city.features}; right in ${right.length}/${all.length} reads)`,
      ok: right.length === all.length,
    });
  });
  const wholeOk = whole.every((w) => w.bytes === fileBytes);
  checks.push({ id: '3', text: `whole-file baseline received all ${fileBytes.toLocaleString('en-US')} bytes in every run`, ok: wholeOk });
  return { rows, checks };
}
