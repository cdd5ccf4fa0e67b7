/**
 * Vite plugin: the prebuilt first views (issue 16, item 1). Both `vite build` and `vite` (npm
 * start) run it, so no manual step can be forgotten: it computes each demo city's default view
 * and the national map's default view with the app's SQL in Node (src/cli/first-view.ts,
 * src/cli/first-view-national.ts), writes one small JSON file per view named by the inputs' hash
 * (assets/, so the service worker answers it from its cache), and gives the page the module
 * `virtual:first-view`: the hashes and each view's file. In the dev server the files are answered
 * from memory, recomputed when an input changed (a file whose hash is no longer current is a 404,
 * which the page reads as "no prebuilt view").
 */
import { join } from 'node:path';
import type { Logger, Plugin } from 'vite';
import { buildFirstViews, FIRST_VIEW_INPUTS, firstViewHash, type BuiltFirstViews } from '../src/cli/first-view';
import { buildNationalFirstView, NATIONAL_FIRST_VIEW_INPUTS, nationalFirstViewHash, type BuiltNationalFirstView } from '../src/cli/first-view-national';
import { firstViewFileName, type FirstViewManifest } from '../src/data/first-view-file';
import { nationalFirstViewFileName } from '../src/data/first-view-national-file';

const ID = 'virtual:first-view';
const RESOLVED = `\0${ID}`;

interface Built {
  cities: BuiltFirstViews;
  national: BuiltNationalFirstView | null;
}

/** Every file of a build: its path under the output folder and its content. */
function filesOf(built: Built): { fileName: string; content: unknown }[] {
  const files = built.cities.views.map(({ slug, file }) => ({ fileName: firstViewFileName(slug, built.cities.hash), content: file as unknown }));
  if (built.national) files.push({ fileName: nationalFirstViewFileName(built.national.hash), content: built.national.file });
  return files;
}

/** The page's manifest of a build. */
function manifestOf(built: Built): FirstViewManifest {
  const views: FirstViewManifest['views'] = {};
  for (const { slug, file } of built.cities.views) views[slug] = { key: file.key, file: firstViewFileName(slug, built.cities.hash) };
  const { national } = built;
  return { hash: built.cities.hash, views, ...(national && { national: { hash: national.hash, key: national.file.key, file: nationalFirstViewFileName(national.hash) } }) };
}

export function firstView(): Plugin {
  let root = process.cwd();
  let building = false;
  let logger: Logger | undefined;
  let memo: { hash: string; built: Promise<Built> } | undefined;
  /** The answers for the inputs as they are now (computed again only when their hash changed). */
  const current = (): Promise<Built> => {
    const hash = `${firstViewHash(root)}|${nationalFirstViewHash(root)}`;
    if (memo?.hash !== hash) memo = { hash, built: Promise.all([buildFirstViews(root), buildNationalFirstView(root)]).then(([cities, national]) => ({ cities, national })) };
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
      for (const path of [...FIRST_VIEW_INPUTS, ...NATIONAL_FIRST_VIEW_INPUTS]) this.addWatchFile(join(root, path));
      const built = await current();
      if (building) for (const { fileName, content } of filesOf(built)) this.emitFile({ type: 'asset', fileName, source: JSON.stringify(content) });
      const national = built.national
        ? `national default prebuilt (${built.national.file.nilai.length} desa), hash ${built.national.hash.slice(0, 12)}`
        : 'no national default (no public/national/contoh-nilai.csv: npm run data:national)';
      logger?.info(`first view: ${built.cities.views.length} demo cities prebuilt, hash ${built.cities.hash.slice(0, 12)}; ${national}`);
      return `export default ${JSON.stringify(manifestOf(built))};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        if (!/\/assets\/first-view-[^/]+\.json$/.test(path)) return next();
        current()
          .then((built) => {
            const match = filesOf(built).find((f) => path.endsWith(`/${f.fileName}`));
            if (!match) {
              response.statusCode = 404;
              return void response.end();
            }
            response.setHeader('Content-Type', 'application/json');
            response.end(JSON.stringify(match.content));
          })
          .catch(next);
      });
    },
  };
}
