/**
 * Vite plugin: the prebuilt first view (issue 16, item 1). Both `vite build` and `vite` (npm
 * start) run it, so no manual step can be forgotten: it computes each demo city's default view
 * with the app's SQL in Node (src/cli/first-view.ts), writes one small JSON file per city named by
 * the inputs' hash (assets/, so the service worker precaches it), and gives the page the module
 * `virtual:first-view`: the hash and each city's file. In the dev server the files are answered
 * from memory, recomputed when an input changed (a file whose hash is no longer current is a 404,
 * which the page reads as "no prebuilt view").
 */
import { join } from 'node:path';
import type { Logger, Plugin } from 'vite';
import { buildFirstViews, FIRST_VIEW_INPUTS, firstViewHash, type BuiltFirstViews } from '../src/cli/first-view';
import { firstViewFileName, type FirstViewManifest } from '../src/data/first-view-file';

const ID = 'virtual:first-view';
const RESOLVED = `\0${ID}`;

/** The page's manifest of a build. */
function manifestOf(built: BuiltFirstViews): FirstViewManifest {
  const views: FirstViewManifest['views'] = {};
  for (const { slug, file } of built.views) views[slug] = { key: file.key, file: firstViewFileName(slug, built.hash) };
  return { hash: built.hash, views };
}

export function firstView(): Plugin {
  let root = process.cwd();
  let building = false;
  let logger: Logger | undefined;
  let memo: { hash: string; built: Promise<BuiltFirstViews> } | undefined;
  /** The answers for the inputs as they are now (computed again only when their hash changed). */
  const current = (): Promise<BuiltFirstViews> => {
    const hash = firstViewHash(root);
    if (memo?.hash !== hash) memo = { hash, built: buildFirstViews(root) };
    return memo.built;
  };
  return {
    name: 'pkk-first-view',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
      logger = config.logger;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return;
      // Unit tests (Vitest reads this config) get no prebuilt views: the page then waits for
      // DuckDB, and no test run pays for starting DuckDB in Vite's own process.
      if (process.env.VITEST) return `export default ${JSON.stringify({ hash: '', views: {} } satisfies FirstViewManifest)};`;
      for (const path of FIRST_VIEW_INPUTS) this.addWatchFile(join(root, path));
      const built = await current();
      if (building) for (const { slug, file } of built.views) this.emitFile({ type: 'asset', fileName: firstViewFileName(slug, built.hash), source: JSON.stringify(file) });
      const manifest = manifestOf(built);
      logger?.info(`first view: ${built.views.length} demo cities prebuilt, hash ${built.hash.slice(0, 12)}`);
      return `export default ${JSON.stringify(manifest)};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        if (!/\/assets\/first-view-[^/]+\.json$/.test(path)) return next();
        current()
          .then((built) => {
            const match = built.views.find((v) => path.endsWith(`/${firstViewFileName(v.slug, built.hash)}`));
            if (!match) {
              response.statusCode = 404;
              return void response.end();
            }
            response.setHeader('Content-Type', 'application/json');
            response.end(JSON.stringify(match.file));
          })
          .catch(next);
      });
    },
  };
}
