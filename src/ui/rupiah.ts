/**
 * Rupiah amounts as an Indonesian office types them: "2.000.000.000", "Rp 2.000.000.000,00",
 * "2 000 000 000", plain digits, or in words: "2 miliar", "2,5 M", "750 juta", "1 triliun". A browser's number field read "2.000.000.000" as 2 and
 * allocated Rp0 without a word; this reads the dots as thousands separators and refuses what it
 * cannot read, so the field can say so instead of silently using another amount.
 */

/** Groups of three digits after the first, separated by dots or spaces, then optional ",00". */
const GROUPED = /^\d{1,3}([.\s]\d{3})+(,0+)?$/;
const PLAIN = /^\d+(,0+)?$/;

/** Scale words and their short forms (jt, M, T as on budget sheets); "rb"/"ribu" too. */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['ribu', 1e3],
  ['rb', 1e3],
  ['juta', 1e6],
  ['jt', 1e6],
  ['miliar', 1e9],
  ['milyar', 1e9],
  ['m', 1e9],
  ['triliun', 1e12],
  ['t', 1e12],
]);
/** A number with a decimal comma (or dot) followed by a scale word: "2,5 miliar", "750 jt". */
const SCALED = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?$/i;

/** The whole-rupiah amount written in `text`, or null when it is not one. */
export function parseRupiah(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\u00a0/g, ' ');
  const scaled = SCALED.exec(cleaned);
  if (scaled) {
    const scale = SCALES.get(scaled[2].toLowerCase());
    if (scale === undefined) return null;
    const value = Math.round(Number(scaled[1].replace(',', '.')) * scale);
    return Number.isSafeInteger(value) ? value : null;
  }
  if (!GROUPED.test(cleaned) && !PLAIN.test(cleaned)) return null;
  const value = Number(cleaned.replace(/,0+$/, '').replace(/[.\s]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** An amount as the field shows it: id-ID thousands separators, no currency sign. */
export function formatRupiah(value: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(value);
}
