/**
 * The service worker (built into `sw.js` by scripts/vite-service-worker.ts, never part of the
 * app bundle). It makes a second visit fast and the app usable without internet:
 * - install: the app shell (index.html, JS, CSS, fonts, boundary files, demo data, region list)
 *   is cached under this build's version;
 * - fetch: hashed assets cache-first, the rest network-first with the cache as fallback (so a new
 *   deploy is seen at once when online), and everything of the app fetched at run time (the one
 *   DuckDB bundle the browser chose, lazily loaded chunks) is cached as it passes;
 * - activate: caches of older versions are deleted and open pages are taken over.
 * Range requests, non-GET requests and other origins (the optional OSM basemap) are left alone.
 */
import { isHashedAsset, strategyFor } from './routes';

declare const self: ServiceWorkerGlobalScope & { __PKK_SW__: { version: string; files: string[] } };

const { version, files } = self.__PKK_SW__;
const PREFIX = 'pkk-';
const SHELL = `${PREFIX}shell-${version}`;
const RUNTIME = `${PREFIX}runtime-${version}`;
const scope = self.registration.scope;
/** Every navigation of the app loads the same document; it is cached under this one key. */
const INDEX = new URL('index.html', scope).href;

/** Message a page sends with the hashed files it loaded before this worker controlled it. */
export interface CacheUrlsMessage {
  type: 'pkk:cache-urls';
  urls: string[];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // Hashed files may come from the HTTP cache (their content cannot differ); the others are
      // revalidated so the shell matches this version.
      await cache.addAll(files.map((path) => new Request(new URL(path, scope).href, { cache: isHashedAsset(`/${path}`) ? 'default' : 'no-cache' })));
      // The new shell is complete: take over without waiting for every tab to close. Hashed files
      // an older page still asks for are fetched from the network like any other.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== SHELL && n !== RUNTIME).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const strategy = strategyFor({ method: request.method, url: request.url, hasRange: request.headers.has('range') }, scope);
  if (strategy === 'pass') return;
  event.respondWith(strategy === 'cache-first' ? cacheFirst(request) : networkFirst(request));
});

self.addEventListener('message', (event) => {
  const data = event.data as CacheUrlsMessage | undefined;
  if (data?.type !== 'pkk:cache-urls' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  event.waitUntil(
    cacheUrls(data.urls).then(
      (count) => port?.postMessage({ ok: true, count }),
      (error: unknown) => port?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});

/** Only whole, successful, same-origin answers are kept. */
function cacheable(response: Response): boolean {
  return response.status === 200 && response.type === 'basic';
}

/**
 * The cached answer, newest cache first. `ignoreVary`: static hosts answer with `Vary: Origin`
 * (vite preview does), and a module script's request carries an Origin header the install's
 * requests did not, so a strict match would miss every precached chunk. The app's files do not
 * differ by origin or encoding.
 */
async function lookup(request: Request | string): Promise<Response | undefined> {
  const options: CacheQueryOptions = { ignoreVary: true };
  return (await (await caches.open(RUNTIME)).match(request, options)) ?? (await (await caches.open(SHELL)).match(request, options));
}

/**
 * Cache first. For DuckDB's WASM this also keeps V8's compiled code: V8 stores it beside the Cache
 * Storage entry the module was compiled from, so from the second visit this worker answers on,
 * the 34 MB module is deserialised instead of compiled (trace event wasm.Deserialize). Answering
 * from the HTTP cache instead, through fetch() here, was tried: V8 then caches nothing at all
 * (a response a service worker fetched is neither an HTTP-cache nor a Cache Storage response).
 */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await lookup(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await (await caches.open(RUNTIME)).put(request, response.clone());
  return response;
}

async function networkFirst(request: Request): Promise<Response> {
  // Any link into the app (?kota=…&indikator=…) is the same document.
  const path = new URL(request.url).pathname;
  const navigation = request.mode === 'navigate' && (path === new URL(scope).pathname || `${path}` === new URL(INDEX).pathname);
  const key = navigation ? INDEX : request;
  try {
    const response = await fetch(request);
    if (cacheable(response)) await (await caches.open(RUNTIME)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = (await lookup(key)) ?? (navigation ? undefined : await lookup(request.url.split('?')[0]));
    if (cached) return cached;
    throw error;
  }
}

/**
 * Caches hashed files of this app that a page loaded before this worker controlled it (the
 * first visit's DuckDB bundle): usually read back from the HTTP cache, so nothing is downloaded
 * twice. Returns how many are now cached.
 */
async function cacheUrls(urls: string[]): Promise<number> {
  const runtime = await caches.open(RUNTIME);
  let count = 0;
  for (const url of urls) {
    if (strategyFor({ method: 'GET', url, hasRange: false }, scope) !== 'cache-first') continue;
    if (await lookup(url)) {
      count++;
      continue;
    }
    const response = await fetch(url);
    if (!cacheable(response)) continue;
    await runtime.put(url, response);
    count++;
  }
  return count;
}
