/**
 * Vite plugin: after `vite build`, writes `sw.js` into the output folder: the service worker of
 * src/sw/service-worker.ts bundled as a classic script (every browser runs those as service
 * workers), preceded by its precache list and a version derived from the content of the files
 * in it (src/sw/manifest.ts chooses them). Runs last, when the public folder and every chunk are
 * in place, so the list is what is actually served.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { inShell, precacheList, versionSource, type BuiltFile } from '../src/sw/manifest';

const ENTRY = fileURLToPath(new URL('../src/sw/service-worker.ts', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** The service worker's code, bundled into one classic script (no imports left). */
async function bundleWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'pkkServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('service worker bundle produced no code');
}

/** Writes `sw.js` with the precache list of the build into the output folder. */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pkk-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      // Only the shell is hashed: the output also holds e.g. 240 MB of national map data.
      const files: BuiltFile[] = listFiles(outDir)
        .filter((path) => path !== 'sw.js' && inShell(path))
        .map((path) => ({
          path,
          digest: createHash('sha256')
            .update(readFileSync(join(outDir, path)))
            .digest('hex'),
        }));
      const list = precacheList(files);
      const code = await bundleWorker();
      // The worker's own code is part of the version: changed caching rules start from fresh caches.
      const version = createHash('sha256').update(versionSource(files)).update(code).digest('hex').slice(0, 16);
      const manifest = JSON.stringify({ version, files: list });
      writeFileSync(join(outDir, 'sw.js'), `self.__PKK_SW__=${manifest};\n${code}`);
      config.logger.info(`service worker: sw.js, ${list.length} files precached, version ${version}`);
    },
  };
}
