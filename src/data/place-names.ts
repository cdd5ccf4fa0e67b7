/**
 * Kelurahan and kecamatan names reduced to a form that compares equal however a table wrote
 * them: "Kel. Kemlayan", "KEMLAYAN " and "Kemlayan" all become "kemlayan"; "Ps. Kliwon" and
 * "Pasar Kliwon" become "pasarkliwon", as does the boundary file's "Pasarkliwon"; the old
 * (pre-1972) spelling "Djebres" becomes "jebres". The form is for comparing, never for showing.
 */

/** Which kind of name: each has its own administrative prefixes to drop. */
export type PlaceKind = 'kelurahan' | 'kecamatan';

/** Words that only say what kind of place follows ("Kel. Jebres", "Desa/Kelurahan Mojo"). */
const PREFIXES: Record<PlaceKind, ReadonlySet<string>> = {
  kelurahan: new Set(['kel', 'kelurahan', 'desa', 'ds', 'kelurahandesa', 'desakelurahan']),
  kecamatan: new Set(['kec', 'kecamatan', 'kapanewon', 'distrik']),
};

/**
 * Abbreviations that stand for a word of the name itself (unlike the prefixes above, they are
 * kept, written out): "Ps. Kliwon" is Pasar Kliwon, "Kp. Baru" is Kampung Baru, "Tg. Balai"
 * is Tanjung Balai.
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ps', 'pasar'],
  ['psr', 'pasar'],
  ['kp', 'kampung'],
  ['kpg', 'kampung'],
  ['kmp', 'kampung'],
  ['tg', 'tanjung'],
  ['tj', 'tanjung'],
  ['tjg', 'tanjung'],
  ['kb', 'kebon'],
]);

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
    const spelled = ABBREVIATIONS.get(token) ?? token;
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
 * administrative prefixes (Kel., Kelurahan, Desa, Ds.; Kec., Kecamatan) dropped, Ps./Kp./Tg.
 * written out, trailing Roman numerals as digits, old spelling modernised. "Kampung" is never
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
