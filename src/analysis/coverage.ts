/**
 * Program coverage (beneficiaries over eligible) per kelurahan, and the 3×3 bivariate classes of
 * need against coverage that show where a program misses the people it is meant for.
 */
import { classIndex, quantileBreaks } from './classify';

/** Beneficiaries (penerima) and eligible (sasaran) of one kelurahan, summed over the chosen programs. */
export interface CoverageInput {
  kode: string;
  beneficiaries: number | null;
  eligible: number | null;
}

export interface CoverageRow extends CoverageInput {
  /** beneficiaries / eligible; null when either is missing or eligible is 0. Values above 1 are kept (see `overCovered`). */
  coverage: number | null;
  /** Eligible people not reached: max(eligible − beneficiaries, 0); null when either is missing. */
  gap: number | null;
  /**
   * More beneficiaries than eligible: an inclusion error (people still paid after leaving the
   * eligible group) or an outdated eligible count. Kept, not capped, so the map can flag it.
   */
  overCovered: boolean;
}

/** Coverage and gap per kelurahan, in the order given. */
export function coverage(rows: CoverageInput[]): CoverageRow[] {
  return rows.map((row) => {
    const { beneficiaries: b, eligible: e } = row;
    const known = b !== null && e !== null && Number.isFinite(b) && Number.isFinite(e);
    const share = known && e > 0 ? b / e : null;
    return {
      ...row,
      coverage: share,
      gap: known ? Math.max(e - b, 0) : null,
      overCovered: share !== null && share > 1,
    };
  });
}

/** The cell of a kelurahan: 0 = low, 1 = middle, 2 = high on each axis. */
export interface BivariateClass {
  needClass: 0 | 1 | 2;
  coverageClass: 0 | 1 | 2;
}

export interface BivariateResult {
  /** Per unit, in input order; null when need or coverage is missing. */
  classes: (BivariateClass | null)[];
  /** Tertile breaks [min, t1, t2, max] of each axis (fewer when an axis has at most 3 distinct values). */
  needBreaks: number[];
  coverageBreaks: number[];
}

function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Splits need and coverage into tertiles and crosses them. The breaks of each axis are R
 * classInt's `classIntervals(x, 3, style = "quantile")`, i.e. quantile(x, c(0, 1/3, 2/3, 1),
 * type = 7), computed over the units that have BOTH values (so both axes describe the same
 * kelurahan); a value falls in [b0, b1), [b1, b2) or [b2, b3], as classInt's findInterval does.
 * When an axis has 3 distinct values or fewer, classInt's rule of one class per value applies
 * (breaks halfway between them), so its classes may be only 0 and 1, or only 0.
 *
 * One deliberate difference from findInterval: when ties repeat a break (e.g. many kelurahan
 * with coverage 0, breaks [0, 0, 0.4, 0.9]), a value equal to the repeated break goes to the
 * LOWEST class that break bounds, so kelurahan no program reaches stay "low coverage" instead of
 * jumping to the middle or high class.
 */
export function bivariateClasses(need: (number | null)[], coverageValues: (number | null)[], options: { breaks?: 'tertile' } = {}): BivariateResult {
  void options; // tertiles are the only scheme for now; the option keeps the call site stable
  if (need.length !== coverageValues.length) throw new Error('need and coverage must have one value per unit');
  const paired = need.map((n, i) => finite(n) && finite(coverageValues[i]));
  const needBreaks = quantileBreaks(
    need.filter((_, i) => paired[i]),
    3,
  );
  const coverageBreaks = quantileBreaks(
    coverageValues.filter((_, i) => paired[i]),
    3,
  );
  const classOf = (value: number, breaks: number[]) => {
    const first = breaks.indexOf(value);
    const repeated = first >= 0 && breaks.lastIndexOf(value) > first;
    const index = repeated ? Math.min(first, breaks.length - 2) : classIndex(value, breaks);
    return Math.max(0, Math.min(2, index)) as 0 | 1 | 2;
  };
  const classes = need.map((n, i) => (paired[i] ? { needClass: classOf(n as number, needBreaks), coverageClass: classOf(coverageValues[i] as number, coverageBreaks) } : null));
  return { classes, needBreaks, coverageBreaks };
}

/** Message keys of the nine cells, indexed [needClass][coverageClass] (texts in src/i18n/modules/coverage.ts). */
export const BIVARIATE_LABELS = [
  ['coverage.bivariate.lowNeedLowCoverage', 'coverage.bivariate.lowNeedMidCoverage', 'coverage.bivariate.lowNeedHighCoverage'],
  ['coverage.bivariate.midNeedLowCoverage', 'coverage.bivariate.midNeedMidCoverage', 'coverage.bivariate.midNeedHighCoverage'],
  ['coverage.bivariate.highNeedLowCoverage', 'coverage.bivariate.highNeedMidCoverage', 'coverage.bivariate.highNeedHighCoverage'],
] as const;

export type BivariateLabelKey = (typeof BIVARIATE_LABELS)[number][number];

/**
 * Colours of the nine cells, indexed [needClass][coverageClass]. Built with Joshua Stevens's
 * method for bivariate choropleths (two 3-step ramps combined by multiply blending), but with
 * our own ramps, because his blue–pink scheme confuses cells under protanopia and deuteranopia
 * (CIELAB ΔE 4.5 between its two lightest cells in a Machado 2009 simulation). Need runs from
 * grey to orange (#f2f2f2, #fdd0a2, #fd8d3c); the coverage GAP (low coverage) from grey to blue
 * and purple (#f2f2f2, #92c5de, #5e3c99). Both axes lie mostly on the blue–yellow direction that
 * red–green colour-blind readers keep, and the ramp pair was picked among ColorBrewer steps to
 * maximise the smallest ΔE between cells under normal vision, protanopia, deuteranopia and
 * tritanopia (≥ 19, checked in tests/unit/analysis/coverage.test.ts). "High need, low coverage"
 * is the darkest cell (dark red-brown) for every one of these, so it stands out first.
 */
export const BIVARIATE_COLORS = [
  ['#593991', '#8bbbd3', '#e6e6e6'],
  ['#5d3161', '#91a18d', '#f0c59a'],
  ['#5d2124', '#916d34', '#f08639'],
] as const;
