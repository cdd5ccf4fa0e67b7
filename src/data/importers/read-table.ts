/**
 * The one entry point for tables: tells the format from the first bytes (and the extension),
 * refuses what the browser cannot hold, and reads the file in slices of a few MB so memory
 * stays bounded and progress follows the bytes. Runs in the import worker (and in Node).
 */
import { TaskCancelled } from '../task-cancelled';
import { DelimitedParser, sniffDelimiter } from './delimited';
import { readParquet } from './parquet';
import { TableSink } from './table-sink';
import { InvalidUtf8, TextChunkDecoder, countLineFeeds, detectEncoding, hasUtf16Bom, looksBinary } from './text';
import { ImportError, type ImportedTable, type TableReadOptions, type TextEncoding } from './types';
import { readXlsx, type ReadHooks } from './xlsx';

/** Largest file read: the worker holds the normalised CSV (about the file's size) and DuckDB a copy. */
export const MAX_TABLE_BYTES = 600 * 1024 * 1024;
/** Bytes read per slice. */
export const SLICE_BYTES = 4 * 1024 * 1024;

const MB = 1024 * 1024;
const ZIP = [0x50, 0x4b];
const PARQUET = [0x50, 0x41, 0x52, 0x31];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** Extensions of files that are certainly not tables we read, with the magic-less text path skipped. */
const NOT_TABLES = new Set(['pdf', 'doc', 'docx', 'ods', 'odt', 'json', 'geojson', 'shp', 'zip', 'gz', 'fgb', 'gpkg', 'kml', 'png', 'jpg', 'jpeg']);

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Whether the text starts like HTML or XML: reporting systems often save an HTML table (or
 * Excel 2003 XML) as .xls or .csv, which would otherwise read as a one-column table of tags.
 */
