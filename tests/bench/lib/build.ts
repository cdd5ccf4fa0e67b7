/**
 * Builds what the bench serves. The app is built into its own snapshot folder rather than
 * `dist/`: other people run `vite build` into `dist/` while a bench may be running, and a build
 * replacing hashed files mid-run would turn a measurement into a 404. Each build is skipped
 * when its output is newer than every source it depends on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_BUILD, BENCH, LISA_BUILD, PAGES_BUILD, ROOT } from './paths';

/** Newest modification time under `paths` (files or folders, recursively); 0 when none exist. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(path, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

const APP_SOURCES = ['src', 'public', 'data', 'index.html', 'vite.config.ts', 'svelte.config.js', 'package-lock.json'].map((p) => join(ROOT, p));
const PAGE_SOURCES = [join(BENCH, 'pages'), join(BENCH, 'vite.config.ts'), join(ROOT, 'src'), join(ROOT, 'package-lock.json')];

export interface BuildReport {
  app: 'built' | 'up to date' | 'stale (build failed, previous snapshot used)';
  pages: 'built' | 'up to date';
}

function runVite(args: string[], env: Record<string, string> = {}): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** Builds one output folder if it is missing or older than its sources. */
function buildIfStale(outDir: string, sources: string[], args: string[], label: string, env: Record<string, string> = {}): 'built' | 'up to date' | 'failed' {
  const stamp = join(outDir, '.built');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (builtAt > newestMtime(sources)) return 'up to date';
  console.log(`bench: building ${label} ...`);
  const startedAt = Date.now();
  const { ok, output } = runVite([...args, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], env);
  if (!ok) {
    console.error(output);
    return 'failed';
  }
  // Stamp with the time the build started: a source saved during the build makes it stale.
  writeFileSync(stamp, '');
  utimesSync(stamp, startedAt / 1000, startedAt / 1000);
  return 'built';
}

/** Builds the app snapshot and the bench pages as needed. */
export function buildAll(): BuildReport {
  const app = buildIfStale(APP_BUILD, APP_SOURCES, [], 'the app');
  if (app === 'failed' && !existsSync(join(APP_BUILD, 'index.html'))) throw new Error('the app does not build (see above)');
  const pages = buildIfStale(PAGES_BUILD, PAGE_SOURCES, ['--config', join(BENCH, 'vite.config.ts')], 'the bench pages');
  if (pages === 'failed') throw new Error('the bench pages do not build (see above)');
  return { app: app === 'failed' ? 'stale (build failed, previous snapshot used)' : app, pages };
}

/**
 * Builds the Local Moran page against `module` (a path under src/analysis). Built apart from the
 * other pages: that code is still being written, and a build failure here only skips measure 6.
 */
export function buildLisaPage(module: string): 'built' | 'up to date' | 'failed' {
  const env = { BENCH_PAGES: 'lisa', BENCH_LISA_MODULE: join(ROOT, module) };
  return buildIfStale(LISA_BUILD, PAGE_SOURCES, ['--config', join(BENCH, 'vite.config.ts')], 'the Local Moran page', env);
}
