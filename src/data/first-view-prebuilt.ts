/**
 * The page's side of the prebuilt first view (first-view-file.ts explains what and why): which
 * file answers the view asked for, fetched and checked against the hash this bundle was built
 * with. `virtual:first-view` is made by the build (scripts/vite-first-view.ts).
 */
import manifest from 'virtual:first-view';
import { acceptFirstView, type FirstViewManifest } from './first-view-file';

/** The prebuilt answer of `request` for the demo city `slug`, or null (none, stale, unreachable). */
export async function loadPrebuiltView(slug: string, request: string, built: FirstViewManifest = manifest): Promise<ReturnType<typeof acceptFirstView>> {
  const entry = Object.hasOwn(built.views, slug) ? built.views[slug] : undefined;
  // Only the default view of each demo city is prebuilt; anything else is not even fetched.
  if (!entry || entry.key !== request) return null;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${entry.file}`);
    if (!response.ok) return null;
    return acceptFirstView(await response.json(), { hash: built.hash, key: request });
  } catch {
    // Offline without a cached copy, or not JSON: the map waits for DuckDB as before.
    return null;
  }
}
