/**
 * What an imported number column measures: a count (added up into kecamatan and city totals), a
 * rate (%, per 1,000 people, per 100 households) or a score/index. A rate or a score is never
 * added up: "Balita stunting (%)" summed over 54 kelurahan once read "Seluruh Kota: 971%". The
 * guess here comes from the header and the cells' percent signs; the user confirms it.
 */

export type ColumnKind = 'count' | 'rate' | 'score';

export interface UnitGuess {
  kind: ColumnKind;
  /** The unit to pre-fill ("%", "per 1.000"), empty when nothing says. */
  unit: string;
  /** The multiplier of a rate: 100 for %, 1000 for per 1.000. */
  per: number;
}

const RATE_WORDS = new Set(['persen', 'persentase', 'prosentase', 'pct', 'percent', 'percentage', 'tingkat', 'rasio', 'ratio', 'rate', 'proporsi', 'prevalensi']);
const SCORE_WORDS = new Set(['indeks', 'index', 'skor', 'score', 'ipm', 'idm', 'rerata', 'average']);

/**
 * A density (people per km²) divides by an area, so it is a rate however it is written:
 * DKI's "KEPADATANJIWAKM2" is one run of letters, Satu Data's "population_density_per_km2" is
 * not. A bare "luas_km2" is an area, which adds up, so "km2" alone does not make a density.
 */
const DENSITY = /kepadatan|density|densitas|jiwa\W*(per\W*)?km/;
/** Growth written as a word or its stem ("pertumb", "laju pertumbuhan", "growth"): a rate. */
const GROWTH = /^(pertumb\w*|laju|growth)$/;

/** The header's words, lowercase, split at anything not a letter or digit (persen_miskin -> persen, miskin). */
function wordsOf(header: string): string[] {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "per 1.000", "per 1000", "per 100 rt", "/1000" -> the multiplier; null when the header names none. */
function perOf(header: string): number | null {
  const match = /(?:\bper\s*|\/\s*)(1[0-9]{0,2}(?:[.,][0-9]{3})+|10+)\b/i.exec(header);
  if (!match) return /‰|permil/i.test(header) ? 1000 : null;
  const per = Number(match[1].replace(/[.,]/g, ''));
  return per >= 10 ? per : null;
}

/**
 * Guesses a column's kind from its header and whether most of its cells carried a `%`
 * (`ColumnProfile.percent`).
 */
export function guessColumnUnit(header: string, percentCells = false): UnitGuess {
  const words = wordsOf(header);
  if (header.includes('%') || percentCells || words.some((w) => w === 'persen' || w === 'persentase' || w === 'prosentase')) {
    return { kind: 'rate', unit: '%', per: 100 };
  }
  const per = perOf(header);
  if (per !== null) return { kind: 'rate', unit: `per ${per.toLocaleString('id-ID')}`, per };
  if (DENSITY.test(header.toLowerCase())) return { kind: 'rate', unit: 'per km²', per: 1 };
  if (words.some((w) => GROWTH.test(w))) return { kind: 'rate', unit: '%', per: 100 };
  if (words.some((w) => RATE_WORDS.has(w))) return { kind: 'rate', unit: '', per: 100 };
  if (words.some((w) => SCORE_WORDS.has(w)) || words.includes('rata')) return { kind: 'score', unit: '', per: 100 };
  return { kind: 'count', unit: '', per: 100 };
}
