/**
 * What the first and last bytes of a household file say before DuckDB reads all of it: its
 * format (CSV or Parquet), a CSV's encoding and delimiter, and whether it is empty, not a table,
 * or cut off. A province's register takes minutes to read; a file that cannot be aggregated is
 * refused in milliseconds instead, with the import's own messages (Bahasa Indonesia and
 * English). Engine-agnostic: the command line reads the bytes with node:fs, the browser with
 * File.slice.
 */
import { sniffDelimiter } from './importers/delimited';
import { extensionOf, sniffFormat } from './importers/formats';
import { detectEncoding, hasUtf16Bom, looksBinary, TextChunkDecoder } from './importers/text';
import { ImportError, type TextEncoding } from './importers/types';
import type { HouseholdSource } from './household-read-sql';

/** Bytes of the start and of the end of a file that these checks read. */
export const HEAD_BYTES = 64 * 1024;
export const TAIL_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** How one file is to be read, from its first bytes. */
export interface HouseholdFileFacts {
  format: HouseholdSource['format'];
  /** CSV: the file's encoding (DuckDB reads a Windows-1252 file from a UTF-8 copy: importers/windows-1252-utf8.ts). */
  encoding?: TextEncoding;
  delimiter?: string;
  /** CSV: cells in the header line, to compare the last line with. */
  headerCells?: number;
}

/**
 * The format, encoding and delimiter of a household file from its first bytes.
 * @throws ImportError for an empty file, an Excel workbook, a UTF-16 text, or bytes that are no table
 */
export function inspectHouseholdHead(head: Uint8Array, name: string, size: number): HouseholdFileFacts {
  if (size === 0) throw new ImportError('importTable.empty', { file: name });
  if (startsWith(head, PARQUET_MAGIC)) return { format: 'parquet' };
  if (startsWith(head, OLE)) throw new ImportError('importTable.oldExcel', { file: name });
  const sniffed = sniffFormat(head, name, 'table');
  if (sniffed?.id === 'xlsx') throw new ImportError('householdRead.excel', { file: name });
  if (hasUtf16Bom(head)) throw new ImportError('importTable.utf16', { file: name });
  if (looksBinary(head) || (sniffed === undefined && extensionOf(name) === 'parquet')) throw new ImportError('importTable.binary', { file: name });
  const { encoding, bomLength } = detectEncoding(head, name, head.length >= size);
  const text = new TextChunkDecoder(encoding, bomLength).decode(head, head.length >= size);
  if (text.trim() === '') throw new ImportError('importTable.empty', { file: name });
  const delimiter = sniffDelimiter(text);
  const header = firstLine(text);
  return { format: 'csv', encoding, delimiter, headerCells: cellCount(header, delimiter) };
}

/**
 * Checks the end of a file read by inspectHouseholdHead: a Parquet file must end with its
 * footer's mark, and a CSV's last line must have as many cells as its header (a copy cut off
 * in the middle of a row does not).
 * @throws ImportError `householdRead.truncated` when the file is cut off
 */
export function checkHouseholdTail(tail: Uint8Array, name: string, facts: HouseholdFileFacts): void {
  if (facts.format === 'parquet') {
    if (!startsWith(tail.subarray(tail.length - 4), PARQUET_MAGIC)) throw new ImportError('householdRead.truncated', { file: name });
    return;
  }
  if (facts.delimiter === undefined || facts.headerCells === undefined) return;
  // Latin-1 never fails to decode; a UTF-8 tail may start inside a character, which is harmless here.
  const text = new TextDecoder(facts.encoding === 'utf-8' ? 'utf-8' : 'latin1').decode(tail);
  const lines = text.split(/\r\n|\n|\r/);
  let last = lines.pop() ?? '';
  while (last.trim() === '' && lines.length > 0) last = lines.pop() ?? '';
  // The tail's first line may be a fragment; a file of one line has only its header.
  if (lines.length === 0 && tail.length >= TAIL_BYTES) return;
  // An odd number of quotes: the line may end a cell that spans lines, so it cannot be judged
  // alone; DuckDB's strict reading still refuses a cut-off quote at the end.
  if (unbalancedQuotes(last)) return;
  if (cellCount(last, facts.delimiter) < facts.headerCells) throw new ImportError('householdRead.truncated', { file: name });
}

/** The first line of a text, without its line break. */
function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Cells of one line split by `delimiter`, quotes respected. */
function cellCount(line: string, delimiter: string): number {
  let cells = 1;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) cells++;
  }
  return cells;
}

/** Whether a line ends inside a quoted cell (an odd number of quotes). */
function unbalancedQuotes(line: string): boolean {
  let quotes = 0;
  for (const ch of line) if (ch === '"') quotes++;
  return quotes % 2 === 1;
}
