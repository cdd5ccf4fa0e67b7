/**
 * Kelurahan, kecamatan and kab/kota names reduced to a form that compares equal however a table
 * wrote them: "Kel. Kemlayan", "KEMLAYAN " and "Kemlayan" all become "kemlayan"; "Ps. Kliwon" and
 * "Pasar Kliwon" become "pasarkliwon", as does the boundary file's "Pasarkliwon"; the old
 * (pre-1972) spelling "Djebres" becomes "jebres". The form is for comparing, never for showing.
 * Which abbreviations are understood is data, in place-abbreviations.ts.
 */
import { ABBREVIATION_OF, ADMINISTRATIVE_PREFIXES, type PlaceKind } from './place-abbreviations';

export type { PlaceKind } from './place-abbreviations';

const PREFIXES: Record<PlaceKind, ReadonlySet<string>> = {
  kelurahan: new Set(ADMINISTRATIVE_PREFIXES.kelurahan),
  kecamatan: new Set(ADMINISTRATIVE_PREFIXES.kecamatan),
  kabkota: new Set(ADMINISTRATIVE_PREFIXES.kabkota),
};

/** Roman numerals that number kelurahan of one name ("Tanjungbalai Kota II"). */
const ROMAN: ReadonlyMap<string, string> = new Map([
  ['i', '1'],
  ['ii', '2'],
  ['iii', '3'],
  ['iv', '4'],
  ['v', '5'],
  ['vi', '6'],
  ['vii', '7'],
  ['viii', '8'],
  ['ix', '9'],
  ['x', '10'],
]);

/**
 * The 1947/Van Ophuijsen spellings that survive in old registers, rewritten to today's
 * (EYD): oe → u, dj → j, tj → c, sj → sy. "nj" (now "ny") and "j" (now "y") are left alone
 * because today's spelling still uses them ("Banjarsari", "Jebres"); such names are caught by
 * the fuzzy match instead.
 */
function modernSpelling(word: string): string {
  return word.replace(/oe/g, 'u').replace(/dj/g, 'j').replace(/tj/g, 'c').replace(/sj/g, 'sy');
}

/** Lower-case words without accents, punctuation or spaces; tokens split at anything else. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function tidyWords(name: string, kind: PlaceKind, dropPrefix: boolean): string[] {
  const tokens = words(name);
  if (dropPrefix) {
    // Only while something remains: a kelurahan really called "Desa" keeps its name.
    while (tokens.length > 1 && PREFIXES[kind].has(tokens[0])) tokens.shift();
  }
  return tokens.map((token, i) => {
    const abbreviation = ABBREVIATION_OF.get(token);
    const fits = abbreviation && (abbreviation.position === 'lead' ? (tokens[i + 1]?.length ?? 0) >= 2 : i > 0);
    const spelled = fits ? abbreviation.word : token;
    return i > 0 && ROMAN.has(spelled) ? (ROMAN.get(spelled) as string) : spelled;
  });
}

/**
 * Words joined, then respelled: on the joined form, so that "Bukit Jaya" and "Bukitjaya"
 * (whose "tj" spans two words) are rewritten alike and still compare equal.
 */
function comparable(tokens: string[]): string {
  return modernSpelling(tokens.join(''));
}

/**
 * The comparable form of a place name: lower case, no accents, no spaces or punctuation,
 * administrative prefixes (Kel., Kelurahan, Desa, Ds.; Kec., Kecamatan; Kab., Kota, Adm.)
 * dropped, abbreviations (P. Pulau, Kep. Kepulauan, Utr Utara, Ps. Pasar, ...) written out,
 * trailing Roman numerals as digits, old spelling modernised. "Kampung" is never
 * dropped: "Kampung Baru" is a name, not a prefix.
 */
export function normalizeName(name: string | null | undefined, kind: PlaceKind = 'kelurahan'): string {
  if (!name) return '';
  return comparable(tidyWords(name, kind, true));
}

/**
 * The forms a name may be known by, most likely first: with the administrative prefix dropped
 * and, when that changes anything, kept ("Desa Baru" may be the kelurahan "Desabaru" as well
 * as a desa called "Baru"). Empty when the name is blank.
 */
export function nameForms(name: string | null | undefined, kind: PlaceKind = 'kelurahan'): string[] {
  if (!name) return [];
  const dropped = comparable(tidyWords(name, kind, true));
  const kept = comparable(tidyWords(name, kind, false));
  if (dropped === '') return [];
  return dropped === kept ? [dropped] : [dropped, kept];
}
