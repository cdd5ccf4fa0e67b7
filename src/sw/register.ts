/**
 * Registers the service worker (production builds only, from main.ts). Registration waits until
 * the first view is complete, so the shell's precache never competes with the first visit's own
 * downloads (DuckDB's 7.7 MB gzipped WASM on a slow office line). Once the worker controls the
 * page, the page hands it the hashed files it loaded before (the DuckDB bundle chosen for this
 * browser), which the worker caches, mostly from the HTTP cache. Then the page is marked
 * `pkk:offline-ready`: from here a reload works without internet (the browser tests and the
 * bench wait on that mark).
 */
import { isHashedAsset } from './routes';
import type { CacheUrlsMessage } from './service-worker';

/** Performance mark set when this page's files are cached for offline use. */
export const MARK_OFFLINE_READY = 'pkk:offline-ready';

/** Same-origin hashed files the page has fetched so far (resource timing). */
function loadedHashedFiles(): string[] {
  const urls = performance.getEntriesByType('resource').map((e) => e.name);
  return [...new Set(urls.filter((url) => url.startsWith(location.origin) && isHashedAsset(new URL(url).pathname)))];
}

/** Asks the active worker to cache `urls`; resolves with its answer. */
function askToCache(worker: ServiceWorker, urls: string[]): Promise<{ ok: boolean; count?: number }> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as { ok: boolean; count?: number });
    const message: CacheUrlsMessage = { type: 'pkk:cache-urls', urls };
    worker.postMessage(message, [channel.port2]);
  });
}

/**
 * Registers `./sw.js` (relative: the app may be served from any sub-path) once `ready` settles.
 * Failures are only logged as warnings: without a worker the app works as before, online.
 */
export async function registerServiceWorker(ready: Promise<unknown>): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await ready.catch(() => undefined);
  try {
    await navigator.serviceWorker.register('./sw.js');
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
    const answer = await askToCache(registration.active!, loadedHashedFiles());
    if (answer.ok) performance.mark(MARK_OFFLINE_READY);
    else console.warn('service worker could not cache the files of this visit', answer);
  } catch (error) {
    console.warn('service worker not registered', error);
  }
}
