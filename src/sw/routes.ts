/**
 * How the service worker treats one request: pure, so the rules are tested without a browser
 * (tests/unit/sw). The worker itself (service-worker.ts) only carries them out.
 */

/** What the worker does with a request. */
export type Strategy =
  /** Not intercepted: the browser handles it as if there were no service worker. */
  | 'pass'
  /** Content-addressed file: from the cache when there, else the network (then cached). */
  | 'cache-first'
  /** Anything else of the app: the network first (a new deploy is seen), the cache when offline. */
  | 'network-first';

/** The parts of a Request the rules look at. */
export interface RequestFacts {
  method: string;
  url: string;
  /** Whether the request carries a `Range` header (FlatGeobuf bbox reads of the national file). */
  hasRange: boolean;
}

/**
 * Vite's hashed output: `assets/<name>-<8 url-safe characters>.<ext>`. The hash is of the
 * content, so a cached copy can never be stale.
 */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

/** Whether a URL path names a content-hashed build asset. */
export function isHashedAsset(pathname: string): boolean {
  return HASHED_ASSET.test(pathname);
}

/**
 * The strategy for a request, given the worker's scope (e.g. `https://host/peta/`).
 * Never intercepted: non-GET requests, range requests (a cached whole file cannot answer a
 * byte range, and the national file is 162 MB), other origins (the optional OSM basemap) and
 * anything outside the app's folder on the same host.
 */
export function strategyFor(request: RequestFacts, scope: string): Strategy {
  if (request.method !== 'GET' || request.hasRange) return 'pass';
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'pass';
  }
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return 'pass';
  return isHashedAsset(url.pathname) ? 'cache-first' : 'network-first';
}
