/**
 * The page's side of the prebuilt first views (first-view-file.ts and first-view-national-file.ts
 * explain what and why): which file answers the view asked for, fetched and checked against the
 * hash this bundle was built with. `virtual:first-view` is made by the build
 * (scripts/vite-first-view.ts).
 */
import manifest from 'virtual:first-view';
import { acceptFirstView, type FirstViewManifest } from './first-view-file';
import { acceptNationalFirstView } from './first-view-national-file';

/** The file of `entry` as JSON when `entry` answers `request`; null otherwise or when unreachable. */
async function fetchEntry(entry: { key: string; file: string } | undefined, request: string): Promise<unknown> {
  // Only the default views are prebuilt; anything else is not even fetched.
  if (!entry || entry.key !== request) return null;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${entry.file}`);
    return response.ok ? await response.json() : null;
  } catch {
    // Offline without a cached copy, or not JSON: the map waits for DuckDB as before.
    return null;
  }
}

/** The prebuilt answer of `request` for the demo city `slug`, or null (none, stale, unreachable). */
export async function loadPrebuiltView(slug: string, request: string, built: FirstViewManifest = manifest): Promise<ReturnType<typeof acceptFirstView>> {
  const entry = Object.hasOwn(built.views, slug) ? built.views[slug] : undefined;
  const file = await fetchEntry(entry, request);
  return file === null ? null : acceptFirstView(file, { hash: built.hash, key: request });
}

/** The prebuilt answer of the national map's `request` (`indikator|tahun`), or null. */
export async function loadPrebuiltNational(request: string, built: FirstViewManifest = manifest): Promise<ReturnType<typeof acceptNationalFirstView>> {
  const file = await fetchEntry(built.national, request);
  return file === null || !built.national ? null : acceptNationalFirstView(file, { hash: built.national.hash, key: request });
}
