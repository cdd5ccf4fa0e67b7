/**
 * CSV and TSV files, the registry's text format (formats.ts): encoding, delimiter, then one
 * streaming pass in slices of a few MB; an all-ASCII start that turns out not to be UTF-8 is
 * read again once as Windows-1252.
 */
import { DelimitedParser, sniffDelimiter } from './delimited';
import { TableSink } from './table-sink';
import { InvalidUtf8, TextChunkDecoder, countLineFeeds, detectEncoding, hasUtf16Bom, looksBinary } from './text';
import { ImportError, type ImportedTable, type TableReadOptions, type TextEncoding } from './types';
import type { ReadHooks } from './xlsx';

/** Bytes read per slice. */
export const SLICE_BYTES = 4 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** CSV and TSV: encoding, delimiter, then one streaming pass; retried once as Windows-1252. */
export async function readDelimitedFile(file: Blob, name: string, head: Uint8Array, options: TableReadOptions, hooks: ReadHooks): Promise<ImportedTable> {
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
