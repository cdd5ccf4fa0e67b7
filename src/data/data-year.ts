/**
 * The year a table's figures belong to, when no column says it. Office spreadsheets name it in
 * the sheet ("RTLH 2024"), in a title row above the header ("Data Rumah Tidak Layak Huni Kota
 * Surakarta Tahun 2024") or in the file name (rtlh_surakarta_2024.xlsx). Left unread, a 2024
 * table is stored under the app's year: a wrong value on a right-looking map. So the import
 * proposes the year these places agree on and says where it read it; when they name different
 * years ("2023" and "Tahun 2024", or "2020-2024") it proposes nothing and the dialog names them
 * all, so the user chooses.
 */

/** Where a year was read, in order of trust. */
export type YearPlace = 'sheet' | 'title' | 'file';

/** A place that names one or more years. */
export interface YearClue {
  place: YearPlace;
  /** The text as the user knows it, to quote in the dialog (a long title cut around its year). */
  text: string;
  /** The plausible years it names, distinct, in reading order. */
  years: number[];
}

export interface DataYearReading {
  /** The one year every clue names; null when none names a year or they name different ones. */
  year: number | null;
  /** Every place naming a year, most trusted first: the sheet, the title rows top down, the file name. */
  clues: YearClue[];
}

/** Where the places are: an ImportedTable has them. */
export interface YearPlaces {
  sheet: string | null;
  titles: readonly string[];
  file: string;
}

const FIRST_YEAR = 2000;
const QUOTE_LENGTH = 80;
// A year stands alone: no digit beside it, and not part of a decimal or a dotted code
// (3372, 2024001, 33.72.01.2001 and 1.2024 are not years).
const YEAR = /(?<![0-9]|[0-9][.,])[0-9]{4}(?![0-9]|[.,][0-9])/g;
// Whole dates (2025-01-15, 15/01/2025) are when a file was printed or exported, not what year its
// figures are for; a year with a month written out ("Januari 2024", "31 Desember 2024") counts.
const NUMERIC_DATE = /(?<![0-9])(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})(?![0-9])/g;

/**
 * The years a text names, from `FIRST_YEAR` to the year after `currentYear` (data are planned a
 * year ahead); the index of the first one, for quoting.
 */
function yearsIn(text: string, currentYear: number): { years: number[]; at: number } {
  const plain = text.replace(NUMERIC_DATE, (date) => ' '.repeat(date.length));
  const years: number[] = [];
  let at = -1;
  for (const match of plain.matchAll(YEAR)) {
    const year = Number(match[0]);
    if (year < FIRST_YEAR || year > currentYear + 1) continue;
    if (at < 0) at = match.index;
    if (!years.includes(year)) years.push(year);
  }
  return { years, at };
}

/** At most QUOTE_LENGTH characters of `text`, keeping the year at `at` in view. */
function quote(text: string, at: number): string {
  if (text.length <= QUOTE_LENGTH) return text;
  const start = Math.max(0, Math.min(at - QUOTE_LENGTH / 2, text.length - QUOTE_LENGTH));
  const end = start + QUOTE_LENGTH;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * Reads the data year from a table's sheet name, title rows and file name. `currentYear` is the
 * calendar year (a year after the next one is not a data year but a code or a count).
 */
export function readDataYear(places: YearPlaces, currentYear: number): DataYearReading {
  const texts: [YearPlace, string][] = [];
  if (places.sheet) texts.push(['sheet', places.sheet]);
  for (const title of places.titles) texts.push(['title', title]);
  texts.push(['file', places.file]);
  const clues: YearClue[] = [];
  for (const [place, raw] of texts) {
    const text = raw.trim().replace(/\s+/g, ' ');
    const { years, at } = yearsIn(text, currentYear);
    if (years.length > 0) clues.push({ place, text: quote(text, at), years });
  }
  const distinct = new Set(clues.flatMap((c) => c.years));
  return { year: distinct.size === 1 ? clues[0].years[0] : null, clues };
}
