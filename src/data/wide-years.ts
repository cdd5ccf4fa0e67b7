/**
 * Wide tables by year: BPS and dinas tables usually put one indicator in several columns, one
 * per year (`t_2016 … t_2019`, `2016`, `Tahun 2016`, `2016 (jiwa)`, `th2020`). Read as they are,
 * they become unrelated indicators and the trend, change map and year picker see one year each.
 * This module finds such groups from the headers alone; the import dialog offers each group as
 * one indicator over years, and `applyIndicatorTable` unpivots it in SQL.
 */

/** One column of a wide group and the year its header names. */
export interface YearColumn {
  column: string;
  tahun: number;
}

/** Number columns whose headers differ only by a year. */
export interface YearGroup {
  /** What the headers share, as a label ("Jumlah penduduk"), or null when they share only a year word. */
  label: string | null;
  /** A unit written in brackets after the year ("2016 (jiwa)"), or null. */
  unit: string | null;
  /** Ordered by year. */
  columns: YearColumn[];
}

// A year stands alone: no digit on either side, so codes (3372012016) and "per 1000" never count.
const YEAR = /(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])/g;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
// Words that only say "year" next to the year itself (t_2016, th2020, Tahun 2016, thn. 2017).
const YEAR_WORD_BEFORE = /(^|[\s_.(-])(?:tahun|thn|th|t|tah|year|yr)[\s_.-]*$/i;
const SEPARATORS = /^[\s_.\-:,;/]+|[\s_.\-:,;/]+$/g;

/** The header's only year, with the text before and after it; null when it names none or several. */
function splitYear(header: string): { tahun: number; before: string; after: string } | null {
  const found = [...header.matchAll(YEAR)];
  if (found.length !== 1) return null;
  const tahun = Number(found[0][1]);
  if (tahun < FIRST_YEAR || tahun > LAST_YEAR) return null;
  const at = found[0].index!;
  return { tahun, before: header.slice(0, at), after: header.slice(at + 4) };
}

/** The header with its year blanked, compared without case or repeated spaces. */
function stemOf(parts: { before: string; after: string }): string {
  return `${parts.before}\u0000${parts.after}`.toLowerCase().replace(/\s+/g, ' ').trim();
}

function labelAndUnit(parts: { before: string; after: string }): { label: string | null; unit: string | null } {
  const before = parts.before.replace(YEAR_WORD_BEFORE, '$1');
  let after = parts.after;
  let unit: string | null = null;
  const bracket = /^\s*\(([^()]+)\)\s*$/.exec(after);
  if (bracket) {
    unit = bracket[1].trim();
    after = '';
  }
  const label = `${before} ${after}`.replace(/\s+/g, ' ').replace(SEPARATORS, '').trim();
  return { label: label || null, unit };
}

/**
 * Groups of number columns named by years. A group needs at least two different years and the
 * same header around them ("Jumlah 2019" alone stays an indicator of its own; "Jumlah 2019" and
 * "Penduduk 2020" are two different things). Columns in no group are left out.
 */
export function findYearGroups(columns: readonly { name: string; type: string }[]): YearGroup[] {
  const byStem = new Map<string, { parts: { before: string; after: string }; columns: YearColumn[] }>();
  for (const column of columns) {
    if (column.type !== 'number') continue;
    const parts = splitYear(column.name);
    if (!parts) continue;
    const stem = stemOf(parts);
    const group = byStem.get(stem) ?? { parts, columns: [] };
    group.columns.push({ column: column.name, tahun: parts.tahun });
    byStem.set(stem, group);
  }
  const groups: YearGroup[] = [];
  for (const { parts, columns: members } of byStem.values()) {
    const years = new Set(members.map((m) => m.tahun));
    // Two columns for one year cannot be told apart: better unrelated than silently one of them.
    if (years.size < 2 || years.size !== members.length) continue;
    groups.push({ ...labelAndUnit(parts), columns: [...members].sort((a, b) => a.tahun - b.tahun) });
  }
  return groups;
}

/** "2016–2019" for a group's years. */
export function yearRange(columns: readonly YearColumn[]): string {
  const years = columns.map((c) => c.tahun);
  return `${Math.min(...years)}–${Math.max(...years)}`;
}
