/**
 * A join report CSV (written by join-report-csv.ts, in either language, possibly edited and
 * re-saved by Excel) read back as decisions: a kelurahan chosen by hand for a row, or a row
 * left out. So a report reviewed once, in the app or in a spreadsheet, can be applied again
 * to the same table by the command-line tool (`--mapping`), instead of deciding twice.
 */
import { messages } from '../i18n';
import { DelimitedParser, sniffDelimiter } from './importers/delimited';
import type { JoinKey, JoinReport } from './join';
import { normalizeKode } from './kode-wilayah';

/** One key line of the report, the cells as written. */
export interface ReportLine {
  /** 1-based line of the CSV, for messages. */
  line: number;
  row: number;
  kode: string;
  nama: string;
  kecamatan: string;
  tahun: number | null;
  result: string;
  matchedKode: string;
}

/** The file is not a join report: no header with the report's columns. */
export class JoinReportFormatError extends Error {
  override name = 'JoinReportFormatError';
}

type Column = 'row' | 'kode' | 'nama' | 'kecamatan' | 'tahun' | 'result' | 'matchedKode';
const COLUMNS: Column[] = ['row', 'kode', 'nama', 'kecamatan', 'tahun', 'result', 'matchedKode'];

/** Header text (either language, lower case) -> column. */
const HEADER = new Map<string, Column>(
  COLUMNS.flatMap((c) => Object.values(messages).map((m) => [m[`join.csv.${c}`].toLowerCase(), c] as [string, Column])),
);

/** "Chosen by hand" in either language, lower case. */
const MANUAL = new Set(Object.values(messages).map((m) => m['join.status.manual'].toLowerCase()));

/** Undoes the export's formula guard: a leading apostrophe before = + - @ tab or CR. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Parses the CSV text (BOM, `;` or `,`, CRLF) into its key lines; the lines of kelurahan without a row are skipped. */
export function parseJoinReportCsv(text: string): ReportLine[] {
  const body = text.replace(/^\ufeff/, '');
  const records: { cells: string[]; line: number }[] = [];
  const parser = new DelimitedParser(sniffDelimiter(body), (cells, line) => records.push({ cells, line }));
  parser.push(body);
  parser.end();
  const [header, ...rows] = records;
  const at = new Map<Column, number>();
  header?.cells.forEach((cell, i) => {
    const column = HEADER.get(cell.trim().toLowerCase());
    if (column && !at.has(column)) at.set(column, i);
  });
  const lacking = COLUMNS.filter((c) => !at.has(c));
  if (lacking.length > 0) {
    throw new JoinReportFormatError(`not a join report: the header lacks ${lacking.map((c) => `"${messages.en[`join.csv.${c}`]}"`).join(', ')}`);
  }
  const cell = (cells: string[], column: Column) => unguard(cells[at.get(column)!] ?? '');
  return rows.flatMap(({ cells, line }) => {
    const row = Number(cell(cells, 'row').trim());
    if (!Number.isInteger(row) || row < 1 || cell(cells, 'row').trim() === '') return [];
    const tahun = cell(cells, 'tahun').trim();
    return [{
      line,
      row,
      kode: cell(cells, 'kode'),
      nama: cell(cells, 'nama'),
      kecamatan: cell(cells, 'kecamatan'),
      tahun: tahun === '' ? null : Number(tahun),
      result: cell(cells, 'result'),
      matchedKode: cell(cells, 'matchedKode').trim(),
    }];
  });
}

/** A key as the report writes it, for finding a report line's key. */
function writtenKey(kode: string, nama: string, kecamatan: string, tahun: number | null): string {
  return JSON.stringify([kode, nama, kecamatan, tahun]);
}

/** The decisions a report holds for the keys of a table, and the report lines that match no key. */
export interface ReportDecisions {
  /** Per key index: the kode chosen by hand, or null to leave the key out (JoinDecisions.manual). */
  manual: Record<number, string | null>;
  unmatchedLines: ReportLine[];
}

/**
 * The hand decisions in report `lines` for `keys` (matched by code, name, kecamatan and year as
 * written): a line marked "chosen by hand", or whose kelurahan code differs from what the join
 * finds on its own (filled in for an unmatched row, changed, or emptied to leave the row out).
 * A line that repeats the join's own answer, a fuzzy suggestion included, decides nothing.
 */
export function reportDecisions(lines: ReportLine[], keys: JoinKey[], report: JoinReport): ReportDecisions {
  const byWritten = new Map(keys.map((k, i) => [writtenKey(k.kode === null ? '' : String(k.kode), k.nama ?? '', k.kecamatan ?? '', k.tahun), i]));
  const automatic = new Map(report.matched.map((m) => [m.key, m.kode]));
  const same = (a: string, b: string) => (normalizeKode(a) ?? a.trim()) === (normalizeKode(b) ?? b.trim());
  const manual: Record<number, string | null> = {};
  const unmatchedLines: ReportLine[] = [];
  for (const line of lines) {
    const key = byWritten.get(writtenKey(line.kode, line.nama, line.kecamatan, line.tahun));
    if (key === undefined) {
      unmatchedLines.push(line);
      continue;
    }
    const byHand = MANUAL.has(line.result.trim().toLowerCase());
    if (byHand || !same(line.matchedKode, automatic.get(key) ?? '')) manual[key] = line.matchedKode === '' ? null : line.matchedKode;
  }
  return { manual, unmatchedLines };
}
