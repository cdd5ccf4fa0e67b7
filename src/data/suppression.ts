/**
 * Small-count suppression for everything derived from household records (map, tooltips,
 * exports). A count of 1 to threshold - 1 households could point at a family, so it is shown as
 * "<threshold" (e.g. "<5"). Zero is shown as 0: it says no household has the trait, which
 * discloses nothing about a person, and hiding it would blank most cells of a sparse table (the
 * usual statistical-disclosure-control practice of BPS and Eurostat). Null (unknown) stays null.
 *
 * Counts are suppressed where they are shown, not where they are computed: analysis needs the
 * true numbers, only what leaves the analysis is protected.
 */

/** Default threshold: counts below 5 households are hidden. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Checks a threshold: an integer >= 1 (1 means nothing is suppressed). */
function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`the suppression threshold must be an integer >= 1, got ${threshold}`);
  }
}

/** Whether a count must be hidden: 1 <= n < threshold. */
function hidden(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/**
 * A count as it may be shown.
 * @returns `value` null and `suppressed` true for 1..threshold-1; the count itself otherwise
 *   (including 0); `value` null and `suppressed` false for an unknown count
 */
export function suppressCount(
  n: number | null,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): { value: number | null; suppressed: boolean } {
  checkThreshold(threshold);
  if (n === null || !Number.isFinite(n)) return { value: null, suppressed: false };
  return hidden(n, threshold) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/**
 * A count as text: "<5" when suppressed, `format(n)` otherwise, and `missing` for unknown.
 * @param format how to write a shown count (e.g. id-ID grouping: 1.234); defaults to String
 * @param missing text for an unknown count; defaults to an en dash as the rest of the app shows
 */
export function formatSuppressed(
  n: number | null,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
  format: (n: number) => string = String,
  missing = '–',
): string {
  const { value, suppressed } = suppressCount(n, threshold);
  if (suppressed) return `<${threshold}`;
  return value === null ? missing : format(value);
}

/**
 * A SQL expression (VARCHAR) that writes the count `expr` for export with the same rule:
 * NULL stays NULL, 0 is '0', 1..threshold-1 become '<threshold', larger counts their digits.
 * `expr` is inserted as SQL, so it must be a column name or expression the caller built, never
 * user text.
 */
export function suppressionSql(expr: string, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): string {
  checkThreshold(threshold);
  return (
    `CASE WHEN (${expr}) IS NULL THEN NULL ` +
    `WHEN (${expr}) > 0 AND (${expr}) < ${threshold} THEN '<${threshold}' ` +
    `ELSE CAST(CAST((${expr}) AS BIGINT) AS VARCHAR) END`
  );
}

/**
 * A share (or any ratio) whose numerator count is suppressed must be hidden too, or the count can
 * be recovered from share x denominator. Returns null when `numerator` is suppressed.
 */
export function suppressShare(
  share: number | null,
  numerator: number | null,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): number | null {
  return suppressCount(numerator, threshold).suppressed ? null : share;
}