function looksLikeMarkup(head: Uint8Array): boolean {
  const start = new TextDecoder('utf-8').decode(head.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart().slice(0, 20).toLowerCase();
  return /^<(!doctype|html|head|body|table|\?xml)\b/.test(start);
}

/**
 * Reads a CSV/TSV, Excel (.xlsx) or Parquet file into an ImportedTable. Throws ImportError for
 * anything the user can fix (message keys `importTable.*`) and TaskCancelled when `signal` aborts.
 */
export async function readTable(
  file: Blob & { name?: string },
  options: TableReadOptions = {},
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ImportedTable> {
  const name = file.name ?? 'tabel';
  try {
    if (file.size === 0) throw new ImportError('importTable.empty', { file: name });
    if (file.size > MAX_TABLE_BYTES) {
      throw new ImportError('importTable.tooLarge', { file: name, sizeMb: Math.ceil(file.size / MB), limitMb: MAX_TABLE_BYTES / MB });
    }
    let last = 0;
    const hooks: ReadHooks = {
      onProgress: (fraction) => {
        // Monotonic, even when a reader starts over (a re-read in another encoding).
        if (fraction > last) onProgress?.((last = Math.min(1, fraction)));
      },
      between: () => {
        if (signal?.aborted) throw new TaskCancelled();
      },
    };
    hooks.between!();
    const head = new Uint8Array(await file.slice(0, Math.min(file.size, SLICE_BYTES)).arrayBuffer());
    const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
    let table: ImportedTable;
    if (startsWith(head, OLE)) throw new ImportError('importTable.oldExcel', { file: name });
    if (startsWith(head, PARQUET)) table = await readParquet(file, name, options, hooks);
    else if (startsWith(head, ZIP) && extension !== 'ods') table = await readXlsx(file, name, options, hooks);
    else if (extension === 'xlsx' || extension === 'xlsm') throw new ImportError('importTable.xlsxInvalid', { file: name });
    else if (extension === 'parquet') throw new ImportError('importTable.parquetInvalid', { file: name });
    else if (extension === 'xls' && looksBinary(head.subarray(0, 65536))) throw new ImportError('importTable.oldExcel', { file: name });
    else if (NOT_TABLES.has(extension) || looksLikeMarkup(head)) throw new ImportError('importTable.unsupported', { file: name });
    else table = await readDelimitedFile(file, name, head, options, hooks);
    onProgress?.(1);
    return table;
  } catch (error) {
    if (error instanceof ImportError || error instanceof TaskCancelled) throw error;
    // Reading a file that was moved or changed while read (NotReadableError, NotFoundError).
    if (error instanceof DOMException) throw new ImportError('importTable.readFailed', { file: name }, { cause: error });
    throw new ImportError('importTable.unexpected', { file: name, detail: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
}

/** CSV and TSV: encoding, delimiter, then one streaming pass; retried once as Windows-1252. */
async function readDelimitedFile(file: Blob, name: string, head: Uint8Array, options: TableReadOptions, hooks: ReadHooks): Promise<ImportedTable> {
  if (hasUtf16Bom(head)) throw new ImportError('importTable.utf16', { file: name });
  if (looksBinary(head.subarray(0, 65536))) throw new ImportError('importTable.binary', { file: name });
  const guess = options.encoding ? { encoding: options.encoding, bomLength: options.encoding === 'utf-8' && startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0 } : detectEncoding(head, name, head.length === file.size);
  try {
    return await readDelimited(file, name, head, guess.encoding, guess.bomLength, options, hooks);
  } catch (error) {
    // UTF-8 until then but only ASCII seen: the file is simply Windows-1252 (é after the first 4 MB).
    if (error instanceof InvalidUtf8 && !error.sawNonAscii && !options.encoding) {
      return readDelimited(file, name, head, 'windows-1252', 0, options, hooks);
    }
    throw error;
  }
}

async function readDelimited(
  file: Blob,
  name: string,
  head: Uint8Array,
  encoding: TextEncoding,
  bomLength: number,
  options: TableReadOptions,
  hooks: ReadHooks,
): Promise<ImportedTable> {
  const sniffDecoder = new TextChunkDecoder(encoding, bomLength);
  let sample: string;
  try {
    sample = sniffDecoder.decode(head.subarray(0, Math.min(head.length, 1 << 16)), false);
  } catch (error) {
    if (error instanceof InvalidUtf8) throw new ImportError('importTable.decodeFailed', { file: name, row: 1 + countLineFeeds(head, error.chunkOffset) });
    throw error;
  }
  const delimiter = options.delimiter ?? sniffDelimiter(sample);
  const sink = new TableSink({ file: name, headerRow: options.headerRow, fallbackFormat: 'id', strictWidth: true, capacityHint: file.size * 1.05 });
  const parser = new DelimitedParser(delimiter, (cells, line) => sink.add(cells, line));
  const decoder = new TextChunkDecoder(encoding, bomLength);
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const end = Math.min(file.size, at + SLICE_BYTES);
    const bytes = at === 0 ? head : new Uint8Array(await file.slice(at, end).arrayBuffer());
    let text: string;
    try {
      text = decoder.decode(bytes, end === file.size);
    } catch (error) {
      if (!(error instanceof InvalidUtf8)) throw error;
      // Only ASCII so far and nothing forced: the caller re-reads as Windows-1252.
      if (!error.sawNonAscii && !options.encoding) throw error;
      const row = parser.line + countLineFeeds(bytes, error.chunkOffset);
      throw new ImportError(options.encoding ? 'importTable.decodeFailed' : 'importTable.mixedEncoding', { file: name, row }, { cause: error });
    }
    parser.push(text);
    hooks.onProgress?.(end / file.size);
    hooks.between?.();
  }
  parser.end();
  const result = sink.finish();
  if (!result) throw new ImportError('importTable.empty', { file: name });
  return { file: name, format: 'csv', sheet: null, sheets: [], encoding, delimiter, ...result };
}
