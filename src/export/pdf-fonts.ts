/**
 * The fonts every PDF and PNG export embeds: Noto Sans regular and bold (the page's own face) and
 * the symbols Noto's latin subset lacks (≤ ≥ →, src/export/fonts). They are bundled as data into
 * the export code, which loads only when someone exports, so an export reaches no network (it
 * works offline once that code is loaded) and the UI fetches nothing (the one-door rule).
 */
import regularData from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?inline';
import boldData from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?inline';
import symbolsData from './fonts/symbols-fallback.ttf?inline';
import type { PdfFonts } from './map-layout';

/** The bytes of a base64 `data:` URL, as the bundler inlines a file. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || !url.slice(0, comma).endsWith(';base64')) throw new Error(`Not a base64 data URL: ${url.slice(0, 40)}`);
  const text = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

let decoded: PdfFonts | null = null;

/** The export fonts' bytes (decoded once). */
export function pdfFonts(): PdfFonts {
  decoded ??= { regular: dataUrlBytes(regularData), bold: dataUrlBytes(boldData), fallbacks: [dataUrlBytes(symbolsData)] };
  return decoded;
}
