/**
 * The colours the map of all of Indonesia shows, pixel by pixel: every desa is drawn by the
 * colour layer from a code in its fill (src/map/national-colour-layer.ts), so a pixel that is not
 * the sea, a legend colour or the no-data grey is a code the layer failed to replace, or a wrong
 * colour. Read from the map's canvas or from an exported PNG.
 */
import type { Page } from '@playwright/test';

/** Pixel count of each colour (#rrggbb) in the PNG at `dataUrl`, or on the national map's canvas. */
export function pixelColours(page: Page, dataUrl?: string): Promise<Map<string, number>> {
  return page
    .evaluate(async (url) => {
      const { nationalMap: map } = (window as unknown as { __pkk: { nationalMap: import('maplibre-gl').Map } }).__pkk;
      const image = new Image();
      image.src = url ?? map.getCanvas().toDataURL('image/png');
      await image.decode();
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [image.naturalWidth, image.naturalHeight];
      const context = copy.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      const counts: Record<number, number> = {};
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return Object.entries(counts).map(([key, n]) => [`#${Number(key).toString(16).padStart(6, '0')}`, n] as [string, number]);
    }, dataUrl)
    .then((entries) => new Map(entries));
}

/** The swatch colours of a legend list, as #rrggbb. */
export async function swatchColours(page: Page, testid: string): Promise<string[]> {
  const css = await page
    .getByTestId(testid)
    .locator('.swatch')
    .evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
  return css.map((c) => {
    const [r, g, b] = c.match(/\d+/g)!.map(Number);
    return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  });
}

/** Colours drawn that are none of `allowed` (#rrggbb, lower case), with their pixel counts. */
export function foreignColours(colours: Map<string, number>, allowed: readonly string[]): [string, number][] {
  const ok = new Set(allowed.map((c) => c.toLowerCase()));
  return [...colours].filter(([c]) => !ok.has(c));
}
