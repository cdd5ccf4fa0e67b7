/**
 * MapLibre's control texts in the interface language. MapLibre reads its `locale` option once, at
 * construction, and maplibre-gl 6 has no public `setLocale` (only the internal `map._locale`
 * table, read when a control draws a title). So the map views pass `mapLocale(lang)` to the
 * constructor, and on a language switch `relabelMap` swaps the table and re-titles the elements
 * MapLibre already titled from the old one.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../data/catalog';
import { mapControlsEn, mapControlsId } from '../i18n/modules/map-controls';

const tables: Record<Lang, Record<string, string>> = { id: mapControlsId, en: mapControlsEn };

/** The `locale` option of a MapLibre map for `lang` (every string id MapLibre knows). */
export function mapLocale(lang: Lang): Record<string, string> {
  return { ...tables[lang] };
}

/** The attributes MapLibre fills from its locale table (button tooltips and accessible names). */
const TITLED = ['title', 'aria-label'] as const;

/**
 * Puts `lang` into a map built earlier: later titles (scale units, popups) come from the new
 * table, and every title or aria-label inside the map that holds an old text gets the new one.
 */
export function relabelMap(map: MapLibreMap, lang: Lang): void {
  const internal = map as unknown as { _locale: Record<string, string> };
  const before = internal._locale;
  const after = { ...before, ...tables[lang] };
  internal._locale = after;
  const replacements = new Map<string, string>();
  for (const [key, text] of Object.entries(before)) if (after[key] !== text) replacements.set(text, after[key]);
  for (const element of map.getContainer().querySelectorAll<HTMLElement>('[title], [aria-label]')) {
    for (const attribute of TITLED) {
      const next = replacements.get(element.getAttribute(attribute) ?? '');
      if (next !== undefined) element.setAttribute(attribute, next);
    }
  }
  // The scale's unit is rewritten from the table on every move; its metric units read the same
  // in both languages, so nothing needs redrawing now.
}
