/**
 * The one entry point for tables: tells the format from the first bytes (and the extension) by
 * the registry (formats.ts), hands the file to that format's reader (loaded from the registry),
 * refuses what the browser cannot hold, and reads the file in slices of a few MB so memory
 * stays bounded and progress follows the bytes. Runs in the import worker (and in Node).
 */
import { TaskCancelled } from '../task-cancelled';
import { SLICE_BYTES } from './delimited-file';
import { extensionOf, formatLabels, formatOfName, IMPORT_FORMATS, sniffFormat, tableReader, type TableFormatId } from './formats';
import { looksBinary } from './text';
import { ImportError, type ImportedTable, type TableReadOptions } from './types';
import type { ReadHooks } from './xlsx';

/** Largest file read: the worker holds the normalised CSV (about the file's size) and DuckDB a copy. */
export const MAX_TABLE_BYTES = 600 * 1024 * 1024;
export { SLICE_BYTES };

const MB = 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/**
 * Extensions of files that are certainly not tables, so the text fallback is not tried: the
 * registry's spatial formats and other documents people pick by mistake.
 */
const NOT_TABLES = new Set([
  ...IMPORT_FORMATS.filter((f) => f.kind === 'geo').flatMap((f) => f.extensions),
  ...['pdf', 'doc', 'docx', 'ods', 'odt', 'shp', 'gz', 'gpkg', 'kml', 'png', 'jpg', 'jpeg'],
]);

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
    const extension = extensionOf(name);
    const sniffed = sniffFormat(head, name, 'table');
    const claimed = formatOfName(name, 'table');
    let format: TableFormatId;
    if (startsWith(head, OLE)) throw new ImportError('importTable.oldExcel', { file: name });
    // An OpenDocument spreadsheet is a ZIP too, but not a workbook the xlsx reader knows.
    if (sniffed && !(sniffed.id === 'xlsx' && extension === 'ods')) format = sniffed.id as TableFormatId;
    else if (claimed?.invalidKey) throw new ImportError(claimed.invalidKey, { file: name });
    else if (extension === 'xls' && looksBinary(head.subarray(0, 65536))) throw new ImportError('importTable.oldExcel', { file: name });
    else if (NOT_TABLES.has(extension) || looksLikeMarkup(head)) throw new ImportError('importTable.unsupported', { file: name, formats: formatLabels('table') });
    else format = 'csv';
    const table = await (await tableReader(format))(file, name, head, options, hooks);
    onProgress?.(1);
    return table;
  } catch (error) {
    if (error instanceof ImportError || error instanceof TaskCancelled) throw error;
    // Reading a file that was moved or changed while read (NotReadableError, NotFoundError).
    if (error instanceof DOMException) throw new ImportError('importTable.readFailed', { file: name }, { cause: error });
    throw new ImportError('importTable.unexpected', { file: name, detail: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
}
