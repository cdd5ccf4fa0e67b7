import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapLocale } from '../../../src/map/locale';

/** The string ids of the installed maplibre-gl's default (English) table, read from its source. */
function maplibreKeys(): string[] {
  const pkg = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
  const source = readFileSync(join(dirname(pkg), 'src/ui/default_locale.ts'), 'utf8');
  return [...source.matchAll(/'([A-Za-z]+\.[A-Za-z]+)':/g)].map((m) => m[1]);
}

describe('MapLibre locale', () => {
  const keys = maplibreKeys();

  it('reads the control ids of the installed maplibre-gl (zoom, scale and attribution among them)', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'NavigationControl.ZoomIn',
        'NavigationControl.ZoomOut',
        'NavigationControl.ResetBearing',
        'ScaleControl.Meters',
        'ScaleControl.Kilometers',
        'AttributionControl.ToggleAttribution',
        'AttributionControl.MapFeedback',
      ]),
    );
  });

  it.each(['id', 'en'] as const)('gives a non-empty %s text for every id MapLibre knows, and no other', (lang) => {
    const locale = mapLocale(lang);
    expect(Object.keys(locale).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(locale[key].trim()).not.toBe('');
  });

  it('writes the zoom buttons and the attribution in Bahasa Indonesia, in English in English', () => {
    const id = mapLocale('id');
    const en = mapLocale('en');
    expect(id['NavigationControl.ZoomIn']).toBe('Perbesar');
    expect(id['NavigationControl.ZoomOut']).toBe('Perkecil');
    expect(en['NavigationControl.ZoomIn']).toBe('Zoom in');
    expect(en['NavigationControl.ZoomOut']).toBe('Zoom out');
    // Every sentence MapLibre shows differs between the languages; only unit symbols may agree.
    const same = keys.filter((key) => id[key] === en[key]);
    expect(same.every((key) => key.startsWith('ScaleControl.'))).toBe(true);
  });

  it('hands out a copy, so a map patching its table cannot change the next map', () => {
    mapLocale('id')['NavigationControl.ZoomIn'] = 'x';
    expect(mapLocale('id')['NavigationControl.ZoomIn']).toBe('Perbesar');
  });
});
