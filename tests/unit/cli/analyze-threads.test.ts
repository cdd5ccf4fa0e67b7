/**
 * `peta-kantong analyze --threads N` (issue 17, item 4): a local method's permutations split across
 * worker_threads as the app splits them across its workers, each kelurahan drawing from its own
 * seeded stream, so 1, 2 and 4 threads write the same file as a run in the main thread. Progress
 * goes to stderr when threads run; --threads is refused where nothing would run on them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDIKATOR, runCli, SURAKARTA, tempDir } from './run-cli';

/** Surakarta's poverty rate in 2025 (and its RTLH rate as a bivariate method's second variable). */
const DATA = ['--boundaries', SURAKARTA, '--data', INDIKATOR, '--join-on', 'kode', '--year', '2025', '--value', 'penduduk_miskin', '--denominator', 'penduduk', '--per', '100'];

interface Output {
  rows: Record<string, unknown>[];
  [key: string]: unknown;
}

async function analyze(method: string, threads: number | null, extra: string[] = []): Promise<{ json: Output; stderr: string }> {
  const out = join(await tempDir(), `${method}-${threads}.json`);
  const second = method === 'lisa-bv' ? ['--value2', 'rtlh'] : [];
  const run = await runCli([
    'analyze',
    ...DATA,
    ...second,
    '--method',
    method,
    ...(extra.includes('--seed') ? [] : ['--seed', '17']),
    ...(threads === null ? [] : ['--threads', String(threads)]),
    ...extra,
    '--out',
    out,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return { json: JSON.parse(await readFile(out, 'utf8')), stderr: run.stderr };
}

describe('peta-kantong analyze on worker_threads', () => {
  // Every thread count for the two permutation kernels (local Moran, Getis-Ord); the other
  // methods on one split, which is what could differ (each thread loads the sources: slow here).
  const cases: [string, number[]][] = [
    ['lisa', [1, 2, 4]],
    ['gistar', [1, 2, 4]],
    ['gi', [2]],
    ['geary', [2]],
    ['lisa-bv', [2]],
  ];
  for (const [method, counts] of cases) {
    it(`${method}: ${counts.join(', ')} thread(s) write the same file as the main thread, p-value for p-value`, { timeout: 300_000 }, async () => {
      // 54 kelurahan x 999 permutations is a short run: by default it stays in the main thread.
      const here = await analyze(method, null);
      expect(here.stderr).not.toContain('permutations 100% done');
      const ps = here.json.rows.map((r) => r.p);
      expect(ps.filter((p) => typeof p === 'number').length).toBe(54);
      for (const threads of counts) {
        const run = await analyze(method, threads);
        expect(
          run.json.rows.map((r) => r.p),
          `${threads} threads`,
        ).toEqual(ps);
        expect(run.json).toEqual(here.json);
        expect(run.stderr).toContain(`${method}: permutations 100% done on ${threads} thread${threads === 1 ? '' : 's'}`);
      }
    });
  }

  it('another seed gives other p-values on threads too (the comparison above can fail)', { timeout: 120_000 }, async () => {
    const a = await analyze('lisa', 2);
    const b = await analyze('lisa', 2, ['--seed', '18']);
    expect(b.json.rows.map((r) => r.p)).not.toEqual(a.json.rows.map((r) => r.p));
  });

  it.each([
    [['--method', 'lisa', '--threads', '0'], '--threads must be'],
    [['--method', 'lisa', '--threads', '1.5'], '--threads must be'],
    [['--method', 'moran', '--threads', '2'], '--threads'],
    [['--method', 'classify', '--threads', '2'], '--threads'],
  ])('refuses %j', async (args, message) => {
    const run = await runCli(['analyze', ...DATA, ...args, '--out', join(await tempDir(), 'x.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
